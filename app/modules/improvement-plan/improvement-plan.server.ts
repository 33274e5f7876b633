import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { listHistory, recordHistory } from "../history/history.server.ts";
import { IN_ORDER } from "../recommendation/recommendation.server.ts";
import { can } from "../work-group/roles.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import {
  attentionOf,
  countSteps,
  dueDateOf,
  matchesFilters,
  readFilters,
  type StepStatus,
} from "./monitoring.ts";
import { progressOf } from "./progress.ts";
import {
  type GoalInput,
  type MeasureInput,
  type PlanInput,
  type ReadingInput,
  STEP_HORIZONS,
  type StepInput,
  type StepUpdateInput,
} from "./schema.ts";
import { GOAL_COMPONENTS, IN_POSITION, MEASURE_FIELDS, PLAN_COMPONENTS } from "./selects.ts";

/**
 * Improvement plans: a district's (or a school's under it) written plan for three to five
 * years, its goals, their measures and readings, and their action steps. The planning team is
 * the work group's members: everyone there reads the plan; "plan:edit" writes it.
 */

/** A refusal tied to one field of the form, for the page to show beside it (400). */
export type FieldRefusal = { ok: false; fieldErrors: Record<string, string[]> };
const refuseField = (field: string, key: string): FieldRefusal => ({
  ok: false,
  fieldErrors: { [field]: [key] },
});

const quoted = (text: string) => `“${text}”`;

/**
 * Kept in the work group's history, as recommendations' changes are: who changed which plan or
 * goal, and when (facilitators read it). Summaries are in English, as the others are.
 */
function remember(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  subject: { kind: "improvement_plan" | "plan_goal"; id: string },
  summary: string,
) {
  return recordHistory(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: user.id,
    subjectKind: subject.kind,
    subjectId: subject.id,
    summary,
  });
}

async function requirePlan(ctx: AppContext, access: WorkGroupAccess, planId: string) {
  const plan = await ctx.db.improvementPlan.findFirst({
    where: { id: planId, workGroupId: access.workGroup.id },
    select: { id: true, name: true, programId: true },
  });
  if (!plan) throw http(404, "We could not find that plan.");
  return plan;
}

async function requireGoal(
  ctx: AppContext,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
) {
  const goal = await ctx.db.planGoal.findFirst({
    where: { id: goalId, planId, plan: { workGroupId: access.workGroup.id } },
    select: { id: true, planId: true, title: true },
  });
  if (!goal) throw http(404, "We could not find that goal.");
  return goal;
}

/** Recommendations are numbered by their order in the work group (as their pages say). */
async function recommendationNumbers(ctx: AppContext, workGroupId: string) {
  const all = await ctx.db.recommendation.findMany({
    where: { workGroupId },
    orderBy: IN_ORDER,
    select: { id: true, title: true },
  });
  return all.map((r, index) => ({ ...r, number: index + 1 }));
}

export async function listPlans(ctx: AppContext, access: WorkGroupAccess) {
  const plans = await ctx.db.improvementPlan.findMany({
    where: { workGroupId: access.workGroup.id },
    orderBy: [{ level: "asc" }, { startYear: "desc" }, { name: "asc" }],
    select: {
      id: true,
      level: true,
      name: true,
      startYear: true,
      endYear: true,
      districtPlan: { select: { name: true } },
      _count: { select: { goals: true } },
    },
  });
  return {
    plans: plans.map(({ _count, districtPlan, ...plan }) => ({
      ...plan,
      goals: _count.goals,
      districtName: districtPlan?.name ?? null,
    })),
    canEdit: can(access.role, "plan:edit"),
  };
}

export async function createPlan(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  input: { level: "district" | "school"; name: string; startYear: number; endYear: number },
) {
  requirePermission(access, "plan:edit");
  const { programId } = await ctx.db.workGroup.findUniqueOrThrow({
    where: { id: access.workGroup.id },
    select: { programId: true },
  });
  const created = await ctx.db.improvementPlan.create({
    data: { ...input, programId, workGroupId: access.workGroup.id },
    select: { id: true },
  });
  await remember(
    ctx,
    user,
    access,
    { kind: "improvement_plan", id: created.id },
    `Started the plan ${quoted(input.name)}`,
  );
  return created;
}

