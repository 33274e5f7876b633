import type { AppContext } from "../../utils/app-context.ts";
import { snapshotOf } from "../improvement-plan/versions.server.ts";

/**
 * The demo plan's first yearly review (2022-23, completed) and its two versions: as the board
 * adopted it in June 2022, and as the planning team revised it after that review. A newcomer
 * sees a finished review and can compare the versions at once. The figures are the demo's own.
 */

const FACILITATOR = "Dana Facilitator";
const YEAR = 2022;
const REVIEWED_AT = new Date("2023-07-10T15:00:00Z");
const ADOPTED_AT = new Date("2022-06-15T23:00:00Z");

const EVIDENCE =
  "Teachers giving a common formative assessment in each unit rose from 35% to 56% by June 2023 (building walk-through records): well on the way to the 80% target for June 2025, though two teams paused over the winter break. The design team was formed and building leaders were trained on time; the grades 3-5 pilot started in April.";

const FIRST_NOTE = "The plan as the board of education adopted it.";
const SECOND_NOTE =
  "After the 2022-23 yearly review: raised the target to 80% of teachers, added real-world learning partnerships to the prioritized needs, and added a long-range step to review and revise the plan each year.";

export async function loadDemoPlanReview(ctx: Pick<AppContext, "db">, workGroupId: string) {
  const plan = await ctx.db.improvementPlan.findFirstOrThrow({
    where: { workGroupId },
    select: { id: true, goals: { select: { id: true } } },
  });
  const facilitator = await ctx.db.user.findFirst({
    where: { name: FACILITATOR, memberships: { some: { workGroupId } } },
    select: { id: true },
  });
  const now = await snapshotOf(ctx, plan.id);
  // The plan as adopted: the review's lessons not yet in it.
  const adopted = structuredClone(now);
  adopted.prioritizedNeeds = adopted.prioritizedNeeds
    .split("\n")
    .filter((need) => !need.startsWith("Real-world"))
    .join("\n");
  for (const goal of adopted.goals) {
    for (const measure of goal.measures) measure.target = 70;
    goal.steps = goal.steps
      .filter((step) => step.horizon !== "long_range")
      .map((step) => ({ ...step, completedOn: null }));
  }
  await ctx.db.planVersion.createMany({
    data: [
      {
        planId: plan.id,
        number: 1,
        note: FIRST_NOTE,
        snapshot: JSON.stringify(adopted),
        createdById: facilitator?.id ?? null,
        createdAt: ADOPTED_AT,
      },
      {
        planId: plan.id,
        number: 2,
        note: SECOND_NOTE,
        snapshot: JSON.stringify(now),
        createdById: facilitator?.id ?? null,
        createdAt: REVIEWED_AT,
      },
    ],
  });
  await ctx.db.planReview.create({
    data: {
      planId: plan.id,
      year: YEAR,
      completedAt: REVIEWED_AT,
      completedById: facilitator?.id ?? null,
      goals: {
        create: plan.goals.map((goal) => ({
          goalId: goal.id,
          outcome: "progressing",
          evidence: EVIDENCE,
        })),
      },
    },
  });
}
