import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en, type MessageKey } from "../../app/modules/i18n/en.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";

let app: TestApp;
let cast: Cast;
let cookies: Record<string, string>;
let recommendationId = "";
let planId = "";
let goalId = "";
let measureId = "";

beforeAll(async () => {
  ({ app, cast, cookies } = await startSeededApp());
  const recommendation = await app.ctx.db.recommendation.create({
    data: {
      workGroupId: cast.workGroup.id,
      position: 1,
      title: "Establish innovation zones",
      rationale: "Districts asked for room to try new models.",
      goalSpecific: "Three innovation zones approved by June 2028",
      strategies: "Competency-based pathways\nFlexible seat time",
    },
  });
  recommendationId = recommendation.id;
});
afterAll(async () => {
  await app?.stop();
});

const base = () => `/work-groups/${cast.workGroup.slug}`;
const PLAN_ROUTE = "routes/work-groups.$slug.plans.$planId";
const GOAL_ROUTE = "routes/work-groups.$slug.plans.$planId_.goals.$goalId";
const send = (who: string, path: string, fields: Record<string, string>) =>
  postForm(app.url, `${base()}${path}`, cookies[who]!, fields);
const onPlan = (who: string, fields: Record<string, string>) =>
  send(who, `/plans/${planId}?_data=${PLAN_ROUTE}`, fields);
const onGoal = (who: string, fields: Record<string, string>) =>
  send(who, `/plans/${planId}/goals/${goalId}?_data=${GOAL_ROUTE}`, fields);
const page = (who: string, path: string) =>
  fetch(`${app.url}${base()}${path}`, { headers: { cookie: cookies[who]! } });

type Reply = {
  result: {
    status?: string;
    error?: Record<string, string[] | null>;
    initialValue?: Record<string, unknown>;
  } | null;
};
/** A reply's field errors as the page says them in English: the schema answers with keys. */
async function fieldErrors(response: Response) {
  const reply = (await response.json()) as Reply;
  const said: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(reply.result?.error ?? {})) {
    said[field] = (keys ?? []).map((key) => en[key as MessageKey] ?? key);
  }
  return { said, typed: reply.result?.initialValue ?? {} };
}

/** A calendar day counted from today: readings may not be dated in the future. */
function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const measure = {
  intent: "add-measure",
  name: "Students proficient or advanced in English language arts",
  unit: "percent",
  baseline: "52",
  baselineOn: isoDay(-300),
  target: "62",
  targetOn: "2029-06-01",
  source: "Annual Performance Report",
};