/** How many steps needing attention the plan page lists; the rest are one link away. */
const ATTENTION_SHOWN = 8;

function mostPressingFirst(
  a: { blocked: boolean; dueOn: string | null },
  b: { blocked: boolean; dueOn: string | null },
) {
  if (a.blocked !== b.blocked) return a.blocked ? -1 : 1;
  return (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999");
}

export async function getPlanPage(ctx: AppContext, access: WorkGroupAccess, planId: string) {
  // One query for the plan, its goals and their steps (the page's shape), with the check that
  // it is this work group's; the others run beside it.
  const [plan, numbers, districtPlans] = await Promise.all([
    ctx.db.improvementPlan.findFirst({
      where: { id: planId, workGroupId: access.workGroup.id },
      select: {
        id: true,
        level: true,
        name: true,
        startYear: true,
        endYear: true,
        districtPlanId: true,
        ...PLAN_COMPONENTS,
        districtPlan: { select: { id: true, name: true } },
        goals: {
          orderBy: IN_POSITION,
          select: {
            id: true,
            title: true,
            smartGoal: true,
            recommendationId: true,
            _count: { select: { measures: true } },
            steps: {
              orderBy: IN_POSITION,
              select: {
                id: true,
                horizon: true,
                description: true,
                startsOn: true,
                dueOn: true,
                status: true,
                completedOn: true,
                ownerUser: { select: { name: true } },
              },
            },
          },
        },
      },
    }),
    recommendationNumbers(ctx, access.workGroup.id),
    // A school's plan is aligned with a district plan of the same program.
    ctx.db.improvementPlan.findMany({
      where: {
        program: { workGroups: { some: { id: access.workGroup.id } } },
        level: "district",
        id: { not: planId },
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true, startYear: true, endYear: true },
    }),
  ]);
  if (!plan) throw http(404, "We could not find that plan.");
  const { goals, ...fields } = plan;
  const byId = new Map(numbers.map((r) => [r.id, r]));
  const started = new Set(goals.map((g) => g.recommendationId).filter(Boolean));
  const on = todayUtc();
  const needingAttention = goals.flatMap((g) =>
    g.steps
      .map((s) => ({ ...attentionOf(s, on), step: s }))
      .filter((a) => a.overdue || a.blocked)
      .map(({ step, ...attention }) => ({
        id: step.id,
        goalId: g.id,
        goalTitle: g.title,
        description: step.description,
        ownerName: step.ownerUser?.name ?? null,
        dueOn: dueDateOf(step),
        ...attention,
      })),
  );
  return {
    plan: fields,
    goals: goals.map((g) => ({
      id: g.id,
      title: g.title,
      smartGoal: g.smartGoal,
      recommendation: g.recommendationId ? (byId.get(g.recommendationId) ?? null) : null,
      measures: g._count.measures,
      steps: g.steps.length,
      completed: g.steps.filter((s) => s.completedOn).length,
      overdue: needingAttention.filter((a) => a.goalId === g.id && a.overdue).length,
      blocked: needingAttention.filter((a) => a.goalId === g.id && a.blocked).length,
    })),
    /**
     * Overdue and blocked steps, to stand out above the goals: the most pressing few (blocked
     * first, then the longest overdue), with how many there are; the implementation view has
     * them all. A panel of every late step of a struggling plan would push the goals away.
     */
    needingAttention: {
      total: needingAttention.length,
      steps: needingAttention.toSorted(mostPressingFirst).slice(0, ATTENTION_SHOWN),
    },
    // Each recommendation starts one goal in a plan; the ones already started are left out.
    recommendationOptions: numbers.filter((r) => !started.has(r.id)),
    districtPlans,
    canEdit: can(access.role, "plan:edit"),
    history: can(access.role, "history:view")
      ? await listHistory(ctx, access.workGroup.id, {
          subjectIds: [planId, ...goals.map((g) => g.id)],
        })
      : null,
  };
}

export async function updatePlan(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  input: PlanInput,
): Promise<{ ok: true } | FieldRefusal> {
  requirePermission(access, "plan:edit");
  const plan = await requirePlan(ctx, access, planId);
  let districtPlanId: string | null = null;
  if (input.level === "school" && input.districtPlanId) {
    const district = await ctx.db.improvementPlan.findFirst({
      where: { id: input.districtPlanId, programId: plan.programId, level: "district" },
      select: { id: true },
    });
    if (!district || district.id === planId) {
      return refuseField("districtPlanId", "plans.errors.districtPlan");
    }
    districtPlanId = district.id;
  }
  await ctx.db.improvementPlan.update({
    where: { id: planId },
    data: { ...input, districtPlanId },
    select: { id: true },
  });
  await remember(
    ctx,
    user,
    access,
    { kind: "improvement_plan", id: planId },
    `Edited the plan ${quoted(input.name)}`,
  );
  return { ok: true };
}

async function nextGoalPosition(ctx: AppContext, planId: string) {
  const last = await ctx.db.planGoal.aggregate({ where: { planId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

export async function addGoal(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  input: { title: string },
) {
  requirePermission(access, "plan:edit");
  const plan = await requirePlan(ctx, access, planId);
  const created = await ctx.db.planGoal.create({
    data: { planId, position: await nextGoalPosition(ctx, planId), title: input.title },
    select: { id: true },
  });
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: created.id },
    `Added the goal ${quoted(input.title)} to ${quoted(plan.name)}`,
  );
  return created;
}

/**
 * A goal begun from one of the work group's recommendations: it takes the recommendation's
 * title, rationale, SMART goal and strategies as a first draft, and keeps the link so each
 * page names the other.
 */
export async function startGoalFromRecommendation(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  recommendationId: string,
): Promise<{ ok: true; id: string } | FieldRefusal> {
  requirePermission(access, "plan:edit");
  const plan = await requirePlan(ctx, access, planId);
  const recommendation = await ctx.db.recommendation.findFirst({
    where: { id: recommendationId, workGroupId: access.workGroup.id },
    select: {
      id: true,
      title: true,
      rationale: true,
      goalSpecific: true,
      goalMeasurable: true,
      goalAchievable: true,
      goalRelevant: true,
      goalTimely: true,
      strategies: true,
    },
  });
  if (!recommendation) return refuseField("recommendationId", "plans.errors.recommendation");
  const already = await ctx.db.planGoal.findFirst({
    where: { planId, recommendationId },
    select: { id: true },
  });
  if (already) return refuseField("recommendationId", "plans.errors.recommendationTaken");
  const r = recommendation;
  const created = await ctx.db.planGoal.create({
    data: {
      planId,
      position: await nextGoalPosition(ctx, planId),
      title: r.title.slice(0, 200),
      rationale: r.rationale,
      smartGoal: [r.goalSpecific, r.goalMeasurable, r.goalAchievable, r.goalRelevant, r.goalTimely]
        .filter(Boolean)
        .join("\n")
        .slice(0, 2000),
      strategies: r.strategies,
      recommendationId: r.id,
    },
    select: { id: true },
  });
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: created.id },
    `Started the goal ${quoted(r.title)} in ${quoted(plan.name)} from its recommendation`,
  );
  return { ok: true, id: created.id };
}

/** The goals started from a recommendation, with their plans, for the recommendation's page. */
export async function goalsFromRecommendation(
  ctx: AppContext,
  access: WorkGroupAccess,
  recommendationId: string,
) {
  return ctx.db.planGoal.findMany({
    where: { recommendationId, plan: { workGroupId: access.workGroup.id } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, plan: { select: { id: true, name: true } } },
  });
}

/** The planning team: the work group's members, by name (people responsible for steps). */
async function planningTeam(ctx: AppContext, workGroupId: string) {
  const members = await ctx.db.membership.findMany({
    where: { workGroupId },
    orderBy: { user: { name: "asc" } },
    select: { role: true, user: { select: { id: true, name: true } } },
  });
  return members.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role }));
}

