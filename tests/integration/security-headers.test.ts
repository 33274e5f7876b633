import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { openCommentPeriod } from "../support/comments.ts";
import { formClient } from "../support/http.ts";

/**
 * Defence in depth (issue 16, finding 11) against the real server: every page names the only
 * scripts it may run with a nonce of its own; a person's pages, data and downloads stay out of
 * shared caches; reading the public site sets no cookie.
 */
let app: TestApp;
let cast: Cast;
let cookies: Awaited<ReturnType<typeof startSeededApp>>["cookies"];
let period: { id: string; path: string };

beforeAll(async () => {
  ({ app, cast, cookies } = await startSeededApp());
  // Publishes the work group and opens a comment period on its public site.
  period = await openCommentPeriod(app.ctx, cast);
});
afterAll(async () => {
  await app?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { headers, redirect: "manual" });
const signedIn = (path: string, headers: Record<string, string> = {}) =>
  get(path, { cookie: cookies.facilitator, ...headers });
const overview = () => `/work-groups/${cast.workGroup.slug}`;
const publicSite = () => `/public/${cast.workGroup.slug}`;

function policyOf(response: Response) {
  const header = response.headers.get("content-security-policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("Content-Security-Policy", () => {
  it("names a fresh nonce per page, the one every script of the page carries", async () => {
    const nonces: string[] = [];
    for (const path of [overview(), overview(), publicSite()]) {
      const response = await signedIn(path);
      expect(response.status).toBe(200);
      const policy = policyOf(response);
      const scriptSrc = policy.get("script-src") ?? [];
      const nonce = /^'nonce-([A-Za-z0-9+/=]{20,})'$/.exec(
        scriptSrc.find((s) => s.startsWith("'nonce-")) ?? "",
      )?.[1];
      expect(nonce, `script-src of ${path}: ${scriptSrc.join(" ")}`).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      // Remix's loader data and its module script, and the scroll restoration.
      expect(scripts.length).toBeGreaterThanOrEqual(3);
      for (const tag of scripts) expect(tag).toContain(` nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it("closes what a policy can close: plugins, base, framing, forms and connections elsewhere", async () => {
    const policy = policyOf(await get("/login"));
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
  });

  it("ignores a nonce a client sends, so nobody can choose the page's nonce", async () => {
    const response = await get("/login", { "x-convene-csp-nonce": "chosen-by-the-attacker" });
    expect(response.headers.get("content-security-policy")).not.toContain("chosen-by-the-attacker");
    expect(await response.text()).not.toContain("chosen-by-the-attacker");
  });
});

describe("Cache-Control", () => {
  const PRIVATE = "private, no-store";

  it("keeps signed-in pages and their data requests out of every cache", async () => {
    const dataRoute = encodeURIComponent("routes/work-groups.$slug._index");
    for (const path of [
      overview(),
      `${overview()}?_data=${dataRoute}`,
      "/",
      `${overview()}/members`,
    ]) {
      const response = await signedIn(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe(PRIVATE);
      await response.body?.cancel();
    }
    // Sent away to sign in, or signing in: account pages are private too.
    for (const path of [overview(), "/login"]) {
      const response = await get(path);
      expect(response.headers.get("cache-control"), path).toBe(PRIVATE);
      await response.body?.cancel();
    }
  });

  it("keeps downloads of signed-in data out of every cache", async () => {
    for (const path of [
      `${overview()}/ideas.csv`,
      `${overview()}/action-plan.csv`,
      `${overview()}/comment-periods/${period.id}/export/json`,
    ]) {
      const response = await signedIn(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe(PRIVATE);
      await response.body?.cancel();
    }
  });

  it("leaves the public site its own caching, unless the reader is signed in", async () => {
    const anonymous = await get(publicSite());
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("cache-control")).toBeNull();
    const feed = await get(`${publicSite()}/feed.xml`);
    expect(feed.headers.get("cache-control")).toBe("no-cache");
    // A signed-in reader's page holds their name and form token: never shared.
    const staff = await signedIn(publicSite());
    expect(staff.headers.get("cache-control")).toBe(PRIVATE);
    for (const response of [anonymous, feed, staff]) await response.body?.cancel();
  });
});

describe("cookies on the public site", () => {
  it("sets none for a reader of pages without a form that needs one", async () => {
    const rootData = encodeURIComponent("root");
    for (const path of [
      publicSite(),
      `${publicSite()}?_data=${rootData}`,
      // The comment form carries a signed token instead of a cookie.
      period.path,
      "/public/no-such-work-group",
    ]) {
      const response = await get(path);
      expect(response.headers.get("set-cookie"), path).toBeNull();
      await response.body?.cancel();
    }
  });

  it("sets one for a page whose form checks it, and that form then works", async () => {
    const reader = formClient(app.url);
    const page = await reader.get(`${publicSite()}/follow/not-a-real-link`);
    expect(page.status).toBe(200);
    expect(reader.cookie).not.toBe("");
    expect(page.html).toMatch(/name="csrf" value="[^"]+"/);
    // Past the token check (403) to the link check: this link confirms nothing.
    const confirm = await reader.post(`${publicSite()}/follow/not-a-real-link`, {});
    expect(confirm.status).toBe(404);
  });
});
