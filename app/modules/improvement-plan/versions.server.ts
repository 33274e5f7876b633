import type { AppContext } from "../../utils/app-context.ts";
import { http, refuse } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { recordHistory } from "../history/history.server.ts";
import { can } from "../work-group/roles.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { CURRENT, type VersionRef } from "./review-schema.ts";
import { GOAL_COMPONENTS, IN_POSITION, MEASURE_FIELDS, PLAN_COMPONENTS } from "./selects.ts";
import { comparePlans, type PlanSnapshot } from "./versions.ts";

/**
 * Plan versions: when the planning team revises the plan (the handbook's "evaluate and
 * revise"), the plan as it then stands is kept as the next numbered version, with who, when and
 * a short note of what changed. Any two versions, or a version and the plan as it stands now,
 * can be compared.
 */

type Db = Pick<AppContext, "db">;

export async function requirePlanIn(ctx: Db, access: WorkGroupAccess, planId: string) {
  const plan = await ctx.db.improvementPlan.findFirst({
    where: { id: planId, workGroupId: access.workGroup.id },
    select: { id: true, name: true, level: true, startYear: true, endYear: true },
  });
  if (!plan) throw http(404, "We could not find that plan.");
  return plan;
}

/** Every component, goal, measure and action step of the plan as it stands. */
export async function snapshotOf(ctx: Db, planId: string): Promise<PlanSnapshot> {
  const plan = await ctx.db.improvementPlan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      name: true,
      level: true,
      startYear: true,
      endYear: true,
      ...PLAN_COMPONENTS,
      goals: {
        orderBy: IN_POSITION,
        select: {
          id: true,
          ...GOAL_COMPONENTS,
          measures: {
            orderBy: IN_POSITION,
            select: {
              ...MEASURE_FIELDS,
            },
          },
          steps: {
            orderBy: IN_POSITION,
            select: {
              id: true,
              horizon: true,
              description: true,
              startsOn: true,
              ownerUser: { select: { name: true } },
              resources: true,
              completedOn: true,
            },
          },
        },
      },
    },
  });
  return {
    ...plan,
    goals: plan.goals.map((goal) => ({
      ...goal,
      steps: goal.steps.map(({ ownerUser, ...step }) => ({
        ...step,
        ownerName: ownerUser?.name ?? null,
      })),
    })),
  };
}

export async function listVersions(ctx: Db, planId: string) {
  const versions = await ctx.db.planVersion.findMany({
    where: { planId },
    orderBy: { number: "desc" },
    select: {
      number: true,
      note: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return versions.map(({ createdBy, createdAt, ...v }) => ({
    ...v,
    createdAt: createdAt.toISOString(),
    byName: createdBy?.name ?? null,
  }));
}

/**
 * Keeps the plan as it stands as its next version. Two people revising at once each get their
 * own number: the unique (plan, number) refuses the second insert, which is tried again.
 */
export async function revisePlan(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  planId: string,
  note: string,
) {
  requirePermission(access, "plan:edit");
  const plan = await requirePlanIn(ctx, access, planId);
  const snapshot = JSON.stringify(await snapshotOf(ctx, planId));
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.$transaction(async (tx) => {
        const last = await tx.planVersion.aggregate({
          where: { planId },
          _max: { number: true },
        });
        const number = (last._max.number ?? 0) + 1;
        await tx.planVersion.create({
          data: { planId, number, note, snapshot, createdById: user.id },
          select: { id: true },
        });
        await recordHistory(tx, {
          workGroupId: access.workGroup.id,
          actorId: user.id,
          subjectKind: "improvement_plan",
          subjectId: planId,
          summary: `Revised the plan “${plan.name}” as version ${number}: ${note}`,
        });
        return { number };
      });
    } catch (error) {
      const unique = (error as { code?: string }).code === "P2002";
      if (!unique || attempt >= 2) throw error;
    }
  }
}

async function snapshotFor(ctx: Db, planId: string, ref: VersionRef) {
  if (ref === CURRENT) return { snapshot: await snapshotOf(ctx, planId), version: null };
  const version = await ctx.db.planVersion.findUnique({
    where: { planId_number: { planId, number: ref } },
    select: {
      number: true,
      note: true,
      snapshot: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!version) {
    throw refuse(404, "planReview.errors.noSuchVersion", { number: ref });
  }
  return {
    snapshot: JSON.parse(version.snapshot) as PlanSnapshot,
    version: {
      number: version.number,
      note: version.note,
      createdAt: version.createdAt.toISOString(),
      byName: version.createdBy?.name ?? null,
    },
  };
}

/** Two versions side by side: what each was, and what changed from the first to the second. */
export async function compareVersions(
  ctx: Db,
  access: WorkGroupAccess,
  planId: string,
  from: VersionRef,
  to: VersionRef,
) {
  const plan = await requirePlanIn(ctx, access, planId);
  const [before, after, versions] = await Promise.all([
    snapshotFor(ctx, planId, from),
    snapshotFor(ctx, planId, to),
    listVersions(ctx, planId),
  ]);
  return {
    plan,
    from: { ref: from, version: before.version },
    to: { ref: to, version: after.version },
    comparison: comparePlans(before.snapshot, after.snapshot),
    versions,
    canEdit: can(access.role, "plan:edit"),
  };
}
