import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_SECONDS_TO_WRITE } from "../../app/modules/comment-period/form-token.server.ts";
import { createHearing } from "../../app/modules/hearing/hearings.server.ts";
import { en } from "../../app/modules/i18n/en.ts";
import { es } from "../../app/modules/i18n/es.ts";
import { type Cast, cookieFor, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  expectTapTarget,
  launchBrowser,
  newPerson,
  open,
} from "../support/browser.ts";
import { englishIn, shownText } from "../support/catalogue.ts";
import { openCommentPeriod } from "../support/comments.ts";

/**
 * Issue 19, item 4, in Chromium: a person registers for a public hearing asking for
 * captioning, an interpreter and to speak, once in English at a desk and once in Spanish on a
 * phone (every target at least 44 px, no English word shown); a mistake is said beside its
 * field; the team's roles appear only for a team, with JavaScript and without; and staff find
 * both people in what to arrange and on the speaker list. axe finds nothing serious on any
 * page on the way.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let hearingPath = "";
let staffPath = "";

beforeAll(async () => {
  ({ app, cast } = await startSeededApp());
  browser = await launchBrowser();
  const period = await openCommentPeriod(app.ctx, cast, { title: "Draft guide for comment" });
  const hearing = await createHearing(
    app.ctx,
    {
      workGroup: { id: cast.workGroup.id, slug: cast.workGroup.slug, name: cast.workGroup.name },
      role: "facilitator",
    },
    period.id,
    {
      kind: "hearing",
      title: "Jefferson City hearing on the guide",
      startsAt: new Date(Date.now() + 72 * 3_600_000).toISOString().slice(0, 16),
      endsAt: new Date(Date.now() + 74 * 3_600_000).toISOString().slice(0, 16),
      place: "205 Jefferson Street, Jefferson City",
      link: "",
      capacity: 40,
      teamRoles: "Principal\nCounselor\nLead teacher\nFederal programs director",
    },
  );
  hearingPath = `${period.path}/hearings/${hearing.id}`;
  staffPath = `/work-groups/${cast.workGroup.slug}/comment-periods/${period.id}/hearings/${hearing.id}`;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const journeys = [
  {
    language: "English",
    words: en,
    query: "",
    device: { viewport: { width: 1366, height: 768 } },
    name: "Pat Parent",
    email: "pat@example.org",
    chooseInterpreter: async (page: Page) =>
      page.getByLabel(en["hearing.interpreter"]).selectOption({ label: en["hearing.language.es"] }),
    interpreterShown: en["hearing.language.es"],
    topic: "Section 2: family engagement",
  },
  {
    language: "Spanish",
    words: es,
    query: "?lang=es",
    device: {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "es-US",
    },
    name: "Rosa Madre",
    email: "rosa@example.org",
    chooseInterpreter: async (page: Page) => {
      await page
        .getByLabel(es["hearing.interpreter"])
        .selectOption({ label: es["hearing.interpreterOtherChoice"] });
      await page.getByLabel(es["hearing.interpreterOther"]).fill("mixteco");
    },
    interpreterShown: "mixteco",
    topic: "Sección 3: evaluación",
  },
] as const;

describe("registering for a hearing with what helps", () => {
  for (const journey of journeys) {
    it(`asks for captioning, an interpreter and to speak, in ${journey.language}`, async () => {
      const { words } = journey;
      const visitor = await newPerson(browser, app.url, journey.device);
      const { page } = visitor;
      page.setDefaultTimeout(10_000);
      await open(page, `${hearingPath}${journey.query}`);
      await expectNoSeriousViolations(page, `hearing page (${journey.language})`);
      if (journey.language === "Spanish") {
        expect(englishIn(shownText(await page.content()))).toEqual([]);
      }

      // Just me: no team fields; they appear for a team, and go again.
      const justMe = page.getByRole("radio", { name: words["hearing.partyOne"] });
      const team = page.getByRole("radio", { name: words["hearing.partyTeam"] });
      const principal = page.getByLabel("Principal", { exact: true });
      expect(await justMe.isChecked()).toBe(true);
      expect(await principal.isVisible()).toBe(false);
      await team.check();
      await principal.waitFor({ state: "visible" });
      await justMe.check();
      await principal.waitFor({ state: "hidden" });

      await page.getByLabel(words["hearing.name"]).fill(journey.name);
      await page.getByLabel(words["hearing.email"]).fill(journey.email);
      await page.getByRole("checkbox", { name: words["hearing.accommodation.captioning"] }).check();
      await page.getByRole("checkbox", { name: words["hearing.accommodation.wheelchair"] }).check();
      await page
        .getByLabel(words["hearing.accommodationOther"])
        .fill(journey.language === "Spanish" ? "Un asiento adelante" : "A seat near the front");
      // "Another language" first, left empty: the mistake is said beside the field.
      await page
        .getByLabel(words["hearing.interpreter"])
        .selectOption({ label: words["hearing.interpreterOtherChoice"] });
      const speak = page.getByRole("checkbox", { name: words["hearing.wishesToSpeak"] });
      const topic = page.getByLabel(words["hearing.speakingTopic"]);
      expect(await topic.isVisible()).toBe(false);
      await speak.check();
      await topic.fill(journey.topic);
      await page.waitForTimeout(MIN_SECONDS_TO_WRITE * 1000);

      const submit = page.getByRole("button", { name: words["hearing.submit"] });
      await submit.click();
      const language = page.getByLabel(words["hearing.interpreterOther"]);
      await page.getByText(words["hearing.languageMissing"]).waitFor();
      expect(await language.getAttribute("aria-invalid")).toBe("true");
      await expectNoSeriousViolations(page, `hearing form with a mistake (${journey.language})`);

      if (journey.language === "Spanish") {
        // On a phone, every control is a thumb's size.
        for (const target of [
          justMe,
          team,
          speak,
          submit,
          page.getByLabel(words["hearing.name"]),
          page.getByLabel(words["hearing.interpreter"]),
          language,
          topic,
        ])
          await expectTapTarget(
            (await target.getAttribute("type"))?.match(/radio|checkbox/)
              ? target.locator("xpath=ancestor::label")
              : target,
          );
        for (const code of ["captioning", "signLanguage", "wheelchair"] as const)
          await expectTapTarget(
            page
              .getByRole("checkbox", { name: words[`hearing.accommodation.${code}`] })
              .locator("xpath=ancestor::label"),
          );
      }
      await journey.chooseInterpreter(page);
      await submit.click();

      await page.getByText(words["hearing.registeredTitle"]).waitFor();
      const done = page.locator('section[aria-labelledby="registration-done"]');
      const text = await done.textContent();
      expect(text).toContain(words["hearing.accommodation.captioning"]);
      expect(text).toContain(words["hearing.accommodation.wheelchair"]);
      expect(text).toContain(
        words["hearing.interpreterIn"].replace("{{language}}", journey.interpreterShown),
      );
      expect(text).toContain(words["hearing.youSpeakOn"].replace("{{topic}}", journey.topic));
      await expectNoSeriousViolations(page, `hearing confirmation (${journey.language})`);
      if (journey.language === "Spanish") {
        expect(englishIn(shownText(await page.content()))).toEqual([]);
      }

      const [stored] = await app.ctx.db.registration.findMany({
        where: { email: journey.email },
      });
      expect(stored).toMatchObject({
        accommodations: JSON.stringify(["captioning", "wheelchair"]),
        wishesToSpeak: true,
        speakingTopic: journey.topic,
        team: "[]",
        locale: journey.language === "Spanish" ? "es" : "en",
      });
      expect(visitor.errors).toEqual([]);
      await visitor.close();
    });
  }

  it("shows the team's roles only for a team without JavaScript too, and registers the team", async () => {
    const visitor = await newPerson(browser, app.url, { javaScriptEnabled: false });
    const { page } = visitor;
    page.setDefaultTimeout(10_000);
    await page.goto(hearingPath);
    const principal = page.getByLabel("Principal", { exact: true });
    expect(await principal.isVisible()).toBe(false);
    const language = page.getByLabel(en["hearing.interpreterOther"]);
    expect(await language.isVisible()).toBe(false);
    await page.getByRole("radio", { name: en["hearing.partyTeam"] }).check();
    await principal.waitFor({ state: "visible" });
    await page.getByLabel(en["hearing.interpreter"]).selectOption("other");
    await language.waitFor({ state: "visible" });
    await page.getByLabel(en["hearing.interpreter"]).selectOption("ko");
    await language.waitFor({ state: "hidden" });
    await page.getByLabel(en["hearing.name"]).fill("Dana Contact");
    await page.getByLabel(en["hearing.email"]).fill("dana@district.example.org");
    await principal.fill("Ana Principal");
    await page.waitForTimeout(MIN_SECONDS_TO_WRITE * 1000);
    await page.getByRole("button", { name: en["hearing.submit"] }).click();
    await page.getByText(en["hearing.registeredTitle"]).waitFor();
    // (axe needs scripts to run: these pages are checked above with JavaScript on.)
    const [stored] = await app.ctx.db.registration.findMany({
      where: { email: "dana@district.example.org" },
    });
    expect(JSON.parse(stored!.team)).toEqual([{ name: "Ana Principal", role: "Principal" }]);
    expect(stored!.interpreter).toBe("ko");
    await visitor.close();
  });

  it("shows staff what to arrange and the speakers in order", async () => {
    const staff = await newPerson(browser, app.url);
    const [name, ...value] = (await cookieFor(app.ctx, cast.facilitator.id)).split("=");
    await staff.context.addCookies([{ name: name!, value: value.join("="), url: app.url }]);
    const { page } = staff;
    await open(page, staffPath);
    const arrange = await page.locator('section[aria-labelledby="to-arrange"]').textContent();
    expect(arrange).toContain("2 ask for captioning");
    expect(arrange).toContain("2 ask for wheelchair access");
    expect(arrange).toContain("1 asks for an interpreter in Spanish");
    expect(arrange).toContain("1 asks for an interpreter in mixteco");
    expect(arrange).toContain("1 asks for an interpreter in Korean");
    expect(arrange).toContain("Rosa Madre: Un asiento adelante");
    const speakers = page.locator('section[aria-labelledby="speakers"] li');
    expect(await speakers.count()).toBe(2);
    expect(await speakers.nth(0).textContent()).toMatch(/^1\.\s*Pat Parent/);
    expect(await speakers.nth(1).textContent()).toMatch(/^2\.\s*Rosa Madre/);
    expect(await speakers.nth(1).textContent()).toContain("On: Sección 3: evaluación");
    await expectNoSeriousViolations(page, "hearing (staff)");
    await page.setViewportSize({ width: 390, height: 844 });
    // The registrant table scrolls on its own; the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await expectNoSeriousViolations(page, "hearing (staff, phone)");
    expect(staff.errors).toEqual([]);
    await staff.close();
  });
});
