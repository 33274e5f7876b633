import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../app/modules/demo/demo.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { readStoredDocument } from "../../app/modules/documents/lexical-document.server.ts";
import { en, type MessageKey } from "../../app/modules/i18n/en.ts";
import { es } from "../../app/modules/i18n/es.ts";
import { GOAL_PARTS, PLAN_COMPONENTS } from "../../app/modules/improvement-plan/schema.ts";
import { blockText } from "../../app/modules/publication/content.ts";
import {
  type Cast,
  cookieFor,
  startSeededApp,
  startTestApp,
  type TestApp,
} from "../support/app.ts";
import { englishIn, shownText } from "../support/catalogue.ts";
import { expectInOrder } from "../support/documents.ts";
import { postForm } from "../support/http.ts";

let app: TestApp;
let cast: Cast;
let cookies: Record<string, string>;
let planId = "";
let attendance = "";
let literacy = "";

/** The school year under review: last year's, so its readings and steps are in the past. */
const YEAR = new Date().getUTCFullYear() - 1;
const IN_YEAR = `${YEAR}-10-15`;

const base = () => `/work-groups/${cast.workGroup.slug}`;
const HUB = "routes/work-groups.$slug.plans.$planId_.review._index";
const YEAR_ROUTE = "routes/work-groups.$slug.plans.$planId_.review.$year";
const COMPARE = "routes/work-groups.$slug.plans.$planId_.versions.compare";
const send = (who: string, path: string, fields: Record<string, string>) =>
  postForm(app.url, `${base()}${path}`, cookies[who]!, fields);
const get = (who: string, path: string) =>
  fetch(`${app.url}${base()}${path}`, { headers: { cookie: cookies[who]! } });
const onYear = (who: string, fields: Record<string, string>, year = YEAR) =>
  send(who, `/plans/${planId}/review/${year}?_data=${YEAR_ROUTE}`, fields);
const revise = (who: string, note: string) =>
  send(who, `/plans/${planId}/review?_data=${HUB}`, { note });
const compare = (who: string, from: string, to: string) =>
  get(who, `/plans/${planId}/versions/compare?from=${from}&to=${to}&_data=${COMPARE}`);

type Reply = {
  result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
  error?: Record<string, string[] | null>;
  initialValue?: Record<string, unknown>;
};
/** A reply's field errors as the page says them in English: the schemas answer with keys. */
async function fieldErrors(response: Response) {
  const reply = (await response.json()) as Reply;
  const result = reply.result ?? reply;
  const said: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(result.error ?? {})) {
    said[field] = (keys ?? []).map((key) => en[key as MessageKey] ?? key);
  }
  return { said, typed: result.initialValue ?? {} };
}

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** A download read as bytes: text() would drop the byte order mark spreadsheets need. */
async function csvOf(response: Response) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

beforeAll(async () => {
  ({ app, cast, cookies } = await startSeededApp());
  const plan = await app.ctx.db.improvementPlan.create({
    data: {
      programId: cast.program.id,
      workGroupId: cast.workGroup.id,
      level: "district",
      name: "Riverside R-IV School District",
      startYear: YEAR - 1,
      endYear: YEAR + 3,
      planningProcess: "A planning team of thirty met six times.",
      beliefsVision: "All students can learn at high levels.",
      mission: "We prepare every student for success after high school.",
      keyIssuesData: "Attendance fell two years running.",
      keyIssuesFactors: "New families are moving into the district.",
      prioritizedNeeds: "Attendance\nEarly literacy",
    },
  });
  planId = plan.id;
  const goal = (position: number, title: string) =>
    app.ctx.db.planGoal.create({
      data: { planId, position, title, smartGoal: `${title} by June ${YEAR + 3}` },
    });
  attendance = (await goal(1, "Attendance")).id;
  literacy = (await goal(2, "Early literacy")).id;
  const measure = await app.ctx.db.goalMeasure.create({
    data: {
      goalId: attendance,
      position: 1,
      name: "Students attending 90% of days",
      unit: "%",
      baseline: 80,
      baselineOn: `${YEAR - 1}-09-01`,
      target: 90,
      targetOn: `${YEAR + 3}-06-01`,
    },
  });
  await app.ctx.db.measureReading.createMany({
    data: [
      {
        measureId: measure.id,
        value: 82,
        takenOn: IN_YEAR,
        note: 'After the "Every day counts" week, first term',
      },
      { measureId: measure.id, value: 85.5, takenOn: `${YEAR + 1}-03-01`, note: "" },
    ],
  });
  await app.ctx.db.planStep.createMany({
    data: [
      {
        goalId: attendance,
        position: 1,
        horizon: "30_days",
        description: 'Call families, the same day, of students absent "without word"',
        resources: "Two attendance clerks, phones",
        completedOn: IN_YEAR,
        ownerUserId: cast.recorder.id,
      },
      {
        goalId: attendance,
        position: 2,
        horizon: "long_range",
        description: "=Reward perfect attendance each term",
        resources: "",
      },
      { goalId: literacy, position: 1, horizon: "90_days", description: "Screen every K-2 reader" },
    ],
  });
});
afterAll(async () => {
  await app?.stop();
});

