import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { BRING_BACK_MESSAGE } from "../../app/modules/session/announcements.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
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
 * A facilitator runs a session from the keyboard only: agenda, breakout rooms, a message to
 * every room, phases and moderation. No mouse click anywhere; every effect is checked on the
 * page and in the database. The database is only seeded (an area of focus, one idea) and read.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let fay: Person;
let areaId = "";
let ideaId = "";

const AREA = "College and career readiness";
const AGENDA_ITEM = "Brainstorm: what stands in the way";
const ROOM = "Room Maple";
const MESSAGE = "Five minutes left in your rooms";
const IDEA = "Every student leaves with a plan for next year";
const REASON = "Duplicate of an earlier idea";

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const page = () => fay.page;
const keys = () => fay.page.keyboard;
const session = () => app.ctx.db.session.findUniqueOrThrow({ where: { id: cast.session.id } });

const region = (name: string) => page().getByRole("region", { name, exact: true });
const wholeGroup = () => region("Board: Whole group");
const visionIdeas = () => wholeGroup().locator('ul[data-column="vision"] > li');
const details = (summary: string | RegExp) =>
  page()
    .locator("details")
    .filter({ has: page().locator("summary", { hasText: summary }) })
    .last();
const isOpen = (d: Locator) => d.evaluate((el) => (el as HTMLDetailsElement).open);
const currentPhase = () =>
  page().getByRole("list", { name: "Phases" }).locator('[aria-current="step"]').textContent();

/** Like tabTo, backwards: Shift+Tab until the focused element's name matches. */
const shiftTabTo = (name: string | RegExp, maxPresses = 60) =>
  shiftTabToOn(page(), name, maxPresses);

/** What the focused element is, for asserting that a key press acts on the expected control. */
const focusedTag = () => page().evaluate(() => document.activeElement?.tagName.toLowerCase());

const expectNoViolations = (where: string) => expectNoSeriousViolations(page(), where);

/** Empties the focused text field with the keyboard. */
async function clearField() {
  await keys().press("Control+A");
  await keys().press("Backspace");
}

