import type { hearingSchema } from "../../modules/hearing/schema.ts";
import type { useZodForm } from "../forms.tsx";
import { Field, SelectField, TextareaField } from "../forms.tsx";

type Fields = ReturnType<typeof useZodForm<typeof hearingSchema>>[1];

/** What staff enter for a hearing or webinar, the same when adding one and editing it. */
export function HearingFields({ fields, timeZone }: { fields: Fields; timeZone: string }) {
  return (
    <>
      <SelectField
        label="Kind"
        field={fields.kind}
        options={[
          { value: "hearing", label: "Public hearing" },
          { value: "webinar", label: "Webinar" },
        ]}
      />
      <Field label="Title" field={fields.title} />
      <Field
        label="Starts"
        type="datetime-local"
        field={fields.startsAt}
        hint={`In the period’s time zone, ${timeZone}.`}
      />
      <Field label="Ends" type="datetime-local" field={fields.endsAt} />
      <Field
        label="Place"
        field={fields.place}
        hint="The room and address, for a hearing in person. Leave it empty for a webinar."
      />
      <Field
        label="Link to join online"
        type="url"
        field={fields.link}
        hint="Starts with https://. Give a place, a link, or both."
      />
      <Field
        label="Places (optional)"
        type="number"
        field={fields.capacity}
        hint="Each registration takes one place, whether one person or a whole team. When they are taken, new registrations join a waitlist. Empty: no limit."
      />
      <TextareaField
        label="Team roles (optional)"
        field={fields.teamRoles}
        rows={4}
        hint="One role per line, like Principal, Counselor, Lead teacher, Federal programs director: a contact then registers a team with a name for each role. Empty: people register one by one."
      />
    </>
  );
}
