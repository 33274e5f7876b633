import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { type Cast, cookieFor, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  launchBrowser,
  newSignedInPerson,
  open,
  type Person,
} from "../support/browser.ts";
import { postForm } from "../support/http.ts";
import { decodeQr } from "../support/qr.ts";

/**
 * Issue 18: the projector view at 1920×1080, a second window on the room's screen. Type
 * readable across a room, the QR code that opens the join link, and new ideas within a second.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let screen: Person;
let facilitatorCookie = "";

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const page = () => screen.page;

beforeAll(async () => {
  const seeded = await startSeededApp();
  app = seeded.app;
  cast = seeded.cast;
  facilitatorCookie = seeded.cookies.facilitator;
  browser = await launchBrowser();
  await postIdea(app.ctx, cast.memberA, cast.board.id, {
    column: "vision",
    text: "Every student leaves with a plan",
  });
  screen = await newSignedInPerson(browser, app.url, facilitatorCookie, {
    viewport: { width: 1920, height: 1080 },
  });
  await open(page(), `${sessionPath()}/projector`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the projector view at 1920×1080", () => {
  it("has no app around it, and every text is at least 28 px", async () => {
    await page().getByRole("heading", { level: 1, name: cast.session.title }).waitFor();
    await expect(page().getByRole("navigation", { name: "Main" }).count()).resolves.toBe(0);
    const smallest = await page().evaluate(() => {
      let min = Number.POSITIVE_INFINITY;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !node.textContent?.trim() || el.closest(".sr-only,script,style")) continue;
        if (!el.getClientRects().length) continue;
        min = Math.min(min, Number.parseFloat(getComputedStyle(el).fontSize));
      }
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(28);
    await expectNoSeriousViolations(page(), `${sessionPath()}/projector`);
  });

  it("shows a QR code that opens the join link", async () => {
    const src = await page().getByRole("img", { name: /QR/ }).getAttribute("src");
    const svg = await (await fetch(`${app.url}${src}`)).text();
    const link = decodeQr(svg);
    expect(link).toMatch(/\/join\/[A-Z0-9]{6}$/);
    await page().getByText(link!, { exact: true }).waitFor();
  });

  it("counts and shows a new idea within a second of it being posted", async () => {
    const counts = page().getByRole("heading", { name: /ideas? so far/ });
    await expect(counts.textContent()).resolves.toBe("1 idea so far");
    const text = "Mentors for every ninth grader";
    const t0 = Date.now();
    await postIdea(app.ctx, cast.memberB, cast.board.id, { column: "skills", text });
    await page().getByText(text, { exact: true }).waitFor({ timeout: 1_000 });
    expect(Date.now() - t0).toBeLessThan(1_000);
    await expect(counts.textContent()).resolves.toBe("2 ideas so far");
  });

  it("follows the facilitator to Rate and shows rating progress", async () => {
    const moved = await postForm(app.url, sessionPath(), facilitatorCookie, {
      intent: "change-phase",
      phase: "rate",
      expectedVersion: "0",
    });
    expect(moved.status).toBe(200);
    await page().getByText("Rate", { exact: true }).waitFor({ timeout: 5_000 });
    await page().getByRole("heading", { name: "Rating progress" }).waitFor({ timeout: 5_000 });
    await expectNoSeriousViolations(page(), `${sessionPath()}/projector (Rate)`);
  });

  it("is for facilitators only", async () => {
    for (const who of ["memberA", "outsider"] as const) {
      const cookie = await cookieFor(app.ctx, cast[who].id);
      const answer = await fetch(`${app.url}${sessionPath()}/projector`, { headers: { cookie } });
      expect(answer.status, who).toBeGreaterThanOrEqual(403);
      expect(answer.status, who).toBeLessThan(500);
    }
  });

  it("raised no script errors", () => {
    expect(screen.errors).toEqual([]);
  });
});
