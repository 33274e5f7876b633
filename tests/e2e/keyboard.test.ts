import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD, startTestApp, type TestApp } from "../support/app.ts";
import {
  focusedName,
  launchBrowser,
  newPerson,
  type Person,
  shiftTabTo,
  tabTo,
  waitForHydration,
} from "../support/browser.ts";

/**
 * One person, keyboard only: no mouse click anywhere. Pages are reached by following the app's
 * own redirects and links (Enter on a focused link); only the first one is typed as an address.
 */
let app: TestApp;
let browser: Browser;
let admin: Awaited<ReturnType<typeof createUser>>;
let ida: Person;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  // The first account on a fresh install is the instance admin.
  admin = await createUser(app.ctx, "Ida Admin");
  ida = await newPerson(browser, app.url);
  // A mouse click anywhere fails the journey.
  await ida.page.addInitScript(() => {
    document.addEventListener("mousedown", () => sessionStorage.setItem("mouse-used", "yes"), true);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const keys = () => ida.page.keyboard;

async function pressEnterAndWaitFor(path: RegExp) {
  await Promise.all([ida.page.waitForURL((url) => path.test(url.pathname)), keys().press("Enter")]);
  await waitForHydration(ida.page);
}

describe("keyboard only", () => {
  it("signs in on /login", async () => {
    const stored = await app.ctx.db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored.isAdmin).toBe(true);
    await ida.page.goto("/login");
    await waitForHydration(ida.page);
    await tabTo(ida.page, "Email");
    await keys().type(admin.email);
    await tabTo(ida.page, "Password");
    await keys().type(PASSWORD);
    await pressEnterAndWaitFor(/^\/$/);
    await ida.page.getByRole("heading", { name: "Your work groups" }).waitFor();
    await ida.page.getByText("Ida Admin").waitFor();
  });

  let programPath = "";
  it("adds a program on /", async () => {
    await tabTo(ida.page, "Program name");
    await keys().type("State Development Teams");
    await tabTo(ida.page, "Description");
    await keys().type("Teams that advise the state board.");
    await tabTo(ida.page, "Add program");
    await pressEnterAndWaitFor(/^\/programs\/[\w-]+$/);
    programPath = new URL(ida.page.url()).pathname;
    await ida.page.getByRole("heading", { level: 1, name: "State Development Teams" }).waitFor();
    const program = await app.ctx.db.program.findFirstOrThrow({
      where: { name: "State Development Teams" },
    });
    expect(programPath).toBe(`/programs/${program.slug}`);
    expect(program.createdById).toBe(admin.id);
  });

  it("adds a work group on /programs/<slug>", async () => {
    expect(programPath).not.toBe("");
    await tabTo(ida.page, "Name");
    await keys().type("Success-Ready Students Work Group");
    await tabTo(ida.page, "Charge");
    await keys().type("Recommend how schools prepare students for life after graduation.");
    await tabTo(ida.page, "Add work group");
    await pressEnterAndWaitFor(/^\/work-groups\/[\w-]+\/members$/);
    const workGroup = await app.ctx.db.workGroup.findFirstOrThrow({
      where: { name: "Success-Ready Students Work Group" },
      include: { memberships: true },
    });
    expect(new URL(ida.page.url()).pathname).toBe(`/work-groups/${workGroup.slug}/members`);
    expect(workGroup.memberships.map((m) => [m.userId, m.role])).toEqual([[admin.id, "owner"]]);
  });

  it("plans a session and opens a board", async () => {
    await tabTo(ida.page, "Overview");
    await pressEnterAndWaitFor(/^\/work-groups\/[\w-]+$/);
    await tabTo(ida.page, "Title");
    await keys().type("Kick-off session");
    // Chromium's date-time field: month, day, year, then hour, minute, AM/PM. Each segment
    // waits for its next digit only briefly, and on a loaded machine a segment now and then
    // takes one digit alone (month 02 for "12"); typing the whole value again overwrites it.
    for (let attempt = 0; attempt < 3; attempt++) {
      await tabTo(ida.page, "Date and time");
      await keys().type("12012026");
      await keys().press("ArrowRight");
      await keys().type("0930A");
      if ((await ida.page.getByLabel("Date and time").inputValue()) === "2026-12-01T09:30") break;
      await shiftTabTo(ida.page, "Title");
    }
    await expect(ida.page.getByLabel("Date and time").inputValue()).resolves.toBe(
      "2026-12-01T09:30",
    );
    await tabTo(ida.page, "Create session");
    await pressEnterAndWaitFor(/^\/work-groups\/[\w-]+\/sessions\/\w+$/);
    await ida.page.getByRole("heading", { level: 1, name: "Kick-off session" }).waitFor();
    await ida.page.getByText("No board is open yet.").waitFor();

    await tabTo(ida.page, "Open board");
    await keys().press("Enter");
    await ida.page.getByRole("heading", { name: "Board: Whole group" }).waitFor();
    await ida.page.getByText(/^Live\b/).waitFor({ timeout: 5_000 });
  });

  it("posts an idea with Ctrl+Enter, and another with Tab and Enter on the button", async () => {
    // The column is a radio group: Tab reaches the chosen one, arrows change it.
    await tabTo(ida.page, "Vision");
    await keys().press("ArrowRight");
    await expect(focusedName(ida.page)).resolves.toBe("Skills");
    await tabTo(ida.page, "Your idea");
    await keys().type("Mentors for first-year teachers");
    await keys().press("Control+Enter");
    await ida.page
      .locator('ul[data-column="skills"] > li', { hasText: "Mentors for first-year teachers" })
      .waitFor({ timeout: 3_000 });
    // The text box is emptied and focused again, ready for the next idea.
    await expect.poll(() => ida.page.getByLabel("Your idea").inputValue()).toBe("");
    await expect(focusedName(ida.page)).resolves.toBe("Your idea");

    await keys().type("Paid time for planning");
    await tabTo(ida.page, "Post idea", 3);
    await keys().press("Enter");
    await ida.page
      .locator('ul[data-column="skills"] > li', { hasText: "Paid time for planning" })
      .waitFor({ timeout: 3_000 });

    const ideas = await app.ctx.db.idea.findMany({ orderBy: { createdAt: "asc" } });
    expect(ideas.map((i) => [i.text, i.column, i.authorId])).toEqual([
      ["Mentors for first-year teachers", "skills", admin.id],
      ["Paid time for planning", "skills", admin.id],
    ]);
  });

  it("never used the mouse and raised no script errors", async () => {
    await expect(ida.page.evaluate(() => sessionStorage.getItem("mouse-used"))).resolves.toBeNull();
    expect(ida.errors).toEqual([]);
  });
});