describe("a plan's horizon", () => {
  it("runs three to five school years: fewer or more get a field error and nothing is saved", async () => {
    const before = await app.ctx.db.improvementPlan.count();
    const start = (endYear: string) =>
      send("facilitator", "/plans?_data=routes/work-groups.$slug.plans._index", {
        level: "district",
        name: "Too short a plan",
        startYear: "2026",
        endYear,
      });
    const short = await start("2027");
    expect(short.status).toBe(400);
    expect((await fieldErrors(short)).said.endYear).toEqual([en["plans.errors.tooFewYears"]]);
    const long = await start("2032");
    expect(long.status).toBe(400);
    expect((await fieldErrors(long)).said.endYear).toEqual([en["plans.errors.tooManyYears"]]);
    expect(await app.ctx.db.improvementPlan.count()).toBe(before);
  });

  it("is shown with its school years on the review page, one review for each", async () => {
    const response = await get("memberA", `/plans/${planId}/review?_data=${HUB}`);
    expect(response.status).toBe(200);
    const hub = (await response.json()) as { years: { year: number }[] };
    expect(hub.years.map((y) => y.year)).toEqual([YEAR - 1, YEAR, YEAR + 1, YEAR + 2]);
    const html = await (await get("memberA", `/plans/${planId}/review`)).text();
    expect(html).toContain(`${YEAR - 1} to ${YEAR + 3}: 4 school years`);
  });
});

