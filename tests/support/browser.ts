import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, afterEach, expect } from "vitest";
import { PASSWORD } from "./app.ts";

const root = path.resolve(import.meta.dirname, "../..");
const AXE = path.join(root, "node_modules/axe-core/axe.min.js");

/** The system Chromium (never a downloaded one), headless, with nothing phoning home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * Content-Security-Policy violations in any person's pages that no test has failed on yet.
 * Every journey runs under the app's real policy, and any violation fails the test it
 * happened in (or, during a beforeAll, the first test after it): a script, style or
 * connection the policy refuses is a page that works differently for people than in the
 * source.
 */
const unreportedCspViolations: string[] = [];

/** Takes the violations recorded so far, so a test that causes one on purpose can assert it. */
export function takeCspViolations() {
  return unreportedCspViolations.splice(0);
}

function failOnCspViolations() {
  const violations = takeCspViolations();
  expect(violations, "Content-Security-Policy violations in the browser").toEqual([]);
}
afterEach(failOnCspViolations);
afterAll(failOnCspViolations);

export type Person = {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors in this person's pages, for asserting none. */
  errors: string[];
  /** Every Content-Security-Policy violation in this person's pages (a test also fails on it). */
  cspViolations: string[];
  close(): Promise<void>;
};

/** One person = one browser context (own cookies, own websockets), with one page open. */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<Person> {
  const context = await browser.newContext({ baseURL, locale: "en-US", ...options });
  const javaScriptOff = options.javaScriptEnabled === false;
  const cspViolations: string[] = [];
  const violated = (description: string) => {
    cspViolations.push(description);
    unreportedCspViolations.push(description);
  };
  // The page tells of each violation through a binding (the policy does not apply to it,
  // nor to init scripts); with JavaScript off, Chromium's console report is what remains.
  await context.exposeBinding("__conveneCspViolation", ({ page }, description: string) =>
    violated(`${page.url()}: ${description}`),
  );
  await context.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const report = (window as unknown as { __conveneCspViolation(d: string): void })
          .__conveneCspViolation;
        report(
          `${event.effectiveDirective} refused ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}: ${event.sample}`,
        );
      },
      true,
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("console", (message) => {
    if (javaScriptOff && /Content Security Policy/.test(message.text()))
      violated(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The browser reports every 4xx answer; a refused form (400) is the app working.
    if (
      /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    )
      return;
    errors.push(`console.error: ${message.text()}`);
  });
  return { context, page, errors, cspViolations, close: () => context.close() };
}

/**
 * A person already signed in, by the app's own session cookie ("name=value", as cookieFor
 * makes it): for tests whose subject is not the sign-in page.
 */
export async function newSignedInPerson(
  browser: Browser,
  baseURL: string,
  cookie: string,
  options: BrowserContextOptions = {},
): Promise<Person> {
  const person = await newPerson(browser, baseURL, options);
  const [name, ...value] = cookie.split("=");
  await person.context.addCookies([{ name: name!, value: value.join("="), url: baseURL }]);
  return person;
}

/** Resolves once React has hydrated the page (before that, clicks are plain HTML posts). */
export async function waitForHydration(page: Page) {
  try {
    await page.waitForFunction(
      () => {
        const main = document.querySelector("main");
        return !!main && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
      },
      undefined,
      { timeout: 10_000 },
    );
  } catch (error) {
    const errors = pageErrors.get(page) ?? [];
    throw new Error(
      `${page.url()} did not hydrate: ${String(error)}\nerrors in the page:\n${errors.join("\n") || "(none)"}`,
    );
  }
}

/** Opens a page and waits for it to hydrate. */
export async function open(page: Page, url: string) {
  const response = await page.goto(url);
  await waitForHydration(page);
  return response;
}

/** Signs in through the real /login page, as a person would. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await open(page, "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/login"),
    page.getByRole("button", { name: "Sign in", exact: true }).click(),
  ]);
  await waitForHydration(page);
}

/** The accessible name of the focused element, roughly as a screen reader would announce it. */
export function focusedName(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "";
    const aria = el.getAttribute("aria-label");
    if (aria) return aria.trim();
    const labelledBy = el.getAttribute("aria-labelledby");
    if (labelledBy) {
      return labelledBy
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
        .trim();
    }
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return (labels[0]!.textContent ?? "").trim();
    return (el.textContent ?? "").trim();
  });
}

/**
 * Presses Tab (keyboard only) until the focused element's accessible name matches, and fails
 * with the names it passed on the way if it never gets there.
 */
export function tabTo(page: Page, name: string | RegExp, maxPresses = 60) {
  return pressUntilFocused(page, "Tab", name, maxPresses);
}

/** tabTo, backwards. */
export function shiftTabTo(page: Page, name: string | RegExp, maxPresses = 60) {
  return pressUntilFocused(page, "Shift+Tab", name, maxPresses);
}

async function pressUntilFocused(
  page: Page,
  key: "Tab" | "Shift+Tab",
  name: string | RegExp,
  maxPresses: number,
) {
  const passed: string[] = [];
  const matches = (n: string) => (typeof name === "string" ? n === name : name.test(n));
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press(key);
    const current = await focusedName(page);
    if (matches(current)) return;
    passed.push(current);
  }
  throw new Error(
    `${key} never reached ${String(name)} after ${maxPresses} presses; focus went through: ${passed.map((n) => JSON.stringify(n)).join(", ")}`,
  );
}

type AxeResult = {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
};

export type AxeViolation = AxeResult["violations"][number];

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now: serious and critical only. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  // Evaluated by the test, not added as a <script>: the page's policy refuses inline scripts.
  if (!loaded) await page.evaluate(readFileSync(AXE, "utf8"));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    return (await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    })) as AxeResult;
  });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A readable list of violations for an assertion message. */
export function describeViolations(where: string, violations: AxeViolation[]) {
  if (violations.length === 0) return `${where}: no serious or critical violations`;
  const lines = violations.map(
    (v) =>
      `  - ${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .map(
          (n) =>
            `      at ${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`,
        )
        .join("\n")}`,
  );
  return `${where}: ${violations.length} serious or critical axe violation(s):\n${lines.join("\n")}`;
}

/** Fails the test with a readable list if axe finds a serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, where: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

/** Whether the first element matching `selector` is wholly on screen, without scrolling. */
export function inViewport(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    });
}

/** A control a thumb can hit: at least 44×44 CSS pixels (WCAG 2.5.5). */
export async function expectTapTarget(control: Locator) {
  const box = await control.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.height).toBeGreaterThanOrEqual(44);
}