describe("improvement plans", () => {
  it("are started by the planning team's facilitators and recorders; members only read", async () => {
    const created = await send("facilitator", "/plans", {
      level: "district",
      name: "Riverside R-IV School District",
      startYear: "2026",
      endYear: "2030",
    });
    expect(created.status).toBe(302);
    planId = created.headers.get("location")!.split("/").pop()!;
    const byMember = await send("memberA", "/plans", {
      level: "district",
      name: "Mine",
      startYear: "2026",
      endYear: "2030",
    });
    expect(byMember.status).toBe(403);
    const list = await (await page("memberA", "/plans")).text();
    expect(list).toContain("Riverside R-IV School District");
    expect(list).toContain("2026 to 2030");
    expect((await page("memberA", `/plans/${planId}`)).status).toBe(200);
    // Outsiders cannot tell the work group or its plans exist.
    expect((await page("outsider", `/plans/${planId}`)).status).toBe(404);
    expect((await send("outsider", "/plans", { level: "district" })).status).toBe(404);
  });

  it("keep the handbook's components, edited by the team in their order", async () => {
    const saved = await onPlan("recorder", {
      intent: "edit",
      level: "district",
      name: "Riverside R-IV School District",
      startYear: "2026",
      endYear: "2030",
      planningProcess: "A team of 24 stakeholders met six times, led by the superintendent.",
      beliefsVision: "All students can learn at high levels.",
      mission: "Every student graduates ready for success.",
      keyIssuesData: "ELA proficiency fell two years running.",
      keyIssuesFactors: "Teacher turnover; a new industrial park.",
      prioritizedNeeds: "Reading in grades 3-5\nTeacher retention",
    });
    expect(saved.status).toBe(200);
    const html = await (await page("memberA", `/plans/${planId}`)).text();
    const order = [
      "Description of the planning process",
      "A team of 24 stakeholders",
      "Beliefs and vision",
      "Mission statement",
      "Key issues identified from annual performance data",
      "Key issues identified from internal and external factors",
      "Prioritized needs",
      "Teacher retention",
      "Goals",
    ].map((text) => html.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect((await onPlan("memberA", { intent: "edit", name: "x" })).status).toBe(403);
  });

  it("say what is wrong with bad years, keeping what was typed", async () => {
    const refused = await onPlan("facilitator", {
      intent: "edit",
      level: "district",
      name: "Riverside R-IV School District",
      startYear: "2030",
      endYear: "2026",
      mission: "Kept as typed",
    });
    expect(refused.status).toBe(400);
    const { said, typed } = await fieldErrors(refused);
    expect(said.endYear).toEqual([en["plans.errors.endBeforeStart"]]);
    expect(typed.mission).toBe("Kept as typed");
  });

  it("start a goal from a recommendation, linked both ways", async () => {
    const started = await onPlan("facilitator", { intent: "start-goal", recommendationId });
    expect(started.status).toBe(204);
    goalId = started.headers.get("x-remix-redirect")!.split("/").pop()!;
    const goal = await app.ctx.db.planGoal.findUniqueOrThrow({ where: { id: goalId } });
    expect(goal).toMatchObject({
      recommendationId,
      title: "Establish innovation zones",
      smartGoal: "Three innovation zones approved by June 2028",
      strategies: "Competency-based pathways\nFlexible seat time",
    });
    const goalPage = await (await page("memberA", `/plans/${planId}/goals/${goalId}`)).text();
    expect(goalPage).toContain("Started from recommendation 1: Establish innovation zones");
    expect(goalPage).toContain(`/recommendations/${recommendationId}`);
    const recommendationPage = await (
      await page("memberA", `/recommendations/${recommendationId}`)
    ).text();
    expect(recommendationPage).toContain("Goal in plan Riverside R-IV School District");
    expect(recommendationPage).toContain(`/plans/${planId}/goals/${goalId}`);
    // One goal per recommendation in a plan.
    const again = await onPlan("facilitator", { intent: "start-goal", recommendationId });
    expect(again.status).toBe(400);
    expect((await fieldErrors(again)).said.recommendationId).toEqual([
      en["plans.errors.recommendationTaken"],
    ]);
    expect((await onPlan("memberA", { intent: "start-goal", recommendationId })).status).toBe(403);
  });

  it("refuse a measure whose target date is not after its baseline date, or without a unit", async () => {
    const early = await onGoal("facilitator", { ...measure, targetOn: "2026-01-01" });
    expect(early.status).toBe(400);
    const first = await fieldErrors(early);
    expect(first.said.targetOn).toEqual([en["plans.errors.targetBeforeBaseline"]]);
    expect(first.typed.name).toBe(measure.name);
    const noUnit = await onGoal("facilitator", { ...measure, unit: " " });
    expect(noUnit.status).toBe(400);
    const second = await fieldErrors(noUnit);
    expect(second.said.unit).toEqual([en["plans.errors.unit"]]);
    expect(second.typed.source).toBe(measure.source);
    expect(await app.ctx.db.goalMeasure.count({ where: { goalId } })).toBe(0);
  });

  it("keep a measure and its readings, and show progress as a chart and a table", async () => {
    expect((await onGoal("memberA", measure)).status).toBe(403);
    expect((await onGoal("facilitator", measure)).status).toBe(200);
    measureId = (await app.ctx.db.goalMeasure.findFirstOrThrow({ where: { goalId } })).id;
    const readings = [
      { value: "54", takenOn: isoDay(-200), note: "Fall benchmark" },
      // A decimal comma, as Spanish readers type it.
      { value: "55,5", takenOn: isoDay(-100), note: "Winter benchmark" },
      { value: "57", takenOn: isoDay(0), note: "Spring benchmark" },
    ];
    for (const reading of readings) {
      const added = await onGoal("recorder", {
        intent: "add-reading",
        measureId,
        ...reading,
        evidenceUrl: "https://example.org/benchmark.pdf",
      });
      expect(added.status).toBe(200);
    }
    const stored = await app.ctx.db.measureReading.findMany({
      where: { measureId },
      orderBy: { takenOn: "asc" },
    });
    expect(stored.map((r) => r.value)).toEqual([54, 55.5, 57]);
    const html = await (await page("memberA", `/plans/${planId}/goals/${goalId}`)).text();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="[^"]*50% of the way to the target/);
    expect(html).toContain("Baseline 52");
    expect(html).toContain("Target 62");
    // A point per reading, in the phone's drawing and in the wider one.
    expect(html.match(/<circle/g)?.length).toBe(6);
    const rowDate = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
    expect(html).toContain(rowDate.format(new Date(`${isoDay(-200)}T00:00:00Z`)));
    expect(html).toContain("55.5");
    expect(html).toContain("Winter benchmark");
  });

  it("read in Spanish: Spanish words and dates, staff text marked as English", async () => {
    await app.ctx.db.user.update({ where: { id: cast.memberB.id }, data: { locale: "es" } });
    const html = await (await page("memberB", `/plans/${planId}/goals/${goalId}`)).text();
    expect(html).toMatch(/<html[^>]*lang="es"/);
    expect(html).toContain("Línea de base 52");
    // Numbers as Spanish readers in the United States write them (es-US), as elsewhere.
    expect(html).toContain("55.5");
    expect(html).toContain("50% del camino hacia el objetivo");
    const rowDate = new Intl.DateTimeFormat("es-US", { dateStyle: "medium", timeZone: "UTC" });
    expect(html).toContain(rowDate.format(new Date(`${isoDay(-200)}T00:00:00Z`)));
    expect(html).toContain('<span lang="en">Winter benchmark</span>');
    expect(html).toContain('<span lang="en">Establish innovation zones</span>');
    const list = await (await page("memberB", "/plans")).text();
    expect(list).toContain("Plan del distrito");
    expect(list).toContain(">Planes<");
  });

  it("refuse a reading dated in the future, keeping what was typed", async () => {
    const refused = await onGoal("facilitator", {
      intent: "add-reading",
      measureId,
      value: "60",
      takenOn: isoDay(3),
      note: "Not yet counted",
    });
    expect(refused.status).toBe(400);
    const { said, typed } = await fieldErrors(refused);
    expect(said.takenOn).toEqual([en["plans.errors.takenInFuture"]]);
    expect(typed.note).toBe("Not yet counted");
    expect(await app.ctx.db.measureReading.count({ where: { measureId } })).toBe(3);
  });

  it("keep action steps by horizon, with a person responsible from the planning team", async () => {
    const step = {
      intent: "add-step",
      horizon: "30_days",
      description: "Form the innovation zone design team",
      startsOn: "2027-01-04",
      resources: "Release time",
    };
    const outside = await onGoal("facilitator", { ...step, ownerUserId: cast.outsider.id });
    expect(outside.status).toBe(400);
    const { said, typed } = await fieldErrors(outside);
    expect(said.ownerUserId).toEqual([en["plans.errors.ownerOutsideTeam"]]);
    expect(typed.description).toBe(step.description);
    expect(await app.ctx.db.planStep.count({ where: { goalId } })).toBe(0);

    expect((await onGoal("facilitator", { ...step, ownerUserId: cast.memberA.id })).status).toBe(
      200,
    );
    expect(
      (
        await onGoal("facilitator", {
          ...step,
          horizon: "long_range",
          description: "Evaluate the zones each year",
        })
      ).status,
    ).toBe(200);
    expect((await onGoal("memberA", step)).status).toBe(403);
    const first = await app.ctx.db.planStep.findFirstOrThrow({
      where: { goalId, horizon: "30_days" },
    });
    expect((await onGoal("recorder", { intent: "complete-step", stepId: first.id })).status).toBe(
      200,
    );
    expect(
      (await app.ctx.db.planStep.findUniqueOrThrow({ where: { id: first.id } })).completedOn,
    ).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const html = await (await page("memberA", `/plans/${planId}/goals/${goalId}`)).text();
    expect(html).toMatch(/30 days[\s\S]*Form the innovation zone design team[\s\S]*Ada Member/);
    expect(html).toMatch(/Long range[\s\S]*Evaluate the zones each year/);
    const plan = await (await page("memberA", `/plans/${planId}`)).text();
    expect(plan).toContain("1 of 2 action steps complete");
  });

  it("refuse a goal of another plan, or a measure of another goal (404)", async () => {
    const other = await app.ctx.db.improvementPlan.create({
      data: {
        programId: cast.program.id,
        workGroupId: cast.workGroup.id,
        level: "school",
        name: "Riverside Elementary",
        startYear: 2026,
        endYear: 2029,
      },
    });
    expect((await page("facilitator", `/plans/${other.id}/goals/${goalId}`)).status).toBe(404);
    const otherGoal = await app.ctx.db.planGoal.create({
      data: { planId: other.id, position: 1, title: "Reading" },
    });
    const wrongMeasure = await postForm(
      app.url,
      `${base()}/plans/${other.id}/goals/${otherGoal.id}?_data=${GOAL_ROUTE}`,
      cookies.facilitator!,
      { intent: "add-reading", measureId, value: "1", takenOn: "2026-10-01" },
    );
    expect(wrongMeasure.status).toBe(400);
    expect((await fieldErrors(wrongMeasure)).said.measureId).toEqual([en["plans.errors.measure"]]);
  });
});