beforeAll(async () => {
  const seeded = await startSeededApp();
  app = seeded.app;
  cast = seeded.cast;
  browser = await launchBrowser();
  const area = await app.ctx.db.areaOfFocus.create({
    data: { workGroupId: cast.workGroup.id, name: AREA, position: 0 },
  });
  areaId = area.id;
  const idea = await postIdea(app.ctx, cast.memberA, cast.board.id, {
    column: "vision",
    text: IDEA,
  });
  ideaId = idea.id;

  fay = await newSignedInPerson(browser, app.url, seeded.cookies.facilitator);
  // Signed in by the app's own session cookie: the sign-in page is not what this file tests.
  // A mouse click anywhere fails the journey.
  await fay.page.addInitScript(() => {
    document.addEventListener("mousedown", () => sessionStorage.setItem("mouse-used", "yes"), true);
  });
  await open(fay.page, sessionPath());
  await wholeGroup()
    .getByText(/^Live\b/)
    .waitFor({ timeout: 5_000 });
  await visionIdeas().filter({ hasText: IDEA }).waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a facilitator, keyboard only, on the session page", () => {
  it("adds an agenda item and makes it current", async () => {
    const add = details("Add an agenda item");
    await expect(isOpen(add)).resolves.toBe(false);
    await tabTo(page(), "Add an agenda item");
    await keys().press("Enter");
    await expect(isOpen(add)).resolves.toBe(true);
    await expectNoViolations(`${sessionPath()} (Add an agenda item open)`);

    await tabTo(page(), "Title");
    await keys().type(AGENDA_ITEM);
    await tabTo(page(), "Time box (minutes)");
    await keys().type("25");
    await tabTo(page(), "Add item");
    await keys().press("Enter");
    const agenda = region("Agenda");
    await agenda.getByText(`1. ${AGENDA_ITEM}`).waitFor();
    await agenda.getByText("· 25 min").waitFor();
    const item = await app.ctx.db.agendaItem.findFirstOrThrow({
      where: { sessionId: cast.session.id },
    });
    expect([item.title, item.minutes, item.position]).toEqual([AGENDA_ITEM, 25, 0]);
    // The form empties once the item is added, ready for the next one: pressing again adds
    // nothing twice.
    await expect.poll(() => focusedName(page())).toBe("Title");
    await expect(add.locator('input[name="title"]').inputValue()).resolves.toBe("");
    await expect(add.locator('input[name="minutes"]').inputValue()).resolves.toBe("");

    // "Make current" sits on the item, above the form: back with Shift+Tab.
    await shiftTabTo(/^Make current:/);
    await keys().press("Enter");
    await agenda.getByText(`Now: ${AGENDA_ITEM}`, { exact: true }).waitFor();
    await expect(
      agenda.locator('li[aria-current="true"]').filter({ hasText: AGENDA_ITEM }).count(),
    ).resolves.toBe(1);
    await expect.poll(async () => (await session()).currentAgendaItemId).toBe(item.id);
  });

  it("adds a breakout room with an area of focus and staff, and auto-assigns members", async () => {
    const rooms = region("Breakout rooms");
    await rooms.getByText("No breakout rooms yet").waitFor();
    const add = details("Add a breakout room");
    await tabTo(page(), "Add a breakout room");
    await keys().press("Enter");
    await expect(isOpen(add)).resolves.toBe(true);
    await expectNoViolations(`${sessionPath()} (Add a breakout room open)`);

    await tabTo(page(), "Room name");
    await keys().type(ROOM);
    // A closed select changes with the arrow keys, or by typing the start of an option.
    await tabTo(page(), /^Area of focus/);
    await expect(focusedTag()).resolves.toBe("select");
    await keys().press("ArrowDown");
    await expect(add.locator('select[name="areaOfFocusId"]').inputValue()).resolves.toBe(areaId);
    await tabTo(page(), /^Facilitator/);
    await expect(focusedTag()).resolves.toBe("select");
    await keys().press("ArrowDown");
    await expect(add.locator('select[name="facilitatorId"]').inputValue()).resolves.toBe(
      cast.facilitator.id,
    );
    await tabTo(page(), /^Recorder/);
    await expect(focusedTag()).resolves.toBe("select");
    await keys().type("Rory");
    await expect(add.locator('select[name="recorderId"]').inputValue()).resolves.toBe(
      cast.recorder.id,
    );
    await tabTo(page(), "Add room");
    await keys().press("Enter");

    const card = rooms
      .getByRole("listitem")
      .filter({ has: page().getByText(ROOM, { exact: true }) });
    const summary = `${AREA} · facilitator ${cast.facilitator.name} · recorder ${cast.recorder.name}`;
    await card.getByText(summary, { exact: true }).waitFor();
    await card.getByText("No members yet.").waitFor();
    const room = await app.ctx.db.breakoutRoom.findFirstOrThrow({
      where: { sessionId: cast.session.id },
      include: { boards: true },
    });
    expect([room.name, room.areaOfFocusId, room.facilitatorId, room.recorderId]).toEqual([
      ROOM,
      areaId,
      cast.facilitator.id,
      cast.recorder.id,
    ]);
    expect(room.boards.map((b) => b.title)).toEqual([ROOM]);
    // The console shows one board at a time: the room's board has its own tab.
    await page()
      .getByRole("tab", { name: `${ROOM} (0)`, exact: true })
      .waitFor();
    await expect.poll(() => focusedName(page())).toBe("Room name");
    await expect(add.locator('input[name="name"]').inputValue()).resolves.toBe("");

    // The auto-assign button is above the form.
    await shiftTabTo("Auto-assign members and guests (mixing groups and regions)");
    await keys().press("Enter");
    const members = [cast.memberA.name, cast.memberB.name].sort();
    await card.getByText(`Members: ${members.join(", ")}`, { exact: true }).waitFor();
    const placed = await app.ctx.db.breakoutRoomMember.findMany({ where: { roomId: room.id } });
    expect(placed.map((p) => p.userId).sort()).toEqual([cast.memberA.id, cast.memberB.id].sort());
  });

  it("messages every room, brings everyone back, and clears the message", async () => {
    const banner = () => page().getByText(/^From the facilitator: /);
    const form = details("Message every room");
    // The form is near the top of the page, above the agenda and the rooms.
    await shiftTabTo("Message every room", 80);
    await keys().press("Enter");
    await expect(isOpen(form)).resolves.toBe(true);
    await expectNoViolations(`${sessionPath()} (Message every room open)`);

    await tabTo(page(), "Message");
    await keys().type(MESSAGE);
    await tabTo(page(), "Send to all rooms");
    await keys().press("Enter");
    await page().getByText(`From the facilitator: ${MESSAGE}`, { exact: true }).waitFor();
    await expect.poll(async () => (await session()).announcement).toBe(MESSAGE);

    await tabTo(page(), "Bring everyone back");
    await keys().press("Enter");
    await page()
      .getByText(`From the facilitator: ${BRING_BACK_MESSAGE}`, { exact: true })
      .waitFor();
    await expect.poll(async () => (await session()).announcement).toBe(BRING_BACK_MESSAGE);

    await tabTo(page(), "Clear the message");
    await keys().press("Enter");
    await banner().waitFor({ state: "detached" });
    await expect.poll(async () => (await session()).announcement).toBeNull();
    await expect(form.getByRole("button", { name: "Clear the message" }).count()).resolves.toBe(0);
  });

  it("moves to Rate with a countdown, and back to Brainstorm", async () => {
    const before = await session();
    expect([before.phase, before.phaseVersion]).toEqual(["brainstorm", 0]);
    await expect(currentPhase()).resolves.toBe("1. Brainstorm");

    await tabTo(page(), "Countdown for the next phase (minutes, optional)");
    await keys().type("5");
    await tabTo(page(), "Move to Rate");
    const sent = Date.now();
    await keys().press("Enter");
    await expect.poll(currentPhase).toBe("2. Rate");
    await page()
      .getByText(/^Time left: [45]:\d\d$/)
      .waitFor();
    await wholeGroup()
      .getByText(/^Brainstorm is closed: /)
      .waitFor();
    const rate = await session();
    expect([rate.phase, rate.phaseVersion]).toEqual(["rate", 1]);
    const ends = rate.phaseEndsAt!.getTime() - sent;
    expect(ends).toBeGreaterThan(4.5 * 60_000);
    expect(ends).toBeLessThanOrEqual(5 * 60_000 + 1_000);

    // The countdown field keeps what was typed: empty it, so Brainstorm has no countdown.
    await shiftTabTo("Countdown for the next phase (minutes, optional)");
    await clearField();
    await tabTo(page(), "Back to Brainstorm");
    await keys().press("Enter");
    await expect.poll(currentPhase).toBe("1. Brainstorm");
    await page()
      .getByText(/^Time left: /)
      .waitFor({ state: "detached" });
    await wholeGroup().getByLabel("Your idea").waitFor();
    const back = await session();
    expect([back.phase, back.phaseVersion, back.phaseEndsAt]).toEqual(["brainstorm", 2, null]);
  });

  it("hides an idea with a reason, and shows it again", async () => {
    const idea = visionIdeas().filter({ hasText: IDEA });
    await idea.waitFor();
    const hide = idea.locator("details");
    await tabTo(page(), /^Hide the idea/, 80);
    // The "Hide" reached is this idea's.
    await expect(
      idea.locator("summary").evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await keys().press("Enter");
    await expect(isOpen(hide)).resolves.toBe(true);
    await expectNoViolations(`${sessionPath()} (Hide open)`);

    await tabTo(page(), "Reason (kept in the log)");
    await keys().type(REASON);
    await tabTo(page(), "Hide this idea");
    await keys().press("Enter");
    await idea.waitFor({ state: "detached" });
    const hidden = await app.ctx.db.idea.findUniqueOrThrow({ where: { id: ideaId } });
    expect(hidden.hiddenAt).not.toBeNull();
    expect(hidden.hiddenReason).toBe(REASON);
    await expect(
      app.ctx.db.auditEvent.count({
        where: { action: "idea.hide", detail: `${ideaId}: ${REASON}` },
      }),
    ).resolves.toBe(1);

    const list = details("Hidden ideas (1)");
    await list.waitFor();
    await tabTo(page(), "Hidden ideas (1)", 80);
    await keys().press("Enter");
    await expect(isOpen(list)).resolves.toBe(true);
    await list.getByText(`(hidden: ${REASON})`, { exact: true }).waitFor();
    await expectNoViolations(`${sessionPath()} (Hidden ideas open)`);

    await tabTo(page(), /^Show again:/);
    await keys().press("Enter");
    await idea.waitFor();
    await list.waitFor({ state: "detached" });
    const shown = await app.ctx.db.idea.findUniqueOrThrow({ where: { id: ideaId } });
    expect([shown.hiddenAt, shown.hiddenReason]).toEqual([null, null]);
  });

  it("never used the mouse and raised no script errors", async () => {
    await expect(page().evaluate(() => sessionStorage.getItem("mouse-used"))).resolves.toBeNull();
    expect(fay.errors).toEqual([]);
  });
});
