import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { actionStepSchema, HORIZONS, STATUSES } from "../../modules/recommendation/schema.ts";
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
  const { t } = useTranslation();
  return (
    <Form method="post" className="grid gap-3 md:grid-cols-2" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value={step ? "edit-step" : "add-step"} />
      {step ? <input type="hidden" name="stepId" value={step.id} /> : null}
      <div className="md:col-span-2">
        <FormError errors={form.errors} id={form.errorId} />
        <TextareaField label={t("actionStep.step")} field={fields.description} rows={2} />
      </div>
      <SelectField
        label={t("actionStep.ownerMember")}
        field={fields.ownerUserId}
        placeholder={t("actionStep.noMember")}
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
      />
      <Field
        label={t("actionStep.ownerGroup")}
        field={fields.ownerGroup}
        hint={t("actionStep.ownerGroupHint")}
      />
      <SelectField
        label={t("actionStep.horizonLabel")}
        field={fields.horizon}
        options={HORIZONS.map((h) => ({
          value: h,
          label: t(`actionStep.horizon.${h}` as MessageKey),
        }))}
      />
      <SelectField
        label={t("actionStep.status")}
        field={fields.status}
        options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))}
      />
      <Field label={t("actionStep.startDate")} type="date" field={fields.startsOn} />
      <Field label={t("actionStep.dueDate")} type="date" field={fields.dueOn} />
      <Field
        label={t("actionStep.resources")}
        field={fields.resources}
        hint={t("actionStep.resourcesHint")}
      />
      <Field label={t("actionStep.funding")} field={fields.fundingSource} />
      <div className="md:col-span-2">
        <TextareaField label={t("actionStep.resourceNote")} field={fields.resourceNote} rows={2} />
      </div>
      <div>
        <Button>{step ? t("actionStep.save") : t("actionStep.add")}</Button>
      </div>
    </Form>
  );
}
