import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { guestJoinSchema } from "../../modules/session/guest-schema.ts";
import { Button, CsrfInput, inputClass, useSayError, useZodForm } from "../forms.tsx";
import { StaffOption } from "../staff-text.tsx";
import { Label, Notice, Text } from "../ui/index.ts";

type Choice = { id: string; name: string; nameEs?: string | null };

/**
 * Joining a session without an account: the person says which stakeholder group and region
 * they belong to (so the participation table counts them), and a display name where boards
 * are named. The schema's messages are catalogue keys, said here in the guest's language.
 */
export function GuestJoinForm({
  named,
  groups,
  regions,
  lastResult,
  refusal,
}: {
  named: boolean;
  groups: Choice[];
  regions: Choice[];
  lastResult: SubmissionResult<string[]> | null | undefined;
  refusal: string | null;
}) {
  const { t } = useTranslation();
  const schema = useMemo(
    () => guestJoinSchema({ named, groups: groups.length, regions: regions.length }),
    [named, groups.length, regions.length],
  );
  const [form, fields] = useZodForm(schema, lastResult);
  const pending = useNavigation().state === "submitting";
  const say = useSayError();
  const said = (errors: string[] | undefined) =>
    errors?.length ? errors.map(say).join(" ") : null;
  const errorOf = (field: { errorId: string; errors?: string[] }) => {
    const text = said(field.errors);
    return text ? (
      <Text tone="danger" id={field.errorId} className="mt-1 font-medium">
        {text}
      </Text>
    ) : null;
  };
  return (
    <Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
      <CsrfInput />
      {groups.length > 0 ? (
        <div>
          <Label size="large" htmlFor={fields.stakeholderGroupId.id}>
            {t("guest.group")}
          </Label>
          <select {...getSelectProps(fields.stakeholderGroupId)} className={inputClass}>
            <option value="">{t("guest.choose")}</option>
            {groups.map((g) => (
              <StaffOption key={g.id} value={g.id} choice={g} />
            ))}
          </select>
          {errorOf(fields.stakeholderGroupId)}
        </div>
      ) : null}
      {regions.length > 0 ? (
        <div>
          <Label size="large" htmlFor={fields.regionId.id}>
            {t("guest.region")}
          </Label>
          <select {...getSelectProps(fields.regionId)} className={inputClass}>
            <option value="">{t("guest.choose")}</option>
            {regions.map((r) => (
              <StaffOption key={r.id} value={r.id} choice={r} />
            ))}
          </select>
          {errorOf(fields.regionId)}
        </div>
      ) : null}
      {named ? (
        <div>
          <Label size="large" htmlFor={fields.name.id}>
            {t("guest.name")}
          </Label>
          <Text tone="muted" id={`${fields.name.id}-hint`}>
            {t("guest.nameHint")}
          </Text>
          <input
            {...getInputProps(fields.name, { type: "text" })}
            autoComplete="nickname"
            aria-describedby={
              fields.name.errors?.length
                ? `${fields.name.id}-hint ${fields.name.errorId}`
                : `${fields.name.id}-hint`
            }
            className={inputClass}
          />
          {errorOf(fields.name)}
        </div>
      ) : (
        <Text tone="muted">{t("guest.anonymous")}</Text>
      )}
      {refusal ? (
        <Notice as="p" tone="error" role="alert">
          {refusal}
        </Notice>
      ) : null}
      <Button size="lg" fullWidth pending={pending}>
        {t("guest.join")}
      </Button>
    </Form>
  );
}
