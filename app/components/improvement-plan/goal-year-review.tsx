import type { SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { planFormats } from "../../modules/improvement-plan/format.ts";
import { StaffText } from "../staff-text.tsx";
import { GoalReviewForm } from "./goal-review-form.tsx";

type Review = { outcome: string; evidence: string; evidenceUrl: string };
type Goal = {
  id: string;
  title: string;
  smartGoal: string;
  measures: {
    id: string;
    name: string;
    unit: string;
    baseline: number;
    target: number;
    targetOn: string;
    latest: { value: number; takenOn: string } | null;
    progress: number | null;
  }[];
  completed: { id: string; description: string; completedOn: string }[];
  open: number;
  review: Review | null;
};

/**
 * One goal in a yearly review: what the year shows (each measure at the year's end against its
 * target, the action steps completed that year), then its outcome with the evidence, and the
 * form the planning team records it with.
 */
export function GoalYearReview({
  goal,
  goalPath,
  canEdit,
  saved,
  lastResult,
}: {
  goal: Goal;
  goalPath: string;
  canEdit: boolean;
  /** The goal's review was just saved. */
  saved: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t, language } = usePageT();
  const formats = planFormats(language);
  return (
    <li className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
      <div className="space-y-1">
        <h2 className="text-xl font-semibold">
          <Link className="inline-block py-2.5 text-brand-700 underline" to={goalPath}>
            <StaffText>{goal.title}</StaffText>
          </Link>
        </h2>
        {goal.smartGoal ? (
          <p className="whitespace-pre-line text-slate-800">
            <StaffText>{goal.smartGoal}</StaffText>
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <h3 className="font-semibold">{t("planReview.report.measures")}</h3>
        {goal.measures.length === 0 ? (
          <p className="text-slate-700">{t("plans.noMeasures")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {goal.measures.map((m) => {
              const value = (n: number) =>
                t("plans.measure.value", { value: formats.number(n), unit: m.unit });
              return (
                <li key={m.id}>
                  <StaffText>{m.name}</StaffText>
                  {": "}
                  {m.latest
                    ? t("planReview.atYearEnd", {
                        value: value(m.latest.value),
                        date: formats.date(m.latest.takenOn),
                      })
                    : t("plans.measure.noReadings")}
                  {" · "}
                  {t("planReview.report.target", {
                    target: value(m.target),
                    date: formats.date(m.targetOn),
                    baseline: value(m.baseline),
                  })}
                  {m.progress === null
                    ? ""
                    : ` · ${t("plans.measure.progress", { percent: formats.percent(m.progress) })}`}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="space-y-1">
        <h3 className="font-semibold">{t("planReview.report.completed")}</h3>
        {goal.completed.length === 0 ? (
          <p className="text-slate-700">{t("planReview.report.noneCompleted")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {goal.completed.map((s) => (
              <li key={s.id}>
                <StaffText>{s.description}</StaffText>{" "}
                <span className="text-slate-700">
                  ({t("plans.step.completedOn", { date: formats.date(s.completedOn) })})
                </span>
              </li>
            ))}
          </ul>
        )}
        {goal.open > 0 ? (
          <p className="text-slate-700">{t("planReview.report.stillOpen", { count: goal.open })}</p>
        ) : null}
      </div>
      <div className="space-y-2 border-t border-slate-200 pt-3">
        <h3 className="font-semibold">{t("planReview.goalOutcome")}</h3>
        {goal.review ? (
          <p>
            <span className="inline-block rounded bg-slate-100 px-2 py-1 font-medium text-slate-900">
              {t(`planReview.outcome.${goal.review.outcome}` as MessageKey)}
            </span>
          </p>
        ) : (
          <p className="text-slate-700">{t("planReview.notReviewed")}</p>
        )}
        {saved ? (
          <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3">
            {t("planReview.goalSaved")}
          </p>
        ) : null}
        {goal.review ? (
          <div className="space-y-1">
            {goal.review.evidence ? (
              <p className="whitespace-pre-line">
                <StaffText>{goal.review.evidence}</StaffText>
              </p>
            ) : null}
            {goal.review.evidenceUrl ? (
              <a
                className="inline-block py-2.5 text-brand-700 underline"
                href={goal.review.evidenceUrl}
              >
                {t("planReview.evidenceLink")}
              </a>
            ) : null}
          </div>
        ) : null}
        {canEdit ? <ReviewFormFor goal={goal} lastResult={lastResult} /> : null}
      </div>
    </li>
  );
}

/**
 * The form of a goal not yet reviewed is open; a reviewed goal's is folded under "correct", so
 * the page reads as the review, and opens again when the correction was refused.
 */
function ReviewFormFor({
  goal,
  lastResult,
}: {
  goal: Pick<Goal, "id" | "title" | "review">;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = usePageT();
  const form = (
    <GoalReviewForm
      goalId={goal.id}
      goalTitle={goal.title}
      saved={goal.review}
      lastResult={lastResult}
    />
  );
  if (!goal.review) return form;
  return (
    <details open={lastResult?.status === "error"}>
      <summary className="cursor-pointer py-2.5 font-medium text-brand-700">
        {t("planReview.correctGoal")} <span className="sr-only">{goal.title}</span>
      </summary>
      <div className="mt-2">{form}</div>
    </details>
  );
}
