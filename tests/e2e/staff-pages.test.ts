import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededApp, type TestApp } from "../support/app.ts";
import {
  describeViolations,
  launchBrowser,
  newSignedInPerson,
  open,
  seriousAxeViolations,
} from "../support/browser.ts";
import { addRoomsWithIdeas, staffPages } from "../support/staff-pages.ts";

/**
 * Issue 18: every staff page, crawled as the facilitator in a real browser, with a session of
 * 2 rooms of 30 ideas each. At 1366×768 no page of the session has a main column taller than
 * two windows (the notes editor aside: notes are long by nature and read on their own); every
 * page's height is printed. axe finds no serious or critical violation on any page at desktop
 * and at phone size; at phone size nothing is wider than the screen (WCAG 1.4.10: no scrolling
 * sideways to read).
 */
let app: TestApp;
let browser: Browser;
let cookie = "";
const pages: string[] = [];

beforeAll(async () => {
  const seeded = await startSeededApp();
  app = seeded.app;
  cookie = seeded.cookies.facilitator;
  await addRoomsWithIdeas(seeded, ["Room Oak", "Room Elm"], 30);
  pages.push(...(await staffPages(app.ctx, seeded.cast)));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The main column's height: the console's boards beside its controls, else the page's main. */
function mainColumnHeight() {
  const column =
    document.querySelector("aside[aria-label='Session controls'] + div") ??
    document.querySelector("#main")!;
  const notes = [...column.querySelectorAll("section[aria-labelledby='notes'], [data-notes]")]
    .map((el) => el.getBoundingClientRect().height)
    .reduce((a, b) => a + b, 0);
  return Math.round(column.getBoundingClientRect().height - notes);
}

describe("every staff page, with a session of 2 rooms × 30 ideas", () => {
  it("keeps its main column within two windows at 1366×768, and axe passes", async () => {
    const fay = await newSignedInPerson(browser, app.url, cookie, {
      viewport: { width: 1366, height: 768 },
    });
    const tooTall: string[] = [];
    const heights: string[] = [];
    const violations: string[] = [];
    for (const path of pages) {
      const response = await open(fay.page, path);
      expect(response?.status(), path).toBe(200);
      const height = await fay.page.evaluate(mainColumnHeight);
      heights.push(`${path}: ${height} px`);
      if (height > 2 * 768 && path.includes("/sessions/")) tooTall.push(`${path}: ${height} px`);
      if (height > 2 * 768)
        await fay.page.screenshot({ path: `/tmp/w/tall-${tooTall.length}.png`, fullPage: true }); // TEMP
      const found = await seriousAxeViolations(fay.page);
      if (found.length) violations.push(describeViolations(`${path} (1366×768)`, found));
    }
    console.log(`Main column heights at 1366×768:\n${heights.join("\n")}`);
    expect(tooTall).toEqual([]);
    expect(violations).toEqual([]);
    expect(fay.errors).toEqual([]);
    await fay.close();
  }, 240_000);

  it("fits a phone's width at 390×844, and axe passes", async () => {
    const fay = await newSignedInPerson(browser, app.url, cookie, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const tooWide: string[] = [];
    const violations: string[] = [];
    for (const path of pages) {
      await open(fay.page, path);
      const width = await fay.page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) tooWide.push(`${path}: ${width} px`);
      const found = await seriousAxeViolations(fay.page);
      if (found.length) violations.push(describeViolations(`${path} (390×844)`, found));
    }
    expect(tooWide).toEqual([]);
    expect(violations).toEqual([]);
    expect(fay.errors).toEqual([]);
    await fay.close();
  }, 240_000);
});
