import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Dotted } from "../components/dotted.tsx";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  inlineInputClass,
  TextareaField,
  useZodForm,
} from "../components/forms.tsx";
import { HistoryList } from "../components/history-list.tsx";
import { ActionStepForm } from "../components/recommendation/action-step-form.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import {
  Card,
  cardClass,
  cx,
  EmptyState,
  Heading,
  Label,
  Legend,
  summaryClass,
  Text,
  TextLink,
} from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { KNOSTER_ELEMENTS } from "../modules/board/knoster.ts";
import { documentName } from "../modules/documents/document-name.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { goalsFromRecommendation } from "../modules/improvement-plan/improvement-plan.server.ts";
import { isOverdue, today } from "../modules/recommendation/action-plan.ts";
import {
  addActionStep,
  deleteActionStep,
  deleteRecommendation,
  getRecommendationPage,
  linkTheme,
  updateActionStep,
  updateRecommendation,
} from "../modules/recommendation/recommendation.server.ts";
import { actionStepSchema, recommendationSchema } from "../modules/recommendation/schema.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { Notes } from "../realtime/notes-editor.tsx";
import { parseSubmission } from "../utils/form-fields.ts";
import { http } from "../utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? titleIn(matches, "recommendations.name", {
          number: data.recommendation.number,
          title: data.recommendation.title,
        })
      : titleIn(matches, "recommendations.one"),
  },
];
export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const id = params.recommendationId ?? "";
  const page = await getRecommendationPage(context, access, id);
  const planGoals = await goalsFromRecommendation(context, access, id);
  return json({
    ...page,
    planGoals,
    slug: access.workGroup.slug,
    userName: user.name,
    today: today(),
  });
}

