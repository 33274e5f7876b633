import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { en, type MessageKey } from "../../app/modules/i18n/en.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";

let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};
let recommendationId = "";
let themeId = "";
let ideaId = "";

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
  ideaId = (
    await postIdea(app.ctx, cast.memberA, cast.board.id, {
      column: "resources",
      text: "Release time for collaboration",
    })
  ).id;
  const theme = await app.ctx.db.theme.create({
    data: {
      sessionId: cast.session.id,
      label: "Time",
      position: 1,
      ideas: { connect: [{ id: ideaId }] },
    },
  });
  themeId = theme.id;
});
afterAll(async () => {
  await app?.stop();
});

const base = () => `/work-groups/${cast.workGroup.slug}`;
const send = (who: string, path: string, fields: Record<string, string | string[]>) =>
  postForm(app.url, `${base()}${path}`, cookies[who]!, fields);
/** The recommendation page's action, answering JSON as to the page's own script. */
const onRecommendation = (who: string, id: string, fields: Record<string, string | string[]>) =>
  send(
    who,
    `/recommendations/${id}?_data=routes/work-groups.$slug.recommendations.$recommendationId`,
    fields,
  );
const page = async (who: string, path: string) =>
  fetch(`${app.url}${base()}${path}`, { headers: { cookie: cookies[who]! } });

/** A reply's field errors as the page says them in English: the schema answers with keys. */
const inEnglish = (errors: string[] | undefined) =>
  (errors ?? []).map((key) => en[key as MessageKey] ?? key);

const validStep = {
  intent: "add-step",
  description: "Design the application and approval process",
  ownerGroup: "DESE with SRSWG representatives",
  horizon: "90_days",
  startsOn: "2027-01-04",
  dueOn: "2027-03-31",
  status: "not_started",
};

describe("recommendations", () => {
  it("are added by facilitators and recorders, numbered in order; members only read", async () => {
    const first = await send("facilitator", "/recommendations", {
      title: "Establish innovation zones",
    });
    expect(first.status).toBe(302);
    recommendationId = first.headers.get("location")!.split("/").pop()!;
    expect(
      (await send("recorder", "/recommendations", { title: "Support assessment for learning" }))
        .status,
    ).toBe(302);
    expect((await send("memberA", "/recommendations", { title: "Mine" })).status).toBe(403);
    const list = await (await page("memberA", "/recommendations")).text();
    expect(list).toMatch(
      /Recommendation 1: Establish innovation zones[\s\S]*Recommendation 2: Support assessment for learning/,
    );
  });

  it("reorder: numbers follow", async () => {
    expect(
      (
        await send("facilitator", "/recommendations", {
          intent: "move",
          recommendationId,
          direction: "down",
        })
      ).status,
    ).toBe(200);
    const list = await (await page("memberA", "/recommendations")).text();
    expect(list).toMatch(
      /Recommendation 1: Support assessment for learning[\s\S]*Recommendation 2: Establish innovation zones/,
    );
  });

  it("links themes, traceable both ways on the pages", async () => {
    expect(
      (await onRecommendation("facilitator", recommendationId, { intent: "link-theme", themeId }))
        .status,
    ).toBe(200);
    const recommendation = await (
      await page("memberA", `/recommendations/${recommendationId}`)
    ).text();
    expect(recommendation).toContain("Release time for collaboration");
    expect(recommendation).toContain(`theming#idea-${ideaId}`);
    const theming = await (await page("memberA", `/sessions/${cast.session.id}/theming`)).text();
    expect(theming).toContain("Recommendation 2: Establish innovation zones");
    expect(theming).toContain(`/recommendations/${recommendationId}`);
  });

  it("saves the details, Knoster coverage and SMART goal", async () => {
    const saved = await onRecommendation("facilitator", recommendationId, {
      intent: "edit",
      title: "Establish innovation zones",
      rationale: "Educators need space to grow in competency-based learning.",
      knosterCoverage: ["vision", "incentives"],
      goalSpecific: "Cohort 1 districts design a growth-based assessment system",
      strategies: "System Design Group\nInnovative Learning Design Group",
    });
    expect(saved.status).toBe(200);
    const stored = await app.ctx.db.recommendation.findUniqueOrThrow({
      where: { id: recommendationId },
    });
    expect(stored.knosterCoverage).toBe("vision,incentives");
    const bad = await onRecommendation("facilitator", recommendationId, {
      intent: "edit",
      title: "",
      knosterCoverage: ["telepathy"],
    });
    expect(bad.status).toBe(400);
    const reply = (await bad.json()) as { result: { error: Record<string, string[]> } };
    expect(inEnglish(reply.result.error.title)).toEqual(["Give the recommendation a title"]);
    expect(Object.keys(reply.result.error).some((k) => k.startsWith("knosterCoverage"))).toBe(true);
    expect(
      (await app.ctx.db.recommendation.findUniqueOrThrow({ where: { id: recommendationId } }))
        .title,
    ).toBe("Establish innovation zones");
  });
});

