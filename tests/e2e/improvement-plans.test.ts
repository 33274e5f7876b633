import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, cookieFor, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  expectTapTarget,
  launchBrowser,
  newSignedInPerson,
  open,
  type Person,
} from "../support/browser.ts";

/**
 * A facilitator starts a district's improvement plan, writes its components, starts a goal
 * from the work group's recommendation (as the demo's), and follows its measure: three
 * readings, seen as a chart and a table. Then it monitors the plan: two action steps, a
 * progress update on each (one blocked, one done), and the implementation view. At the year's
 * end it runs the yearly review, revises the plan, compares the versions and publishes the
 * progress report: the handbook's whole cycle, in one journey on one plan.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let fay: Person;
const WAIT = { timeout: 5_000 };
const RECOMMENDATION =
  "Design/build a competency-based assessment for learning system (inclusive of federal requirements).";
const DISTRICT = "Central Region Pilot School District";

/** A calendar day counted from today: readings may not be dated in the future. */
function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const base = () => `/work-groups/${cast.workGroup.slug}`;
/** The plan this journey starts; its first school year (2026-2027) is the one reviewed. */
let planPath = "";
const FIRST_YEAR = 2026;
const SCHOOL_YEAR = `${FIRST_YEAR}-${FIRST_YEAR + 1}`;

