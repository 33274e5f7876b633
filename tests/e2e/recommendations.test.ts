import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { today } from "../../app/modules/recommendation/action-plan.ts";
import { type Cast, cookieFor, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  launchBrowser,
  newSignedInPerson,
  open,
  type Person,
  waitForHydration,
} from "../support/browser.ts";

/**
 * A recorder turns a session's themes into a recommendation with key action steps, and the
 * work group reads it as an action plan (on screen and as a spreadsheet file).
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let rory: Person; // recorder
let fay: Person; // facilitator (reads the history)
let themeId = "";
const ideaIds: Record<string, string> = {};
let recommendationId = "";

const TITLE = "Give every teacher release time for training";
const STEP = "Ask each district for a release-time calendar";
const LATE_STEP = "Survey teachers about training days";
const WAIT = { timeout: 5_000 };

const base = () => `/work-groups/${cast.workGroup.slug}`;
const recommendationPath = () => `${base()}/recommendations/${recommendationId}`;

async function personFor(userId: string) {
  const person = await newSignedInPerson(browser, app.url, await cookieFor(app.ctx, userId));
  // A step that never happens fails with what it waited for, well before the test's timeout.
  person.page.setDefaultTimeout(10_000);
  return person;
}

/** The "Add an action step" box on a recommendation's page. */
const addStepForm = (page: Page) =>
  page.locator("form").filter({ has: page.getByRole("button", { name: "Add action step" }) });

