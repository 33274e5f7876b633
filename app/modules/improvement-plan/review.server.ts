import type { AppContext } from "../../utils/app-context.ts";
import { refuse } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { recordHistory } from "../history/history.server.ts";
import type { Locale } from "../i18n/i18n.ts";
import { storeDraft } from "../publication/publication.server.ts";
import { can } from "../work-group/roles.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { progressReportDraft } from "./plan-document.server.ts";
import { planYears, schoolYearDays } from "./plan-years.ts";
import { inDateOrder, progressOf } from "./progress.ts";
import type { GoalReviewInput, ReviewOutcome } from "./review-schema.ts";
import { IN_POSITION } from "./selects.ts";
import { listVersions, requirePlanIn } from "./versions.server.ts";

/**
 * The yearly review: for one school year of the plan, each goal is met, progressing or not met,
 * with the evidence that shows it. A completed review drafts the annual progress report, a
 * report published like the work group's others (versions, PDF, Word, Markdown).
 */

type Db = Pick<AppContext, "db">;

function requireYear(plan: { startYear: number; endYear: number }, year: number) {
  if (!planYears(plan).includes(year)) {
    throw refuse(404, "planReview.errors.noSuchYear", {
      year,
      start: plan.startYear,
      end: plan.endYear,
    });
  }
}

/** A year is reviewed once it has begun: an outcome for a year not yet started is a guess. */
function requireBegun(year: number) {
  if (schoolYearDays(year).from > new Date().toISOString().slice(0, 10)) {
    throw refuse(409, "planReview.errors.notBegun", { year: `${year}-${year + 1}` });
  }
}

/** The review page of the plan: its horizon, each year's review, its versions. */
export async function getReviewHub(ctx: Db, access: WorkGroupAccess, planId: string) {
  const plan = await requirePlanIn(ctx, access, planId);
  const [reviews, goals, versions] = await Promise.all([
    ctx.db.planReview.findMany({
      where: { planId },
      select: {
        year: true,
        completedAt: true,
        reportPublicationId: true,
        _count: { select: { goals: true } },
      },
    }),
    ctx.db.planGoal.count({ where: { planId } }),
    listVersions(ctx, planId),
  ]);
  const byYear = new Map(reviews.map((r) => [r.year, r]));
  const today = new Date().toISOString().slice(0, 10);
  return {
    plan,
    goals,
    years: planYears(plan).map((year) => {
      const review = byYear.get(year);
      return {
        year,
        reviewed: review?._count.goals ?? 0,
        completedAt: review?.completedAt?.toISOString() ?? null,
        hasReport: Boolean(review?.reportPublicationId),
        // A year that has not begun cannot be reviewed yet.
        upcoming: schoolYearDays(year).from > today,
      };
    }),
    versions,
    canEdit: can(access.role, "plan:edit"),
  };
}

/** One year's review: each goal with what it shows that year, and the outcome recorded. */
export async function getReview(ctx: Db, access: WorkGroupAccess, planId: string, year: number) {
  const plan = await requirePlanIn(ctx, access, planId);
  requireYear(plan, year);
  const days = schoolYearDays(year);
  const [goals, review] = await Promise.all([
    ctx.db.planGoal.findMany({
      where: { planId },
      orderBy: IN_POSITION,
      select: {
        id: true,
        title: true,
        smartGoal: true,
        measures: {
          orderBy: IN_POSITION,
          select: {
            id: true,
            name: true,
            unit: true,
            baseline: true,
            baselineOn: true,
            target: true,
            targetOn: true,
            readings: {
              where: { takenOn: { lte: days.to } },
              select: { value: true, takenOn: true },
            },
          },
        },
        steps: {
          orderBy: IN_POSITION,
          select: { id: true, description: true, completedOn: true },
        },
      },
    }),
    ctx.db.planReview.findUnique({
      where: { planId_year: { planId, year } },
      select: {
        completedAt: true,
        completedBy: { select: { name: true } },
        reportPublicationId: true,
        goals: {
          select: { goalId: true, outcome: true, evidence: true, evidenceUrl: true },
        },
      },
    }),
  ]);
  const outcomes = new Map((review?.goals ?? []).map((g) => [g.goalId, g]));
  return {
    plan,
    year,
    days,
    goals: goals.map((goal) => ({
      id: goal.id,
      title: goal.title,
      smartGoal: goal.smartGoal,
      measures: goal.measures.map(({ readings, ...m }) => ({
        ...m,
        latest: inDateOrder(readings).at(-1) ?? null,
        progress: progressOf({ ...m, readings }),
      })),
      completed: goal.steps
        .filter((s) => s.completedOn && s.completedOn >= days.from && s.completedOn <= days.to)
        .map((s) => ({ id: s.id, description: s.description, completedOn: s.completedOn! })),
      open: goal.steps.filter((s) => !s.completedOn).length,
      review: outcomes.get(goal.id) ?? null,
    })),
    completedAt: review?.completedAt?.toISOString() ?? null,
    completedBy: review?.completedBy?.name ?? null,
    reportPublicationId: review?.reportPublicationId ?? null,
    begun: days.from <= new Date().toISOString().slice(0, 10),
    canEdit: can(access.role, "plan:edit"),
    canDraftReport: can(access.role, "plan:edit") && can(access.role, "publication:edit"),
  };
}