export async function getGoalPage(
  ctx: AppContext,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
) {
  await requireGoal(ctx, access, planId, goalId);
  const [goal, team, numbers] = await Promise.all([
    ctx.db.planGoal.findUniqueOrThrow({
      where: { id: goalId },
      select: {
        id: true,
        ...GOAL_COMPONENTS,
        recommendationId: true,
        plan: { select: { id: true, name: true, level: true, startYear: true, endYear: true } },
        measures: {
          orderBy: IN_POSITION,
          select: {
            ...MEASURE_FIELDS,
            readings: {
              orderBy: [{ takenOn: "asc" }, { createdAt: "asc" }],
              select: { id: true, value: true, takenOn: true, note: true, evidenceUrl: true },
            },
          },
        },
        steps: {
          orderBy: IN_POSITION,
          select: {
            id: true,
            horizon: true,
            description: true,
            startsOn: true,
            ownerUserId: true,
            ownerUser: { select: { name: true } },
            resources: true,
            completedOn: true,
            dueOn: true,
            status: true,
            updates: {
              orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }],
              select: {
                id: true,
                reportedOn: true,
                status: true,
                note: true,
                evidenceUrl: true,
                author: { select: { name: true } },
              },
            },
          },
        },
      },
    }),
    planningTeam(ctx, access.workGroup.id),
    recommendationNumbers(ctx, access.workGroup.id),
  ]);
  const { measures, steps, recommendationId, plan, ...fields } = goal;
  const on = todayUtc();
  return {
    plan,
    goal: fields,
    recommendation: numbers.find((r) => r.id === recommendationId) ?? null,
    measures: measures.map((m) => ({ ...m, progress: progressOf(m) })),
    steps: steps.map(({ ownerUser, updates, ...s }) => ({
      ...s,
      ownerName: ownerUser?.name ?? null,
      due: dueDateOf(s),
      ...attentionOf(s, on),
      updates: updates.map(({ author, ...u }) => ({ ...u, authorName: author?.name ?? null })),
    })),
    team: team.map(({ id, name }) => ({ id, name })),
    today: on,
    canEdit: can(access.role, "plan:edit"),
    history: can(access.role, "history:view")
      ? await listHistory(ctx, access.workGroup.id, { subjectIds: [goalId] })
      : null,
  };
}