describe("the yearly review", () => {
  const evidence = {
    intent: "review-goal",
    outcome: "progressing",
    evidence: "Attendance rose from 80% to 82% in the first term.",
    evidenceUrl: "https://example.org/attendance-report",
  };

  it("is written by the planning team only: a member is refused, an outsider finds nothing", async () => {
    expect((await onYear("memberA", { ...evidence, goalId: attendance })).status).toBe(403);
    expect((await onYear("outsider", { ...evidence, goalId: attendance })).status).toBe(404);
    expect(await app.ctx.db.planGoalReview.count()).toBe(0);
  });

  it("says what is wrong with an outcome not in the list, missing evidence or a bad link, keeping what was typed", async () => {
    const wrong = await onYear("facilitator", {
      ...evidence,
      goalId: attendance,
      outcome: "excellent",
    });
    expect(wrong.status).toBe(400);
    const said = await fieldErrors(wrong);
    expect(said.said.outcome).toEqual([en["planReview.errors.outcome"]]);
    expect(said.typed.evidence).toBe(evidence.evidence);

    const bare = await onYear("facilitator", {
      ...evidence,
      goalId: attendance,
      evidence: "",
      evidenceUrl: "",
    });
    expect((await fieldErrors(bare)).said.evidence).toEqual([en["planReview.errors.evidence"]]);

    const link = await onYear("facilitator", {
      ...evidence,
      goalId: attendance,
      evidenceUrl: "javascript:alert(1)",
    });
    expect((await fieldErrors(link)).said.evidenceUrl).toEqual([
      en["planReview.errors.evidenceUrl"],
    ]);

    const stranger = await onYear("facilitator", { ...evidence, goalId: "nosuchgoal" });
    expect(stranger.status).toBe(400);
    expect((await fieldErrors(stranger)).said.goalId).toEqual([en["planReview.errors.goal"]]);
    expect(await app.ctx.db.planGoalReview.count()).toBe(0);
  });

  it("answers 404 with a clear message for a year outside the plan or not a year", async () => {
    const outside = await get("facilitator", `/plans/${planId}/review/${YEAR + 7}`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain(
      `${YEAR + 7} is not a school year of this plan, which runs from ${YEAR - 1} to ${YEAR + 3}.`,
    );
    expect((await get("facilitator", `/plans/${planId}/review/next`)).status).toBe(404);
    const posted = await onYear("facilitator", { ...evidence, goalId: attendance }, YEAR + 7);
    expect(posted.status).toBe(404);
  });

  it("waits for a school year to begin: its outcomes are refused beside the form, nothing saved", async () => {
    const next = YEAR + 2;
    const refused = await onYear("facilitator", { ...evidence, goalId: attendance }, next);
    expect(refused.status).toBe(409);
    const reply = (await refused.json()) as Reply;
    expect(reply.result?.error?.[""]).toEqual([
      `The ${next}-${next + 1} school year has not begun: it is reviewed once it has.`,
    ]);
    expect(reply.result?.initialValue?.evidence).toBe(evidence.evidence);
    expect((await onYear("facilitator", { intent: "complete" }, next)).status).toBe(409);
    const page = shownText(
      await (await get("facilitator", `/plans/${planId}/review/${next}`)).text(),
    );
    expect(page).toContain(en["planReview.status.upcoming"]);
    expect(page).not.toContain(en["planReview.saveGoal"]);
    expect(await app.ctx.db.planReview.count()).toBe(0);
  });

  it("is completed only once every goal has its outcome, and shows the year's results", async () => {
    expect((await onYear("recorder", { ...evidence, goalId: attendance })).status).toBe(200);
    const early = await onYear("facilitator", { intent: "complete" });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { notice: string }).notice).toBe(
      "1 goal has no outcome yet: review every goal, then complete the review.",
    );
    // The report waits for the review.
    const tooSoon = await onYear("facilitator", { intent: "draft-report" });
    expect(tooSoon.status).toBe(409);

    expect(
      (
        await onYear("facilitator", {
          intent: "review-goal",
          goalId: literacy,
          outcome: "not_met",
          evidence: "",
          evidenceUrl: "https://example.org/screening",
        })
      ).status,
    ).toBe(200);
    // Corrected: the same goal's outcome is replaced, not added twice.
    await onYear("facilitator", { ...evidence, goalId: attendance, outcome: "met" });
    expect((await onYear("facilitator", { intent: "complete" })).status).toBe(200);

    const page = await get("memberA", `/plans/${planId}/review/${YEAR}?_data=${YEAR_ROUTE}`);
    const review = (await page.json()) as {
      completedAt: string | null;
      goals: {
        id: string;
        review: { outcome: string } | null;
        completed: { description: string }[];
        measures: { latest: { value: number } | null }[];
      }[];
    };
    expect(review.completedAt).not.toBeNull();
    const [first, second] = review.goals;
    expect(first!.review!.outcome).toBe("met");
    expect(second!.review!.outcome).toBe("not_met");
    // The year's own results: the step done that year, the reading at the year's end.
    expect(first!.completed.map((s) => s.description)).toEqual([
      'Call families, the same day, of students absent "without word"',
    ]);
    expect(first!.measures[0]!.latest!.value).toBe(85.5);
    expect(await app.ctx.db.planGoalReview.count()).toBe(2);
  });

  it("drafts the annual progress report, published as a report in every format", async () => {
    expect((await onYear("memberA", { intent: "draft-report" })).status).toBe(403);
    const drafted = await onYear("facilitator", { intent: "draft-report" });
    expect(drafted.status).toBe(204);
    const location = drafted.headers.get("x-remix-redirect") ?? "";
    const publicationId = location.split("/publications/")[1]!;
    expect(publicationId).toMatch(/^[a-z0-9]+$/);
    // Asked again, it is the same report.
    const again = await onYear("facilitator", { intent: "draft-report" });
    expect(again.headers.get("x-remix-redirect")).toBe(location);

    const publication = await app.ctx.db.publication.findUniqueOrThrow({
      where: { id: publicationId },
      select: { kind: true, title: true },
    });
    expect(publication).toEqual({
      kind: "report",
      title: `Annual progress report ${YEAR}-${YEAR + 1}: Riverside R-IV School District`,
    });
    const draft = (await readStoredDocument(app.ctx, documentName.publication(publicationId)))
      .map(blockText)
      .join("\n");
    expectInOrder(draft, [
      "Summary",
      "Met: Attendance",
      "Not met: Early literacy",
      "Attendance",
      "Outcome: Met",
      "Evidence",
      "Attendance rose from 80% to 82% in the first term.",
      "Measures against targets",
      `Students attending 90% of days · At the year's end: 85.5 % on March 1, ${YEAR + 1}`,
      "target 90 % by",
      "Completed work",
      'Call families, the same day, of students absent "without word"',
      "1 action step is still open.",
      "Early literacy",
      "Outcome: Not met",
      "No action steps were completed this school year.",
    ]);

    // Published like any report: a version, then the public site's downloads.
    const publish = await send("facilitator", `/publications/${publicationId}`, {
      intent: "publish",
    });
    expect(publish.status).toBe(200);
    await send("facilitator", "/public-site", {
      intent: "publish-item",
      item: "work_group",
      publish: "yes",
    });
    const site = `${app.url}/public/${cast.workGroup.slug}/publications/${publicationId}`;
    const markdown = await (await fetch(`${site}/md`)).text();
    expect(markdown).toContain("## Measures against targets");
    const docx = await fetch(`${site}/docx`);
    expect(docx.status).toBe(200);
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(await docx.arrayBuffer()),
    });
    expect(value).toContain("Attendance rose from 80% to 82% in the first term.");
    expect((await fetch(`${site}/pdf`)).headers.get("content-type")).toBe("application/pdf");
    const hub = (await (await get("memberA", `/plans/${planId}/review?_data=${HUB}`)).json()) as {
      years: { year: number; hasReport: boolean }[];
    };
    expect(hub.years.find((y) => y.year === YEAR)!.hasReport).toBe(true);
  });
});

