import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { createHearing } from "../../app/modules/hearing/hearings.server.ts";
import { snapshotOf } from "../../app/modules/improvement-plan/versions.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { openCommentPeriod } from "../support/comments.ts";

/**
 * Issue 18, the accessibility audit: every staff page has one h1 and no skipped heading level
 * (a screen reader's list of headings is how people find their way; WCAG 1.3.1). Crawled as
 * the facilitator.
 */
let app: TestApp;
let cast: Cast;
let cookie = "";
const pages: string[] = [];

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  cookie = seeded.cookies.facilitator;
  await postIdea(app.ctx, cast.memberA, cast.board.id, { column: "vision", text: "A plan" });
  const period = await openCommentPeriod(app.ctx, cast, { title: "Draft guidance" });
  const hearing = await createHearing(
    app.ctx,
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
  const plan = await app.ctx.db.improvementPlan.create({
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
  await app.ctx.db.planVersion.create({
    data: {
      planId: plan.id,
      number: 1,
      note: "As adopted",
      snapshot: JSON.stringify(await snapshotOf(app.ctx, plan.id)),
    },
  });
  const wg = `/work-groups/${cast.workGroup.slug}`;
  const session = `${wg}/sessions/${cast.session.id}`;
  const staffPeriod = `${wg}/comment-periods/${period.id}`;
  pages.push(
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
  );
});
afterAll(() => app?.stop());

/** The page's headings in order, as a screen reader lists them: their levels and text. */
function headings(html: string) {
  const body = html.replace(/<script[\s\S]*?<\/script>/g, "");
  return [...body.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({
    level: Number(m[1]),
    text: m[2]!.replace(/<[^>]+>/g, "").trim(),
  }));
}

describe("staff pages' headings", () => {
  it("have one h1 each and never skip a level", async () => {
    const problems: string[] = [];
    for (const path of pages) {
      const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      const found = headings(await response.text());
      const h1s = found.filter((h) => h.level === 1);
      if (h1s.length !== 1) problems.push(`${path}: ${h1s.length} h1`);
      let previous = 0;
      for (const h of found) {
        if (h.level > previous + 1)
          problems.push(`${path}: h${h.level} "${h.text}" after h${previous}`);
        previous = h.level;
      }
    }
    expect(problems).toEqual([]);
  });
});