export async function updateGoal(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
  input: GoalInput,
) {
  requirePermission(access, "plan:edit");
  await requireGoal(ctx, access, planId, goalId);
  await ctx.db.planGoal.update({ where: { id: goalId }, data: input, select: { id: true } });
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: goalId },
    `Edited the goal ${quoted(input.title)}`,
  );
}

export async function addMeasure(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
  input: MeasureInput,
) {
  requirePermission(access, "plan:edit");
  const goal = await requireGoal(ctx, access, planId, goalId);
  const last = await ctx.db.goalMeasure.aggregate({ where: { goalId }, _max: { position: true } });
  const created = await ctx.db.goalMeasure.create({
    data: { ...input, goalId, position: (last._max.position ?? 0) + 1 },
    select: { id: true },
  });
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: goalId },
    `Added the measure ${quoted(input.name)} to ${quoted(goal.title)}`,
  );
  return created;
}

export async function addReading(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
  input: ReadingInput,
): Promise<{ ok: true; id: string } | FieldRefusal> {
  requirePermission(access, "plan:edit");
  await requireGoal(ctx, access, planId, goalId);
  const { measureId, ...reading } = input;
  const measure = await ctx.db.goalMeasure.findFirst({
    where: { id: measureId, goalId },
    select: { id: true, name: true },
  });
  if (!measure) return refuseField("measureId", "plans.errors.measure");
  const created = await ctx.db.measureReading.create({
    data: { ...reading, measureId: measure.id },
    select: { id: true },
  });
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: goalId },
    `Recorded ${reading.value} on ${reading.takenOn} for ${quoted(measure.name)}`,
  );
  return { ok: true, id: created.id };
}

/** The person responsible for a step must be on the planning team (a member of the work group). */
async function checkOwner(ctx: AppContext, access: WorkGroupAccess, ownerUserId?: string) {
  if (!ownerUserId) return null;
  const member = await ctx.db.membership.findUnique({
    where: { workGroupId_userId: { workGroupId: access.workGroup.id, userId: ownerUserId } },
    select: { userId: true },
  });
  return member ? null : refuseField("ownerUserId", "plans.errors.ownerOutsideTeam");
}