type Reply = { intent: string; stepId: string | null; result: SubmissionResult<string[]> | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(
    context,
    request,
    params.slug,
    "recommendation:edit",
  );
  const form = await readForm(context, request);
  const id = params.recommendationId ?? "";
  const intent = String(form.get("intent") ?? "");
  const stepId = typeof form.get("stepId") === "string" ? String(form.get("stepId")) : null;
  const reply = (result: Reply["result"], status = 200) =>
    json<Reply>({ intent, stepId, result }, { status });

  if (intent === "edit") {
    const submission = parseSubmission(form, recommendationSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    await updateRecommendation(context, user, access, id, submission.value);
    return reply(submission.reply());
  }
  if (intent === "add-step" || intent === "edit-step") {
    const submission = parseSubmission(form, actionStepSchema);
    if (submission.status !== "success") return reply(submission.reply(), 400);
    if (intent === "add-step") {
      await addActionStep(context, user, access, id, submission.value);
      return reply(submission.reply({ resetForm: true }));
    }
    await updateActionStep(context, user, access, stepId ?? "", submission.value);
    return reply(submission.reply());
  }
  if (intent === "delete-step") {
    await deleteActionStep(context, user, access, stepId ?? "");
    return reply(null);
  }
  if (intent === "link-theme" || intent === "unlink-theme") {
    const themeId = String(form.get("themeId") ?? "");
    if (!themeId) throw http(400, "Choose a theme.");
    await linkTheme(context, user, access, id, themeId, intent === "link-theme");
    return reply(null);
  }
  if (intent === "delete") {
    if (form.get("confirm") !== "yes") {
      throw http(400, "Tick the box to confirm that the recommendation and its steps go.");
    }
    await deleteRecommendation(context, user, access, id);
    return redirect(`/work-groups/${access.workGroup.slug}/recommendations`);
  }
  throw http(400, "Unknown action.");
}

export default function RecommendationPage() {
  const data = useLoaderData<typeof loader>();
  const { recommendation: r, themes, themeOptions, steps, owners, history, canEdit, slug } = data;
  const last = useActionData<typeof action>();
  const resultFor = (intent: string, stepId: string | null = null) =>
    last && last.intent === intent && last.stepId === stepId
      ? (last.result ?? undefined)
      : undefined;
  const [form, fields] = useZodForm(recommendationSchema, resultFor("edit"), {
    defaultValue: {
      title: r.title,
      rationale: r.rationale,
      coverageNote: r.coverageNote,
      goalSpecific: r.goalSpecific,
      goalMeasurable: r.goalMeasurable,
      goalAchievable: r.goalAchievable,
      goalRelevant: r.goalRelevant,
      goalTimely: r.goalTimely,
      strategies: r.strategies,
    },
  });
  const { t } = useTranslation();
  const goal = (key: `goal${string}`) => t(`recommendations.goal.${key}` as MessageKey);
  return (
    <div className="space-y-8">
      <div>
        <p>
          <TextLink to={`/work-groups/${slug}/recommendations`}>
            {t("recommendations.all")}
          </TextLink>
        </p>
        <Heading level={1}>
          <StaffIn
            said={t("recommendations.name", { number: r.number, title: STAFF })}
            staff={r.title}
          />
        </Heading>
        {r.rationale ? (
          <p className="mt-2 whitespace-pre-line">
            <StaffText>{r.rationale}</StaffText>
          </p>
        ) : null}
        {data.planGoals.length > 0 ? (
          <div className="mt-3">
            <h2 className="sr-only">{t("recommendations.inPlans")}</h2>
            <ul>
              {data.planGoals.map((goal) => (
                <li key={goal.id}>
                  <TextLink
                    className="inline-block py-2"
                    to={`/work-groups/${slug}/plans/${goal.plan.id}/goals/${goal.id}`}
                  >
                    <StaffIn
                      said={t("recommendations.goalInPlan", { plan: STAFF })}
                      staff={goal.plan.name}
                    />
                  </TextLink>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <section aria-labelledby="themes-heading" className="space-y-2">
        <Heading level={2} id="themes-heading">
          {t("recommendations.themesHeading")}
        </Heading>
        {themes.length === 0 ? (
          <EmptyState>{t("recommendations.noThemes")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {themes.map((theme) => (
              <Card as="li" compact key={theme.id}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Heading level={3} size="minor">
                    <TextLink
                      href={`/work-groups/${slug}/sessions/${theme.session.id}/theming#theme-${theme.id}`}
                    >
                      <StaffText>{theme.label}</StaffText>
                    </TextLink>{" "}
                    <Text as="span" tone="muted" className="font-normal">
                      <StaffIn
                        said={t("recommendations.fromSession", { session: STAFF })}
                        staff={theme.session.title}
                      />
                    </Text>
                  </Heading>
                  {canEdit ? (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="themeId" value={theme.id} />
                      <Button name="intent" value="unlink-theme" variant="secondary">
                        {t("recommendations.unlink")}{" "}
                        <span className="sr-only">
                          <StaffText>{theme.label}</StaffText>
                        </span>
                      </Button>
                    </Form>
                  ) : null}
                </div>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-small">
                  {theme.ideas.map((idea) => (
                    <li key={idea.id}>
                      <TextLink
                        href={`/work-groups/${slug}/sessions/${theme.session.id}/theming#idea-${idea.id}`}
                      >
                        {idea.text}
                      </TextLink>{" "}
                      <Text as="span" tone="muted">
                        ({t(`knoster.${idea.column}` as MessageKey)})
                      </Text>
                    </li>
                  ))}
                </ul>
              </Card>
            ))}
          </ul>
        )}
        {canEdit && themeOptions.length > 0 ? (
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <CsrfInput />
            <div>
              <Label htmlFor="link-theme">{t("recommendations.linkTheme")}</Label>
              <select id="link-theme" name="themeId" className={inlineInputClass}>
                {themeOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <Button name="intent" value="link-theme" variant="secondary">
              {t("recommendations.linkThemeButton")}
            </Button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="steps-heading" className="space-y-3">
        <Heading level={2} id="steps-heading">
          {t("recommendation.steps")}
        </Heading>
        {steps.length === 0 ? <EmptyState>{t("recommendations.noSteps")}</EmptyState> : null}
        <ol className="space-y-3">
          {steps.map((step) => {
            const overdue = isOverdue(step, data.today);
            return (
              <li
                key={step.id}
                className={`rounded-lg border bg-surface p-3 ${overdue || step.status === "blocked" ? "border-danger-line" : "border-line"}`}
              >
                <p className="font-medium">
                  <StaffText>{step.description}</StaffText>
                </p>
                <Text tone="muted" size="small">
                  <Dotted
                    parts={[
                      // A member is named as they are; a group as staff wrote it.
                      step.ownerName ? (
                        t("recommendations.owner", { owner: step.ownerName })
                      ) : (
                        <StaffIn
                          said={t("recommendations.owner", { owner: STAFF })}
                          staff={step.ownerGroup}
                        />
                      ),
                      t(`actionStep.horizon.${step.horizon}` as MessageKey),
                      t(`status.${step.status}` as MessageKey),
                      ...(step.startsOn
                        ? [t("recommendations.starts", { date: step.startsOn })]
                        : []),
                      ...(step.dueOn ? [t("recommendations.due", { date: step.dueOn })] : []),
                    ]}
                  />
                  {overdue ? (
                    <strong className="ml-2 text-danger">{t("actionStep.overdue")}</strong>
                  ) : null}
                </Text>
                {step.resources || step.fundingSource || step.resourceNote ? (
                  <Text size="small">
                    <Dotted
                      parts={[
                        ...(step.resources
                          ? [
                              <StaffIn
                                said={t("recommendations.resources", { text: STAFF })}
                                staff={step.resources}
                              />,
                            ]
                          : []),
                        ...(step.fundingSource
                          ? [
                              <StaffIn
                                said={t("recommendations.funding", { text: STAFF })}
                                staff={step.fundingSource}
                              />,
                            ]
                          : []),
                        ...(step.resourceNote
                          ? [
                              <StaffIn
                                said={t("recommendations.note", { text: STAFF })}
                                staff={step.resourceNote}
                              />,
                            ]
                          : []),
                      ]}
                    />
                  </Text>
                ) : null}
                {canEdit ? (
                  <details
                    className="mt-2"
                    open={resultFor("edit-step", step.id)?.status === "error"}
                  >
                    <summary className={summaryClass("link")}>
                      {t("recommendations.edit")}{" "}
                      <span className="sr-only">
                        <StaffText>{step.description}</StaffText>
                      </span>
                    </summary>
                    <div className="mt-2 space-y-3">
                      <ActionStepForm
                        step={step}
                        owners={owners}
                        lastResult={resultFor("edit-step", step.id)}
                      />
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="stepId" value={step.id} />
                        <Button name="intent" value="delete-step" variant="danger">
                          {t("recommendations.deleteStep")}
                        </Button>
                      </Form>
                    </div>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
        {canEdit ? (
          <Card>
            <Heading level={3} className="mb-2">
              {t("recommendations.addStep")}
            </Heading>
            <ActionStepForm owners={owners} lastResult={resultFor("add-step")} />
          </Card>
        ) : null}
      </section>

      <section aria-labelledby="draft-heading" className="space-y-2">
        <Heading level={2} id="draft-heading">
          {t("recommendations.draft")}
        </Heading>
        <Text tone="muted" size="small">
          {t("recommendations.draftHint")}
        </Text>
        <Notes
          id={documentName.draft(r.id)}
          label={t("recommendations.draftLabel")}
          canEdit={canEdit}
          userName={data.userName}
        />
      </section>

      {canEdit ? (
        <section aria-labelledby="details-heading" className="space-y-3">
          <Heading level={2} id="details-heading">
            {t("recommendations.details")}
          </Heading>
          <Form method="post" className={cx(cardClass(), "space-y-4")} {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="edit" />
            <FormError errors={form.errors} id={form.errorId} />
            <Field label={t("recommendations.titleLabel")} field={fields.title} />
            <TextareaField
              label={t("recommendations.rationale")}
              field={fields.rationale}
              rows={3}
            />
            <fieldset>
              <Legend>{t("recommendations.elements")}</Legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {KNOSTER_ELEMENTS.map((e) => (
                  <label key={e.key} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      name="knosterCoverage"
                      value={e.key}
                      defaultChecked={r.knosterCoverage.includes(e.key)}
                    />
                    {t(`knoster.${e.key}` as MessageKey)}
                  </label>
                ))}
              </div>
            </fieldset>
            <TextareaField
              label={t("recommendations.coverageNote")}
              field={fields.coverageNote}
              rows={2}
              hint={t("recommendations.coverageHint")}
            />
            <fieldset className="space-y-3">
              <Legend>{t("recommendations.smartGoal")}</Legend>
              <TextareaField label={goal("goalSpecific")} field={fields.goalSpecific} rows={2} />
              <TextareaField
                label={goal("goalMeasurable")}
                field={fields.goalMeasurable}
                rows={2}
              />
              <TextareaField
                label={goal("goalAchievable")}
                field={fields.goalAchievable}
                rows={2}
              />
              <TextareaField label={goal("goalRelevant")} field={fields.goalRelevant} rows={2} />
              <TextareaField label={goal("goalTimely")} field={fields.goalTimely} rows={2} />
            </fieldset>
            <TextareaField
              label={t("recommendations.strategies")}
              field={fields.strategies}
              rows={3}
              hint={t("recommendations.onePerLine")}
            />
            <Button>{t("recommendations.save")}</Button>
          </Form>
          <Form
            method="post"
            className="flex flex-wrap items-center gap-3 rounded-lg border border-danger-line bg-surface p-4"
          >
            <CsrfInput />
            <label className="flex items-center gap-2">
              <input type="checkbox" name="confirm" value="yes" required />
              {t("recommendations.confirmDelete")}
            </label>
            <Button name="intent" value="delete" variant="danger">
              {t("recommendations.delete")}
            </Button>
          </Form>
        </section>
      ) : null}

      {history ? <HistoryList entries={history} heading={t("recommendations.history")} /> : null}
    </div>
  );
}
