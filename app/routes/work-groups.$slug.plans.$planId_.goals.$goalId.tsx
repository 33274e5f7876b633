import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  TextareaField,
  useZodForm,
} from "../components/forms.tsx";
import { HistoryList } from "../components/history-list.tsx";
import {
  MeasureForm,
  ReadingForm,
  StepForm,
  StepUpdateForm,
} from "../components/improvement-plan/goal-forms.tsx";
import { ProgressChart, ReadingsTable } from "../components/improvement-plan/progress-chart.tsx";
import {
  AttentionTags,
  attentionFrame,
  StepUpdates,
  statusLabel,
} from "../components/improvement-plan/step-status.tsx";
import { WrittenParts } from "../components/improvement-plan/written-parts.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { planFormats } from "../modules/improvement-plan/format.ts";
import {
  addMeasure,
  addReading,
  addStep,
  completeStep,
  deleteReading,
  getGoalPage,
  recordStepUpdate,
  updateGoal,
  updateMeasure,
  updateStep,
} from "../modules/improvement-plan/improvement-plan.server.ts";
import {
  GOAL_PARTS,
  goalSchema,
  measureSchema,
  readingSchema,
  STEP_HORIZONS,
  stepSchema,
  stepUpdateSchema,
} from "../modules/improvement-plan/schema.ts";
import { today } from "../modules/recommendation/action-plan.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { http } from "../utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? titleIn(matches, "plans.goal.title", { title: data.goal.title })
      : titleIn(matches, "plans.goal.titleShort"),
  },
];
export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const page = await getGoalPage(context, access, params.planId ?? "", params.goalId ?? "");
  return json({ ...page, slug: access.workGroup.slug });
}

