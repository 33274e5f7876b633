import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  SelectField,
  TextareaField,
  useZodForm,
} from "../components/forms.tsx";
import { HistoryList } from "../components/history-list.tsx";
import { NeedingAttention } from "../components/improvement-plan/needing-attention.tsx";
import { PlanHorizon } from "../components/improvement-plan/plan-header.tsx";
import { ReviewLink } from "../components/improvement-plan/review-link.tsx";
import { WrittenParts } from "../components/improvement-plan/written-parts.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import {
  Card,
  cardClass,
  cx,
  Heading,
  Notice,
  summaryClass,
  Tag,
  Text,
  TextLink,
} from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import {
  addGoal,
  getPlanPage,
  startGoalFromRecommendation,
  updatePlan,
} from "../modules/improvement-plan/improvement-plan.server.ts";
import {
  goalFromRecommendationSchema,
  newGoalSchema,
  PLAN_COMPONENTS,
  PLAN_LEVELS,
  planSchema,
} from "../modules/improvement-plan/schema.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { http } from "../utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? titleIn(matches, "plans.planTitle", { name: data.plan.name })
      : titleIn(matches, "plans.planTitleShort"),
  },
];
export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const page = await getPlanPage(context, access, params.planId ?? "");
  return json({ ...page, slug: access.workGroup.slug, workGroupName: access.workGroup.name });
}

