import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { cookieFor, seedWorkGroup, startTestApp, type TestApp } from "../support/app.ts";
import {
  describeViolations,
  expectNoSeriousViolations,
  launchBrowser,
  newPerson,
  newSignedInPerson,
  open,
  type Person,
  seriousAxeViolations,
  signIn,
} from "../support/browser.ts";

/** axe-core (WCAG 2.0/2.1 A and AA) finds nothing serious or critical on any page. */
let app: TestApp;
let browser: Browser;
let cast: Awaited<ReturnType<typeof seedWorkGroup>>;
let visitor: Person; // signed out
let fay: Person; // facilitator, and the instance admin (the first account)
let ada: Person; // member
let otto: Person; // signed in, not yet a member
let inviteUrl = "";

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;

async function check(person: Person, path: string) {
  await open(person.page, path);
  await expectNoSeriousViolations(person.page, path);
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  cast = await seedWorkGroup(app.ctx);
  const admin = await app.ctx.db.user.findUniqueOrThrow({ where: { id: cast.facilitator.id } });
  if (!admin.isAdmin) throw new Error("the facilitator, the first account, should be the admin");
  for (const [column, text] of [
    ["vision", "Every graduate has a plan for what comes next"],
    ["skills", "Coaching for counselors"],
    ["resources", "A shared calendar of college visits"],
  ] as const) {
    await postIdea(app.ctx, cast.memberA, cast.board.id, { column, text });
  }
  const person = () => newPerson(browser, app.url);
  [visitor, fay, ada, otto] = await Promise.all([person(), person(), person(), person()]);
  await signIn(fay.page, cast.facilitator.email);
  await signIn(ada.page, cast.memberA.email);
  await signIn(otto.page, cast.outsider.email);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the check itself", () => {
  it("finds a serious violation when there is one", async () => {
    await open(visitor.page, "/login");
    await visitor.page.evaluate(() => {
      document
        .querySelector("main")!
        .insertAdjacentHTML("beforeend", '<div id="axe-probe"><input><p>Faint</p></div>');
      // Styled through the CSSOM: the page's policy refuses style attributes in markup.
      const faint = document.querySelector<HTMLElement>("#axe-probe p")!;
      faint.style.color = "#d0d0d0";
      faint.style.background = "#fff";
    });
    const found = await seriousAxeViolations(visitor.page);
    expect(found.map((v) => [v.id, v.impact]).sort()).toEqual([
      ["color-contrast", "serious"],
      ["label", "critical"],
    ]);
    expect(describeViolations("/login (probe)", found)).toContain('at ["#axe-probe > input"]');
    await visitor.page.evaluate(() => document.getElementById("axe-probe")!.remove());
    await expect(seriousAxeViolations(visitor.page)).resolves.toEqual([]);
  });
});

describe("signed out", () => {
  it("/", () => check(visitor, "/"));
  it("/login", () => check(visitor, "/login"));

  it("/login with a wrong password", async () => {
    await open(visitor.page, "/login");
    await visitor.page.getByLabel("Email").fill(cast.memberB.email);
    await visitor.page.getByLabel("Password").fill("not the password");
    await visitor.page.getByRole("button", { name: "Sign in" }).click();
    await visitor.page.getByRole("alert").waitFor();
    await expectNoSeriousViolations(visitor.page, "/login (wrong password)");
  });

  it("/signup", () => check(visitor, "/signup"));

  it("/signup with errors", async () => {
    await open(visitor.page, "/signup");
    await visitor.page.getByLabel("Your name").fill("Sam");
    await visitor.page.getByLabel("Email").fill(cast.memberB.email);
    await visitor.page.getByLabel("Password").fill("short");
    await visitor.page.getByRole("button", { name: "Create account" }).click();
    await visitor.page.locator('[aria-invalid="true"]').first().waitFor();
    await expectNoSeriousViolations(visitor.page, "/signup (errors)");
  });

  it("/forgot-password", () => check(visitor, "/forgot-password"));

  it("/forgot-password, sent", async () => {
    await open(visitor.page, "/forgot-password");
    await visitor.page.getByLabel("Email").fill(cast.memberB.email);
    await visitor.page.getByRole("button", { name: "Send me a reset link" }).click();
    await visitor.page.getByRole("heading", { name: "Check your email" }).waitFor();
    await expectNoSeriousViolations(visitor.page, "/forgot-password (sent)");
  });
});