/** Fills the add-step form (only the fields given). */
async function fillStep(
  form: Locator,
  step: { description?: string; group?: string; horizon?: string; start?: string; due?: string },
) {
  const fields: [Locator, (field: Locator) => Promise<void>][] = [];
  if (step.description !== undefined) {
    const field = form.getByLabel("Action step", { exact: true });
    fields.push([field, (f) => f.fill(step.description!)]);
  }
  if (step.group !== undefined)
    fields.push([form.getByLabel("Owner: a group"), (f) => f.fill(step.group!)]);
  if (step.horizon !== undefined)
    fields.push([
      form.getByLabel("Horizon"),
      async (f) => void (await f.selectOption({ label: step.horizon! })),
    ]);
  if (step.start !== undefined)
    fields.push([form.getByLabel("Start date"), (f) => f.fill(step.start!)]);
  if (step.due !== undefined) fields.push([form.getByLabel("Due date"), (f) => f.fill(step.due!)]);
  for (const [field, fill] of fields) await fill(field);
  // Then out of the last field, as a person moves on. (Forms are checked when sent, not as a
  // field is left: an error line appearing on blur used to move the button from under the
  // pointer between mousedown and mouseup, and the click was lost.)
  await fields.at(-1)?.[0].blur();
}

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  browser = await launchBrowser();
  for (const [key, column, text] of [
    ["release", "resources", "Release time for teachers"],
    ["substitutes", "resources", "Money for substitutes"],
    ["other", "vision", "A clear, common message"],
  ] as const) {
    ideaIds[key] = (await postIdea(app.ctx, cast.memberA, cast.board.id, { column, text })).id;
  }
  const theme = await app.ctx.db.theme.create({
    data: { sessionId: cast.session.id, label: "Time to train", position: 1 },
  });
  themeId = theme.id;
  await app.ctx.db.idea.updateMany({
    where: { id: { in: [ideaIds.release!, ideaIds.substitutes!] } },
    data: { themeId },
  });
  [rory, fay] = await Promise.all([personFor(cast.recorder.id), personFor(cast.facilitator.id)]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a recorder's recommendation, from themes to an action plan", () => {
  it("adds a recommendation from the list and lands on its page", async () => {
    const p = rory.page;
    await open(p, `${base()}/recommendations`);
    await p.getByText("No recommendations yet.").waitFor();
    await expectNoSeriousViolations(p, `${base()}/recommendations (empty)`);
    await p.getByLabel("Title").fill(TITLE);
    await Promise.all([
      p.waitForURL(/\/recommendations\/\w+$/),
      p.getByRole("button", { name: "Add recommendation" }).click(),
    ]);
    await p.getByRole("heading", { level: 1, name: `Recommendation 1: ${TITLE}` }).waitFor();
    const stored = await app.ctx.db.recommendation.findFirstOrThrow({
      where: { workGroupId: cast.workGroup.id },
    });
    expect(stored.title).toBe(TITLE);
    recommendationId = stored.id;
    expect(new URL(p.url()).pathname).toBe(recommendationPath());
  });

  it("refuses a due date before the start date, next to the field, and takes the fixed step", async () => {
    const p = rory.page;
    await open(p, recommendationPath());
    const form = addStepForm(p);
    await fillStep(form, {
      description: STEP,
      group: "Regional centers",
      horizon: "90 days",
      start: "2027-03-01",
      due: "2027-02-01",
    });
    const due = form.getByLabel("Due date");
    const error = form.getByText("The due date is before the start date", { exact: true });
    // Checked when sent, in the browser: nothing goes to the server, the focus goes to the field.
    await form.getByRole("button", { name: "Add action step" }).click();
    await error.waitFor(WAIT);
    await expect(due.getAttribute("aria-invalid")).resolves.toBe("true");
    // The message is the field's description, right below it.
    const errorId = await error.evaluate((el) => el.closest("[id]")?.id ?? "");
    expect(errorId).not.toBe("");
    await expect(due.getAttribute("aria-describedby")).resolves.toContain(errorId);
    await expect(
      due.evaluate((input, message) => {
        const next = input.nextElementSibling;
        return !!next && next.textContent === message;
      }, "The due date is before the start date"),
    ).resolves.toBe(true);
    // Focus goes to the field to fix.
    await expect.poll(() => due.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect(form.getByLabel("Start date").getAttribute("aria-invalid")).resolves.toBeNull();
    await expectNoSeriousViolations(p, `${recommendationPath()} (step with an error)`);
    await expect(app.ctx.db.actionStep.count()).resolves.toBe(0);

    await fillStep(form, { due: "2027-04-01" });
    await form.getByRole("button", { name: "Add action step" }).click();
    const steps = p.getByRole("region", { name: "Key action steps" });
    const added = steps.getByRole("listitem").filter({ hasText: STEP });
    await added.waitFor(WAIT);
    await added
      .getByText(
        "Owner: Regional centers · 90 days · Not started · Starts 2027-03-01 · Due 2027-04-01",
        { exact: true },
      )
      .waitFor();
    await expect(error.count()).resolves.toBe(0);
    const step = await app.ctx.db.actionStep.findFirstOrThrow({ where: { recommendationId } });
    expect([step.description, step.ownerGroup, step.horizon, step.startsOn, step.dueOn]).toEqual([
      STEP,
      "Regional centers",
      "90_days",
      "2027-03-01",
      "2027-04-01",
    ]);
    // The form is empty again for the next step.
    await expect.poll(() => form.getByLabel("Action step", { exact: true }).inputValue()).toBe("");

    // A second step, due in the past and not done: overdue.
    await fillStep(form, {
      description: LATE_STEP,
      group: "DESE",
      horizon: "30 days",
      due: "2020-01-15",
    });
    await form.getByRole("button", { name: "Add action step" }).click();
    const late = steps.getByRole("listitem").filter({ hasText: LATE_STEP });
    await late.waitFor(WAIT);
    await late.getByText("Overdue", { exact: true }).waitFor();
    await expect(added.getByText("Overdue", { exact: true }).count()).resolves.toBe(0);
  });

  it("links a theme: its ideas show on the page and lead to the theming page", async () => {
    const p = rory.page;
    const themes = p.getByRole("region", { name: "Themes and the ideas behind them" });
    await themes.getByText("No theme feeds this recommendation yet.").waitFor();
    await p
      .getByLabel("Link a theme")
      .selectOption({ label: `Time to train (${cast.session.title})` });
    await p.getByRole("button", { name: "Link theme" }).click();
    await themes.getByRole("link", { name: "Time to train" }).waitFor(WAIT);
    await themes.getByText(`from ${cast.session.title}`).waitFor();
    const links = await app.ctx.db.recommendationTheme.findMany({ where: { recommendationId } });
    expect(links.map((l) => l.themeId)).toEqual([themeId]);
    for (const text of ["Release time for teachers", "Money for substitutes"]) {
      await themes.getByRole("link", { name: text }).waitFor();
    }
    await expect(themes.getByText("A clear, common message").count()).resolves.toBe(0);

    const ideaLink = themes.getByRole("link", { name: "Release time for teachers" });
    const theming = `${base()}/sessions/${cast.session.id}/theming#idea-${ideaIds.release}`;
    await expect(ideaLink.getAttribute("href")).resolves.toBe(theming);
    await Promise.all([p.waitForURL(`**${theming}`), ideaLink.click()]);
    await waitForHydration(p);
    const card = p.locator(`#idea-${ideaIds.release}`);
    await card.waitFor();
    await card.locator("p", { hasText: "Fed Recommendation 1" }).waitFor();
    await expect(
      card.getByRole("link", { name: "Recommendation 1" }).getAttribute("href"),
    ).resolves.toBe(recommendationPath());
    // The card the link points at is on screen.
    await expect(card.isVisible()).resolves.toBe(true);
  });

  it("has no serious accessibility problems on the list and the recommendation page", async () => {
    const p = rory.page;
    await open(p, `${base()}/recommendations`);
    await p.getByRole("link", { name: `Recommendation 1: ${TITLE}` }).waitFor();
    await p.getByText("1 theme · 0 of 2 action steps done", { exact: false }).waitFor();
    await expectNoSeriousViolations(p, `${base()}/recommendations`);

    await open(p, recommendationPath());
    const draft = p.locator('[contenteditable][aria-label="Recommendation draft"]');
    await draft.waitFor(WAIT);
    await expect(draft.getAttribute("contenteditable")).resolves.toBe("true");
    await expectNoSeriousViolations(p, `${recommendationPath()} (with the Draft editor)`);
  });

  it("shows the action plan by horizon with the overdue step marked", async () => {
    const p = rory.page;
    await open(p, `${base()}/action-plan`);
    await p.getByText(`As of ${today()}.`, { exact: false }).waitFor();
    const plan = p.getByRole("region", { name: `Recommendation 1: ${TITLE}` });
    await plan.getByText("0 of 2 action steps done").waitFor();
    const horizon = (label: string) =>
      plan.locator("div").filter({ has: p.getByRole("heading", { level: 3, name: label }) });
    const row = (label: string, step: string) =>
      horizon(label).locator("tbody tr").filter({ hasText: step });
    await expect(row("90 days", STEP).count()).resolves.toBe(1);
    await expect(row("30 days", LATE_STEP).count()).resolves.toBe(1);
    await expect(row("30 days", STEP).count()).resolves.toBe(0);
    await expect(row("90 days", LATE_STEP).count()).resolves.toBe(0);
    // Horizons in the plan's order: 30 days first.
    await expect(plan.getByRole("heading", { level: 3 }).allTextContents()).resolves.toEqual([
      "SMART goal",
      "30 days",
      "90 days",
    ]);
    const lateRow = row("30 days", LATE_STEP);
    await expect(lateRow.locator("td").nth(2).textContent()).resolves.toBe("2020-01-15Overdue");
    await expect(lateRow.locator("td").nth(1).textContent()).resolves.toBe("DESE");
    await expect(row("90 days", STEP).getByText("Overdue").count()).resolves.toBe(0);
    await expectNoSeriousViolations(p, `${base()}/action-plan`);
  });

  it("downloads the action steps as a CSV file that starts with a UTF-8 byte order mark", async () => {
    const p = rory.page;
    const link = p.getByRole("link", { name: "Download action steps (CSV)" });
    const href = await link.getAttribute("href");
    expect(href).toBe(`${base()}/action-plan.csv`);
    const response = await p.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
    const body = await response.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.subarray(3).toString("utf8");
    expect(text.split(/\r?\n/)[0]).toMatch(/^Recommendation,Recommendation title,Action step,/);
    expect(text).toContain(STEP);
    expect(text).toContain(LATE_STEP);
    expect(text).toContain(TITLE);

    // The browser's own download, by the link.
    const [download] = await Promise.all([p.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(`${cast.workGroup.slug}-action-steps.csv`);
  });

  it("keeps the history for facilitators, without serious accessibility problems", async () => {
    const p = fay.page;
    await open(p, `${base()}/history`);
    const list = p.getByRole("region", { name: "Latest changes (200 most recent)" });
    await list.getByRole("listitem").first().waitFor();
    await expect(list.getByRole("listitem").count()).resolves.toBeGreaterThanOrEqual(4);
    await list.getByText(cast.recorder.name).first().waitFor();
    await expectNoSeriousViolations(p, `${base()}/history`);
    // The recorder may not read it.
    const refused = await rory.page.request.get(`${base()}/history`);
    expect(refused.status()).toBe(403);
  });

  it("raised no script errors", () => {
    expect(rory.errors).toEqual([]);
    expect(fay.errors).toEqual([]);
  });
});
