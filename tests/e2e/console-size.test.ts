import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  launchBrowser,
  newSignedInPerson,
  open,
  type Person,
} from "../support/browser.ts";
import { addRoomsWithIdeas } from "../support/staff-pages.ts";

/**
 * Issue 18: a session with 2 rooms of 30 ideas each. On the console at 1366×768 the main column
 * (the notes aside) is no taller than two windows, whichever room is shown.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let fay: Person;
const ROOMS = ["Room Oak", "Room Elm"];

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;

beforeAll(async () => {
  const seeded = await startSeededApp();
  app = seeded.app;
  cast = seeded.cast;
  browser = await launchBrowser();
  await addRoomsWithIdeas(seeded, ROOMS, 30);
  fay = await newSignedInPerson(browser, app.url, seeded.cookies.facilitator, {
    viewport: { width: 1366, height: 768 },
  });
  await open(fay.page, sessionPath());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the console with 2 rooms of 30 ideas", () => {
  it("keeps the main column within two windows, notes aside", async () => {
    const page = fay.page;
    for (const room of ROOMS) {
      await page.getByRole("tab", { name: `${room} (30)` }).click();
      const board = page.getByRole("region", { name: `Board: ${room}`, exact: true });
      await board.getByText(/^Live\b/).waitFor({ timeout: 5_000 });
      await board.getByText(`Idea 30 for ${room}`, { exact: false }).waitFor();
      const height = await page.evaluate(() => {
        const main = document.querySelector("aside[aria-label='Session controls'] + div")!;
        // Notes are long by nature and read on their own: the session's and the room's.
        const notes = [...main.querySelectorAll("section[aria-labelledby='notes'], [data-notes]")]
          .map((el) => el.getBoundingClientRect().height)
          .reduce((a, b) => a + b, 0);
        const parts = [
          ...main.querySelectorAll("section, form, details, [role=tablist], .grid"),
        ].map(
          (el) =>
            `${el.tagName}.${(el.getAttribute("aria-labelledby") ?? el.className).slice(0, 30)}=${Math.round(el.getBoundingClientRect().height)}`,
        );
        return { h: main.getBoundingClientRect().height - notes, parts };
      });
      console.log(height.parts.join("\n"));
      expect(height.h, `${room}: main column height`).toBeLessThanOrEqual(2 * 768);
    }
    await expectNoSeriousViolations(page, `${sessionPath()} (console, 2 rooms × 30 ideas)`);
  });

  it("raised no script errors", () => {
    expect(fay.errors).toEqual([]);
  });
});
