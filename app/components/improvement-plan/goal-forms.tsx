import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { STEP_STATUSES } from "../../modules/improvement-plan/monitoring.ts";
import {
  MAX_UPDATE_NOTE,
  measureSchema,
  readingSchema,
  STEP_HORIZONS,
  stepSchema,
  stepUpdateSchema,
} from "../../modules/improvement-plan/schema.ts";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  SelectField,
  TextareaField,
  useZodForm,
} from "../forms.tsx";

type Result = SubmissionResult<string[]> | undefined;

export type MeasureValues = {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  baselineOn: string;
  target: number;
  targetOn: string;
  source: string;
};

/**
 * A goal's measure: what is counted, from which baseline to which target, by when. Without
 * `measure` it adds one; with it, it corrects one (its readings stay).
 */
export function MeasureForm({
  measure,
  lastResult,
}: {
  measure?: MeasureValues;
  lastResult: Result;
}) {
  const { t } = usePageT();
  const [form, fields] = useZodForm(measureSchema, lastResult, {
    defaultValue: measure
      ? {
          name: measure.name,
          unit: measure.unit,
          baseline: String(measure.baseline),
          baselineOn: measure.baselineOn,
          target: String(measure.target),
          targetOn: measure.targetOn,
          source: measure.source,
        }
      : {},
  });
  return (
    <Form method="post" className="grid gap-3 md:grid-cols-2" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value={measure ? "edit-measure" : "add-measure"} />
      {measure ? <input type="hidden" name="measureId" value={measure.id} /> : null}
      <div className="md:col-span-2">
        <FormError errors={form.errors} id={form.errorId} />
        <Field
          label={t("plans.measure.name")}
          field={fields.name}
          hint={t("plans.measure.nameHint")}
        />
      </div>
      <Field
        label={t("plans.measure.unit")}
        field={fields.unit}
        hint={t("plans.measure.unitHint")}
      />
      <Field
        label={t("plans.measure.sourceLabel")}
        field={fields.source}
        hint={t("plans.measure.sourceHint")}
      />
      <Field label={t("plans.measure.baseline")} field={fields.baseline} inputMode="decimal" />
      <Field label={t("plans.measure.baselineOn")} field={fields.baselineOn} type="date" />
      <Field label={t("plans.measure.target")} field={fields.target} inputMode="decimal" />
      <Field label={t("plans.measure.targetOn")} field={fields.targetOn} type="date" />
      <div>
        <Button>{measure ? t("plans.measure.save") : t("plans.addMeasureButton")}</Button>
      </div>
    </Form>
  );
}

/** A reading of one measure: its value on a date, with a note and a link to what backs it. */
export function ReadingForm({ measureId, lastResult }: { measureId: string; lastResult: Result }) {
  const { t } = usePageT();
  const [form, fields] = useZodForm(readingSchema, lastResult, {
    defaultValue: { measureId },
  });
  return (
    <Form
      method="post"
      className="grid gap-3 md:grid-cols-2"
      {...getFormProps(form)}
      id={`reading-${measureId}`}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="add-reading" />
      <input type="hidden" name="measureId" value={measureId} />
      <div className="md:col-span-2">
        <FormError errors={[...(form.errors ?? []), ...(fields.measureId.errors ?? [])]} />
      </div>
      <Field label={t("plans.reading.valueLabel")} field={fields.value} inputMode="decimal" />
      <Field label={t("plans.reading.takenOn")} field={fields.takenOn} type="date" />
      <Field label={t("plans.reading.noteLabel")} field={fields.note} />
      <Field
        label={t("plans.reading.evidenceUrl")}
        field={fields.evidenceUrl}
        type="url"
        hint={t("plans.reading.evidenceUrlHint")}
      />
      <div>
        <Button>{t("plans.addReadingButton")}</Button>
      </div>
    </Form>
  );
}

export type StepValues = {
  id: string;
  horizon: string;
  description: string;
  startsOn: string | null;
  ownerUserId: string | null;
  resources: string;
  dueOn: string | null;
  completedOn: string | null;
};

/**
 * An action step's fields, for adding one (no `step`) and for editing one: its horizon, its
 * person responsible from the planning team, start date, resources and completion.
 */
