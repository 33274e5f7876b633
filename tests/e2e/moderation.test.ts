import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  expectTapTarget,
  focusedName,
  launchBrowser,
  newSignedInPerson,
  open,
  type Person,
  tabTo,
} from "../support/browser.ts";
import { openCommentPeriod } from "../support/comments.ts";

/**
 * Two moderators work one queue. The first publishes 10 comments and hides 5 from the keyboard
 * alone (J/K to move, P to publish, H then a reason and Enter to hide); the second's page shows
 * each decision within a second, without reloading. Checked on the page and in the database.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let fay: Person;
let rory: Person;
let queuePath = "";
let periodId = "";

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  browser = await launchBrowser();
  periodId = (await openCommentPeriod(app.ctx, cast)).id;
  await app.ctx.db.comment.createMany({
    data: Array.from({ length: 20 }, (_, n) => ({
      periodId,
      trackingNumber: `MSIP-${String(n + 1).padStart(4, "0")}`,
      submissionKey: randomUUID(),
      name: `Person ${n + 1}`,
      stakeholderGroup: "Parent",
      region: "Central",
      body: `Comment number ${n + 1}: ${"budget buses reading library lunch music art safety".split(" ")[n % 8]} for school ${n * 37}.`,
      receivedAt: new Date(Date.UTC(2026, 11, 1, 12, n)),
    })),
  });
  queuePath = `/work-groups/${cast.workGroup.slug}/comment-periods/${periodId}/comments?state=pending`;
  const desk = { viewport: { width: 1366, height: 768 } };
  fay = await newSignedInPerson(browser, app.url, seeded.cookies.facilitator, desk);
  rory = await newSignedInPerson(browser, app.url, seeded.cookies.recorder, desk);
  fay.page.setDefaultTimeout(10_000);
  rory.page.setDefaultTimeout(10_000);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const stateOn = (person: Person, tracking: string) =>
  person.page
    .locator("article[data-comment]")
    .filter({ has: person.page.getByRole("heading", { name: tracking }) })
    .getAttribute("data-state");

/** Resolves with how long it took another moderator's page to show a state. */
async function seenBy(person: Person, tracking: string, state: string) {
  const started = Date.now();
  await person.page.waitForFunction(
    ([t, s]) =>
      [...document.querySelectorAll("article[data-comment]")].some(
        (a) => a.querySelector("h3")?.textContent === t && a.getAttribute("data-state") === s,
      ),
    [tracking, state],
    { timeout: 5_000 },
  );
  return Date.now() - started;
}

describe("two moderators, one queue", () => {
  it("publishes 10 and hides 5 from the keyboard; the other page follows live", async () => {
    await open(fay.page, queuePath);
    await open(rory.page, queuePath);
    await expectNoSeriousViolations(fay.page, "moderation queue");
    // The other moderator's live document is connected before decisions start.
    await rory.page.waitForFunction(
      () => document.querySelectorAll("article[data-comment]").length === 20,
    );

    const keys = fay.page.keyboard;
    await tabTo(fay.page, "MSIP-0001", 80);
    const delays: number[] = [];
    for (let n = 1; n <= 15; n++) {
      const tracking = `MSIP-${String(n).padStart(4, "0")}`;
      expect(await focusedName(fay.page)).toBe(tracking);
      const next = `MSIP-${String(n + 1).padStart(4, "0")}`;
      if (n <= 10) {
        await keys.press("p");
      } else {
        await keys.press("h");
        expect(await focusedName(fay.page)).toBe("Why hide it?");
        await keys.type("Spam or advertising");
        await keys.press("Enter");
      }
      const state = n <= 10 ? "published" : "hidden";
      delays.push(await seenBy(rory, tracking, state));
      // The decided comment stays in place, marked; focus goes on to the next one.
      expect(await stateOn(fay, tracking)).toBe(state);
      await fay.page.waitForFunction(
        (t) => document.activeElement?.querySelector("h3")?.textContent === t,
        next,
      );
    }
    expect(Math.max(...delays)).toBeLessThan(1_000);
    const stored = await app.ctx.db.comment.groupBy({
      by: ["state"],
      where: { periodId },
      _count: { _all: true },
    });
    expect(Object.fromEntries(stored.map((s) => [s.state, s._count._all]))).toEqual({
      published: 10,
      hidden: 5,
      pending: 5,
    });
    const hidden = await app.ctx.db.comment.findMany({ where: { periodId, state: "hidden" } });
    expect(hidden.every((c) => c.hiddenReason === "Spam or advertising")).toBe(true);
    // The counts at the top follow too.
    await rory.page.getByText("20 comments: 5 pending, 10 published, 5 hidden.").waitFor();
    // K goes back; J forward.
    await keys.press("k");
    expect(await focusedName(fay.page)).toBe("MSIP-0015");
    await keys.press("j");
    expect(await focusedName(fay.page)).toBe("MSIP-0016");
    // X ticks the comment in focus; a bulk decision on the ticked ones clears the ticks.
    await keys.press("x");
    await keys.press("j");
    await keys.press("x");
    expect(await fay.page.locator('input[form="bulk"]:checked').count()).toBe(2);
    await fay.page.getByRole("button", { name: "Publish ticked" }).click();
    await fay.page.getByText("2 comments: published.").waitFor();
    expect(await fay.page.locator('input[form="bulk"]:checked').count()).toBe(0);
    expect(await stateOn(fay, "MSIP-0016")).toBe("published");
    await seenBy(rory, "MSIP-0017", "published");
    expect(fay.errors).toEqual([]);
    expect(rory.errors).toEqual([]);
  });

  it("works on a phone: tap targets and no serious axe violation", async () => {
    const phone = await newSignedInPerson(
      browser,
      app.url,
      `${(await rory.context.cookies())[0]!.name}=${(await rory.context.cookies())[0]!.value}`,
      { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    );
    await open(phone.page, queuePath);
    await expectNoSeriousViolations(phone.page, "moderation queue on a phone");
    const first = phone.page.locator("article[data-comment]").first();
    await expectTapTarget(first.getByRole("button", { name: "Publish" }));
    await expectTapTarget(first.locator("summary"));
    // The tick's label is its target: the whole 44 px square around the box.
    await expectTapTarget(first.locator("label").filter({ has: phone.page.getByRole("checkbox") }));
    await phone.close();
  });
});