function remember(
  ctx: Db,
  user: CurrentUser,
  access: WorkGroupAccess,
  id: string,
  summary: string,
) {
  return recordHistory(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: user.id,
    subjectKind: "improvement_plan",
    subjectId: id,
    summary,
  });
}

const OUTCOME_WORDS: Record<ReviewOutcome, string> = {
  met: "met",
  progressing: "progressing",
  not_met: "not met",
};

/** Records (or corrects) one goal's outcome in the year's review, starting the review if need be. */
export async function saveGoalReview(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  year: number,
  input: GoalReviewInput,
): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string[]> }> {
  requirePermission(access, "plan:edit");
  const plan = await requirePlanIn(ctx, access, planId);
  requireYear(plan, year);
  requireBegun(year);
  const goal = await ctx.db.planGoal.findFirst({
    where: { id: input.goalId, planId },
    select: { id: true, title: true },
  });
  if (!goal) return { ok: false, fieldErrors: { goalId: ["planReview.errors.goal"] } };
  const { goalId, ...fields } = input;
  const review = await ctx.db.planReview.upsert({
    where: { planId_year: { planId, year } },
    create: { planId, year },
    update: {},
    select: { id: true },
  });
  await ctx.db.planGoalReview.upsert({
    where: { reviewId_goalId: { reviewId: review.id, goalId } },
    create: { reviewId: review.id, goalId, ...fields },
    update: fields,
    select: { id: true },
  });
  await remember(
    ctx,
    user,
    access,
    planId,
    `Reviewed the goal “${goal.title}” for ${year}-${year + 1}: ${OUTCOME_WORDS[input.outcome]}`,
  );
  return { ok: true };
}

/** Completes the year's review once every goal has its outcome. */
export async function completeReview(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  year: number,
) {
  requirePermission(access, "plan:edit");
  const plan = await requirePlanIn(ctx, access, planId);
  requireYear(plan, year);
  requireBegun(year);
  const [goals, review] = await Promise.all([
    ctx.db.planGoal.findMany({ where: { planId }, select: { id: true } }),
    ctx.db.planReview.findUnique({
      where: { planId_year: { planId, year } },
      select: { id: true, completedAt: true, goals: { select: { goalId: true } } },
    }),
  ]);
  if (goals.length === 0) throw refuse(409, "planReview.errors.noGoals");
  const reviewed = new Set(review?.goals.map((g) => g.goalId));
  const missing = goals.filter((g) => !reviewed.has(g.id)).length;
  if (!review || missing > 0) {
    throw refuse(409, "planReview.errors.goalsWithoutOutcome", { count: missing });
  }
  if (review.completedAt) return;
  await ctx.db.planReview.update({
    where: { id: review.id },
    data: { completedAt: new Date(), completedById: user.id },
    select: { id: true },
  });
  await remember(ctx, user, access, planId, `Completed the review of ${year}-${year + 1}`);
}

/**
 * The year's annual progress report, drafted once from the completed review (in the language of
 * whoever asks: they edit it next) and then written and published like any report. Asked again,
 * it is the same publication: its draft already holds what the team wrote since.
 */
export async function draftProgressReport(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  year: number,
  locale: Locale,
) {
  requirePermission(access, "plan:edit");
  requirePermission(access, "publication:edit");
  const plan = await requirePlanIn(ctx, access, planId);
  requireYear(plan, year);
  const review = await ctx.db.planReview.findUnique({
    where: { planId_year: { planId, year } },
    select: { id: true, completedAt: true, reportPublicationId: true },
  });
  if (!review?.completedAt) throw refuse(409, "planReview.errors.notCompleted");
  if (review.reportPublicationId) {
    const existing = await ctx.db.publication.findUnique({
      where: { id: review.reportPublicationId },
      select: { id: true },
    });
    if (existing) return existing;
  }
  const { title, blocks } = await progressReportDraft(ctx, planId, year, locale);
  return ctx.db.$transaction(async (tx) => {
    const publication = await storeDraft(tx, {
      workGroupId: access.workGroup.id,
      kind: "report",
      title,
      blocks,
    });
    // Two people asking at once: the second finds the link already set and its draft is undone.
    const { count } = await tx.planReview.updateMany({
      where: { id: review.id, reportPublicationId: review.reportPublicationId },
      data: { reportPublicationId: publication.id },
    });
    if (count === 0) throw refuse(409, "planReview.errors.draftedMeanwhile");
    await recordHistory(tx, {
      workGroupId: access.workGroup.id,
      actorId: user.id,
      subjectKind: "publication",
      subjectId: publication.id,
      summary: `Drafted “${title}”`,
    });
    return publication;
  });
}
