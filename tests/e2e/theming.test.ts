import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { type Cast, cookieFor, createUser, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  focusedName,
  launchBrowser,
  newSignedInPerson,
  open,
  type Person,
  shiftTabTo as shiftTabToOn,
  tabTo,
} from "../support/browser.ts";

/**
 * The theming page in real browsers: two facilitators theme one session at once (one moves
 * ideas, by drag and drop and by ticking them; the other renames and merges themes) and a
 * member watches read-only; all three pages and the database end the same. Then a facilitator
 * themes a session from the keyboard alone, and deletes a theme that feeds a recommendation.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let cora: { id: string; name: string; email: string; isAdmin: boolean };

const WAIT = { timeout: 5_000 };

type SeededSession = { id: string; boardId: string; ideas: Record<string, string> };

/** A session of the work group with one board and these ideas (key → text), posted by members. */
async function seedSession(title: string, ideas: Record<string, string>): Promise<SeededSession> {
  const session = await app.ctx.db.session.create({
    data: {
      workGroupId: cast.workGroup.id,
      title,
      startsAt: new Date("2026-12-02T15:00:00Z"),
      timeZone: "America/Chicago",
      format: "virtual",
    },
  });
  const board = await app.ctx.db.board.create({
    data: { sessionId: session.id, title: "Whole group" },
  });
  const ids: Record<string, string> = {};
  let n = 0;
  for (const [key, text] of Object.entries(ideas)) {
    const author = n++ % 2 === 0 ? cast.memberA : cast.memberB;
    const column = (["vision", "skills", "incentives", "resources", "action_plan"] as const)[
      n % 5
    ]!;
    ids[key] = (await postIdea(app.ctx, author, board.id, { column, text })).id;
  }
  return { id: session.id, boardId: board.id, ideas: ids };
}

/** A browser context signed in by the app's own session cookie (the login page is tested elsewhere). */
async function personFor(userId: string, keyboardOnly = false) {
  const person = await newSignedInPerson(browser, app.url, await cookieFor(app.ctx, userId));
  // A step that never happens fails with what it waited for, well before the test's timeout.
  person.page.setDefaultTimeout(10_000);
  // Counts the drags that began in the page (see dragAndDrop).
  await person.page.addInitScript(() => {
    const w = window as unknown as { __dragStarts: number };
    w.__dragStarts = 0;
    document.addEventListener("dragstart", () => w.__dragStarts++, true);
  });
  if (keyboardOnly) {
    await person.page.addInitScript(() => {
      document.addEventListener(
        "mousedown",
        () => sessionStorage.setItem("mouse-used", "yes"),
        true,
      );
    });
  }
  return person;
}

/**
 * HTML5 drag and drop with the mouse (Playwright's dragTo). On a loaded machine Playwright's
 * Chromium drag sometimes never begins: no dragstart reaches the page, so nothing was dragged.
 * Only that is tried again; a drag the page saw must have done its work (the caller checks).
 */
async function dragAndDrop(page: Page, source: Locator, target: Locator) {
  const starts = () =>
    page.evaluate(() => (window as unknown as { __dragStarts: number }).__dragStarts);
  for (let attempt = 1; attempt <= 3; attempt++) {
    const before = await starts();
    await source.dragTo(target);
    if ((await starts()) > before) return;
    console.info(`Playwright's drag did not begin (attempt ${attempt}); dragging again`);
  }
  throw new Error("the drag never began in the page, three times");
}

const themingPath = (sessionId: string) =>
  `/work-groups/${cast.workGroup.slug}/sessions/${sessionId}/theming`;

async function openTheming(page: Page, sessionId: string) {
  await open(page, themingPath(sessionId));
  await page.getByText("Live.", { exact: true }).waitFor(WAIT);
}

type Shown = { themes: { label: string; ideas: string[] }[]; unthemed: string[] };

