import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommentTheming } from "../../app/modules/comment-period/analysis.server.ts";
import { createHearing } from "../../app/modules/hearing/hearings.server.ts";
import { es } from "../../app/modules/i18n/es.ts";
import { requireMembership } from "../../app/modules/work-group/work-group.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  launchBrowser,
  newSignedInPerson,
  open,
  type Person,
} from "../support/browser.ts";
import { englishIn } from "../support/catalogue.ts";
import { openCommentPeriod } from "../support/comments.ts";

/**
 * A facilitator whose account speaks Spanish works a comment period: its list, the period,
 * the analysis, the hearings and one hearing are in Spanish (html lang="es", no English words
 * of the catalogue outside what staff wrote), pass axe, and do not scroll sideways on a phone.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let fay: Person;
const paths: Record<string, string> = {};
let cookie = "";

const wallClock = (minutesFromNow: number) =>
  new Date(Date.now() + minutesFromNow * 60_000).toISOString().slice(0, 16);

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  cookie = seeded.cookies.facilitator!;
  browser = await launchBrowser();
  const period = await openCommentPeriod(app.ctx, cast);
  await app.ctx.db.comment.createMany({
    data: Array.from({ length: 6 }, (_, n) => ({
      periodId: period.id,
      trackingNumber: `MSIP-${String(n + 1).padStart(4, "0")}`,
      submissionKey: randomUUID(),
      name: `Persona ${n + 1}`,
      stakeholderGroup: "Parent",
      region: "Central",
      sections: n % 2 ? "2" : "",
      state: n < 4 ? "published" : "pending",
      body: `Comentario ${n + 1}: ${n % 2 ? "autobuses" : "biblioteca"} de la escuela ${n * 37}.`,
      receivedAt: new Date(Date.UTC(2026, 11, 1, 12, n)),
    })),
  });
  const access = await requireMembership(app.ctx, cast.facilitator.id, { id: cast.workGroup.id });
  const buses = await app.ctx.db.comment.findMany({
    where: { periodId: period.id, body: { contains: "autobuses" } },
    select: { id: true },
  });
  await runCommentTheming(app.ctx, access, period.id, {
    intent: "create-theme",
    name: "Transportation",
    commentIds: buses.map((c) => c.id),
  });
  const hearing = await createHearing(app.ctx, access, period.id, {
    kind: "hearing",
    title: "Public hearing in Jefferson City",
    startsAt: wallClock(60 * 24),
    endsAt: wallClock(60 * 26),
    place: "205 Jefferson Street, Jefferson City",
    link: "",
    capacity: 40,
    teamRoles: "principal\ncounselor",
  });
  await app.ctx.db.user.update({ where: { id: cast.facilitator.id }, data: { locale: "es" } });
  const base = `/work-groups/${cast.workGroup.slug}/comment-periods`;
  paths.list = base;
  paths.period = `${base}/${period.id}`;
  paths.analysis = `${base}/${period.id}/analysis`;
  paths.hearings = `${base}/${period.id}/hearings`;
  paths.hearing = `${base}/${period.id}/hearings/${hearing.id}`;
  fay = await newSignedInPerson(browser, app.url, cookie, {
    viewport: { width: 1366, height: 768 },
  });
  fay.page.setDefaultTimeout(10_000);
}, 60_000);

afterAll(async () => {
  await fay?.close();
  await browser?.close();
  await app?.stop();
});

/** What the page shows, without what staff wrote (marked lang="en"). */
function shownOutsideStaffText(page: Page) {
  return page.evaluate(() => {
    const main = document.body.cloneNode(true) as HTMLElement;
    for (const marked of main.querySelectorAll('[lang="en"], script')) marked.remove();
    return main.textContent ?? "";
  });
}

async function visit(name: string, expected: string[]) {
  const { page } = fay;
  const response = await open(page, paths[name]!);
  expect(response?.status(), name).toBe(200);
  expect(await page.locator("html").getAttribute("lang"), name).toBe("es");
  const text = await shownOutsideStaffText(page);
  for (const words of expected) expect(text, `${name}: ${words}`).toContain(words);
  expect(englishIn(text), `${name}: English on the page`).toEqual([]);
  await expectNoSeriousViolations(page, `${name} (es)`);
}

describe("a Spanish-speaking facilitator on the comment period pages", () => {
  it("gets the list, the period, the analysis and the hearings in Spanish, passing axe", async () => {
    await visit("list", [es["staffPeriod.listTitle"], es["staffPeriod.newTitle"]]);
    await visit("period", [
      es["staffPeriod.volume"],
      es["staffPeriod.moderate"],
      es["staffPeriod.extend"],
      "6 comentarios",
    ]);
    // The title names the period, as written.
    expect(await fay.page.locator('h1 [lang="en"]').textContent()).toBe(
      "MSIP 6 Comprehensive Guide",
    );
    await visit("analysis", [
      es["staffAnalysis.counts"],
      es["staffAnalysis.themesHeading"],
      es["staffAnalysis.response"],
      "Sección 2:",
    ]);
    expect(
      await fay.page.getByRole("heading", { level: 3, name: /Transportation/ }).textContent(),
    ).toContain("comentarios");
    await visit("hearings", [es["staffHearing.scheduled"], es["staffHearing.add"]]);
    await visit("hearing", [
      es["staffHearing.toArrange"],
      es["staffHearing.speakers"],
      es["staffHearing.registrants"],
      es["staffHearing.delete"],
    ]);
  });

  it("says a form's mistakes in Spanish", async () => {
    const { page } = fay;
    await open(page, paths.hearings!);
    // Exact: each field has its Spanish version beside it ("Lugar en español (opcional)").
    await page.getByLabel(es["staffHearing.fields.place"], { exact: true }).fill("");
    await page.getByLabel(es["staffPeriod.fields.title"], { exact: true }).fill("Webinar");
    await page.getByLabel(es["staffHearing.fields.startsAt"]).fill(wallClock(60 * 48));
    await page.getByLabel(es["staffHearing.fields.endsAt"]).fill(wallClock(60 * 47));
    await page.getByRole("button", { name: es["staffHearing.addButton"] }).click();
    await page.getByText(es["staffHearing.errors.endsAfter"]).first().waitFor();
  });

  it("does not scroll sideways on a phone", async () => {
    const phone = await newSignedInPerson(browser, app.url, cookie, {
      viewport: { width: 390, height: 844 },
    });
    for (const name of ["period", "analysis", "hearing"]) {
      await open(phone.page, paths[name]!);
      const wide = await phone.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(wide, name).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });
});
