import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, cookieFor, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  launchBrowser,
  newPerson,
  newSignedInPerson,
  open,
  type Person,
  tabTo,
  waitForHydration,
} from "../support/browser.ts";

/**
 * A facilitator opens the public site, drafts a session summary, adds a line, publishes it; a
 * visitor without an account reads it (in English and in Spanish); unpublishing takes it away.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let fay: Person; // facilitator
let visitor: Person; // the public: no account
let summaryPath = "";
const LINE = "Next session: the professional learning design breakout.";

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  await app.ctx.db.workGroup.update({
    where: { id: cast.workGroup.id },
    data: { purpose: "Recommend a course of action to the State Board of Education." },
  });
  await app.ctx.db.agendaItem.create({
    data: {
      sessionId: cast.session.id,
      position: 1,
      title: "Welcome and Introductory Comments",
      minutes: 10,
    },
  });
  browser = await launchBrowser();
  fay = await newSignedInPerson(browser, app.url, await cookieFor(app.ctx, cast.facilitator.id));
  fay.page.setDefaultTimeout(10_000);
  visitor = await newPerson(browser, app.url);
  visitor.page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const site = () => `/public/${cast.workGroup.slug}`;

describe("publishing a session summary", () => {
  it("a facilitator publishes the site and a summary they edited, from the keyboard", async () => {
    const { page } = fay;
    await open(page, `/work-groups/${cast.workGroup.slug}/public-site`);
    await expectNoSeriousViolations(page, "public site (staff)");
    await page.getByRole("button", { name: "Publish the work group page" }).click();
    await page.getByText("Open the public site").waitFor();
    await page.getByRole("button", { name: "Publish the agenda of Planning session" }).click();
    await page.getByRole("button", { name: "Withdraw the agenda of Planning session" }).waitFor();

    await page.getByRole("combobox", { name: "Session" }).selectOption({ index: 1 });
    await tabTo(page, "Draft the summary");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/publications\/\w+$/);
    summaryPath = `${site()}/publications/${page.url().split("/").at(-1)}`;
    await waitForHydration(page);

    const editor = page.getByRole("textbox", { name: /Text of Summary: Planning session/ });
    await expect
      .poll(() => editor.textContent(), { timeout: 10_000 })
      .toContain("Welcome and Introductory Comments");
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(LINE);
    await expectNoSeriousViolations(page, "summary editor");
    await tabTo(page, "Publish");
    await page.keyboard.press("Enter");
    await page.getByText("Version 1 is published.").waitFor();
    expect(fay.errors).toEqual([]);
  });

  it("a visitor reads it, with what the facilitator typed, and downloads it", async () => {
    const { page } = visitor;
    await open(page, site());
    await expectNoSeriousViolations(page, "public home");
    await page.getByRole("link", { name: "Summary: Planning session" }).click();
    await page.waitForURL(`**${summaryPath}`);
    await expect.poll(() => page.textContent("main")).toContain(LINE);
    await expect
      .poll(() => page.textContent("main"))
      .toContain("Welcome and Introductory Comments");
    await expectNoSeriousViolations(page, "public summary");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download as PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("summary-planning-session.pdf");
    // The page said how the download went.
    await page.getByText("The PDF file is saved.").waitFor();
    await open(page, `${site()}/sessions/${cast.session.id}`);
    await expectNoSeriousViolations(page, "public session");
  });

  it("reads in Spanish from the language switch, and stays accessible", async () => {
    const { page } = visitor;
    await open(page, site());
    await page.getByRole("link", { name: "Español" }).click();
    await page.getByRole("heading", { name: "Propósito" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await expectNoSeriousViolations(page, "public home (Spanish)");
    await open(page, summaryPath);
    await page.getByText("Descargar en PDF").waitFor();
    await expectNoSeriousViolations(page, "public summary (Spanish)");
    await page.getByRole("link", { name: "English" }).click();
    await page.getByRole("link", { name: "Download as PDF" }).waitFor();
  });

  it("unpublishing hides it from the visitor (404)", async () => {
    await open(fay.page, `/work-groups/${cast.workGroup.slug}/public-site`);
    await fay.page.getByRole("link", { name: "Summary: Planning session" }).click();
    await waitForHydration(fay.page);
    await fay.page.getByRole("button", { name: "Unpublish" }).click();
    await fay.page.getByText("It is no longer public.").waitFor();
    const response = await visitor.page.goto(summaryPath);
    expect(response?.status()).toBe(404);
    await visitor.page.getByRole("heading", { name: /could not find that page/ }).waitFor();
    await expectNoSeriousViolations(visitor.page, "public 404");
    expect(visitor.errors).toEqual([]);
  });
});
