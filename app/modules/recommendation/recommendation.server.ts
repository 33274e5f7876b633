import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { KNOSTER_ELEMENTS } from "../board/knoster.ts";
import { listHistory, recordHistory } from "../history/history.server.ts";
import { can } from "../work-group/roles.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import type { ActionStepInput, RecommendationInput } from "./schema.ts";

/**
 * Recommendations and their key action steps. Anyone in the work group reads them; the roles
 * with "recommendation:edit" write them, and every write is kept in the history.
 */

const quoted = (text: string) => `“${text}”`;

/** Recommendations and steps in their order (positions, then creation for any tie). */
export const IN_ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }];

/** The recommendation must belong to the work group the page was opened in (404 otherwise). */
async function requireRecommendation(ctx: AppContext, access: WorkGroupAccess, id: string) {
  const recommendation = await ctx.db.recommendation.findFirst({
    where: { id, workGroupId: access.workGroup.id },
    select: { id: true, title: true, position: true },
  });
  if (!recommendation) throw http(404, "We could not find that recommendation.");
  return recommendation;
}

async function requireStep(ctx: AppContext, access: WorkGroupAccess, stepId: string) {
  const step = await ctx.db.actionStep.findFirst({
    where: { id: stepId, recommendation: { workGroupId: access.workGroup.id } },
    select: { id: true, description: true, recommendationId: true },
  });
  if (!step) throw http(404, "We could not find that action step.");
  return step;
}

function history(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  subjectKind: "recommendation" | "action_step",
  subjectId: string,
  summary: string,
) {
  return recordHistory(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: user.id,
    subjectKind,
    subjectId,
    summary,
  });
}

const STEP_FIELDS = {
  id: true,
  description: true,
  ownerGroup: true,
  horizon: true,
  startsOn: true,
  dueOn: true,
  status: true,
  resources: true,
  fundingSource: true,
  resourceNote: true,
  ownerUserId: true,
  ownerUser: { select: { name: true } },
} as const;

function shownStep<T extends { ownerUser: { name: string } | null }>(step: T) {
  const { ownerUser, ...rest } = step;
  return { ...rest, ownerName: ownerUser?.name ?? null };
}

export async function listRecommendations(ctx: AppContext, access: WorkGroupAccess) {
  const all = await ctx.db.recommendation.findMany({
    where: { workGroupId: access.workGroup.id },
    orderBy: IN_ORDER,
    select: {
      id: true,
      title: true,
      rationale: true,
      knosterCoverage: true,
      _count: { select: { themes: true } },
      actionSteps: { select: { status: true } },
    },
  });
  return all.map((r, index) => ({
    id: r.id,
    number: index + 1,
    title: r.title,
    rationale: r.rationale,
    coverage: coverageOf(r.knosterCoverage),
    themes: r._count.themes,
    steps: r.actionSteps.length,
    done: r.actionSteps.filter((s) => s.status === "done").length,
  }));
}

/**
 * The Knoster elements a recommendation addresses, from the stored keys, in the model's order
 * (the page names them in the reader's language).
 */
export function coverageOf(stored: string) {
  const keys = new Set(stored.split(",").filter(Boolean));
  return KNOSTER_ELEMENTS.filter((e) => keys.has(e.key)).map((e) => e.key);
}

