import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateCommentPeriod } from "../../app/modules/comment-period/comment-period.server.ts";
import { MIN_SECONDS_TO_WRITE } from "../../app/modules/comment-period/form-token.server.ts";
import { createHearing } from "../../app/modules/hearing/hearings.server.ts";
import { type Cast, cookieFor, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  launchBrowser,
  newPerson,
  newSignedInPerson,
  open,
  waitForHydration,
} from "../support/browser.ts";
import { openCommentPeriod } from "../support/comments.ts";

/**
 * A visitor comments on section 2 of an open draft and gets a receipt; the same request sent
 * again gets the same receipt and stores nothing more; after the close the form is refused
 * with the dates. Once with JavaScript and once without.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;

beforeAll(async () => {
  ({ app, cast } = await startSeededApp());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const access = () => ({
  workGroup: { id: cast.workGroup.id, slug: cast.workGroup.slug, name: cast.workGroup.name },
  role: "facilitator" as const,
});
const wallClock = (minutesFromNow: number) =>
  new Date(Date.now() + minutesFromNow * 60_000).toISOString().slice(0, 16);

async function writeComment(page: Page, text: string) {
  await page.getByLabel("Your name (optional)").fill("Dana Parent");
  await page.getByLabel("You are commenting as").selectOption("Parents");
  await page.getByLabel("District or region").selectOption("Central");
  await page.getByRole("checkbox", { name: "Section 2: Performance Standards" }).check();
  await page.getByLabel("Your comment", { exact: true }).fill(text);
  // A person takes longer than the robot check's few seconds to write a comment.
  await page.waitForTimeout(MIN_SECONDS_TO_WRITE * 1000);
}

for (const javaScript of [true, false]) {
  describe(`commenting on a draft ${javaScript ? "with" : "without"} JavaScript`, () => {
    it("gives a receipt once, the same receipt again, and refuses after the close", async () => {
      const period = await openCommentPeriod(app.ctx, cast, {
        title: `Draft for comment (${javaScript ? "script" : "no script"})`,
      });
      const visitor = await newPerson(browser, app.url, { javaScriptEnabled: javaScript });
      const { page } = visitor;
      page.setDefaultTimeout(10_000);
      if (javaScript) await open(page, period.path);
      else await page.goto(period.path);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(
        "Draft for comment",
      );
      expect(await page.getByText("Comments are accepted from").textContent()).toMatch(/UTC/);
      // axe runs as a script in the page: checked with JavaScript on (the markup is the same).
      const checkAccessibility = (where: string) =>
        javaScript ? expectNoSeriousViolations(page, where) : Promise.resolve();
      await checkAccessibility("comment period page");

      // A late page, opened now and sent after the close below.
      const late = await visitor.context.newPage();
      await late.goto(period.path);
      if (javaScript) await waitForHydration(late);

      await writeComment(page, "Section 2 should say how growth is measured for small schools.");
      const sent = page.waitForRequest((r) => r.method() === "POST");
      await page.getByRole("button", { name: "Send comment" }).click();
      const request = await sent;
      await page.getByRole("heading", { name: "Your comment was received" }).waitFor();
      const tracking = (await page.getByTestId("tracking-number").textContent())?.trim();
      expect(tracking).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const stored = await app.ctx.db.comment.findMany({ where: { periodId: period.id } });
      expect(stored.map((c) => [c.trackingNumber, c.sections])).toEqual([[tracking, "2"]]);
      await checkAccessibility("receipt");
      if (javaScript) {
        // Focus moves to the receipt, so a screen reader hears it.
        expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(tracking);
      }

      // The very same request again (a retry, a double click, a reload that resends).
      const again = await page.request.fetch(request.url(), {
        method: "POST",
        headers: { "content-type": request.headers()["content-type"] ?? "" },
        data: request.postData() ?? "",
      });
      expect(again.status()).toBe(200);
      expect(await again.text()).toContain(tracking!);
      expect(await app.ctx.db.comment.count({ where: { periodId: period.id } })).toBe(1);

      // The period closes; the late page's comment is refused, naming the dates.
      await updateCommentPeriod(app.ctx, access(), period.id, {
        title: "Closed draft",
        instructions: "",
        moderationPolicy: "",
        timeZone: "UTC",
        opensAt: wallClock(-120),
        closesAt: wallClock(-2),
      });
      await writeComment(late, "Too late, but I tried.");
      await late.getByRole("button", { name: "Send comment" }).click();
      const refusal = late.getByRole("alert");
      await refusal.waitFor({ timeout: 10_000 });
      expect(await refusal.textContent()).toMatch(
        /This comment period has closed\. Comments were accepted from .+ to .+UTC\./,
      );
      // What they wrote is still on the page: in the form (with JavaScript), or shown to copy.
      const kept = late.getByLabel(javaScript ? "Your comment" : "Your comment, not sent", {
        exact: true,
      });
      expect(await kept.inputValue()).toBe("Too late, but I tried.");
      expect(await app.ctx.db.comment.count({ where: { periodId: period.id } })).toBe(1);

      // A fresh visit shows no form, only the dates.
      await page.goto(period.path);
      expect(await page.getByText("This comment period has closed").count()).toBe(1);
      expect(await page.getByRole("button", { name: "Send comment" }).count()).toBe(0);
      await checkAccessibility("closed period");
      expect(visitor.errors).toEqual([]);
      await visitor.close();
    });
  });
}

describe("a refused comment on a phone (issue 19)", () => {
  it("says why beside the Send button, focused, and keeps the text", async () => {
    const period = await openCommentPeriod(app.ctx, cast, { title: "Refusal beside the button" });
    const visitor = await newPerson(browser, app.url, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const { page } = visitor;
    await open(page, period.path);
    await writeComment(page, "A comment prepared at home, sent with a stale form.");
    // A form left open past its token's life: the server refuses it.
    await page.locator('input[name="token"]').evaluate((el) => {
      (el as HTMLInputElement).value = "stale.token.value.sig";
    });
    const send = page.getByRole("button", { name: "Send comment" });
    await send.tap();
    const refusal = page.getByRole("alert");
    await refusal.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("role")))
      .toBe("alert");
    // Right under the button, in view where the tap was.
    const [button, alert] = [await send.boundingBox(), await refusal.boundingBox()];
    expect(alert!.y).toBeGreaterThan(button!.y);
    expect(alert!.y - (button!.y + button!.height)).toBeLessThan(60);
    expect(alert!.y + alert!.height).toBeLessThanOrEqual(844);
    expect(await page.getByLabel("Your comment", { exact: true }).inputValue()).toBe(
      "A comment prepared at home, sent with a stale form.",
    );
    await expectNoSeriousViolations(page, "refused comment on a phone");
    expect(visitor.errors).toEqual([]);
    await visitor.close();
  });
});

describe("the staff pages of a comment period", () => {
  it("list, moderation and extension have no serious accessibility violation", async () => {
    const period = await openCommentPeriod(app.ctx, cast, { title: "Staff view" });
    const facilitator = await newSignedInPerson(
      browser,
      app.url,
      await cookieFor(app.ctx, cast.facilitator.id),
    );
    await open(facilitator.page, `/work-groups/${cast.workGroup.slug}/comment-periods`);
    await expectNoSeriousViolations(facilitator.page, "comment periods (staff)");
    await open(
      facilitator.page,
      `/work-groups/${cast.workGroup.slug}/comment-periods/${period.id}`,
    );
    await expectNoSeriousViolations(facilitator.page, "comment period (staff)");
    await facilitator.page.getByRole("link", { name: "Moderate comments" }).click();
    await facilitator.page.getByRole("heading", { level: 1, name: /Moderate comments/ }).waitFor();
    await expectNoSeriousViolations(facilitator.page, "moderation queue, empty");
    expect(facilitator.errors).toEqual([]);
    await facilitator.close();
  });
});

describe("the comment page in Spanish", () => {
  it("has the form in Spanish with no serious accessibility violation", async () => {
    const period = await openCommentPeriod(app.ctx, cast, { title: "Borrador" });
    const visitor = await newPerson(browser, app.url, { locale: "es-US" });
    await open(visitor.page, period.path);
    expect(await visitor.page.getByRole("button", { name: "Enviar comentario" }).count()).toBe(1);
    expect(await visitor.page.locator("html").getAttribute("lang")).toBe("es");
    await expectNoSeriousViolations(visitor.page, "comment period page (es)");
    await visitor.close();
  });
});

describe("a hearing and the analysis of comments", () => {
  it("registers a district team from the keyboard, and both pages pass axe", async () => {
    const period = await openCommentPeriod(app.ctx, cast, { title: "Hearings" });
    const hearing = await createHearing(app.ctx, access(), period.id, {
      kind: "hearing",
      title: "Public hearing in Jefferson City",
      startsAt: wallClock(60 * 24),
      endsAt: wallClock(60 * 26),
      place: "205 Jefferson Street, Jefferson City",
      link: "",
      capacity: 2,
      teamRoles: "principal\ncounselor\nlead teacher\nfederal programs director",
    });
    const visitor = await newPerson(browser, app.url);
    const { page } = visitor;
    page.setDefaultTimeout(10_000);
    await open(page, period.path);
    await page.locator(`a[href$="/hearings/${hearing.id}"]`).click();
    await waitForHydration(page);
    await expectNoSeriousViolations(page, "hearing page");
    await page.getByLabel("Your name").fill("Pat Principal");
    await page.getByLabel("Your email").fill("pat@district.example.org");
    // The team's roles appear once the person says they register a team.
    await page.getByRole("radio", { name: "A team from a school or district" }).check();
    await page.getByLabel("counselor", { exact: false }).first().fill("Casey Counselor");
    await page.waitForTimeout(MIN_SECONDS_TO_WRITE * 1000);
    await page.getByLabel("Your email").press("Enter");
    await page.getByText("You are registered").waitFor();
    await expectNoSeriousViolations(page, "hearing confirmation");
    const stored = await app.ctx.db.registration.findMany({ where: { hearingId: hearing.id } });
    expect(stored.map((r) => r.status)).toEqual(["registered"]);
    expect(JSON.parse(stored[0]!.team)).toContainEqual({
      name: "Casey Counselor",
      role: "counselor",
    });
    expect(visitor.errors).toEqual([]);
    await visitor.close();

    const facilitator = await newSignedInPerson(
      browser,
      app.url,
      await cookieFor(app.ctx, cast.facilitator.id),
    );
    await open(
      facilitator.page,
      `/work-groups/${cast.workGroup.slug}/comment-periods/${period.id}/analysis`,
    );
    expect(
      await facilitator.page.getByRole("heading", { name: "Analysis and response" }).count(),
    ).toBe(1);
    await expectNoSeriousViolations(facilitator.page, "analysis (staff)");
    await open(
      facilitator.page,
      `/work-groups/${cast.workGroup.slug}/comment-periods/${period.id}/hearings`,
    );
    await expectNoSeriousViolations(facilitator.page, "hearings (staff)");
    expect(facilitator.errors).toEqual([]);
    await facilitator.close();
  });
});