export function StepForm({
  step,
  team,
  lastResult,
}: {
  step?: StepValues;
  team: { id: string; name: string }[];
  lastResult: Result;
}) {
  const { t } = usePageT();
  const [form, fields] = useZodForm(stepSchema, lastResult, {
    defaultValue: step
      ? {
          horizon: step.horizon,
          description: step.description,
          startsOn: step.startsOn ?? "",
          ownerUserId: step.ownerUserId ?? "",
          resources: step.resources,
          dueOn: step.dueOn ?? "",
          completedOn: step.completedOn ?? "",
        }
      : { horizon: "30_days" },
  });
  return (
    <Form method="post" className="grid gap-3 md:grid-cols-2" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value={step ? "edit-step" : "add-step"} />
      {step ? <input type="hidden" name="stepId" value={step.id} /> : null}
      <div className="md:col-span-2">
        <FormError errors={form.errors} id={form.errorId} />
        <TextareaField label={t("plans.step.description")} field={fields.description} rows={2} />
      </div>
      <SelectField
        label={t("plans.step.horizonLabel")}
        field={fields.horizon}
        options={STEP_HORIZONS.map((h) => ({
          value: h,
          label: t(`plans.horizon.${h}` as MessageKey),
        }))}
      />
      <SelectField
        label={t("plans.step.owner")}
        field={fields.ownerUserId}
        hint={t("plans.step.ownerHint")}
        placeholder={t("plans.step.chooseLater")}
        options={team.map((m) => ({ value: m.id, label: m.name }))}
      />
      <Field label={t("plans.step.startsOn")} field={fields.startsOn} type="date" />
      <Field
        label={t("plans.step.dueOnLabel")}
        field={fields.dueOn}
        type="date"
        hint={t("plans.step.dueOnHint")}
      />
      <Field
        label={t("plans.step.completedOnLabel")}
        field={fields.completedOn}
        type="date"
        hint={t("plans.step.completedOnHint")}
      />
      <div className="md:col-span-2">
        <Field label={t("plans.step.resources")} field={fields.resources} />
      </div>
      <div>
        <Button>{step ? t("plans.step.save") : t("plans.addStepButton")}</Button>
      </div>
    </Form>
  );
}

/**
 * A dated progress update of one step: its date (today unless said), where the step stands,
 * what happened and a link to the evidence. "Done" completes the step on that date.
 */
export function StepUpdateForm({
  step,
  today,
  lastResult,
}: {
  step: { id: string; status: string };
  today: string;
  lastResult: Result;
}) {
  const { t } = usePageT();
  const [form, fields] = useZodForm(stepUpdateSchema, lastResult, {
    defaultValue: {
      stepId: step.id,
      reportedOn: today,
      status: step.status === "not_started" ? "in_progress" : step.status,
    },
  });
  return (
    <Form
      method="post"
      className="grid gap-3 md:grid-cols-2"
      {...getFormProps(form)}
      id={`update-${step.id}`}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="record-progress" />
      <input type="hidden" name="stepId" value={step.id} />
      <div className="md:col-span-2">
        <FormError errors={[...(form.errors ?? []), ...(fields.stepId.errors ?? [])]} />
      </div>
      <Field label={t("plans.monitor.reportedOn")} field={fields.reportedOn} type="date" />
      <SelectField
        label={t("plans.monitor.statusLabel")}
        field={fields.status}
        hint={t("plans.monitor.statusHint")}
        options={STEP_STATUSES.map((status) => ({
          value: status,
          label: t(`plans.status.${status}` as MessageKey),
        }))}
      />
      <div className="md:col-span-2">
        <TextareaField
          label={t("plans.monitor.noteLabel")}
          field={fields.note}
          hint={t("plans.monitor.noteHint", { max: MAX_UPDATE_NOTE })}
          rows={3}
        />
      </div>
      <div className="md:col-span-2">
        <Field
          label={t("plans.reading.evidenceUrl")}
          field={fields.evidenceUrl}
          type="url"
          hint={t("plans.reading.evidenceUrlHint")}
        />
      </div>
      <div>
        <Button>{t("plans.monitor.save")}</Button>
      </div>
    </Form>
  );
}
