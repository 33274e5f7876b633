import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
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
import {
  Card,
  cardClass,
  EmptyState,
  Heading,
  Notice,
  SummaryList,
  summaryClass,
  Text,
  TextLink,
} from "../components/ui/index.ts";
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
          <TextLink standalone to={planPath}>
            <StaffIn said={t("plans.goal.back", { plan: STAFF })} staff={plan.name} />
          </TextLink>
        </p>
        <Heading level={1}>
          <StaffText>{goal.title}</StaffText>
        </Heading>
        {recommendation ? (
          <p>
            <TextLink standalone to={`/work-groups/${slug}/recommendations/${recommendation.id}`}>
              <StaffIn
                said={t("plans.goal.startedFrom", { number: recommendation.number, title: STAFF })}
                staff={recommendation.title}
              />
            </TextLink>
          </p>
        ) : null}
      </div>

      <section aria-labelledby="goal-heading" className="space-y-4">
        <h2 id="goal-heading" className="sr-only">
          {t("plans.goal.titleShort")}
        </h2>
        {last?.intent === "edit-goal" && last.result?.status === "success" ? (
          <Notice as="p" tone="success" role="status">
            {t("plans.goal.saved")}
          </Notice>
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
          <Card as="details" open={resultFor("edit-goal")?.status === "error"}>
            <summary className={summaryClass("link")}>{t("plans.goal.edit")}</summary>
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
              <Button>{t("plans.goal.save")}</Button>
            </Form>
          </Card>
        ) : null}
      </section>

      <section aria-labelledby="measures-heading" className="space-y-4">
        <Heading level={2} id="measures-heading">
          {t("plans.measures")}
        </Heading>
        {measures.length === 0 ? <Card as="p">{t("plans.noMeasures")}</Card> : null}
        {measures.map((measure) => {
          const value = (v: number) =>
            t("plans.measure.value", { value: f.number(v), unit: measure.unit });
          return (
            <Card
              as="article"
              key={measure.id}
              aria-labelledby={`measure-${measure.id}`}
              className="space-y-4"
            >
              <div>
                <Heading level={3} id={`measure-${measure.id}`}>
                  <StaffText>{measure.name}</StaffText>
                </Heading>
                <Text tone="muted">
                  {t("plans.measure.summary", {
                    baseline: value(measure.baseline),
                    baselineOn: f.date(measure.baselineOn),
                    target: value(measure.target),
                    targetOn: f.date(measure.targetOn),
                  })}
                </Text>
                {measure.source ? (
                  <Text tone="muted" size="small">
                    <StaffIn
                      said={t("plans.measure.source", { source: STAFF })}
                      staff={measure.source}
                    />
                  </Text>
                ) : null}
              </div>
              {canEdit ? (
                <details
                  open={resultFor("edit-measure", { measureId: measure.id })?.status === "error"}
                >
                  <summary className={summaryClass("link")}>
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
                <div className="border-t border-line pt-3">
                  <Heading level={4} className="mb-2">
                    {t("plans.addReading")}
                  </Heading>
                  <ReadingForm
                    key={`${measure.id}-${measure.readings.length}`}
                    measureId={measure.id}
                    lastResult={resultFor("add-reading", { measureId: measure.id })}
                  />
                </div>
              ) : null}
            </Card>
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
        <Heading level={2} id="steps-heading">
          {t("plans.steps")}
        </Heading>
        {STEP_HORIZONS.map((horizon) => {
          const inHorizon = steps.filter((s) => s.horizon === horizon);
          // The horizons with no step yet are named together below, not one empty heading each.
          if (inHorizon.length === 0) return null;
          return (
            <div key={horizon} className="space-y-2">
              <Heading level={3}>{t(`plans.horizon.${horizon}` as MessageKey)}</Heading>
              <ol className="space-y-2">
                {inHorizon.map((step) => (
                  <li
                    key={step.id}
                    id={`step-${step.id}`}
                    className={`rounded-lg border bg-surface p-3 ${attentionFrame(step)}`}
                  >
                    <AttentionTags overdue={step.overdue} blocked={step.blocked} due={step.due} />
                    <p className="font-medium">
                      <StaffText>{step.description}</StaffText>
                    </p>
                    <SummaryList className="mt-2 text-small">
                      <dt>{t("plans.step.startsOn")}</dt>
                      <dd>{step.startsOn ? f.date(step.startsOn) : t("plans.step.open")}</dd>
                      <dt>{t("plans.step.dueOn")}</dt>
                      <dd>{step.due ? f.date(step.due) : t("plans.step.noDueDate")}</dd>
                      <dt>{t("plans.monitor.statusLabel")}</dt>
                      <dd>{statusLabel(t, step.status)}</dd>
                      <dt>{t("plans.step.owner")}</dt>
                      <dd>{step.ownerName ?? t("plans.step.notNamed")}</dd>
                      <dt>{t("plans.step.resources")}</dt>
                      <dd>
                        {step.resources ? (
                          <StaffText>{step.resources}</StaffText>
                        ) : (
                          t("plans.step.noResources")
                        )}
                      </dd>
                      <dt>{t("plans.step.completion")}</dt>
                      <dd>
                        {step.completedOn
                          ? t("plans.step.completedOn", { date: f.date(step.completedOn) })
                          : t("plans.step.open")}
                      </dd>
                    </SummaryList>
                    <div className="mt-3 space-y-2">
                      <Heading level={4}>{t("plans.monitor.updates")}</Heading>
                      <StepUpdates updates={step.updates} />
                    </div>
                    {canEdit ? (
                      <details
                        className="mt-2"
                        open={resultFor("record-progress", { stepId: step.id })?.status === "error"}
                      >
                        <summary className={summaryClass("link")}>
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
                        <summary className={summaryClass("link")}>
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
                        >
                          {step.completedOn ? t("plans.step.reopen") : t("plans.step.markComplete")}
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
            </div>
          );
        })}
        {emptyHorizons.length > 0 ? (
          <EmptyState>
            {t("plans.noStepsAt", {
              horizons: new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(
                emptyHorizons.map((h) => t(`plans.horizon.${h}` as MessageKey)),
              ),
            })}
          </EmptyState>
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
    <details className={cardClass({})} open={open}>
      <summary className={summaryClass("link")}>{label}</summary>
      {children}
    </details>
  );
}
