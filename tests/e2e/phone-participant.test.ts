import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { ensureJoinCode } from "../../app/modules/session/join-code.server.ts";
import {
  type Cast,
  cookieFor,
  createUser,
  seedWorkGroup,
  startTestApp,
  type TestApp,
} from "../support/app.ts";
import {
  expectNoSeriousViolations,
  expectTapTarget,
  inViewport,
  launchBrowser,
  newPerson,
  open,
  type Person,
  waitForHydration,
} from "../support/browser.ts";
import { postForm } from "../support/http.ts";
import { startMailbox } from "../support/mail.ts";
import { waitFor } from "../support/realtime.ts";
import { freePort } from "../support/services.ts";

/**
 * Issue 17: a member joins a live session on a phone (390×844, touch) by its code, signs in
 * with an emailed link (no password), posts ideas with the post box in view, and rates with
 * one tap per idea.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let phone: Person;
let code = "";

beforeAll(async () => {
  mailbox = await startMailbox();
  // Mail needs the app's public address; the test knows it by choosing the port first.
  const port = await freePort();
  [app, browser] = await Promise.all([
    startTestApp({
      SMTP_URL: mailbox.url,
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
    }),
    launchBrowser(),
  ]);
  cast = await seedWorkGroup(app.ctx);
  code = await ensureJoinCode(app.ctx, cast.session.id);
  // Five ideas of others to rate later.
  for (const [i, text] of [
    "Peer tutoring after school",
    "A shared calendar of assessments",
    "Family nights about grading",
    "Time in the day for feedback",
    "Student-led conferences",
  ].entries()) {
    const author = await createUser(app.ctx, `Author ${i}`);
    await app.ctx.db.membership.create({
      data: { workGroupId: cast.workGroup.id, userId: author.id, role: "member" },
    });
    await postIdea(app.ctx, author, cast.board.id, { column: "vision", text });
  }
  phone = await newPerson(browser, app.url, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

const board = {
  getByRole: (role: "status") =>
    phone.page.locator(`section[aria-labelledby="board-${cast.board.id}"]`).getByRole(role),
};
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
const activeTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? "");

/** WCAG contrast of an element's border against the page behind it. */
const borderContrast = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((c) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const border = luminance(rgb(getComputedStyle(el).borderTopColor));
    let back: Element | null = el.parentElement;
    let color = "rgb(255, 255, 255)";
    while (back) {
      const bg = getComputedStyle(back).backgroundColor;
      if (bg && !bg.startsWith("rgba(0, 0, 0, 0)") && bg !== "transparent") {
        color = bg;
        break;
      }
      back = back.parentElement;
    }
    const behind = luminance(rgb(color));
    const [hi, lo] = border > behind ? [border, behind] : [behind, border];
    return (hi + 0.05) / (lo + 0.05);
  });