describe("signed in", () => {
  it("/ with programs", async () => {
    await open(fay.page, "/");
    await fay.page.getByRole("link", { name: cast.program.name }).waitFor();
    await fay.page.getByRole("heading", { name: "Add a program" }).waitFor();
    await expectNoSeriousViolations(fay.page, "/ (signed in, with programs)");
  });

  it("/programs/<slug>", async () => {
    await open(fay.page, `/programs/${cast.program.slug}`);
    await fay.page.getByRole("heading", { name: "Add a work group" }).waitFor();
    await expectNoSeriousViolations(fay.page, "/programs/<slug>");
  });

  it("/work-groups/<slug>", async () => {
    await open(fay.page, `/work-groups/${cast.workGroup.slug}`);
    await fay.page.getByRole("link", { name: cast.session.title }).waitFor();
    await fay.page.getByRole("heading", { name: "Plan a session" }).waitFor();
    await expectNoSeriousViolations(fay.page, "/work-groups/<slug>");
  });

  it("/work-groups/<slug>/members, with a new invite link", async () => {
    await open(fay.page, `/work-groups/${cast.workGroup.slug}/members`);
    await expectNoSeriousViolations(fay.page, "/work-groups/<slug>/members");
    await fay.page.getByRole("button", { name: "Create invite link" }).click();
    const link = fay.page.getByLabel("Invite link");
    await link.waitFor();
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[\w-]+$/);
    await fay.page.getByRole("heading", { name: "Open invites" }).waitFor();
    await expectNoSeriousViolations(fay.page, "/work-groups/<slug>/members (invite created)");
  });

  it("/work-groups/<slug>/settings and the members page as an owner (role controls)", async () => {
    await app.ctx.db.membership.updateMany({
      where: { workGroupId: cast.workGroup.id, userId: cast.facilitator.id },
      data: { role: "owner" },
    });
    await check(fay, `/work-groups/${cast.workGroup.slug}/settings`);
    await check(fay, `/work-groups/${cast.workGroup.slug}/members`);
    await app.ctx.db.membership.updateMany({
      where: { workGroupId: cast.workGroup.id, userId: cast.facilitator.id },
      data: { role: "facilitator" },
    });
  });

  it("/work-groups/<slug>/members hydrates cleanly where the date is not the server's", async () => {
    // A browser whose calendar date for the invite's expiry differs from the server's: the
    // page must not render differently on the two sides (a hydration error re-renders it all).
    const invite = await app.ctx.db.invite.findFirstOrThrow({
      where: { workGroupId: cast.workGroup.id },
    });
    const serverDate = invite.expiresAt.toLocaleDateString("en-US");
    // 25 hours apart: at any moment at least one of them has another date than the server.
    const timezoneId = ["Pacific/Kiritimati", "Pacific/Pago_Pago"].find(
      (timeZone) => invite.expiresAt.toLocaleDateString("en-US", { timeZone }) !== serverDate,
    )!;
    const away = await newPerson(browser, app.url, { timezoneId });
    try {
      await signIn(away.page, cast.facilitator.email);
      await open(away.page, `/work-groups/${cast.workGroup.slug}/members`);
      await away.page.getByRole("heading", { name: "Open invites" }).waitFor();
      await away.page.waitForTimeout(300);
      expect(away.errors, `errors in a browser in ${timezoneId}`).toEqual([]);
    } finally {
      await away.close();
    }
  });

  it("/invite/<token>, signed out and signed in", async () => {
    expect(inviteUrl).not.toBe("");
    const path = new URL(inviteUrl).pathname;
    await open(visitor.page, path);
    await visitor.page.getByRole("link", { name: "Create an account to join" }).waitFor();
    await expectNoSeriousViolations(visitor.page, `${path} (signed out)`);
    await open(otto.page, path);
    await otto.page.getByLabel("The stakeholder group you represent").waitFor();
    await expectNoSeriousViolations(otto.page, `${path} (signed in)`);
  });

  it("the session page with ideas, as a member", async () => {
    await open(ada.page, sessionPath());
    await ada.page.getByText(/^Live\b/).waitFor({ timeout: 5_000 });
    await ada.page.locator('ul[data-column="vision"] > li').first().waitFor();
    await ada.page.locator('[contenteditable][aria-label="Session notes"]').waitFor();
    await expectNoSeriousViolations(ada.page, `${sessionPath()} (member)`);
  });

  it("the session page with ideas, as the facilitator", async () => {
    await open(fay.page, sessionPath());
    await fay.page.getByText(/^Live\b/).waitFor({ timeout: 5_000 });
    await fay.page.locator('ul[data-column="skills"] > li').first().waitFor();
    await fay.page.getByLabel("Open a Knoster board").waitFor();
    await fay.page.locator('[contenteditable][aria-label="Session notes"]').waitFor();
    await expectNoSeriousViolations(fay.page, `${sessionPath()} (facilitator)`);
  });

  it("raised no script errors in any page", () => {
    for (const person of [visitor, fay, ada, otto]) expect(person.errors).toEqual([]);
  });
});