export async function getRecommendationPage(ctx: AppContext, access: WorkGroupAccess, id: string) {
  await requireRecommendation(ctx, access, id);
  const [recommendation, order, themeOptions, members] = await Promise.all([
    ctx.db.recommendation.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        title: true,
        rationale: true,
        knosterCoverage: true,
        coverageNote: true,
        goalSpecific: true,
        goalMeasurable: true,
        goalAchievable: true,
        goalRelevant: true,
        goalTimely: true,
        strategies: true,
        updatedAt: true,
        themes: {
          select: {
            theme: {
              select: {
                id: true,
                label: true,
                session: { select: { id: true, title: true } },
                ideas: {
                  where: { hiddenAt: null },
                  orderBy: { createdAt: "asc" },
                  select: { id: true, text: true, column: true },
                },
              },
            },
          },
        },
        actionSteps: { orderBy: IN_ORDER, select: STEP_FIELDS },
      },
    }),
    ctx.db.recommendation.findMany({
      where: { workGroupId: access.workGroup.id },
      orderBy: IN_ORDER,
      select: { id: true },
    }),
    ctx.db.theme.findMany({
      where: { session: { workGroupId: access.workGroup.id } },
      orderBy: [{ session: { startsAt: "asc" } }, { position: "asc" }],
      select: { id: true, label: true, session: { select: { title: true } } },
    }),
    ctx.db.membership.findMany({
      where: { workGroupId: access.workGroup.id },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  const { themes, actionSteps, knosterCoverage, ...fields } = recommendation;
  const linked = new Set(themes.map((t) => t.theme.id));
  const subjectIds = [id, ...actionSteps.map((s) => s.id)];
  return {
    recommendation: {
      ...fields,
      number: order.findIndex((r) => r.id === id) + 1,
      knosterCoverage: knosterCoverage.split(",").filter(Boolean),
      updatedAt: fields.updatedAt.toISOString(),
    },
    themes: themes.map(({ theme }) => theme),
    themeOptions: themeOptions
      .filter((t) => !linked.has(t.id))
      .map((t) => ({ id: t.id, label: `${t.label} (${t.session.title})` })),
    steps: actionSteps.map(shownStep),
    owners: members.map((m) => m.user),
    history: can(access.role, "history:view")
      ? await listHistory(ctx, access.workGroup.id, { subjectIds })
      : null,
    canEdit: can(access.role, "recommendation:edit"),
  };
}

export async function createRecommendation(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  input: { title: string },
) {
  requirePermission(access, "recommendation:edit");
  const last = await ctx.db.recommendation.aggregate({
    where: { workGroupId: access.workGroup.id },
    _max: { position: true },
  });
  const created = await ctx.db.recommendation.create({
    data: {
      workGroupId: access.workGroup.id,
      position: (last._max.position ?? 0) + 1,
      title: input.title,
    },
    select: { id: true },
  });
  await history(
    ctx,
    user,
    access,
    "recommendation",
    created.id,
    `Added the recommendation ${quoted(input.title)}`,
  );
  return created;
}

export async function updateRecommendation(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  id: string,
  input: RecommendationInput,
) {
  requirePermission(access, "recommendation:edit");
  const before = await requireRecommendation(ctx, access, id);
  await ctx.db.recommendation.update({
    where: { id },
    data: { ...input, knosterCoverage: input.knosterCoverage.join(",") },
    select: { id: true },
  });
  const renamed = before.title !== input.title ? ` (was ${quoted(before.title)})` : "";
  await history(ctx, user, access, "recommendation", id, `Edited ${quoted(input.title)}${renamed}`);
}

/** Swaps the recommendation with its neighbour: numbers follow the order. */
export async function moveRecommendation(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  id: string,
  direction: "up" | "down",
) {
  requirePermission(access, "recommendation:edit");
  const moved = await ctx.db.$transaction(async (tx) => {
    const all = await tx.recommendation.findMany({
      where: { workGroupId: access.workGroup.id },
      orderBy: IN_ORDER,
      select: { id: true, title: true },
    });
    const index = all.findIndex((r) => r.id === id);
    if (index < 0) throw http(404, "We could not find that recommendation.");
    const other = index + (direction === "up" ? -1 : 1);
    if (other < 0 || other >= all.length) return null;
    [all[index], all[other]] = [all[other]!, all[index]!];
    // Renumber all: positions stay dense whatever earlier moves and deletions left.
    for (const [position, r] of all.entries()) {
      await tx.recommendation.update({ where: { id: r.id }, data: { position: position + 1 } });
    }
    return { title: all[other]!.title, number: other + 1 };
  });
  if (moved) {
    await history(
      ctx,
      user,
      access,
      "recommendation",
      id,
      `Moved ${quoted(moved.title)} to number ${moved.number}`,
    );
  }
}

export async function deleteRecommendation(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  id: string,
) {
  requirePermission(access, "recommendation:edit");
  const recommendation = await requireRecommendation(ctx, access, id);
  await ctx.db.recommendation.delete({ where: { id } });
  await history(
    ctx,
    user,
    access,
    "recommendation",
    id,
    `Deleted the recommendation ${quoted(recommendation.title)}`,
  );
}

export async function linkTheme(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  id: string,
  themeId: string,
  linked: boolean,
) {
  requirePermission(access, "recommendation:edit");
  const recommendation = await requireRecommendation(ctx, access, id);
  const theme = await ctx.db.theme.findFirst({
    where: { id: themeId, session: { workGroupId: access.workGroup.id } },
    select: { label: true },
  });
  if (!theme) throw http(404, "We could not find that theme: it may have been merged or deleted.");
  const key = { recommendationId: id, themeId };
  if (linked) {
    await ctx.db.recommendationTheme.upsert({
      where: { recommendationId_themeId: key },
      create: key,
      update: {},
    });
  } else {
    await ctx.db.recommendationTheme.deleteMany({ where: key });
  }
  await history(
    ctx,
    user,
    access,
    "recommendation",
    id,
    linked
      ? `Linked the theme ${quoted(theme.label)} to ${quoted(recommendation.title)}`
      : `Unlinked the theme ${quoted(theme.label)} from ${quoted(recommendation.title)}`,
  );
}

/** A member named as owner must belong to the work group. */
async function requireOwner(ctx: AppContext, access: WorkGroupAccess, input: ActionStepInput) {
  if (!input.ownerUserId) return;
  const member = await ctx.db.membership.findUnique({
    where: { workGroupId_userId: { workGroupId: access.workGroup.id, userId: input.ownerUserId } },
    select: { userId: true },
  });
  if (!member) throw http(400, "Choose the owner from the work group's members.");
}

function stepData(input: ActionStepInput) {
  return {
    ...input,
    ownerUserId: input.ownerUserId ?? null,
    startsOn: input.startsOn ?? null,
    dueOn: input.dueOn ?? null,
  };
}

export async function addActionStep(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  recommendationId: string,
  input: ActionStepInput,
) {
  requirePermission(access, "recommendation:edit");
  const recommendation = await requireRecommendation(ctx, access, recommendationId);
  await requireOwner(ctx, access, input);
  const last = await ctx.db.actionStep.aggregate({
    where: { recommendationId },
    _max: { position: true },
  });
  const step = await ctx.db.actionStep.create({
    data: { ...stepData(input), recommendationId, position: (last._max.position ?? 0) + 1 },
    select: { id: true },
  });
  await history(
    ctx,
    user,
    access,
    "action_step",
    step.id,
    `Added the action step ${quoted(input.description)} to ${quoted(recommendation.title)}`,
  );
  return step;
}

export async function updateActionStep(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  stepId: string,
  input: ActionStepInput,
) {
  requirePermission(access, "recommendation:edit");
  await requireStep(ctx, access, stepId);
  await requireOwner(ctx, access, input);
  await ctx.db.actionStep.update({
    where: { id: stepId },
    data: stepData(input),
    select: { id: true },
  });
  await history(
    ctx,
    user,
    access,
    "action_step",
    stepId,
    `Edited the action step ${quoted(input.description)}`,
  );
}

export async function deleteActionStep(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  stepId: string,
) {
  requirePermission(access, "recommendation:edit");
  const step = await requireStep(ctx, access, stepId);
  await ctx.db.actionStep.delete({ where: { id: stepId } });
  await history(
    ctx,
    user,
    access,
    "action_step",
    stepId,
    `Deleted the action step ${quoted(step.description)}`,
  );
}

/**
 * The improvement plan: each recommendation with its SMART goal, strategies and key action
 * steps; `owner` narrows the steps to one owner (a member's id or a group's name).
 */
export async function getActionPlan(
  ctx: AppContext,
  access: WorkGroupAccess,
  owner: string | null,
) {
  const recommendations = await ctx.db.recommendation.findMany({
    where: { workGroupId: access.workGroup.id },
    orderBy: IN_ORDER,
    select: {
      id: true,
      title: true,
      knosterCoverage: true,
      goalSpecific: true,
      goalMeasurable: true,
      goalAchievable: true,
      goalRelevant: true,
      goalTimely: true,
      strategies: true,
      actionSteps: { orderBy: IN_ORDER, select: STEP_FIELDS },
    },
  });
  const all = recommendations.flatMap((r) => r.actionSteps.map(shownStep));
  const owners = new Map<string, string>();
  for (const step of all) {
    if (step.ownerUserId) owners.set(step.ownerUserId, step.ownerName ?? "A former member");
    else if (step.ownerGroup) owners.set(`group:${step.ownerGroup}`, step.ownerGroup);
  }
  const ownedBy = (step: (typeof all)[number]) =>
    !owner || step.ownerUserId === owner || `group:${step.ownerGroup}` === owner;
  return {
    owners: [...owners]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    recommendations: recommendations.map(({ actionSteps, knosterCoverage, ...r }, index) => ({
      ...r,
      number: index + 1,
      coverage: coverageOf(knosterCoverage),
      steps: actionSteps.map(shownStep).filter(ownedBy),
      allSteps: actionSteps.map((s) => ({ status: s.status })),
    })),
  };
}
