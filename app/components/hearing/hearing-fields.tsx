import type { hearingSchema } from "../../modules/hearing/schema.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import type { useZodForm } from "../forms.tsx";
import { Field, SelectField, TextareaField } from "../forms.tsx";

type Fields = ReturnType<typeof useZodForm<typeof hearingSchema>>[1];

/** What staff enter for a hearing or webinar, the same when adding one and editing it. */
export function HearingFields({ fields, timeZone }: { fields: Fields; timeZone: string }) {
  const { t } = usePageT();
  return (
    <>
      <SelectField
        label={t("staffHearing.fields.kind")}
        field={fields.kind}
        options={[
          { value: "hearing", label: t("hearing.kind.hearing") },
          { value: "webinar", label: t("hearing.kind.webinar") },
        ]}
      />
      <Field label={t("staffPeriod.fields.title")} field={fields.title} />
      <Field
        label={t("staffHearing.fields.titleEs")}
        field={fields.titleEs}
        hint={t("staffHearing.fields.spanishHint")}
        lang="es"
      />
      <Field
        label={t("staffHearing.fields.startsAt")}
        type="datetime-local"
        field={fields.startsAt}
        hint={t("staffHearing.fields.startsAtHint", { zone: timeZone })}
      />
      <Field label={t("staffHearing.fields.endsAt")} type="datetime-local" field={fields.endsAt} />
      <Field
        label={t("staffHearing.fields.place")}
        field={fields.place}
        hint={t("staffHearing.fields.placeHint")}
      />
      <Field
        label={t("staffHearing.fields.placeEs")}
        field={fields.placeEs}
        hint={t("staffHearing.fields.spanishHint")}
        lang="es"
      />
      <Field
        label={t("staffHearing.fields.link")}
        type="url"
        field={fields.link}
        hint={t("staffHearing.fields.linkHint")}
      />
      <Field
        label={t("staffHearing.fields.capacity")}
        type="number"
        field={fields.capacity}
        hint={t("staffHearing.fields.capacityHint")}
      />
      <TextareaField
        label={t("staffHearing.fields.teamRoles")}
        field={fields.teamRoles}
        rows={4}
        hint={t("staffHearing.fields.teamRolesHint")}
      />
    </>
  );
}
