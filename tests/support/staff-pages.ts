import { expect } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { createHearing } from "../../app/modules/hearing/hearings.server.ts";
import { snapshotOf } from "../../app/modules/improvement-plan/versions.server.ts";
import type { AppContext } from "../../app/utils/app-context.ts";
import type { Cast, startSeededApp } from "./app.ts";
import { openCommentPeriod } from "./comments.ts";
import { postForm } from "./http.ts";

/**
 * Every staff page of the usual cast's work group, with something on each (an idea, a comment
 * period with a hearing, a plan with a goal, a measure, an overdue step and a version): the
 * pages the crawls walk as the facilitator (headings, size and axe at both screen sizes).
 */
export async function staffPages(ctx: AppContext, cast: Cast): Promise<string[]> {
  await postIdea(ctx, cast.memberA, cast.board.id, { column: "vision", text: "A plan" });
  const period = await openCommentPeriod(ctx, cast, { title: "Draft guidance" });
  const hearing = await createHearing(
    ctx,
    {
      workGroup: { id: cast.workGroup.id, slug: cast.workGroup.slug, name: cast.workGroup.name },
      role: "facilitator",
    },
    period.id,
    {
      kind: "hearing",
      title: "Evening hearing",
      startsAt: new Date(Date.now() + 48 * 3_600_000).toISOString().slice(0, 16),
      endsAt: new Date(Date.now() + 50 * 3_600_000).toISOString().slice(0, 16),
      place: "Library",
      link: "",
      capacity: 10,
      teamRoles: "",
    },
  );
  const plan = await ctx.db.improvementPlan.create({
    data: {
      programId: cast.program.id,
      workGroupId: cast.workGroup.id,
      level: "district",
      name: "Riverside R-IV School District",
      startYear: 2026,
      endYear: 2030,
      goals: {
        create: {
          position: 1,
          title: "Effective instruction",
          measures: {
            create: {
              position: 1,
              name: "Teachers using common formative assessments",
              unit: "%",
              baseline: 35,
              baselineOn: "2026-01-15",
              target: 80,
              targetOn: "2029-06-01",
              readings: { create: { value: 40, takenOn: "2026-03-01" } },
            },
          },
          // Overdue and blocked, with an update: the plan page's attention panel and the
          // step's updates are on the pages too.
          steps: {
            create: {
              position: 1,
              horizon: "30_days",
              description: "Form the team",
              startsOn: "2026-01-05",
              status: "blocked",
              updates: { create: { reportedOn: "2026-02-01", status: "blocked", note: "Waiting" } },
            },
          },
        },
      },
    },
    include: { goals: true },
  });
  await ctx.db.planVersion.create({
    data: {
      planId: plan.id,
      number: 1,
      note: "As adopted",
      snapshot: JSON.stringify(await snapshotOf(ctx, plan.id)),
    },
  });
  const wg = `/work-groups/${cast.workGroup.slug}`;
  const session = `${wg}/sessions/${cast.session.id}`;
  const staffPeriod = `${wg}/comment-periods/${period.id}`;
  return [
    "/",
    `/programs/${cast.program.slug}`,
    wg,
    `${wg}/members`,
    `${wg}/recommendations`,
    `${wg}/action-plan`,
    `${wg}/plans`,
    `${wg}/plans/${plan.id}`,
    `${wg}/plans/${plan.id}/goals/${plan.goals[0]!.id}`,
    `${wg}/plans/${plan.id}/review`,
    `${wg}/plans/${plan.id}/review/2026`,
    `${wg}/plans/${plan.id}/versions/compare?from=1&to=current`,
    `${wg}/plans/${plan.id}/implementation`,
    `${wg}/history`,
    `${wg}/public-site`,
    `${wg}/comment-periods`,
    staffPeriod,
    `${staffPeriod}/analysis`,
    `${staffPeriod}/hearings`,
    `${staffPeriod}/hearings/${hearing.id}`,
    session,
    `${session}/theming`,
    `${session}/report-back`,
    `${session}/projector`,
    "/account",
  ];
}

const COLUMNS = ["vision", "skills", "incentives", "resources", "action_plan"];

/**
 * Breakout rooms added to the cast's session by the facilitator, each with `ideas` ideas stored
 * as its members' would be (a board's document is built from the database when first opened).
 */
export async function addRoomsWithIdeas(
  { app, cast, cookies }: Awaited<ReturnType<typeof startSeededApp>>,
  rooms: string[],
  ideas: number,
) {
  const session = `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
  for (const name of rooms) {
    const added = await postForm(app.url, session, cookies.facilitator, {
      intent: "add-room",
      name,
    });
    expect(added.status).toBe(200);
  }
  const boards = await app.ctx.db.board.findMany({
    where: { sessionId: cast.session.id, breakoutRoomId: { not: null } },
  });
  expect(boards).toHaveLength(rooms.length);
  for (const board of boards) {
    await app.ctx.db.idea.createMany({
      data: Array.from({ length: ideas }, (_, n) => ({
        boardId: board.id,
        authorId: n % 2 ? cast.memberA.id : cast.memberB.id,
        column: COLUMNS[n % COLUMNS.length]!,
        text: `Idea ${n + 1} for ${board.title}: mentors who meet each student every month and follow up with families`,
      })),
    });
  }
}
