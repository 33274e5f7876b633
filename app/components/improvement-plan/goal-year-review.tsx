import type { SubmissionResult } from "@conform-to/react";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { planFormats } from "../../modules/improvement-plan/format.ts";
import { StaffText } from "../staff-text.tsx";
import { Card, Heading, Notice, summaryClass, Tag, Text, TextLink } from "../ui/index.ts";
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
    <Card as="li" className="space-y-4">
      <div className="space-y-1">
        <Heading level={2}>
          <TextLink standalone to={goalPath}>
            <StaffText>{goal.title}</StaffText>
          </TextLink>
        </Heading>
        {goal.smartGoal ? (
          <p className="whitespace-pre-line text-ink">
            <StaffText>{goal.smartGoal}</StaffText>
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <Heading level={3} size="minor">
          {t("planReview.report.measures")}
        </Heading>
        {goal.measures.length === 0 ? (
          <Text tone="muted">{t("plans.noMeasures")}</Text>
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
        <Heading level={3} size="minor">
          {t("planReview.report.completed")}
        </Heading>
        {goal.completed.length === 0 ? (
          <Text tone="muted">{t("planReview.report.noneCompleted")}</Text>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {goal.completed.map((s) => (
              <li key={s.id}>
                <StaffText>{s.description}</StaffText>{" "}
                <Text as="span" tone="muted">
                  ({t("plans.step.completedOn", { date: formats.date(s.completedOn) })})
                </Text>
              </li>
            ))}
          </ul>
        )}
        {goal.open > 0 ? (
          <Text tone="muted">{t("planReview.report.stillOpen", { count: goal.open })}</Text>
        ) : null}
      </div>
      <div className="space-y-2 border-t border-line pt-3">
        <Heading level={3} size="minor">
          {t("planReview.goalOutcome")}
        </Heading>
        {goal.review ? (
          <p>
            <Tag>{t(`planReview.outcome.${goal.review.outcome}` as MessageKey)}</Tag>
          </p>
        ) : (
          <Text tone="muted">{t("planReview.notReviewed")}</Text>
        )}
        {saved ? (
          <Notice as="p" tone="success" role="status">
            {t("planReview.goalSaved")}
          </Notice>
        ) : null}
        {goal.review ? (
          <div className="space-y-1">
            {goal.review.evidence ? (
              <p className="whitespace-pre-line">
                <StaffText>{goal.review.evidence}</StaffText>
              </p>
            ) : null}
            {goal.review.evidenceUrl ? (
              <TextLink standalone href={goal.review.evidenceUrl}>
                {t("planReview.evidenceLink")}
              </TextLink>
            ) : null}
          </div>
        ) : null}
        {canEdit ? <ReviewFormFor goal={goal} lastResult={lastResult} /> : null}
      </div>
    </Card>
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
      <summary className={summaryClass("link")}>
        {t("planReview.correctGoal")} <span className="sr-only">{goal.title}</span>
      </summary>
      <div className="mt-2">{form}</div>
    </details>
  );
}
