import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import {
  actionStepSchema,
  HORIZONS,
  horizonLabels,
  STATUSES,
  statusLabels,
} from "../../modules/recommendation/schema.ts";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  SelectField,
  TextareaField,
  useZodForm,
} from "../forms.tsx";

export type StepValues = {
  id: string;
  description: string;
  ownerUserId: string | null;
  ownerGroup: string;
  horizon: string;
  startsOn: string | null;
  dueOn: string | null;
  status: string;
  resources: string;
  fundingSource: string;
  resourceNote: string;
};

/**
 * A key action step's fields, for adding one and for editing one. The owner is a member or a
 * group; the server checks the same rules (due after start, an owner, a known status) and its
 * field errors show here.
 */
export function ActionStepForm({
  step,
  owners,
  lastResult,
}: {
  step?: StepValues;
  owners: { id: string; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useZodForm(actionStepSchema, lastResult, {
    defaultValue: step
      ? {
          description: step.description,
          ownerUserId: step.ownerUserId ?? "",
          ownerGroup: step.ownerGroup,
          horizon: step.horizon,
          startsOn: step.startsOn ?? "",
          dueOn: step.dueOn ?? "",
          status: step.status,
          resources: step.resources,
          fundingSource: step.fundingSource,
          resourceNote: step.resourceNote,
        }
      : { status: "not_started", horizon: "30_days" },
  });
  return (
    <Form method="post" className="grid gap-3 md:grid-cols-2" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value={step ? "edit-step" : "add-step"} />
      {step ? <input type="hidden" name="stepId" value={step.id} /> : null}
      <div className="md:col-span-2">
        <FormError errors={form.errors} id={form.errorId} />
        <TextareaField label="Action step" field={fields.description} rows={2} />
      </div>
      <SelectField
        label="Owner: a member"
        field={fields.ownerUserId}
        placeholder="No member (a group owns it)"
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
      />
      <Field
        label="Owner: a group"
        field={fields.ownerGroup}
        hint="For example: DESE, regional centers"
      />
      <SelectField
        label="Horizon"
        field={fields.horizon}
        options={HORIZONS.map((h) => ({ value: h, label: horizonLabels[h] }))}
      />
      <SelectField
        label="Status"
        field={fields.status}
        options={STATUSES.map((s) => ({ value: s, label: statusLabels[s] }))}
      />
      <Field label="Start date" type="date" field={fields.startsOn} />
      <Field label="Due date" type="date" field={fields.dueOn} />
      <Field label="Resources" field={fields.resources} hint="People, time, materials" />
      <Field label="Funding source" field={fields.fundingSource} />
      <div className="md:col-span-2">
        <TextareaField label="Resource note" field={fields.resourceNote} rows={2} />
      </div>
      <div>
        <Button>{step ? "Save action step" : "Add action step"}</Button>
      </div>
    </Form>
  );
}