describe("theming and recommendations", () => {
  const themingPath = () => `${sessionPath()}/theming`;
  const base = () => `/work-groups/${cast.workGroup.slug}`;
  let recommendationId = "";

  beforeAll(async () => {
    const idea = await app.ctx.db.idea.findFirstOrThrow({
      where: { boardId: cast.board.id, column: "resources" },
    });
    const theme = await app.ctx.db.theme.create({
      data: { sessionId: cast.session.id, label: "College visits", position: 1 },
    });
    await app.ctx.db.idea.update({ where: { id: idea.id }, data: { themeId: theme.id } });
    const recommendation = await app.ctx.db.recommendation.create({
      data: {
        workGroupId: cast.workGroup.id,
        position: 1,
        title: "Plan college visits together",
        goalSpecific: "Every junior visits a campus",
        strategies: "Shared calendar\nBus funding",
        themes: { create: [{ themeId: theme.id }] },
        actionSteps: {
          create: [
            {
              position: 1,
              description: "Publish the calendar",
              ownerGroup: "Counselors",
              horizon: "30_days",
              dueOn: "2020-01-15",
            },
            {
              position: 2,
              description: "Find bus funding",
              ownerUserId: cast.facilitator.id,
              horizon: "90_days",
              status: "blocked",
            },
          ],
        },
      },
    });
    recommendationId = recommendation.id;
  });

  it("the theming page as the facilitator, with suggestions and a theme's Edit open", async () => {
    await open(fay.page, themingPath());
    await fay.page.getByText("Live.", { exact: true }).waitFor({ timeout: 5_000 });
    await fay.page.getByRole("button", { name: "Suggest themes" }).click();
    await fay.page
      .locator("section")
      .filter({ has: fay.page.locator("#suggestions-heading") })
      .locator('[role="status"] p')
      .filter({ hasText: /suggested themes?|nothing to suggest/ })
      .waitFor({ timeout: 10_000 });
    await fay.page.getByText("Edit College visits", { exact: true }).click();
    await fay.page.getByRole("group", { name: /This theme feeds a recommendation/ }).waitFor();
    await expectNoSeriousViolations(fay.page, `${themingPath()} (facilitator)`);
  });

  it("the theming page as a member", async () => {
    await open(ada.page, themingPath());
    await ada.page.getByText("Live.", { exact: true }).waitFor({ timeout: 5_000 });
    await ada.page.getByRole("heading", { name: /^College visits/ }).waitFor();
    await expectNoSeriousViolations(ada.page, `${themingPath()} (member)`);
  });

  it("/work-groups/<slug>/recommendations, as the facilitator and as a member", async () => {
    for (const person of [fay, ada]) {
      await open(person.page, `${base()}/recommendations`);
      await person.page
        .getByRole("link", { name: "Recommendation 1: Plan college visits together" })
        .waitFor();
      await expectNoSeriousViolations(person.page, `${base()}/recommendations`);
    }
  });

  it("/work-groups/<slug>/recommendations/<id> with its Draft editor", async () => {
    const path = `${base()}/recommendations/${recommendationId}`;
    for (const person of [fay, ada]) {
      await open(person.page, path);
      await person.page
        .locator('[contenteditable][aria-label="Recommendation draft"]')
        .waitFor({ timeout: 5_000 });
      await expectNoSeriousViolations(person.page, path);
    }
  });

  it("/work-groups/<slug>/action-plan with an overdue and a blocked step", async () => {
    await open(ada.page, `${base()}/action-plan`);
    await ada.page.getByText("Overdue", { exact: true }).waitFor();
    await expectNoSeriousViolations(ada.page, `${base()}/action-plan`);
  });

  it("/work-groups/<slug>/history", async () => {
    await open(fay.page, `${base()}/history`);
    await fay.page.getByRole("heading", { name: "History" }).waitFor();
    await expectNoSeriousViolations(fay.page, `${base()}/history`);
  });

  it("raised no script errors in these pages", () => {
    for (const person of [fay, ada]) expect(person.errors).toEqual([]);
  });
});

describe("staff pages on a phone", () => {
  it("have no serious violation at 390×844 either", async () => {
    // Phone layouts reflow (tabs wrap, tables scroll, the console stacks): checked as laid out.
    const phone = await newSignedInPerson(
      browser,
      app.url,
      await cookieFor(app.ctx, cast.facilitator.id),
      { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    );
    const base = `/work-groups/${cast.workGroup.slug}`;
    for (const path of [
      base,
      `${base}/members`,
      `${base}/settings`,
      `${base}/recommendations`,
      `${base}/action-plan`,
      `${base}/history`,
      `${base}/public-site`,
      `${base}/comment-periods`,
      sessionPath(),
      `${sessionPath()}/theming`,
    ]) {
      await open(phone.page, path);
      await expectNoSeriousViolations(phone.page, `${path} (phone)`);
    }
    expect(phone.errors).toEqual([]);
    await phone.close();
  });
});