describe("key action steps", () => {
  it("refuse invalid steps with field errors and store nothing", async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ dueOn: "2027-01-01" }, "dueOn", /before the start date/],
      [{ ownerGroup: "" }, "ownerGroup", /Name who owns this step/],
      [{ status: "someday" }, "status", /Choose a status/],
      [{ horizon: "next_decade" }, "horizon", /Choose when/],
      [{ startsOn: "2027-02-31" }, "startsOn", /YYYY-MM-DD/],
      [{ description: "" }, "description", /Describe the action step/],
      [{ ownerUserId: "../../etc" }, "ownerUserId", /Choose a member/],
    ];
    for (const [change, field, message] of cases) {
      const response = await onRecommendation("facilitator", recommendationId, {
        ...validStep,
        ...change,
      });
      expect(response.status, JSON.stringify(change)).toBe(400);
      const reply = (await response.json()) as { result: { error: Record<string, string[]> } };
      expect(inEnglish(reply.result.error[field]).join(" "), field).toMatch(message);
    }
    // An owner who is not in the work group.
    const outsider = await onRecommendation("facilitator", recommendationId, {
      ...validStep,
      ownerUserId: cast.outsider.id,
    });
    expect(outsider.status).toBe(400);
    expect(await app.ctx.db.actionStep.count()).toBe(0);
  });

  it("are added, edited and shown in the action plan; the CSV opens in a spreadsheet", async () => {
    expect((await onRecommendation("recorder", recommendationId, validStep)).status).toBe(200);
    expect(
      (
        await onRecommendation("facilitator", recommendationId, {
          ...validStep,
          description: 'Publish the "cohort 1" list, by region',
          ownerGroup: "",
          ownerUserId: cast.memberA.id,
          horizon: "30_days",
          startsOn: "2020-01-01",
          dueOn: "2020-02-01",
          status: "in_progress",
        })
      ).status,
    ).toBe(200);
    const plan = await (await page("memberB", "/action-plan")).text();
    expect(plan).toContain("Design the application and approval process");
    expect(plan).toContain("Overdue");
    expect(plan.indexOf("30 days")).toBeLessThan(plan.indexOf("90 days"));
    const filtered = await (await page("memberB", `/action-plan?owner=${cast.memberA.id}`)).text();
    expect(filtered).not.toContain("Design the application and approval process");
    expect(filtered).toContain("cohort 1");

    const csv = await page("memberB", "/action-plan.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"Publish the ""cohort 1"" list, by region",Ada Member,30 days');
  });

  it("keeps who changed what in the history, for facilitators only", async () => {
    const history = await page("facilitator", "/history");
    expect(history.status).toBe(200);
    const text = await history.text();
    expect(text).toContain("Rory Recorder");
    expect(text).toContain("Added the action step “Design the application and approval process”");
    expect((await page("memberA", "/history")).status).toBe(403);
  });

  it("a recommendation from another work group is not found", async () => {
    const other = await app.ctx.db.workGroup.create({
      data: { programId: cast.program.id, slug: "other-wg", name: "Other" },
    });
    const foreign = await app.ctx.db.recommendation.create({
      data: { workGroupId: other.id, position: 1, title: "Not yours" },
    });
    expect((await page("facilitator", `/recommendations/${foreign.id}`)).status).toBe(404);
    expect((await onRecommendation("facilitator", foreign.id, { ...validStep })).status).toBe(404);
  });
});
