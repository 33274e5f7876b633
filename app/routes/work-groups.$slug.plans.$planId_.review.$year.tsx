import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, FormError } from "../components/forms.tsx";
import { GoalYearReview } from "../components/improvement-plan/goal-year-review.tsx";
import { PlanHeader } from "../components/improvement-plan/plan-header.tsx";
import { Card, cardClass, cx, Heading, Text, TextLink } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { planFormats } from "../modules/improvement-plan/format.ts";
import {
  completeReview,
  draftProgressReport,
  getReview,
  saveGoalReview,
} from "../modules/improvement-plan/review.server.ts";
import { goalReviewSchema } from "../modules/improvement-plan/review-schema.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, http, refuse, sayRefusal } from "../utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: titleIn(matches, "planReview.yearTitle", {
      year: data ? `${data.year}-${data.year + 1}` : "",
    }),
  },
];
export const handle = translated;

/** A year in the address is four digits; anything else is no year of any plan. */
function yearOf(param: string | undefined) {
  if (!/^\d{4}$/.test(param ?? "")) throw refuse(404, "planReview.errors.yearAddress");
  return Number(param);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const review = await getReview(context, access, params.planId ?? "", yearOf(params.year));
  return json({ ...review, slug: access.workGroup.slug });
}

type Reply =
  | { intent: "review-goal"; goalId: string; result: SubmissionResult<string[]> }
  | { intent: "complete" | "draft-report"; notice: string; ok: boolean };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "plan:edit");
  const form = await readForm(context, request);
  const planId = params.planId ?? "";
  const year = yearOf(params.year);
  const intent = String(form.get("intent") ?? "");
  const locale = await signedInLocale(context, request);
  if (intent === "review-goal") {
    const submission = parseSubmission(form, goalReviewSchema);
    const goalId = String(form.get("goalId") ?? "");
    const reply = (result: SubmissionResult<string[]>, status = 200) =>
      json<Reply>({ intent, goalId, result }, { status });
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const saved = await attempt(() =>
      saveGoalReview(context, user, access, planId, year, submission.value),
    );
    // A refusal (a year not begun) stays beside the form, with what was typed.
    if (!saved.ok) {
      return reply(submission.reply({ formErrors: [sayRefusal(locale, saved)] }), saved.status);
    }
    if (!saved.value.ok) {
      return reply(submission.reply({ fieldErrors: saved.value.fieldErrors }), 400);
    }
    return reply(submission.reply());
  }
  if (intent === "complete") {
    const done = await attempt(() => completeReview(context, user, access, planId, year));
    return done.ok
      ? json<Reply>({ intent, ok: true, notice: "" })
      : json<Reply>(
          { intent, ok: false, notice: sayRefusal(locale, done) },
          { status: done.status },
        );
  }
  if (intent === "draft-report") {
    const drafted = await attempt(() =>
      draftProgressReport(context, user, access, planId, year, locale),
    );
    if (drafted.ok) {
      return redirect(`/work-groups/${access.workGroup.slug}/publications/${drafted.value.id}`);
    }
    return json<Reply>(
      { intent, ok: false, notice: sayRefusal(locale, drafted) },
      { status: drafted.status },
    );
  }
  throw http(400, "Unknown action.");
}

/** One school year's review: each goal's results that year, and its outcome with evidence. */
export default function YearlyReview() {
  const data = useLoaderData<typeof loader>();
  const { plan, year, goals, slug, canEdit } = data;
  const last = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const formats = planFormats(i18n.language);
  const planPath = `/work-groups/${slug}/plans/${plan.id}`;
  const refused = (intent: string) =>
    last && "notice" in last && !last.ok && last.intent === intent ? [last.notice] : null;
  const savedGoal =
    last && "goalId" in last && last.result.status === "success" ? last.goalId : null;
  const reviewed = goals.filter((g) => g.review).length;
  const resultFor = (goalId: string) =>
    last && "goalId" in last && last.goalId === goalId ? last.result : undefined;
  return (
    <div className="space-y-8">
      <PlanHeader
        plan={plan}
        backTo={`${planPath}/review`}
        heading={t("planReview.reviewOf", {
          year: t("planReview.schoolYear", { start: year, end: year + 1 }),
        })}
        intro={t("planReview.yearIntro", {
          from: formats.date(data.days.from),
          to: formats.date(data.days.to),
        })}
      />

      <div className="space-y-3">
        <Card as="p" compact role="status">
          {!data.begun
            ? t("planReview.status.upcoming")
            : data.completedAt
              ? t("planReview.completedBy", {
                  date: formats.date(data.completedAt.slice(0, 10)),
                  name: data.completedBy ?? t("planReview.someone"),
                })
              : t("planReview.status.inProgress", { reviewed, total: goals.length })}
        </Card>
        <FormError errors={refused("draft-report")} />
        {data.completedAt ? (
          data.reportPublicationId ? (
            <p>
              <TextLink
                standalone
                to={`/work-groups/${slug}/publications/${data.reportPublicationId}`}
              >
                {t("planReview.openReport")}
              </TextLink>
            </p>
          ) : data.canDraftReport ? (
            <Form method="post" className="space-y-2">
              <CsrfInput />
              <input type="hidden" name="intent" value="draft-report" />
              <Text tone="muted">{t("planReview.draftReportHint")}</Text>
              <Button pending={navigation.formData?.get("intent") === "draft-report"}>
                {t("planReview.draftReport")}
              </Button>
            </Form>
          ) : null
        ) : null}
      </div>

      {goals.length === 0 ? (
        <Card as="p">{t("plans.noGoals")}</Card>
      ) : (
        <ol className="space-y-6">
          {goals.map((goal) => (
            <GoalYearReview
              key={goal.id}
              goal={goal}
              goalPath={`${planPath}/goals/${goal.id}`}
              canEdit={canEdit && data.begun}
              saved={savedGoal === goal.id}
              lastResult={resultFor(goal.id)}
            />
          ))}
        </ol>
      )}

      {canEdit && data.begun && !data.completedAt && goals.length > 0 ? (
        <Form method="post" className={cx(cardClass(), "space-y-2")}>
          <CsrfInput />
          <input type="hidden" name="intent" value="complete" />
          <Heading level={2} size="subheading">
            {t("planReview.complete")}
          </Heading>
          <Text tone="muted">{t("planReview.completeHint")}</Text>
          <FormError errors={refused("complete")} />
          <Button>{t("planReview.completeButton")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