type Reply = { intent: string; result: SubmissionResult<string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "plan:edit");
  const form = await readForm(context, request);
  const planId = params.planId ?? "";
  const intent = String(form.get("intent") ?? "");
  const reply = (result: Reply["result"], status = 200) =>
    json<Reply>({ intent, result }, { status });
  const goalPage = (goalId: string) =>
    redirect(`/work-groups/${access.workGroup.slug}/plans/${planId}/goals/${goalId}`);

  if (intent === "edit") {
    const submission = parseSubmission(form, planSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const saved = await updatePlan(context, user, access, planId, submission.value);
    if (!saved.ok) return reply(submission.reply({ fieldErrors: saved.fieldErrors }), 400);
    return reply(submission.reply());
  }
  if (intent === "add-goal") {
    const submission = parseSubmission(form, newGoalSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const created = await addGoal(context, user, access, planId, submission.value);
    return goalPage(created.id);
  }
  if (intent === "start-goal") {
    const submission = parseSubmission(form, goalFromRecommendationSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const started = await startGoalFromRecommendation(
      context,
      user,
      access,
      planId,
      submission.value.recommendationId,
    );
    if (!started.ok) return reply(submission.reply({ fieldErrors: started.fieldErrors }), 400);
    return goalPage(started.id);
  }
  throw http(400, "Unknown action.");
}

/** The plan's components in the handbook's order, then its goals. */
export default function PlanPage() {
  const data = useLoaderData<typeof loader>();
  const { plan, goals, recommendationOptions, districtPlans, canEdit, slug } = data;
  const last = useActionData<typeof action>();
  const resultFor = (intent: string) => (last?.intent === intent ? last.result : undefined);
  const [planForm, planFields] = useZodForm(planSchema, resultFor("edit"), {
    defaultValue: {
      level: plan.level,
      name: plan.name,
      startYear: String(plan.startYear),
      endYear: String(plan.endYear),
      districtPlanId: plan.districtPlanId ?? "",
      planningProcess: plan.planningProcess,
      beliefsVision: plan.beliefsVision,
      mission: plan.mission,
      keyIssuesData: plan.keyIssuesData,
      keyIssuesFactors: plan.keyIssuesFactors,
      prioritizedNeeds: plan.prioritizedNeeds,
    },
  });
  const [goalForm, goalFields] = useZodForm(newGoalSchema, resultFor("add-goal"));
  const [startForm, startFields] = useZodForm(
    goalFromRecommendationSchema,
    resultFor("start-goal"),
  );
  const { t } = useTranslation();
  const saved = last?.intent === "edit" && last.result.status === "success";
  const needs = plan.prioritizedNeeds
    .split("\n")
    .map((n) => n.trim())
    .filter(Boolean);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <p>
          <TextLink standalone to={`/work-groups/${slug}/plans`}>
            {t("plans.all")}
          </TextLink>
        </p>
        <Heading level={1}>
          <StaffText>{plan.name}</StaffText>
        </Heading>
        <PlanHorizon plan={plan} />
        {plan.districtPlan ? (
          <Text tone="muted">
            <StaffIn
              said={t("plans.underDistrict", { name: STAFF })}
              staff={plan.districtPlan.name}
            />
          </Text>
        ) : null}
        <Text tone="muted">
          <StaffIn said={t("plans.team", { workGroup: STAFF })} staff={data.workGroupName} />
        </Text>
        <p>
          <TextLink
            standalone
            className="font-medium"
            to={`/work-groups/${slug}/plans/${plan.id}/implementation`}
          >
            {t("plans.implementation.link")}
          </TextLink>
        </p>
      </div>

      <ReviewLink to={`/work-groups/${slug}/plans/${plan.id}/review`} />
      <NeedingAttention
        {...data.needingAttention}
        allAt={`/work-groups/${slug}/plans/${plan.id}/implementation`}
      />

      <section aria-labelledby="components-heading" className="space-y-4">
        <Heading level={2} id="components-heading">
          {t("plans.components")}
        </Heading>
        {saved ? (
          <Notice as="p" tone="success" role="status">
            {t("plans.saved")}
          </Notice>
        ) : null}
        <WrittenParts
          parts={PLAN_COMPONENTS.map((component) => ({
            key: component,
            label: t(`plans.component.${component}` as MessageKey),
            content: !plan[component] ? null : component === "prioritizedNeeds" ? (
              <ol className="list-decimal space-y-1 pl-6">
                {needs.map((need) => (
                  <li key={need}>
                    <StaffText>{need}</StaffText>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="whitespace-pre-line">
                <StaffText>{plan[component]}</StaffText>
              </p>
            ),
          }))}
        />
        {canEdit ? (
          <Card as="details" open={resultFor("edit")?.status === "error"}>
            <summary className={summaryClass("link")}>{t("plans.edit")}</summary>
            <Form method="post" className="mt-3 space-y-4" {...getFormProps(planForm)}>
              <CsrfInput />
              <input type="hidden" name="intent" value="edit" />
              <FormError errors={planForm.errors} id={planForm.errorId} />
              <div className="grid gap-3 md:grid-cols-2">
                <SelectField
                  label={t("plans.levelLabel")}
                  field={planFields.level}
                  options={PLAN_LEVELS.map((level) => ({
                    value: level,
                    label: t(`plans.level.${level}` as MessageKey),
                  }))}
                />
                <Field label={t("plans.nameLabel")} field={planFields.name} />
                <Field
                  label={t("plans.startYear")}
                  field={planFields.startYear}
                  inputMode="numeric"
                />
                <Field label={t("plans.endYear")} field={planFields.endYear} inputMode="numeric" />
                {districtPlans.length > 0 ? (
                  <SelectField
                    label={t("plans.districtPlanLabel")}
                    field={planFields.districtPlanId}
                    hint={t("plans.districtPlanHint")}
                    placeholder={t("plans.noDistrictPlan")}
                    options={districtPlans.map((d) => ({ value: d.id, label: d.name }))}
                  />
                ) : null}
              </div>
              {PLAN_COMPONENTS.map((component) => (
                <TextareaField
                  key={component}
                  label={t(`plans.component.${component}` as MessageKey)}
                  hint={t(`plans.componentHint.${component}` as MessageKey)}
                  field={planFields[component]}
                  rows={component === "mission" ? 3 : 5}
                />
              ))}
              <Button>{t("plans.save")}</Button>
            </Form>
          </Card>
        ) : null}
      </section>

      <section aria-labelledby="goals-heading" className="space-y-4">
        <div>
          <Heading level={2} id="goals-heading">
            {t("plans.goals")}
          </Heading>
          <Text tone="muted">{t("plans.goalsHint")}</Text>
        </div>
        {goals.length === 0 ? (
          <Card as="p">{t("plans.noGoals")}</Card>
        ) : (
          <ol className="space-y-3">
            {goals.map((goal) => (
              <Card as="li" key={goal.id}>
                <Heading level={3}>
                  <TextLink standalone to={`goals/${goal.id}`}>
                    <StaffText>{goal.title}</StaffText>
                  </TextLink>
                </Heading>
                {goal.smartGoal ? (
                  <p className="whitespace-pre-line">
                    <StaffText>{goal.smartGoal}</StaffText>
                  </p>
                ) : null}
                <Text tone="muted" size="small">
                  {[
                    t("plans.measuresCount", { count: goal.measures }),
                    t("plans.stepsComplete", { completed: goal.completed, total: goal.steps }),
                  ].join(" · ")}
                </Text>
                {goal.overdue > 0 || goal.blocked > 0 ? (
                  <Text size="small" className="mt-1 flex flex-wrap gap-2">
                    {goal.overdue > 0 ? (
                      <Tag as="strong" tone="danger">
                        {t("plans.monitor.overdueCount", { count: goal.overdue })}
                      </Tag>
                    ) : null}
                    {goal.blocked > 0 ? (
                      <Tag as="strong" tone="warning">
                        {t("plans.monitor.blockedCount", { count: goal.blocked })}
                      </Tag>
                    ) : null}
                  </Text>
                ) : null}
                {goal.recommendation ? (
                  <Text size="small">
                    <TextLink
                      standalone
                      to={`/work-groups/${slug}/recommendations/${goal.recommendation.id}`}
                    >
                      <StaffIn
                        said={t("plans.fromRecommendation", {
                          number: goal.recommendation.number,
                          title: STAFF,
                        })}
                        staff={goal.recommendation.title}
                      />
                    </TextLink>
                  </Text>
                ) : null}
              </Card>
            ))}
          </ol>
        )}
        {canEdit ? (
          <div className="grid gap-4 lg:grid-cols-2">
            <Form
              method="post"
              className={cx(cardClass(), "space-y-3")}
              {...getFormProps(startForm)}
            >
              <CsrfInput />
              <input type="hidden" name="intent" value="start-goal" />
              <Heading level={3}>{t("plans.startFromRecommendation")}</Heading>
              <Text tone="muted" size="small">
                {t("plans.startFromRecommendationHint")}
              </Text>
              {recommendationOptions.length === 0 ? (
                <p>{t("plans.allStarted")}</p>
              ) : (
                <>
                  <FormError errors={startForm.errors} id={startForm.errorId} />
                  <SelectField
                    label={t("plans.recommendationLabel")}
                    field={startFields.recommendationId}
                    options={recommendationOptions.map((r) => ({
                      value: r.id,
                      label: t("plans.recommendationOption", { number: r.number, title: r.title }),
                    }))}
                  />
                  <Button>{t("plans.startGoal")}</Button>
                </>
              )}
            </Form>
            <Form
              method="post"
              className={cx(cardClass(), "space-y-3")}
              {...getFormProps(goalForm)}
            >
              <CsrfInput />
              <input type="hidden" name="intent" value="add-goal" />
              <Heading level={3}>{t("plans.addGoal")}</Heading>
              <FormError errors={goalForm.errors} id={goalForm.errorId} />
              <Field
                label={t("plans.goalTitle")}
                field={goalFields.title}
                hint={t("plans.goalTitleHint")}
              />
              <Button>{t("plans.addGoalButton")}</Button>
            </Form>
          </div>
        ) : null}
      </section>
      {data.history ? <HistoryList entries={data.history} heading={t("plans.history")} /> : null}
    </div>
  );
}