export async function addStep(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
  input: StepInput,
): Promise<{ ok: true; id: string } | FieldRefusal> {
  requirePermission(access, "plan:edit");
  const goal = await requireGoal(ctx, access, planId, goalId);
  const refused = await checkOwner(ctx, access, input.ownerUserId);
  if (refused) return refused;
  const last = await ctx.db.planStep.aggregate({ where: { goalId }, _max: { position: true } });
  const created = await ctx.db.planStep.create({
    data: {
      goalId,
      position: (last._max.position ?? 0) + 1,
      horizon: input.horizon,
      description: input.description,
      startsOn: input.startsOn ?? null,
      ownerUserId: input.ownerUserId ?? null,
      resources: input.resources,
      dueOn: input.dueOn ?? null,
      completedOn: input.completedOn ?? null,
      status: input.completedOn ? "done" : "not_started",
    },
    select: { id: true },
  });
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: goalId },
    `Added the action step ${quoted(input.description)} to ${quoted(goal.title)}`,
  );
  return { ok: true, id: created.id };
}

export async function updateStep(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
  stepId: string,
  input: StepInput,
): Promise<{ ok: true } | FieldRefusal> {
  requirePermission(access, "plan:edit");
  await requireGoal(ctx, access, planId, goalId);
  const step = await ctx.db.planStep.findFirst({
    where: { id: stepId, goalId },
    select: { id: true, status: true },
  });
  if (!step) throw http(404, "We could not find that action step.");
  const refused = await checkOwner(ctx, access, input.ownerUserId);
  if (refused) return refused;
  await ctx.db.planStep.update({
    where: { id: stepId },
    data: {
      horizon: input.horizon,
      description: input.description,
      startsOn: input.startsOn ?? null,
      ownerUserId: input.ownerUserId ?? null,
      resources: input.resources,
      dueOn: input.dueOn ?? null,
      completedOn: input.completedOn ?? null,
      // A completion date makes it done; taking the date away opens it again.
      status: input.completedOn ? "done" : step.status === "done" ? "in_progress" : step.status,
    },
    select: { id: true },
  });
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: goalId },
    `Edited the action step ${quoted(input.description)}`,
  );
  return { ok: true };
}

/** Ticks a step complete today, or opens it again. */
export async function completeStep(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
  stepId: string,
  completedOn: string | null,
) {
  requirePermission(access, "plan:edit");
  await requireGoal(ctx, access, planId, goalId);
  const step = await ctx.db.planStep.findFirst({
    where: { id: stepId, goalId },
    select: { id: true, description: true },
  });
  if (!step) throw http(404, "We could not find that action step.");
  // Kept as a progress update too, so the step's history shows when it was ticked.
  await ctx.db.$transaction([
    ctx.db.planStepUpdate.create({
      data: {
        stepId,
        reportedOn: completedOn ?? todayUtc(),
        status: completedOn ? "done" : "in_progress",
        authorId: user.id,
      },
      select: { id: true },
    }),
    ctx.db.planStep.update({
      where: { id: stepId },
      data: { completedOn, status: completedOn ? "done" : "in_progress" },
      select: { id: true },
    }),
  ]);
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: goalId },
    `${completedOn ? "Completed" : "Reopened"} the action step ${quoted(step.description)}`,
  );
}

/** Takes back a reading entered by mistake (a wrong value or date is removed and entered again). */
export async function deleteReading(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
  readingId: string,
) {
  requirePermission(access, "plan:edit");
  await requireGoal(ctx, access, planId, goalId);
  const reading = await ctx.db.measureReading.findFirst({
    where: { id: readingId, measure: { goalId } },
    select: { value: true, takenOn: true, measure: { select: { name: true } } },
  });
  if (!reading) throw http(404, "We could not find that reading.");
  await ctx.db.measureReading.delete({ where: { id: readingId }, select: { id: true } });
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: goalId },
    `Removed the reading ${reading.value} on ${reading.takenOn} from ${quoted(reading.measure.name)}`,
  );
}

/** Corrects a measure (a baseline found wrong, a target moved); its readings stay as they were. */
export async function updateMeasure(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
  measureId: string,
  input: MeasureInput,
) {
  requirePermission(access, "plan:edit");
  await requireGoal(ctx, access, planId, goalId);
  const updated = await ctx.db.goalMeasure.updateMany({
    where: { id: measureId, goalId },
    data: input,
  });
  if (updated.count === 0) throw http(404, "We could not find that measure.");
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: goalId },
    `Corrected the measure ${quoted(input.name)}`,
  );
}