type Reply = {
  intent: string;
  /** The measure a reading was for: each measure has its own reading form. */
  measureId: string | null;
  /** The step an edit was for: each step has its own form. */
  stepId: string | null;
  result: SubmissionResult<string[]> | null;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "plan:edit");
  const form = await readForm(context, request);
  const planId = params.planId ?? "";
  const goalId = params.goalId ?? "";
  const intent = String(form.get("intent") ?? "");
  const measureId =
    typeof form.get("measureId") === "string" ? String(form.get("measureId")) : null;
  const stepId = typeof form.get("stepId") === "string" ? String(form.get("stepId")) : null;
  const reply = (result: Reply["result"], status = 200) =>
    json<Reply>({ intent, measureId, stepId, result }, { status });

  if (intent === "edit-goal") {
    const submission = parseSubmission(form, goalSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    await updateGoal(context, user, access, planId, goalId, submission.value);
    return reply(submission.reply());
  }
  if (intent === "add-measure") {
    const submission = parseSubmission(form, measureSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    await addMeasure(context, user, access, planId, goalId, submission.value);
    return reply(submission.reply({ resetForm: true }));
  }
  if (intent === "edit-measure") {
    const submission = parseSubmission(form, measureSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    await updateMeasure(context, user, access, planId, goalId, measureId ?? "", submission.value);
    return reply(submission.reply());
  }
  if (intent === "add-reading") {
    const submission = parseSubmission(form, readingSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const added = await addReading(context, user, access, planId, goalId, submission.value);
    if (!added.ok) return reply(submission.reply({ fieldErrors: added.fieldErrors }), 400);
    return reply(submission.reply({ resetForm: true }));
  }
  if (intent === "add-step") {
    const submission = parseSubmission(form, stepSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const added = await addStep(context, user, access, planId, goalId, submission.value);
    if (!added.ok) return reply(submission.reply({ fieldErrors: added.fieldErrors }), 400);
    return reply(submission.reply({ resetForm: true }));
  }
  if (intent === "edit-step") {
    const submission = parseSubmission(form, stepSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const stepId = String(form.get("stepId") ?? "");
    const saved = await updateStep(context, user, access, planId, goalId, stepId, submission.value);
    if (!saved.ok) return reply(submission.reply({ fieldErrors: saved.fieldErrors }), 400);
    return reply(submission.reply());
  }
  if (intent === "record-progress") {
    const submission = parseSubmission(form, stepUpdateSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const saved = await recordStepUpdate(context, user, access, planId, goalId, submission.value);
    if (!saved.ok) return reply(submission.reply({ fieldErrors: saved.fieldErrors }), 400);
    return reply(submission.reply({ resetForm: true }));
  }
  if (intent === "delete-reading") {
    await deleteReading(context, user, access, planId, goalId, String(form.get("readingId") ?? ""));
    return reply(null);
  }
  if (intent === "complete-step" || intent === "reopen-step") {
    const stepId = String(form.get("stepId") ?? "");
    const on = intent === "complete-step" ? today() : null;
    await completeStep(context, user, access, planId, goalId, stepId, on);
    return reply(null);
  }
  throw http(400, "Unknown action.");
}

/** A goal of the plan: its SMART goal and parts, its measures with their progress, its steps. */
export default function GoalPage() {
  const data = useLoaderData<typeof loader>();
  const { plan, goal, recommendation, measures, steps, team, canEdit, slug } = data;
  const last = useActionData<typeof action>();
  const resultFor = (intent: string, of: { measureId?: string; stepId?: string } = {}) =>
    last &&
    last.intent === intent &&
    (of.measureId === undefined || last.measureId === of.measureId) &&
    (of.stepId === undefined || last.stepId === of.stepId)
      ? (last.result ?? undefined)
      : undefined;
  const [form, fields] = useZodForm(goalSchema, resultFor("edit-goal"), {
    defaultValue: {
      title: goal.title,
      smartGoal: goal.smartGoal,
      rationale: goal.rationale,
      strategies: goal.strategies,
      fundingSources: goal.fundingSources,
      standards: goal.standards,
      adultBehaviors: goal.adultBehaviors,
    },
  });
  const { t, i18n } = useTranslation();
  const f = useMemo(() => planFormats(i18n.language), [i18n.language]);
  const emptyHorizons = STEP_HORIZONS.filter((h) => !steps.some((s) => s.horizon === h));
  const planPath = `/work-groups/${slug}/plans/${plan.id}`;
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <p>
          <Link className="inline-block py-2.5 text-brand-700 underline" to={planPath}>
            <StaffIn said={t("plans.goal.back", { plan: STAFF })} staff={plan.name} />
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          <StaffText>{goal.title}</StaffText>
        </h1>
        {recommendation ? (
          <p>
            <Link
              className="inline-block py-2.5 text-brand-700 underline"
              to={`/work-groups/${slug}/recommendations/${recommendation.id}`}
            >
              <StaffIn
                said={t("plans.goal.startedFrom", { number: recommendation.number, title: STAFF })}
                staff={recommendation.title}
              />
            </Link>
          </p>
        ) : null}
      </div>

      <section aria-labelledby="goal-heading" className="space-y-4">
        <h2 id="goal-heading" className="sr-only">
          {t("plans.goal.titleShort")}
        </h2>
        {last?.intent === "edit-goal" && last.result?.status === "success" ? (
          <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3">
            {t("plans.goal.saved")}
          </p>
        ) : null}
        <WrittenParts
          parts={GOAL_PARTS.map((part) => ({
            key: part,
            label: t(`plans.goal.part.${part}` as MessageKey),
            content: goal[part] ? (
              <p className="whitespace-pre-line">
                <StaffText>{goal[part]}</StaffText>
              </p>
            ) : null,
          }))}
        />
        {canEdit ? (
          <details
            className="rounded-lg border border-slate-300 bg-white p-4"
            open={resultFor("edit-goal")?.status === "error"}
          >
            <summary className="cursor-pointer py-2.5 font-medium text-brand-700">
              {t("plans.goal.edit")}
            </summary>
            <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
              <CsrfInput />
              <input type="hidden" name="intent" value="edit-goal" />
              <FormError errors={form.errors} id={form.errorId} />
              <Field label={t("plans.goalTitle")} field={fields.title} />
              {GOAL_PARTS.map((part) => (
                <TextareaField
                  key={part}
                  label={t(`plans.goal.part.${part}` as MessageKey)}
                  hint={t(`plans.goal.partHint.${part}` as MessageKey)}
                  field={fields[part]}
                  rows={3}
                />
              ))}
              <Button className="min-h-11">{t("plans.goal.save")}</Button>
            </Form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="measures-heading" className="space-y-4">
        <h2 id="measures-heading" className="text-xl font-semibold">
          {t("plans.measures")}
        </h2>
        {measures.length === 0 ? (
          <p className="rounded-md border border-slate-300 bg-white p-4">{t("plans.noMeasures")}</p>
        ) : null}
        {measures.map((measure) => {
          const value = (v: number) =>
            t("plans.measure.value", { value: f.number(v), unit: measure.unit });
          return (
            <article
              key={measure.id}
              aria-labelledby={`measure-${measure.id}`}
              className="space-y-4 rounded-lg border border-slate-300 bg-white p-4"
            >
              <div>
                <h3 id={`measure-${measure.id}`} className="text-lg font-semibold">
                  <StaffText>{measure.name}</StaffText>
                </h3>
                <p className="text-slate-700">
                  {t("plans.measure.summary", {
                    baseline: value(measure.baseline),
                    baselineOn: f.date(measure.baselineOn),
                    target: value(measure.target),
                    targetOn: f.date(measure.targetOn),
                  })}
                </p>
                {measure.source ? (
                  <p className="text-sm text-slate-700">
                    <StaffIn
                      said={t("plans.measure.source", { source: STAFF })}
                      staff={measure.source}
                    />
                  </p>
                ) : null}
              </div>
              {canEdit ? (
                <details
                  open={resultFor("edit-measure", { measureId: measure.id })?.status === "error"}
                >
                  <summary className="cursor-pointer py-2.5 text-brand-700">
                    {t("plans.measure.edit")}
                    <span className="sr-only">
                      {" "}
                      <StaffText>{measure.name}</StaffText>
                    </span>
                  </summary>
                  <MeasureForm
                    measure={measure}
                    lastResult={resultFor("edit-measure", { measureId: measure.id })}
                  />
                </details>
              ) : null}
              <ProgressChart measure={measure} />
              <ReadingsTable measure={measure} canEdit={canEdit} />
              {canEdit ? (
                <div className="border-t border-slate-300 pt-3">
                  <h4 className="mb-2 font-semibold">{t("plans.addReading")}</h4>
                  <ReadingForm
                    key={`${measure.id}-${measure.readings.length}`}
                    measureId={measure.id}
                    lastResult={resultFor("add-reading", { measureId: measure.id })}
                  />
                </div>
              ) : null}
            </article>
          );
        })}
        {canEdit ? (
          <AddDisclosure
            label={t("plans.addMeasure")}
            open={measures.length === 0 || last?.intent === "add-measure"}
          >
            <MeasureForm key={measures.length} lastResult={resultFor("add-measure")} />
          </AddDisclosure>
        ) : null}
      </section>

      <section aria-labelledby="steps-heading" className="space-y-4">
        <h2 id="steps-heading" className="text-xl font-semibold">
          {t("plans.steps")}
        </h2>
        {STEP_HORIZONS.map((horizon) => {
          const inHorizon = steps.filter((s) => s.horizon === horizon);
          // The horizons with no step yet are named together below, not one empty heading each.
          if (inHorizon.length === 0) return null;
          return (
            <div key={horizon} className="space-y-2">
              <h3 className="text-lg font-semibold">
                {t(`plans.horizon.${horizon}` as MessageKey)}
              </h3>
              {
                <ol className="space-y-2">
                  {inHorizon.map((step) => (
                    <li
                      key={step.id}
                      id={`step-${step.id}`}
                      className={`rounded-lg border bg-white p-3 ${attentionFrame(step)}`}
                    >
                      <AttentionTags overdue={step.overdue} blocked={step.blocked} due={step.due} />
                      <p className="font-medium">
                        <StaffText>{step.description}</StaffText>
                      </p>
                      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                        <dt className="font-semibold">{t("plans.step.startsOn")}</dt>
                        <dd>{step.startsOn ? f.date(step.startsOn) : t("plans.step.open")}</dd>
                        <dt className="font-semibold">{t("plans.step.dueOn")}</dt>
                        <dd>{step.due ? f.date(step.due) : t("plans.step.noDueDate")}</dd>
                        <dt className="font-semibold">{t("plans.monitor.statusLabel")}</dt>
                        <dd>{statusLabel(t, step.status)}</dd>
                        <dt className="font-semibold">{t("plans.step.owner")}</dt>
                        <dd>{step.ownerName ?? t("plans.step.notNamed")}</dd>
                        <dt className="font-semibold">{t("plans.step.resources")}</dt>
                        <dd>
                          {step.resources ? (
                            <StaffText>{step.resources}</StaffText>
                          ) : (
                            t("plans.step.noResources")
                          )}
                        </dd>
                        <dt className="font-semibold">{t("plans.step.completion")}</dt>
                        <dd>
                          {step.completedOn
                            ? t("plans.step.completedOn", { date: f.date(step.completedOn) })
                            : t("plans.step.open")}
                        </dd>
                      </dl>
                      <div className="mt-3 space-y-2">
                        <h4 className="font-semibold">{t("plans.monitor.updates")}</h4>
                        <StepUpdates updates={step.updates} />
                      </div>
                      {canEdit ? (
                        <details
                          className="mt-2"
                          open={
                            resultFor("record-progress", { stepId: step.id })?.status === "error"
                          }
                        >
                          <summary className="cursor-pointer py-2.5 text-brand-700">
                            {t("plans.monitor.record")}
                            <span className="sr-only">
                              {" "}
                              <StaffText>{step.description}</StaffText>
                            </span>
                          </summary>
                          <StepUpdateForm
                            key={`${step.id}-${step.updates.length}`}
                            step={step}
                            today={data.today}
                            lastResult={resultFor("record-progress", { stepId: step.id })}
                          />
                        </details>
                      ) : null}
                      {canEdit ? (
                        <details
                          className="mt-2"
                          open={resultFor("edit-step", { stepId: step.id })?.status === "error"}
                        >
                          <summary className="cursor-pointer py-2.5 text-brand-700">
                            {t("plans.step.edit")}
                            <span className="sr-only">
                              {" "}
                              <StaffText>{step.description}</StaffText>
                            </span>
                          </summary>
                          <StepForm
                            step={step}
                            team={team}
                            lastResult={resultFor("edit-step", { stepId: step.id })}
                          />
                        </details>
                      ) : null}
                      {canEdit ? (
                        <Form method="post" className="mt-2">
                          <CsrfInput />
                          <input type="hidden" name="stepId" value={step.id} />
                          <Button
                            name="intent"
                            value={step.completedOn ? "reopen-step" : "complete-step"}
                            variant="secondary"
                            className="min-h-11"
                          >
                            {step.completedOn
                              ? t("plans.step.reopen")
                              : t("plans.step.markComplete")}
                            <span className="sr-only">
                              {" "}
                              <StaffText>{step.description}</StaffText>
                            </span>
                          </Button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ol>
              }
            </div>
          );
        })}
        {emptyHorizons.length > 0 ? (
          <p className="text-slate-700">
            {t("plans.noStepsAt", {
              horizons: new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(
                emptyHorizons.map((h) => t(`plans.horizon.${h}` as MessageKey)),
              ),
            })}
          </p>
        ) : null}
        {canEdit ? (
          <AddDisclosure
            label={t("plans.addStep")}
            open={steps.length === 0 || last?.intent === "add-step"}
          >
            <StepForm key={steps.length} team={team} lastResult={resultFor("add-step")} />
          </AddDisclosure>
        ) : null}
      </section>
      {data.history ? (
        <HistoryList entries={data.history} heading={t("plans.goal.history")} />
      ) : null}
    </div>
  );
}

/**
 * A form for adding one more of something: open while there is none yet and while adding
 * (so that several can be added in a row), else one line, so that what is there comes first.
 */
function AddDisclosure({
  label,
  open,
  children,
}: {
  label: string;
  open: boolean;
  children: ReactNode;
}) {
  return (
    <details className="rounded-lg border border-slate-300 bg-white p-4" open={open}>
      <summary className="cursor-pointer py-2.5 text-lg font-semibold text-brand-700">
        {label}
      </summary>
      {children}
    </details>
  );
}