describe("mistakes in a plan", () => {
  it("are put right: a step edited, a measure corrected, a reading removed", async () => {
    const step = await app.ctx.db.planStep.findFirstOrThrow({
      where: { goalId, horizon: "30_days" },
    });
    const edited = await onGoal("facilitator", {
      intent: "edit-step",
      stepId: step.id,
      horizon: "60_days",
      description: "Form the design team with a teacher from each building",
      ownerUserId: cast.recorder.id,
      startsOn: "2027-02-01",
      resources: "Release time",
    });
    expect(edited.status).toBe(200);
    expect(await app.ctx.db.planStep.findUniqueOrThrow({ where: { id: step.id } })).toMatchObject({
      horizon: "60_days",
      ownerUserId: cast.recorder.id,
      completedOn: null,
    });
    const outside = await onGoal("facilitator", {
      intent: "edit-step",
      stepId: step.id,
      horizon: "60_days",
      description: "Form the design team",
      ownerUserId: cast.outsider.id,
    });
    expect(outside.status).toBe(400);
    expect((await fieldErrors(outside)).said.ownerUserId).toEqual([
      en["plans.errors.ownerOutsideTeam"],
    ]);

    const corrected = await onGoal("recorder", {
      ...measure,
      intent: "edit-measure",
      measureId,
      baseline: "50",
    });
    expect(corrected.status).toBe(200);
    expect(
      (await app.ctx.db.goalMeasure.findUniqueOrThrow({ where: { id: measureId } })).baseline,
    ).toBe(50);
    const backwards = await onGoal("recorder", {
      ...measure,
      intent: "edit-measure",
      measureId,
      targetOn: measure.baselineOn,
    });
    expect(backwards.status).toBe(400);
    expect((await fieldErrors(backwards)).said.targetOn).toEqual([
      en["plans.errors.targetBeforeBaseline"],
    ]);

    const reading = await app.ctx.db.measureReading.findFirstOrThrow({
      where: { measureId },
      orderBy: { takenOn: "asc" },
    });
    expect(
      (await onGoal("memberA", { intent: "delete-reading", readingId: reading.id })).status,
    ).toBe(403);
    expect(
      (await onGoal("recorder", { intent: "delete-reading", readingId: reading.id })).status,
    ).toBe(200);
    expect(await app.ctx.db.measureReading.count({ where: { measureId } })).toBe(2);
    expect(
      (await onGoal("recorder", { intent: "delete-reading", readingId: reading.id })).status,
    ).toBe(404);
    // Facilitators read who changed the goal, and when; members do not.
    const forFacilitator = await (
      await page("facilitator", `/plans/${planId}/goals/${goalId}`)
    ).text();
    expect(forFacilitator).toContain("Changes to this goal");
    expect(forFacilitator).toContain("Edited the action step “Form the design team with a teacher");
    expect(forFacilitator).toMatch(/Removed the reading 54 on \d{4}-\d{2}-\d{2}/);
    expect(forFacilitator).toContain("Rory Recorder");
    const forMember = await (await page("memberA", `/plans/${planId}/goals/${goalId}`)).text();
    expect(forMember).not.toContain("Changes to this goal");
    const history = await (await page("facilitator", "/history")).text();
    expect(history).toContain("Started the plan “Riverside R-IV School District”");
  });
});