/** Today as a calendar date, UTC, as the forms' "not in the future" checks read it. */
function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

const STATUS_WORDS: Record<StepStatus, string> = {
  not_started: "not started",
  in_progress: "in progress",
  blocked: "blocked",
  done: "done",
};

/**
 * A dated progress update of an action step. The step takes the update's status unless an
 * update dated later is already kept (an update typed in late for last month does not undo
 * this week's); "done" completes the step on the update's date.
 */
export async function recordStepUpdate(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  goalId: string,
  input: StepUpdateInput,
): Promise<{ ok: true; id: string } | FieldRefusal> {
  requirePermission(access, "plan:edit");
  await requireGoal(ctx, access, planId, goalId);
  const step = await ctx.db.planStep.findFirst({
    where: { id: input.stepId, goalId },
    select: { id: true, description: true },
  });
  if (!step) return refuseField("stepId", "plans.errors.step");
  const created = await ctx.db.$transaction(async (tx) => {
    const update = await tx.planStepUpdate.create({
      data: {
        stepId: step.id,
        reportedOn: input.reportedOn,
        status: input.status,
        note: input.note,
        evidenceUrl: input.evidenceUrl,
        authorId: user.id,
      },
      select: { id: true },
    });
    const later = await tx.planStepUpdate.findFirst({
      where: { stepId: step.id, reportedOn: { gt: input.reportedOn } },
      select: { id: true },
    });
    if (!later) {
      await tx.planStep.update({
        where: { id: step.id },
        data: {
          status: input.status,
          completedOn: input.status === "done" ? input.reportedOn : null,
        },
        select: { id: true },
      });
    }
    return update;
  });
  await remember(
    ctx,
    user,
    access,
    { kind: "plan_goal", id: goalId },
    `Recorded progress on the action step ${quoted(step.description)} on ${input.reportedOn}: ${STATUS_WORDS[input.status]}`,
  );
  return { ok: true, id: created.id };
}

/**
 * The plan's implementation: every action step of every goal, with where it stands and its
 * latest update, for the view that filters them. One query: the goals with their steps.
 */
export async function getImplementationView(
  ctx: AppContext,
  access: WorkGroupAccess,
  planId: string,
  search: URLSearchParams,
) {
  const plan = await ctx.db.improvementPlan.findFirst({
    where: { id: planId, workGroupId: access.workGroup.id },
    select: {
      id: true,
      name: true,
      goals: {
        orderBy: IN_POSITION,
        select: {
          id: true,
          title: true,
          steps: {
            orderBy: IN_POSITION,
            select: {
              id: true,
              horizon: true,
              description: true,
              startsOn: true,
              dueOn: true,
              status: true,
              completedOn: true,
              ownerUserId: true,
              ownerUser: { select: { name: true } },
              updates: {
                orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }],
                take: 1,
                select: { reportedOn: true, note: true },
              },
            },
          },
        },
      },
    },
  });
  if (!plan) throw http(404, "We could not find that plan.");
  const on = todayUtc();
  const steps = plan.goals.flatMap((g) =>
    g.steps.map(({ ownerUser, updates, ...s }) => ({
      ...s,
      goalId: g.id,
      goalTitle: g.title,
      ownerName: ownerUser?.name ?? null,
      due: dueDateOf(s),
      ...attentionOf(s, on),
      latest: updates[0] ?? null,
    })),
  );
  const owners = new Map<string, string>();
  for (const s of steps) if (s.ownerUserId && s.ownerName) owners.set(s.ownerUserId, s.ownerName);
  const filters = readFilters(search, {
    owners: [...owners.keys()],
    horizons: STEP_HORIZONS,
    goals: plan.goals.map((g) => g.id),
  });
  const shown = steps.filter((s) => matchesFilters(s, filters, on));
  return {
    plan: { id: plan.id, name: plan.name },
    goals: plan.goals.map((g) => ({ id: g.id, title: g.title })),
    owners: [...owners]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    filters,
    filtered: Object.values(filters).some(Boolean),
    total: steps.length,
    counts: countSteps(shown, on),
    // What the cards show, no more: the page carries its data a second time for hydration.
    steps: shown.map(({ startsOn, dueOn, ownerUserId, ...step }) => step),
    today: on,
  };
}