describe("a participant on a phone", () => {
  it("joins by code and signs in with an emailed link, no password", async () => {
    const { page } = phone;
    await open(page, "/join");
    await expectNoSeriousViolations(page, "join page");
    await page.getByLabel("Join code").fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await page.getByRole("button", { name: "Join" }).tap();
    await page.waitForURL(/\/login\?redirectTo=/);
    await waitForHydration(page);
    await page.getByRole("link", { name: /Email me a sign-in link/ }).tap();
    await page.waitForURL(/\/login\/email/);
    await waitForHydration(page);
    await page.getByLabel("Email").fill(cast.memberA.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).tap();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    const mail = await waitFor(
      () => mailbox.inbox.find((m) => m.to === cast.memberA.email),
      5_000,
      "the sign-in mail",
    );
    const link = /http:\/\/\S+\/login\/link\/\S+/.exec(mail.body)![0];
    await open(page, link);
    await expectNoSeriousViolations(page, "sign-in link page");
    await page.getByRole("button", { name: "Sign in" }).tap();
    await page.waitForURL((url) => url.pathname.endsWith(`/sessions/${cast.session.id}`));
    await waitForHydration(page);
    expect(new URL(page.url()).hash).toBe(`#board-${cast.board.id}`);
    // On arrival the post box is in view, without scrolling.
    expect(await inViewport(page, `#idea-text-${cast.board.id}`)).toBe(true);
    await expectNoSeriousViolations(page, "session page on a phone");
  });

  it("posts three ideas into three columns, each editable at once", async () => {
    const { page } = phone;
    await page.getByText(/^Live\b/).waitFor({ timeout: 5_000 });
    for (const [column, text] of [
      ["Skills", "Training on rubrics for every teacher"],
      ["Resources", "Release time on Fridays"],
      ["Action Plan", "Pilot in two schools this spring"],
    ] as const) {
      await page.getByRole("radio", { name: column, exact: true }).tap();
      const box = page.locator(`#idea-text-${cast.board.id}`);
      await box.fill(text);
      await page.getByRole("button", { name: "Post idea" }).tap();
      const item = page.locator("li").filter({ hasText: text });
      // Its author can edit or withdraw it right away, without a reload.
      await item.getByText("Your idea: edit or withdraw").waitFor();
      await expect(box.inputValue()).resolves.toBe("");
      // Said to screen readers, and focus stays in the box for the next idea.
      await board.getByRole("status").filter({ hasText: "Your idea is posted." }).waitFor();
      expect(await activeId(page)).toBe(`idea-text-${cast.board.id}`);
    }
    expect(await app.ctx.db.idea.count({ where: { authorId: cast.memberA.id } })).toBe(3);
    // The text box's border can be seen: at least 3:1 against the page (WCAG 1.4.11).
    expect(await borderContrast(page, `#idea-text-${cast.board.id}`)).toBeGreaterThanOrEqual(3);
  });

  it("withdraws an idea, and focus goes back to the post box", async () => {
    const { page } = phone;
    const item = page.locator("li").filter({ hasText: "Pilot in two schools this spring" });
    await item.getByText("Your idea: edit or withdraw").tap();
    await item.getByRole("button", { name: /^Withdraw this idea/ }).tap();
    await item.waitFor({ state: "detached" });
    await board.getByRole("status").filter({ hasText: "Your idea is withdrawn." }).waitFor();
    await waitFor(
      async () => (await activeId(page)) === `idea-text-${cast.board.id}`,
      2_000,
      "focus",
    );
    expect(await app.ctx.db.idea.count({ where: { authorId: cast.memberA.id } })).toBe(2);
  });

  it("rates five ideas with one tap each, on stars at least 44 px square", async () => {
    const { page } = phone;
    const facilitator = await cookieFor(app.ctx, cast.facilitator.id);
    const moved = await postForm(
      app.url,
      `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`,
      facilitator,
      {
        intent: "change-phase",
        phase: "rate",
        expectedVersion: "0",
        countdownMinutes: "0",
      },
    );
    expect(moved.status).toBe(200);
    const rate = page.getByRole("region", { name: "Rate ideas" });
    await rate.getByText("You have rated 0 of 5 ideas.").waitFor({ timeout: 5_000 });
    // The phase change is said, and the rating panel comes into view with focus on it.
    await page.getByRole("status").filter({ hasText: "The session moved to Rate." }).waitFor();
    await waitFor(async () => (await activeId(page)) === "rate-heading", 2_000, "focus on Rate");
    expect(await inViewport(page, "#rate-heading")).toBe(true);
    for (let done = 0; done < 5; done++) {
      await rate.getByText(`You have rated ${done} of 5 ideas.`).waitFor();
      const star = rate.getByRole("button", { name: "4 stars", exact: true });
      await expectTapTarget(star);
      await star.tap();
      // Focus goes to the next idea (or the thanks), never to the page body.
      await waitFor(
        async () => ["BLOCKQUOTE", "P"].includes(await activeTag(page)),
        2_000,
        "focus on what comes next",
      );
    }
    await rate.getByText(/^You have rated every idea\. Thank you!/).waitFor();
    expect(await app.ctx.db.rating.count({ where: { userId: cast.memberA.id, stars: 4 } })).toBe(5);
    await expectNoSeriousViolations(page, "rating on a phone");
    expect(phone.errors).toEqual([]);
  });
});