describe("a school's plan", () => {
  it("is aligned with a district plan of the same program, and no other", async () => {
    const created = await send("facilitator", "/plans", {
      level: "school",
      name: "Riverside Middle School",
      startYear: "2026",
      endYear: "2029",
    });
    expect(created.status).toBe(302);
    const schoolId = created.headers.get("location")!.split("/").pop()!;
    const edit = (districtPlanId: string) =>
      send("facilitator", `/plans/${schoolId}?_data=${PLAN_ROUTE}`, {
        intent: "edit",
        level: "school",
        name: "Riverside Middle School",
        startYear: "2026",
        endYear: "2029",
        districtPlanId,
      });
    const elsewhere = await app.ctx.db.program.create({
      data: { slug: `other-${schoolId}`, name: "Another program" },
    });
    const otherGroup = await app.ctx.db.workGroup.create({
      data: { programId: elsewhere.id, slug: `other-${schoolId}`, name: "Another work group" },
    });
    const foreign = await app.ctx.db.improvementPlan.create({
      data: {
        programId: elsewhere.id,
        workGroupId: otherGroup.id,
        level: "district",
        name: "Another district",
        startYear: 2026,
        endYear: 2030,
      },
    });
    const refused = await edit(foreign.id);
    expect(refused.status).toBe(400);
    expect((await fieldErrors(refused)).said.districtPlanId).toEqual([
      en["plans.errors.districtPlan"],
    ]);
    expect((await edit(planId)).status).toBe(200);
    const list = await (await page("memberA", "/plans")).text();
    expect(list).toMatch(
      /Riverside Middle School[\s\S]*School plan[\s\S]*Aligned with Riverside R-IV/,
    );
  });
});
