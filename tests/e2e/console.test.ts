import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  launchBrowser,
  newSignedInPerson,
  open,
  type Person,
} from "../support/browser.ts";
import { postForm } from "../support/http.ts";

/**
 * Issue 18: the facilitator's console at 1366×768. The facilitator runs the agenda, two
 * rooms, the four phases and the end of the session; after every step the phase control is
 * in view without scrolling, and the chosen room's board is what the main column shows.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let fay: Person;
const ROOMS = ["Room Cedar", "Room Birch"];
const ITEMS = ["Welcome and introductions", "Brainstorm in rooms"];

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const page = () => fay.page;
const controls = () => page().getByRole("complementary", { name: "Session controls" });
const phaseBar = () => controls().getByRole("region", { name: "Session phase" });
const session = () => app.ctx.db.session.findUniqueOrThrow({ where: { id: cast.session.id } });

/** The phase control sits inside the window: nobody scrolls to move the session on. */
async function expectPhaseControlInView(step: string) {
  const box = await phaseBar().boundingBox();
  const viewport = page().viewportSize()!;
  expect(box, step).not.toBeNull();
  expect(box!.y, `${step}: phase control's top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + Math.min(box!.height, 200), `${step}: phase control`).toBeLessThanOrEqual(
    viewport.height,
  );
}

beforeAll(async () => {
  const seeded = await startSeededApp();
  app = seeded.app;
  cast = seeded.cast;
  browser = await launchBrowser();
  const command = (fields: Record<string, string>) =>
    postForm(app.url, sessionPath(), seeded.cookies.facilitator, fields);
  for (const [index, title] of ITEMS.entries())
    expect(
      (await command({ intent: "add-agenda-item", title, minutes: String(10 + index * 20) }))
        .status,
    ).toBe(200);
  for (const name of ROOMS) expect((await command({ intent: "add-room", name })).status).toBe(200);
  await postIdea(app.ctx, cast.memberA, cast.board.id, {
    column: "vision",
    text: "Every student leaves with a plan",
  });
  fay = await newSignedInPerson(browser, app.url, seeded.cookies.facilitator, {
    viewport: { width: 1366, height: 768 },
  });
  await open(page(), sessionPath());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the facilitator's console at 1366×768", () => {
  it("keeps the controls beside the boards, one board at a time", async () => {
    await expectPhaseControlInView("on arrival");
    await expectNoSeriousViolations(page(), `${sessionPath()} (console)`);
    const tabs = page().getByRole("tablist", { name: "Boards" });
    await expect(tabs.getByRole("tab").count()).resolves.toBe(4); // whole group, 2 rooms, all
    await page().getByRole("tab", { name: "Whole group (1)" }).waitFor();
    // The agenda says when each item happens, from the start and the time boxes.
    await controls()
      .getByText(/^9:00\sAM–9:10\sAM$/)
      .waitFor();
  });

  it("runs the agenda from the keyboard shortcut and the Next item button", async () => {
    await page().keyboard.press("Alt+Shift+J");
    await expect.poll(async () => (await session()).currentAgendaItemId).not.toBeNull();
    await controls().getByText(`Now: ${ITEMS[0]}`).waitFor();
    await expectPhaseControlInView("after the first agenda item");
    await controls()
      .getByRole("button", { name: `Next item: ${ITEMS[1]}` })
      .click();
    await controls().getByText(`Now: ${ITEMS[1]}`).waitFor();
    await expectPhaseControlInView("after the second agenda item");
  });

  it("edits an agenda item in place, and undoes a removal", async () => {
    const agenda = controls().getByRole("region", { name: "Agenda" });
    await agenda.getByText(`Edit ${ITEMS[0]}`).click();
    const title = agenda.getByLabel("Title", { exact: true }).first();
    await title.fill("Welcome, introductions and norms");
    await agenda.getByRole("button", { name: "Save the item" }).first().click();
    await agenda.getByText("1. Welcome, introductions and norms").waitFor();
    await agenda.getByRole("button", { name: `Remove ${ITEMS[1]}` }).click();
    const undo = agenda.getByRole("button", { name: `Undo: put “${ITEMS[1]}” back` });
    await undo.waitFor();
    await expect(agenda.getByText(`2. ${ITEMS[1]}`).count()).resolves.toBe(0);
    await undo.click();
    await agenda.getByText(`2. ${ITEMS[1]}`).waitFor();
    await expect.poll(() => undo.count()).toBe(0);
    const stored = await app.ctx.db.agendaItem.findMany({
      where: { sessionId: cast.session.id },
      orderBy: { position: "asc" },
    });
    expect(stored.map((i) => i.title)).toEqual(["Welcome, introductions and norms", ITEMS[1]]);
    await expectPhaseControlInView("after changing the agenda");
  });

  it("shows the chosen room's board, with the controls still in view", async () => {
    for (const room of ROOMS) {
      await page()
        .getByRole("tab", { name: `${room} (0)` })
        .click();
      const board = page().getByRole("region", { name: `Board: ${room}`, exact: true });
      await board.getByText(/^Live\b/).waitFor({ timeout: 5_000 });
      await expect(board.isVisible()).resolves.toBe(true);
      await expect(
        page().getByRole("region", { name: "Board: Whole group", exact: true }).isVisible(),
      ).resolves.toBe(false);
      await expectPhaseControlInView(`on ${room}'s board`);
    }
    // Down at the notes, the controls have not moved out of view.
    await page().getByRole("heading", { name: "Session notes" }).scrollIntoViewIfNeeded();
    await expectPhaseControlInView("at the notes");
    await page().getByRole("tab", { name: "All boards" }).click();
    await page()
      .getByRole("table", { name: /Ideas on each board/ })
      .waitFor();
  });

  it("moves through the four phases and ends the session, the control in view each time", async () => {
    for (const next of ["Rate", "Theme", "Report back"]) {
      await phaseBar()
        .getByRole("button", { name: `Move to ${next}` })
        .waitFor();
      await page().keyboard.press("Alt+Shift+N");
      await phaseBar().locator('[aria-current="step"]', { hasText: next }).waitFor();
      await expectPhaseControlInView(`after moving to ${next}`);
    }
    await phaseBar().getByRole("button", { name: "End the session" }).click();
    await phaseBar().getByRole("button", { name: "Reopen the session" }).waitFor();
    // The pressed button is gone with the phase it ended: focus goes to the phase control,
    // where the work continues, never to the page body.
    await expect.poll(() => page().evaluate(() => document.activeElement?.id ?? "")).toBe("phase");
    await phaseBar().getByRole("button", { name: "Draft the summary" }).waitFor();
    await expect(session().then((s) => s.phase)).resolves.toBe("ended");
    await phaseBar().getByRole("button", { name: "Reopen the session" }).click();
    await phaseBar().getByRole("button", { name: "End the session" }).waitFor();
    await expect.poll(() => page().evaluate(() => document.activeElement?.id ?? "")).toBe("phase");
    await expect(session().then((s) => s.phase)).resolves.toBe("report_back");
    await phaseBar().getByRole("button", { name: "End the session" }).click();
    await phaseBar().getByRole("button", { name: "Reopen the session" }).waitFor();
    await expectPhaseControlInView("after ending the session");
    await expectNoSeriousViolations(page(), `${sessionPath()} (console, ended)`);
  });

  it("raised no script errors", () => {
    expect(fay.errors).toEqual([]);
  });
});