describe("revising the plan", () => {
  it("keeps numbered versions with who, when and what changed; bad notes are refused", async () => {
    expect((await revise("memberA", "Mine")).status).toBe(403);
    const empty = await revise("facilitator", "   ");
    expect(empty.status).toBe(400);
    expect((await fieldErrors(empty)).said.note).toEqual([en["planReview.errors.note"]]);
    expect(await app.ctx.db.planVersion.count({ where: { planId } })).toBe(0);

    const first = await revise("facilitator", "The plan as the board adopted it.");
    expect(((await first.json()) as { revised: number }).revised).toBe(1);

    // The yearly review's lessons: the mission sharpened, a goal added, a target moved.
    await app.ctx.db.improvementPlan.update({
      where: { id: planId },
      data: { mission: "We prepare every student, every day, for success after high school." },
    });
    await app.ctx.db.planGoal.create({
      data: { planId, position: 3, title: "Family engagement" },
    });
    await app.ctx.db.goalMeasure.updateMany({
      where: { goalId: attendance },
      data: { target: 92 },
    });
    await app.ctx.db.planStep.deleteMany({ where: { goalId: literacy } });
    const second = await revise("recorder", "Added family engagement after the yearly review.");
    expect(((await second.json()) as { revised: number }).revised).toBe(2);

    const versions = await app.ctx.db.planVersion.findMany({
      where: { planId },
      orderBy: { number: "asc" },
      select: { number: true, note: true, createdById: true },
    });
    expect(versions).toEqual([
      { number: 1, note: "The plan as the board adopted it.", createdById: cast.facilitator.id },
      {
        number: 2,
        note: "Added family engagement after the yearly review.",
        createdById: cast.recorder.id,
      },
    ]);
  });

  it("gives two people revising at once a number each", async () => {
    const [a, b] = await Promise.all([
      revise("facilitator", "Checked after the board meeting."),
      revise("recorder", "Checked after the board meeting, too."),
    ]);
    const numbers = await Promise.all(
      [a, b].map(async (r) => ((await r.json()) as { revised: number }).revised),
    );
    expect(numbers.sort()).toEqual([3, 4]);
    // Back to two versions for the comparisons below.
    await app.ctx.db.planVersion.deleteMany({ where: { planId, number: { gt: 2 } } });
  });

  it("compares two versions side by side: components, goals, measures and steps", async () => {
    const response = await compare("memberA", "1", "2");
    expect(response.status).toBe(200);
    const { comparison } = (await response.json()) as {
      comparison: {
        plan: { field: string; before: string; after: string }[];
        goals: {
          added: { title: string }[];
          removed: unknown[];
          changed: {
            item: { title: string };
            measures: { changed: { fields: { field: string; before: string; after: string }[] }[] };
            steps: { removed: { description: string }[] };
          }[];
        };
      };
    };
    expect(comparison.plan).toEqual([
      {
        field: "plans.component.mission",
        kind: "text",
        before: "We prepare every student for success after high school.",
        after: "We prepare every student, every day, for success after high school.",
      },
    ]);
    expect(comparison.goals.added.map((g) => g.title)).toEqual(["Family engagement"]);
    expect(comparison.goals.removed).toEqual([]);
    const [attendanceChange, literacyChange] = comparison.goals.changed;
    expect(attendanceChange!.item.title).toBe("Attendance");
    expect(attendanceChange!.measures.changed[0]!.fields).toEqual([
      { field: "plans.measure.target", kind: "number", before: "90", after: "92" },
    ]);
    expect(literacyChange!.steps.removed.map((s) => s.description)).toEqual([
      "Screen every K-2 reader",
    ]);

    // The page reads as a marked-up copy, not as data.
    const html = await (
      await get("memberA", `/plans/${planId}/versions/compare?from=1&to=2`)
    ).text();
    expect(html).toContain("<ins");
    const shown = shownText(html);
    expect(shown).toContain("every day,");
    expect(shown).toContain("Family engagement");
    expect(shown).toContain(en["plans.component.mission"]);
    expect(shown).not.toContain("plans.component.mission");
    expect(shown).not.toContain("{");
  });

  it("answers an unknown version with 404 and says why; the same version twice or a bad one with 400", async () => {
    const unknown = await compare("memberA", "1", "9");
    expect(unknown.status).toBe(404);
    const page = await get("memberA", `/plans/${planId}/versions/compare?from=1&to=9`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain(
      "This plan has no version 9. Choose one of its versions to compare.",
    );
    const same = await get("memberA", `/plans/${planId}/versions/compare?from=2&to=2`);
    expect(same.status).toBe(400);
    expect(await same.text()).toContain(en["planReview.errors.sameVersion"]);
    expect((await compare("memberA", "one", "2")).status).toBe(400);
    expect((await compare("memberA", "", "")).status).toBe(400);
    // "current": the plan as it stands, since version 2 nothing changed.
    const now = (await (await compare("memberA", "2", "current")).json()) as {
      comparison: { same: boolean };
    };
    expect(now.comparison.same).toBe(true);
    expect((await compare("outsider", "1", "2")).status).toBe(404);
    // Nothing saved was lost along the way.
    expect(await app.ctx.db.planVersion.count({ where: { planId } })).toBe(2);
    expect(await app.ctx.db.planGoalReview.count()).toBe(2);
  });
});

describe("the plan's downloads", () => {
  it("the Word file holds every component in the handbook's order, then each goal in the handbook's template", async () => {
    const response = await get("memberA", `/plans/${planId}/plan.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(await response.arrayBuffer()),
    });
    const t = (key: string) => en[key as MessageKey];
    expectInOrder(value, [
      "Comprehensive School Improvement Plan: Riverside R-IV School District",
      ...PLAN_COMPONENTS.map((c) => t(`plans.component.${c}`)),
      t("plans.goals"),
      "Attendance",
      ...GOAL_PARTS.map((part) => t(`plans.goal.part.${part}`)),
      t("plans.measures"),
      "Students attending 90% of days",
      t("plans.steps"),
      "30 days:",
      'Call families, the same day, of students absent "without word"',
      "60 days:",
      "90 days:",
      "Long range:",
      "Early literacy",
      "Family engagement",
      t("planReview.document.evaluate"),
      t("planReview.reviews"),
      `${YEAR}-${YEAR + 1}, reviewed`,
      t("planReview.versions"),
      "Version 1",
      "Version 2",
    ]);
    expect((await get("outsider", `/plans/${planId}/plan.docx`)).status).toBe(404);
  });

  it("the spreadsheets parse: byte order mark, quoting, headers in the reader's language", async () => {
    const steps = await get("memberA", `/plans/${planId}/steps.csv`);
    expect(steps.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const stepsCsv = await csvOf(steps);
    expect(stepsCsv.startsWith("\uFEFF")).toBe(true);
    const stepRows = parseCsv(stepsCsv.slice(1));
    expect(stepRows[0]).toEqual([
      "Goal",
      "Action step",
      "Horizon",
      "Start date",
      "Person responsible",
      "Resources",
      "Completed on",
    ]);
    expect(stepRows[1]).toEqual([
      "Attendance",
      'Call families, the same day, of students absent "without word"',
      "30 days",
      "",
      "Rory Recorder",
      "Two attendance clerks, phones",
      IN_YEAR,
    ]);
    // A cell a spreadsheet would run as a formula is made inert.
    expect(stepRows[2]![1]).toBe("'=Reward perfect attendance each term");

    const readings = parseCsv(
      (await csvOf(await get("memberA", `/plans/${planId}/readings.csv`))).slice(1),
    );
    expect(readings[0]).toEqual([
      "Goal",
      "Measure",
      "Unit",
      "Date",
      "Value",
      "Baseline",
      "Target",
      "Target date",
      "Note",
      "Evidence",
    ]);
    expect(readings.slice(1).map((r) => [r[3], r[4], r[8]])).toEqual([
      [IN_YEAR, "82", 'After the "Every day counts" week, first term'],
      [`${YEAR + 1}-03-01`, "85.5", ""],
    ]);

    // A Spanish reader gets Spanish headers and a Spanish Word file.
    await app.ctx.db.user.update({ where: { id: cast.memberA.id }, data: { locale: "es" } });
    const spanish = parseCsv(
      (await csvOf(await get("memberA", `/plans/${planId}/steps.csv`))).slice(1),
    );
    expect(spanish[0]![0]).toBe(es["csv.planSteps.goal"]);
    expect(spanish[1]![2]).toBe(es["plans.horizon.30_days"]);
    const docx = await get("memberA", `/plans/${planId}/plan.docx`);
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(await docx.arrayBuffer()),
    });
    expectInOrder(
      value,
      PLAN_COMPONENTS.map((c) => es[`plans.component.${c}` as MessageKey]),
    );
    for (const path of [
      `/plans/${planId}`,
      `/plans/${planId}/review`,
      `/plans/${planId}/review/${YEAR}`,
      `/plans/${planId}/review/${YEAR + 2}`,
      `/plans/${planId}/versions/compare?from=1&to=2`,
    ]) {
      const html = await (await get("memberA", path)).text();
      expect(/<html lang="(\w+)"/.exec(html)?.[1], path).toBe("es");
      expect(englishIn(shownText(html)), `${path}: English on the page`).toEqual([]);
    }
    const reviewPage = shownText(
      await (await get("memberA", `/plans/${planId}/review/${YEAR}`)).text(),
    );
    expect(reviewPage).toContain(
      `${es["planReview.reviewOf"].replace("{{year}}", `${YEAR}-${YEAR + 1}`)}`,
    );
    expect(reviewPage).toContain(es["planReview.outcome.met"]);
    await app.ctx.db.user.update({ where: { id: cast.memberA.id }, data: { locale: "en" } });
    expect((await get("outsider", `/plans/${planId}/readings.csv`)).status).toBe(404);
  });
});

describe("the demo plan", () => {
  it("has one completed yearly review and two versions a newcomer can compare", async () => {
    const demo = await startTestApp();
    try {
      await loadDemo(demo.ctx);
      const plan = await demo.ctx.db.improvementPlan.findFirstOrThrow({
        select: { id: true, workGroup: { select: { slug: true } } },
      });
      const dana = await demo.ctx.db.user.findFirstOrThrow({
        where: { name: "Dana Facilitator" },
        select: { id: true },
      });
      const cookie = await cookieFor(demo.ctx, dana.id);
      const at = `${demo.url}/work-groups/${plan.workGroup.slug}/plans/${plan.id}`;
      const hub = (await (
        await fetch(`${at}/review?_data=${HUB}`, { headers: { cookie } })
      ).json()) as { years: { year: number; completedAt: string | null }[]; versions: unknown[] };
      expect(hub.years.filter((y) => y.completedAt).map((y) => y.year)).toEqual([2022]);
      expect(hub.versions).toHaveLength(2);
      const compared = (await (
        await fetch(`${at}/versions/compare?from=1&to=2&_data=${COMPARE}`, { headers: { cookie } })
      ).json()) as { comparison: { same: boolean; plan: { field: string }[] } };
      expect(compared.comparison.same).toBe(false);
      expect(compared.comparison.plan.map((c) => c.field)).toEqual([
        "plans.component.prioritizedNeeds",
      ]);
    } finally {
      await demo.stop();
    }
  });
});