beforeAll(async () => {
  ({ app, cast } = await startSeededApp());
  await app.ctx.db.recommendation.create({
    data: {
      workGroupId: cast.workGroup.id,
      position: 1,
      title: RECOMMENDATION,
      goalSpecific:
        "A reimagined K-12 assessment for learning system recommended to the Commissioner of Education.",
      goalTimely: "Design during the 2022-2023 school year.",
    },
  });
  browser = await launchBrowser();
  fay = await newSignedInPerson(browser, app.url, await cookieFor(app.ctx, cast.facilitator.id));
  fay.page.setDefaultTimeout(10_000);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a facilitator's improvement plan", () => {
  it("starts a district plan from the Plans tab", async () => {
    const p = fay.page;
    await open(p, base());
    await Promise.all([
      p.waitForURL(/\/plans$/),
      p.getByRole("navigation").getByRole("link", { name: "Plans" }).click(),
    ]);
    await p.getByText("No improvement plans yet.").waitFor();
    await expectNoSeriousViolations(p, `${base()}/plans`);
    await p.getByLabel("Whose plan is it?").selectOption({ label: "District plan" });
    await p.getByLabel("District or school name").fill(DISTRICT);
    await p.getByLabel("First year").fill("2026");
    await p.getByLabel("Last year").fill("2030");
    await Promise.all([
      p.waitForURL(/\/plans\/\w+$/),
      p.getByRole("button", { name: "Start plan" }).click(),
    ]);
    await p.getByRole("heading", { level: 1, name: DISTRICT }).waitFor();
    await p.getByText("District plan · 2026 to 2030").waitFor();
    planPath = new URL(p.url()).pathname;
  });

  it("writes the plan's components and reads them on the plan", async () => {
    const p = fay.page;
    await p.getByText("Edit the plan").click();
    await p
      .getByLabel("Description of the planning process")
      .fill("A planning team of 24 stakeholders met six times, led by the superintendent.");
    await p.getByLabel("Beliefs and vision").fill("All students can learn at high levels.");
    await p.getByLabel("Mission statement").fill("Every student graduates ready for success.");
    await p.getByLabel("Prioritized needs").fill("Assessment for learning\nTime to collaborate");
    await p.getByRole("button", { name: "Save plan" }).click();
    await p.getByText("The plan is saved.").waitFor(WAIT);
    await p.getByRole("listitem").filter({ hasText: "Time to collaborate" }).waitFor();
    await expectNoSeriousViolations(p, "the plan page");
  });

  it("starts a goal from the recommendation, and each page links to the other", async () => {
    const p = fay.page;
    await p.getByLabel("Recommendation", { exact: true }).selectOption({ index: 0 });
    await Promise.all([
      p.waitForURL(/\/goals\/\w+$/),
      p.getByRole("button", { name: "Start goal" }).click(),
    ]);
    await p.getByRole("heading", { level: 1, name: RECOMMENDATION }).waitFor();
    const back = p.getByRole("link", { name: `Started from recommendation 1: ${RECOMMENDATION}` });
    await back.waitFor();
    const goalUrl = p.url();
    await Promise.all([p.waitForURL(/\/recommendations\/\w+$/), back.click()]);
    await Promise.all([
      p.waitForURL(goalUrl),
      p.getByRole("link", { name: `Goal in plan ${DISTRICT}` }).click(),
    ]);
  });

  it("adds a measure with three readings and shows the chart and the table", async () => {
    const p = fay.page;
    await p.getByLabel("What is counted").fill("Teachers giving a common formative assessment");
    await p.getByLabel("Unit").fill("%");
    await p.getByLabel("Source of the data").fill("Walk-through records");
    await p.getByLabel("Baseline", { exact: true }).fill("35");
    await p.getByLabel("Baseline date").fill(isoDay(-300));
    await p.getByLabel("Target", { exact: true }).fill("80");
    await p.getByLabel("Target date").fill(isoDay(600));
    await p.getByRole("button", { name: "Add measure" }).click();
    const measure = p.getByRole("article");
    await measure
      .getByRole("heading", { name: "Teachers giving a common formative assessment" })
      .waitFor(WAIT);
    await measure.getByText("No readings yet.").first().waitFor();

    const readings = [
      ["41", isoDay(-200), "After the first training day"],
      ["47,5", isoDay(-100), "Grades 3-5 pilot started"],
      ["57.5", isoDay(0), "Start of the new school year"],
    ] as const;
    for (const [index, [value, date, note]] of readings.entries()) {
      const form = measure.locator("form").filter({
        has: p.getByRole("button", { name: "Add reading" }),
      });
      await form.getByLabel("Value").fill(value);
      await form.getByLabel("Date of the reading").fill(date);
      await form.getByLabel("Note").fill(note);
      await form.getByRole("button", { name: "Add reading" }).click();
      await expect.poll(() => measure.locator("tbody tr").count(), WAIT).toBe(index + 1);
    }
    // 57.5 is half of the way from 35 to 80.
    const chart = measure.getByRole("img");
    await expect(chart.getAttribute("aria-label")).resolves.toMatch(
      /Latest reading 57\.5 % on .*, 50% of the way to the target\./,
    );
    expect(await chart.locator("circle").count()).toBe(3);
    const rows = measure.locator("tbody tr");
    await expect(rows.nth(1).textContent()).resolves.toMatch(/47\.5 %[\s\S]*28%[\s\S]*Grades 3-5/);
    await expectNoSeriousViolations(p, "the goal page with a measure");
  });

  it("says beside the field that a reading cannot be dated in the future, keeping the rest", async () => {
    const p = fay.page;
    const form = p.getByRole("article").locator("form");
    await form.getByLabel("Value").fill("60");
    await form.getByLabel("Date of the reading").fill(isoDay(5));
    await form.getByLabel("Note").fill("Typed ahead");
    await form.getByRole("button", { name: "Add reading" }).click();
    await form.getByText("The date of a reading cannot be in the future").waitFor(WAIT);
    await expect(form.getByLabel("Note").inputValue()).resolves.toBe("Typed ahead");
    expect(await app.ctx.db.measureReading.count()).toBe(3);
  });

  it("fits a phone: large enough targets and no sideways scrolling", async () => {
    const p = fay.page;
    await p.setViewportSize({ width: 390, height: 844 });
    await p.reload();
    await expectTapTarget(p.getByRole("button", { name: "Add reading" }));
    await expectTapTarget(p.getByRole("button", { name: "Add action step" }));
    await expectTapTarget(p.getByRole("link", { name: `Back to ${DISTRICT}` }));
    await expectTapTarget(p.getByText("Edit the goal"));
    const scrolls = await p.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(scrolls).toBe(false);
    await expectNoSeriousViolations(p, "the goal page on a phone");
  });
  it("records progress on two action steps: a blocked one stands out, a done one completes", async () => {
    const p = fay.page;
    await p.setViewportSize({ width: 1366, height: 768 });
    const addStep = p.locator("form").filter({
      has: p.getByRole("button", { name: "Add action step" }),
    });
    // A step's card (the page's history lists its changes too).
    const stepItem = (text: string) => p.locator('li[id^="step-"]').filter({ hasText: text });
    const steps = [
      ["Train building leaders on the formative assessment cycle", isoDay(-40)],
      ["Form the assessment design team", isoDay(-20)],
    ] as const;
    for (const [index, [description, startsOn]] of steps.entries()) {
      await addStep.getByLabel("Action step").fill(description);
      await addStep.getByLabel("Horizon").selectOption({ label: "30 days" });
      await addStep.getByLabel("Person responsible").selectOption({ label: "Ada Member" });
      await addStep.getByLabel("Start date").fill(startsOn);
      await addStep.getByRole("button", { name: "Add action step" }).click();
      await expect.poll(() => app.ctx.db.planStep.count(), WAIT).toBe(index + 1);
      // The form is drawn afresh once the step shows: fill the next one only then.
      await stepItem(description).waitFor(WAIT);
      await expect.poll(() => addStep.getByLabel("Action step").inputValue(), WAIT).toBe("");
    }
    const first = stepItem(steps[0][0]);
    // Started 40 days ago with a 30-day horizon: overdue, said in words.
    await first.getByText(/^Overdue: due /).waitFor(WAIT);

    await first.getByText("Record progress").click();
    await first.getByLabel("Status", { exact: true }).selectOption({ label: "Blocked" });
    await first.getByLabel("What happened").fill("Waiting for the regional center's trainer.");
    await first.getByLabel("Link to the evidence").fill("https://example.org/trainer-request");
    await first.getByRole("button", { name: "Save progress" }).click();
    await first.getByText("Waiting for the regional center's trainer.").waitFor(WAIT);
    await first.getByText("Blocked", { exact: true }).first().waitFor();

    const second = stepItem(steps[1][0]);
    await second.getByText("Record progress").click();
    await second.getByLabel("Status", { exact: true }).selectOption({ label: "Done" });
    await second.getByLabel("What happened").fill("Six teachers, one from each building.");
    await second.getByRole("button", { name: "Save progress" }).click();
    await second.getByText(/^Completed \w+ \d/).waitFor(WAIT);
    expect(await app.ctx.db.planStepUpdate.count()).toBe(2);
    await expectNoSeriousViolations(p, "the goal page with progress updates");
  });

  it("shows the steps needing attention on the plan, and every step in the implementation view", async () => {
    const p = fay.page;
    await Promise.all([
      p.waitForURL(/\/plans\/\w+$/),
      p.getByRole("link", { name: `Back to ${DISTRICT}` }).click(),
    ]);
    await p.getByRole("heading", { name: "1 action step needs attention" }).waitFor();
    await expectNoSeriousViolations(p, "the plan page with a step needing attention");
    await Promise.all([
      p.waitForURL(/\/implementation$/),
      p.getByRole("link", { name: /Follow the plan's implementation/ }).click(),
    ]);
    await p.getByRole("heading", { level: 1, name: "Monitor implementation" }).waitFor();
    await p.getByRole("heading", { name: "2 action steps" }).waitFor();
    await expectNoSeriousViolations(p, "the implementation view");
    await p.getByLabel("Status").selectOption({ label: "Blocked" });
    await Promise.all([
      p.waitForURL(/status=blocked/),
      p.getByRole("button", { name: "Show action steps" }).click(),
    ]);
    await p.getByRole("heading", { name: "1 of 2 action steps" }).waitFor(WAIT);
    await p
      .getByRole("link", { name: "Train building leaders on the formative assessment cycle" })
      .waitFor();
    await p.setViewportSize({ width: 390, height: 844 });
    const scrolls = await p.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(scrolls).toBe(false);
    await expectTapTarget(p.getByRole("button", { name: "Show action steps" }));
    await expectNoSeriousViolations(p, "the implementation view on a phone");
  });
});

describe("the year's review, a revision and the progress report, on the same plan", () => {
  const EVIDENCE = "Three readings toward the target; the blocked training is rescheduled.";

  it("runs the yearly review: the goal's outcome with evidence, then completes it", async () => {
    const p = fay.page;
    await p.setViewportSize({ width: 1366, height: 768 });
    await open(p, planPath);
    await Promise.all([
      p.waitForURL(/\/review$/),
      p.getByRole("link", { name: "Review and revise the plan" }).click(),
    ]);
    await p.getByLabel("What changed").fill("The plan as the board adopted it.");
    await p.getByRole("button", { name: "Save as version 1" }).click();
    await p.getByText("The plan is saved as version 1.").waitFor(WAIT);
    await expectNoSeriousViolations(p, "the review and revise page");
    await Promise.all([
      p.waitForURL(new RegExp(`/review/${FIRST_YEAR}$`)),
      p.getByRole("link", { name: `Yearly review ${SCHOOL_YEAR}` }).click(),
    ]);
    await p.getByLabel("Outcome", { exact: true }).selectOption({ label: "Progressing" });
    await p.getByLabel("Evidence", { exact: true }).fill(EVIDENCE);
    await p.getByRole("button", { name: `Save the review of this goal ${RECOMMENDATION}` }).click();
    await p.getByText("The review of this goal is saved.").waitFor(WAIT);
    await p.getByRole("button", { name: "Complete review" }).click();
    await p.getByText(/Completed .* by Fay Facilitator\./).waitFor(WAIT);
    await expectNoSeriousViolations(p, "the completed yearly review");
  });

  it("revises the plan and compares the two versions", async () => {
    const p = fay.page;
    await open(p, planPath);
    await p.getByText("Edit the plan").click();
    await p
      .getByLabel("Mission statement")
      .fill("Every student graduates ready for college and career.");
    await p.getByRole("button", { name: "Save plan" }).click();
    await p.getByText("The plan is saved.").waitFor(WAIT);
    await open(p, `${planPath}/review`);
    await p.getByLabel("What changed").fill("Named college and career in the mission.");
    await p.getByRole("button", { name: "Save as version 2" }).click();
    await p.getByText("The plan is saved as version 2.").waitFor(WAIT);
    await expect.poll(() => p.getByLabel("Second version").inputValue(), WAIT).toBe("2");
    await Promise.all([
      p.waitForURL(/\/versions\/compare\?from=1&to=2$/),
      p.getByRole("button", { name: "Compare" }).click(),
    ]);
    await p.getByText("Mission statement", { exact: true }).waitFor();
    await expect(p.locator("ins").first().textContent()).resolves.toContain("college and career");
    await expectNoSeriousViolations(p, "the comparison of two versions");
  });

  it("drafts the progress report from the review and publishes it", async () => {
    const p = fay.page;
    await open(p, `${planPath}/review/${FIRST_YEAR}`);
    await Promise.all([
      p.waitForURL(/\/publications\/\w+$/),
      p.getByRole("button", { name: "Draft the progress report" }).click(),
    ]);
    // The address changes before the page does (Remix renders in a transition),
    // so wait for the draft's own button before reading it: the review page
    // also shows the evidence, in its form.
    await p.getByRole("button", { name: "Publish", exact: true }).waitFor(WAIT);
    await p.getByText(EVIDENCE).waitFor();
    await expectNoSeriousViolations(p, "the progress report's draft");
    await p.getByRole("button", { name: "Publish", exact: true }).click();
    await p.getByText("Version 1 is published.").waitFor(WAIT);
    const report = await app.ctx.db.publication.findFirstOrThrow({
      where: { title: `Annual progress report ${SCHOOL_YEAR}: ${DISTRICT}` },
      select: { kind: true, publishedNumber: true },
    });
    expect(report).toEqual({ kind: "report", publishedNumber: 1 });
  });
});