/** What a page shows: each theme's name and the texts of its ideas, and the ideas not yet themed. */
function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const texts = (root: Element) =>
      [...root.querySelectorAll('li[id^="idea-"]')]
        .map((li) => li.querySelector("label > span")?.textContent ?? "")
        .sort();
    const unthemed = document
      .getElementById("unthemed-heading")
      ?.closest("section") as HTMLElement | null;
    return {
      themes: [...document.querySelectorAll('section[id^="theme-"]')].map((section) => ({
        label: (section.querySelector("h2")?.textContent ?? "").replace(/\s*\(\d+\)$/, ""),
        ideas: texts(section),
      })),
      unthemed: unthemed ? texts(unthemed) : [],
    };
  });
}

/** The same, from the database. */
async function stored(sessionId: string): Promise<Shown> {
  const themes = await app.ctx.db.theme.findMany({
    where: { sessionId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { label: true, ideas: { where: { hiddenAt: null }, select: { text: true } } },
  });
  const unthemed = await app.ctx.db.idea.findMany({
    where: { board: { sessionId }, hiddenAt: null, themeId: null },
    select: { text: true },
  });
  return {
    themes: themes.map((t) => ({ label: t.label, ideas: t.ideas.map((i) => i.text).sort() })),
    unthemed: unthemed.map((i) => i.text).sort(),
  };
}

const themeByLabel = async (sessionId: string, label: string) =>
  app.ctx.db.theme.findFirstOrThrow({ where: { sessionId, label } });
const themeIdOf = async (ideaId: string) =>
  (await app.ctx.db.idea.findUniqueOrThrow({ where: { id: ideaId } })).themeId;

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  browser = await launchBrowser();
  cora = await createUser(app.ctx, "Cora Cofacilitator");
  await app.ctx.db.membership.create({
    data: { workGroupId: cast.workGroup.id, userId: cora.id, role: "facilitator" },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("two facilitators theme one session at once; a member watches", () => {
  let s: SeededSession;
  let fay: Person; // facilitator A: moves ideas
  let cor: Person; // facilitator B: renames and merges
  let ada: Person; // member: reads

  const section = (page: Page, themeId: string) => page.locator(`#theme-${themeId}`);
  const card = (page: Page, ideaId: string) => page.locator(`#idea-${ideaId}`);
  const unthemed = (page: Page) =>
    page.locator("section").filter({ has: page.locator("#unthemed-heading") });

  /** Ticks these ideas' boxes and names a new theme for them (the toolbar's form). */
  async function createTheme(page: Page, label: string, ideaIds: string[]) {
    for (const id of ideaIds) await page.locator(`#select-${id}`).check();
    await page.getByText(`${ideaIds.length} selected.`, { exact: true }).waitFor();
    await page.getByLabel("New theme (takes the selected ideas)").fill(label);
    await page.getByRole("button", { name: "Create theme" }).click();
    await page
      .locator('section[id^="theme-"] h2')
      .filter({ hasText: new RegExp(`^${label} \\(${ideaIds.length}\\)$`) })
      .waitFor(WAIT);
    await page.getByText("No ideas selected.", { exact: true }).waitFor();
  }

  beforeAll(async () => {
    s = await seedSession("Theming session", {
      release: "Release time for teachers",
      grants: "Grant funding for districts",
      stipends: "Stipends for summer training",
      coaching: "Coaching and feedback for teachers",
      message: "A clear, common message to all stakeholders",
      mentors: "Mentors for new teachers",
      newsletter: "A monthly newsletter for parents",
      substitutes: "Money for substitutes",
    });
    [fay, cor, ada] = await Promise.all([
      personFor(cast.facilitator.id),
      personFor(cora.id),
      personFor(cast.memberA.id),
    ]);
    await Promise.all([
      openTheming(fay.page, s.id),
      openTheming(cor.page, s.id),
      openTheming(ada.page, s.id),
    ]);
  }, 60_000);

  it("both facilitators' changes land, and all three pages show what the database holds", async () => {
    const i = s.ideas;
    // The grid lists themes in the order they were made; the ones merged away come last, so
    // their leaving does not shift the themes the other facilitator is dropping ideas on.
    await Promise.all([
      (async () => {
        await createTheme(fay.page, "Money", [i.grants!]);
        await createTheme(fay.page, "Support", [i.coaching!]);
      })(),
      (async () => {
        // Cora waits for Fay's two themes, so the grid's first row is Fay's.
        await cor.page.locator('section[id^="theme-"]').nth(1).waitFor(WAIT);
        await createTheme(cor.page, "Outreach", [i.message!]);
        await createTheme(cor.page, "Time", [i.release!]);
        await createTheme(cor.page, "Newsletters", [i.newsletter!]);
      })(),
    ]);
    const money = await themeByLabel(s.id, "Money");
    const support = await themeByLabel(s.id, "Support");
    const outreach = await themeByLabel(s.id, "Outreach");
    const time = await themeByLabel(s.id, "Time");
    const newsletters = await themeByLabel(s.id, "Newsletters");
    await expect
      .poll(async () => (await shown(fay.page)).themes.map((t) => t.label), WAIT)
      .toEqual(["Money", "Support", "Outreach", "Time", "Newsletters"]);

    // At the same time: Fay moves ideas (two by drag and drop, one ticked and moved), Cora
    // renames "Support" (the theme Fay drops an idea on) and merges "Newsletters" into "Outreach".
    await Promise.all([
      (async () => {
        const p = fay.page;
        await dragAndDrop(p, card(p, i.stipends!), section(p, money.id));
        await section(p, money.id).locator(`#idea-${i.stipends}`).waitFor(WAIT);
        await dragAndDrop(p, card(p, i.mentors!), section(p, support.id));
        await section(p, support.id).locator(`#idea-${i.mentors}`).waitFor(WAIT);
        await p.locator(`#select-${i.substitutes}`).check();
        await p.getByLabel("Move selected ideas to").selectOption(money.id);
        await p.getByRole("button", { name: "Move", exact: true }).click();
        await section(p, money.id).locator(`#idea-${i.substitutes}`).waitFor(WAIT);
      })(),
      (async () => {
        const p = cor.page;
        const supportEdit = section(p, support.id).locator("details");
        await supportEdit.locator("summary").click();
        await supportEdit.getByLabel("Name").fill("Coaching and mentoring");
        await supportEdit.getByRole("button", { name: "Rename" }).click();
        await section(p, support.id)
          .locator("h2", { hasText: /^Coaching and mentoring \(\d\)$/ })
          .waitFor(WAIT);
        const newslettersEdit = section(p, newsletters.id).locator("details");
        await newslettersEdit.locator("summary").click();
        await newslettersEdit.getByLabel("Merge into").selectOption({ label: "Outreach" });
        await newslettersEdit.getByRole("button", { name: "Merge" }).click();
        await section(p, newsletters.id).waitFor({ state: "detached", ...WAIT });
      })(),
    ]);

    // Then Cora drags the "Time" heading onto "Money": a merge by drag and drop.
    await dragAndDrop(
      cor.page,
      section(cor.page, time.id).locator("h2"),
      section(cor.page, money.id).locator("ul"),
    );
    await section(cor.page, time.id).waitFor({ state: "detached", ...WAIT });

    const expected: Shown = {
      themes: [
        {
          label: "Money",
          ideas: [
            "Grant funding for districts",
            "Money for substitutes",
            "Release time for teachers",
            "Stipends for summer training",
          ],
        },
        {
          label: "Coaching and mentoring",
          ideas: ["Coaching and feedback for teachers", "Mentors for new teachers"],
        },
        {
          label: "Outreach",
          ideas: [
            "A clear, common message to all stakeholders",
            "A monthly newsletter for parents",
          ],
        },
      ],
      unthemed: [],
    };
    await expect(stored(s.id)).resolves.toEqual(expected);
    for (const [who, person] of [
      ["Fay (facilitator A)", fay],
      ["Cora (facilitator B)", cor],
      ["Ada (member)", ada],
    ] as const) {
      await expect.poll(() => shown(person.page), { ...WAIT, message: who }).toEqual(expected);
    }
    // The ideas' placements by id, too (texts could repeat).
    const placed = await app.ctx.db.idea.findMany({
      where: { board: { sessionId: s.id } },
      select: { id: true, themeId: true },
    });
    const byId = Object.fromEntries(placed.map((p) => [p.id, p.themeId]));
    expect(byId).toEqual({
      [i.release!]: money.id,
      [i.grants!]: money.id,
      [i.stipends!]: money.id,
      [i.substitutes!]: money.id,
      [i.coaching!]: support.id,
      [i.mentors!]: support.id,
      [i.message!]: outreach.id,
      [i.newsletter!]: outreach.id,
    });
    for (const page of [fay.page, cor.page, ada.page]) {
      await expect(section(page, money.id).locator('li[id^="idea-"]').count()).resolves.toBe(4);
    }
  }, 120_000);

  it("shows the member the themes read-only", async () => {
    const p = ada.page;
    await p.getByText("Facilitators group the ideas; you see the themes as they form.").waitFor();
    await expect(p.locator('input[type="checkbox"]').count()).resolves.toBe(0);
    await expect(p.locator("details").count()).resolves.toBe(0);
    await expect(p.locator('[draggable="true"]').count()).resolves.toBe(0);
    for (const name of ["Create theme", "Move", "Undo my last change", "Suggest themes"]) {
      await expect(p.getByRole("button", { name, exact: true }).count()).resolves.toBe(0);
    }
    await expect(p.getByLabel("Move selected ideas to").count()).resolves.toBe(0);
    await expect(p.locator('section[id^="theme-"]').count()).resolves.toBe(3);
    await expectNoSeriousViolations(p, `${themingPath(s.id)} (member)`);
  });

  it("shows an idea posted meanwhile under “Not yet themed” on every page, without a reload", async () => {
    const pages = [fay.page, cor.page, ada.page];
    for (const page of pages) {
      await page.evaluate(() => {
        (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
      });
    }
    const text = "Family nights at every school";
    const late = await postIdea(app.ctx, cast.memberB, s.boardId, { column: "vision", text });
    for (const page of pages) {
      await unthemed(page).locator(`#idea-${late.id}`).getByText(text).waitFor(WAIT);
      await unthemed(page).getByRole("heading", { name: "Not yet themed (1)" }).waitFor();
      await expect(
        page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
      ).resolves.toBe(true);
    }
    // Facilitators can theme it right away; the member cannot.
    await expect(fay.page.locator(`#select-${late.id}`).count()).resolves.toBe(1);
    await expect(ada.page.locator(`#select-${late.id}`).count()).resolves.toBe(0);
    const now = await stored(s.id);
    expect(now.unthemed).toEqual([text]);
    for (const page of pages) await expect.poll(() => shown(page), WAIT).toEqual(now);
  });

  it("raised no script errors in any of the three pages", () => {
    expect(fay.errors).toEqual([]);
    expect(cor.errors).toEqual([]);
    expect(ada.errors).toEqual([]);
  });
});

describe("a facilitator themes a session from the keyboard alone", () => {
  let s: SeededSession;
  let fay: Person;
  const page = () => fay.page;
  const keys = () => fay.page.keyboard;
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  /** An idea's checkbox is named by its card's label: the idea's text, then where it came from. */
  const ideaBox = (text: string) => new RegExp(`^${escapeRegExp(text)}`);

  /** Like tabTo, backwards. */
  const shiftTabTo = (name: string | RegExp, maxPresses = 100) =>
    shiftTabToOn(page(), name, maxPresses);

  async function tick(text: string) {
    await tabTo(page(), ideaBox(text), 100);
    await keys().press("Space");
    await expect(
      page().evaluate(() => (document.activeElement as HTMLInputElement).checked),
    ).resolves.toBe(true);
  }

  async function typeInto(name: string, text: string) {
    await keys().press("Control+A");
    await keys().press("Backspace");
    await keys().type(text);
    await expect(
      page().evaluate(() => (document.activeElement as HTMLInputElement).value),
      name,
    ).resolves.toBe(text);
  }

  const status = () => page().locator('[role="status"]').first();

  beforeAll(async () => {
    s = await seedSession("Keyboard session", {
      release: "Release time for teachers",
      substitutes: "Substitutes so teachers can train",
      grants: "Grant funding for districts",
      stipends: "Stipends for summer training",
      nights: "Family nights at every school",
      surveys: "Family surveys at every school",
      newsletter: "Family newsletter from every school",
    });
    fay = await personFor(cast.facilitator.id, true);
    await openTheming(fay.page, s.id);
  }, 60_000);

  it("ticks, creates, moves, renames, merges, undoes and accepts a suggestion", async () => {
    const i = s.ideas;

    // Tick two ideas with Space, then name a theme for them.
    await tick("Release time for teachers");
    await page().getByText("1 selected.", { exact: true }).waitFor();
    await tick("Substitutes so teachers can train");
    await page().getByText("2 selected.", { exact: true }).waitFor();
    await expectNoSeriousViolations(page(), `${themingPath(s.id)} (2 ideas selected)`);
    await shiftTabTo("New theme (takes the selected ideas)");
    await typeInto("new theme", "Time");
    await tabTo(page(), "Create theme");
    await keys().press("Enter");
    await expect.poll(() => themeIdOf(i.release!), WAIT).not.toBeNull();
    const time = await themeByLabel(s.id, "Time");
    expect(await themeIdOf(i.substitutes!)).toBe(time.id);
    await page().locator(`#theme-${time.id} #idea-${i.release}`).waitFor(WAIT);
    await page().getByText("No ideas selected.", { exact: true }).waitFor();

    // A second theme, "Money", from one idea.
    await tick("Grant funding for districts");
    await shiftTabTo("New theme (takes the selected ideas)");
    // The field was cleared after "Time"; Enter in it creates the theme (not "Move").
    expect(await page().getByLabel("New theme (takes the selected ideas)").inputValue()).toBe("");
    await typeInto("new theme", "Money");
    await keys().press("Enter");
    await expect.poll(() => themeIdOf(i.grants!), WAIT).not.toBeNull();
    const money = await themeByLabel(s.id, "Money");
    await page().locator(`#theme-${money.id}`).waitFor(WAIT);

    // Tick one more and move it with "Move selected ideas to" (typing picks the option).
    await tick("Stipends for summer training");
    await shiftTabTo("Move selected ideas to");
    await keys().type("Money");
    await expect(page().locator("#move-to").inputValue()).resolves.toBe(money.id);
    await tabTo(page(), "Move");
    await keys().press("Enter");
    await expect.poll(() => themeIdOf(i.stipends!), WAIT).toBe(money.id);
    await page().locator(`#theme-${money.id} #idea-${i.stipends}`).waitFor(WAIT);

    // Rename "Time" from its Edit panel (a <details>, opened with Enter).
    const timeEdit = page().locator(`#theme-${time.id} details`);
    await tabTo(page(), "Edit Time", 100);
    await keys().press("Enter");
    await expect(timeEdit.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await expectNoSeriousViolations(page(), `${themingPath(s.id)} (Edit open)`);
    await tabTo(page(), "Name");
    await typeInto("theme name", "Release time");
    await tabTo(page(), "Rename");
    await keys().press("Enter");
    await expect
      .poll(
        async () => (await app.ctx.db.theme.findUnique({ where: { id: time.id } }))?.label,
        WAIT,
      )
      .toBe("Release time");
    await page()
      .locator(`#theme-${time.id} h2`, { hasText: /^Release time \(2\)$/ })
      .waitFor(WAIT);

    // Merge "Money" into "Release time".
    const moneyEdit = page().locator(`#theme-${money.id} details`);
    await tabTo(page(), "Edit Money", 100);
    await keys().press("Enter");
    await expect(moneyEdit.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await tabTo(page(), "Merge into");
    await expect(moneyEdit.getByLabel("Merge into").inputValue()).resolves.toBe(time.id);
    await tabTo(page(), "Merge");
    await keys().press("Enter");
    await expect
      .poll(() => app.ctx.db.theme.findUnique({ where: { id: money.id } }), WAIT)
      .toBeNull();
    await page()
      .locator(`#theme-${money.id}`)
      .waitFor({ state: "detached", ...WAIT });
    for (const id of [i.grants!, i.stipends!]) expect(await themeIdOf(id)).toBe(time.id);

    // Undo my last change: the merge is undone, "Money" comes back with its two ideas.
    await shiftTabTo("Undo my last change", 150);
    await keys().press("Enter");
    await expect
      .poll(
        async () => (await app.ctx.db.theme.findUnique({ where: { id: money.id } }))?.label,
        WAIT,
      )
      .toBe("Money");
    for (const id of [i.grants!, i.stipends!]) expect(await themeIdOf(id)).toBe(money.id);
    await status().getByText("Undid: Merged “Money” into “Release time”").waitFor(WAIT);
    await page().locator(`#theme-${money.id} #idea-${i.stipends}`).waitFor(WAIT);

    // Suggested themes for the three ideas left, then accept the first one.
    await tabTo(page(), "Suggest themes", 100);
    await keys().press("Enter");
    const suggestions = page()
      .locator("section")
      .filter({ has: page().locator("#suggestions-heading") });
    const first = suggestions.locator("ol > li").first();
    await first.waitFor({ timeout: 10_000 });
    await expectNoSeriousViolations(page(), `${themingPath(s.id)} (suggestions shown)`);
    const label = await first.getByLabel("Theme name").inputValue();
    const texts = (await first.locator("ul > li").allTextContents()).sort();
    expect(label).not.toBe("");
    expect(texts.length).toBeGreaterThan(0);
    await tabTo(page(), /^Accept /);
    await expect(focusedName(page())).resolves.toBe(`Accept ${label}`);
    await keys().press("Enter");
    await expect
      .poll(() => app.ctx.db.theme.findFirst({ where: { sessionId: s.id, label } }), WAIT)
      .not.toBeNull();
    const accepted = await app.ctx.db.theme.findFirstOrThrow({
      where: { sessionId: s.id, label },
      include: { ideas: { select: { text: true } } },
    });
    expect(accepted.ideas.map((idea) => idea.text).sort()).toEqual(texts);
    await page().locator(`#theme-${accepted.id}`).waitFor(WAIT);
    await expect.poll(() => shown(page()), WAIT).toEqual(await stored(s.id));
  }, 120_000);

  it("never used the mouse and raised no script errors", async () => {
    await expect(page().evaluate(() => sessionStorage.getItem("mouse-used"))).resolves.toBeNull();
    expect(fay.errors).toEqual([]);
  });
});

describe("deleting a theme that feeds a recommendation", () => {
  it("asks where the link goes, and moves it to the theme chosen", async () => {
    const s = await seedSession("Linking session", {
      release: "Release time for teachers",
      grants: "Grant funding for districts",
      mentors: "Mentors for new teachers",
    });
    const [funding, staffing, spare] = [
      await app.ctx.db.theme.create({ data: { sessionId: s.id, label: "Funding", position: 1 } }),
      await app.ctx.db.theme.create({ data: { sessionId: s.id, label: "Staffing", position: 2 } }),
      await app.ctx.db.theme.create({ data: { sessionId: s.id, label: "Spare", position: 3 } }),
    ];
    await app.ctx.db.idea.updateMany({
      where: { id: { in: [s.ideas.release!, s.ideas.grants!] } },
      data: { themeId: funding.id },
    });
    await app.ctx.db.idea.update({
      where: { id: s.ideas.mentors! },
      data: { themeId: staffing.id },
    });
    const recommendation = await app.ctx.db.recommendation.create({
      data: {
        workGroupId: cast.workGroup.id,
        position: 1,
        title: "Fund release time",
        themes: { create: [{ themeId: funding.id }] },
      },
    });

    const fay = await personFor(cast.facilitator.id);
    const p = fay.page;
    await openTheming(p, s.id);
    const fundingSection = p.locator(`#theme-${funding.id}`);
    await fundingSection
      .getByRole("link", { name: "Recommendation 1: Fund release time" })
      .waitFor();
    // Its ideas say which recommendation they fed.
    await p.locator(`#idea-${s.ideas.release} p`, { hasText: "Fed Recommendation 1" }).waitFor();

    const edit = fundingSection.locator("details");
    await edit.locator("summary").click();
    const choice = edit.getByRole("group", { name: /This theme feeds a recommendation/ });
    await choice.waitFor();
    const move = choice.getByRole("radio", { name: "Move the link to" });
    const drop = choice.getByRole("radio", { name: "Remove the link" });
    await expect(move.isChecked()).resolves.toBe(true);
    await expect(drop.isChecked()).resolves.toBe(false);
    await drop.check();
    await expect(move.isChecked()).resolves.toBe(false);
    await move.check();
    await choice.getByLabel("Theme that takes the link").selectOption({ label: "Staffing" });
    await expectNoSeriousViolations(p, `${themingPath(s.id)} (Edit of a linked theme open)`);

    // Suggestions on screen too, for the accessibility check of the whole facilitator page.
    await p.getByRole("button", { name: "Suggest themes" }).click();
    await p
      .locator("section")
      .filter({ has: p.locator("#suggestions-heading") })
      .locator('[role="status"] p')
      .waitFor(WAIT);
    await expectNoSeriousViolations(p, `${themingPath(s.id)} (suggestions and Edit open)`);

    await edit.getByRole("button", { name: "Delete theme" }).click();
    await fundingSection.waitFor({ state: "detached", ...WAIT });
    await expect
      .poll(() => app.ctx.db.theme.findUnique({ where: { id: funding.id } }), WAIT)
      .toBeNull();
    const links = await app.ctx.db.recommendationTheme.findMany({
      where: { recommendationId: recommendation.id },
    });
    expect(links.map((l) => l.themeId)).toEqual([staffing.id]);
    expect(await themeIdOf(s.ideas.release!)).toBeNull();
    expect(await themeIdOf(s.ideas.grants!)).toBeNull();
    await expect(app.ctx.db.theme.count({ where: { id: spare.id } })).resolves.toBe(1);
    // The page says so: the link is now on "Staffing", whose idea fed the recommendation.
    await p
      .locator(`#theme-${staffing.id}`)
      .getByRole("link", { name: "Recommendation 1: Fund release time" })
      .waitFor(WAIT);
    await p.getByText(/Deleted the theme “Funding” \(its link moved to “Staffing”\)/).waitFor(WAIT);
    expect(fay.errors).toEqual([]);
  }, 60_000);
});

describe("the theming actions at 400% zoom (WCAG 1.4.10 Reflow)", () => {
  it("scroll away with the page in a short window, so they never cover the ideas", async () => {
    const texts = {
      release: "Release time for teachers",
      grants: "Grant funding for districts",
      mentors: "Mentors for new teachers",
      coaching: "Coaching and feedback for teachers",
    };
    const s = await seedSession("Zoomed session", texts);
    const fay = await personFor(cast.facilitator.id);
    const p = fay.page;
    // 1280 by 1024 at 400%: a window of 320 by 256 CSS pixels.
    await p.setViewportSize({ width: 320, height: 256 });
    await openTheming(p, s.id);
    const bar = p.locator(`form[aria-label="Theming actions"]`);
    const position = () => bar.evaluate((form) => getComputedStyle(form).position);
    await expect(position()).resolves.toBe("static");
    await expect(
      bar.evaluate((form) => form.getBoundingClientRect().height),
    ).resolves.toBeGreaterThan(256);

    // Each idea's checkbox, reached from the keyboard, is in view and not under anything.
    for (const [key, text] of Object.entries(texts)) {
      const id = s.ideas[key]!;
      const box = p.locator(`#select-${id}`);
      await tabTo(p, new RegExp(`^${text}`), 100);
      await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      const uncovered = await box.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        return y >= 0 && y <= window.innerHeight && document.elementFromPoint(x, y) === el;
      });
      expect(uncovered, `the checkbox of idea ${id}`).toBe(true);
    }

    // A window tall and wide enough keeps the actions in view while the ideas scroll.
    await p.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(position).toBe("sticky");
    expect(fay.errors).toEqual([]);
  }, 60_000);
});
