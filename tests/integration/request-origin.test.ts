import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cookieFor,
  createUser,
  seedWorkGroup,
  startTestApp,
  type TestApp,
} from "../support/app.ts";
import { startServerProcess } from "../support/process.ts";

const APP_URL = "https://convene.example.org";

/** A request with headers fetch() will not send as given (Host), the way any client can. */
function raw(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; form?: Record<string, string> },
) {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        `${base}${path}`,
        {
          method: options.method ?? "GET",
          headers: {
            ...options.headers,
            ...(body
              ? {
                  "content-type": "application/x-www-form-urlencoded",
                  "content-length": String(Buffer.byteLength(body)),
                }
              : {}),
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: text }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    },
  );
}

const SPOOFED = { host: "evil.example", "x-forwarded-host": "evil.example" };

describe("links Convene hands out", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ APP_URL });
  });
  afterAll(() => app?.stop());

  it("puts a password-reset link on APP_URL, whatever Host the request named", async () => {
    const { email } = await createUser(app.ctx, "Rita Reset");
    const page = await raw(app.url, "/forgot-password", { headers: SPOOFED });
    const cookie = String(page.headers["set-cookie"] ?? "").split(";")[0]!;
    const csrf = /name="csrf" value="([^"]*)"/.exec(page.body)![1]!;
    const asked = await raw(app.url, "/forgot-password", {
      method: "POST",
      headers: { ...SPOOFED, cookie },
      form: { csrf, email },
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toContain("Check your email");
    const logged = app.logs.map((l) => l.message).find((m) => m.includes("/reset-password/"));
    expect(logged).toBeDefined();
    expect(logged).toMatch(new RegExp(`${APP_URL}/reset-password/[\\w-]+`));
    expect(logged).not.toContain("evil.example");
  });

  it("puts an invite link on APP_URL too", async () => {
    const cast = await seedWorkGroup(app.ctx);
    const cookie = await cookieFor(app.ctx, cast.facilitator.id);
    const invited = await raw(app.url, `/work-groups/${cast.workGroup.slug}/members`, {
      method: "POST",
      headers: { ...SPOOFED, cookie },
      form: { csrf: "test-csrf-token", intent: "invite", role: "member", days: "7" },
    });
    expect(invited.status).toBe(200);
    expect(invited.body).toContain(`${APP_URL}/invite/`);
    expect(invited.body).not.toContain("evil.example");
  });
});

describe("production without APP_URL", () => {
  it("does not start: links would come from whatever Host a request names", async () => {
    await expect(startServerProcess({ APP_URL: "" })).rejects.toThrow(
      /exited with 78[\s\S]*APP_URL: required when NODE_ENV=production/,
    );
  });
});

describe("behind a proxy Convene was not told about", () => {
  let app: TestApp;
  let trusting: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    trusting = await startTestApp({ TRUST_PROXY: "1" });
  });
  afterAll(async () => {
    await app?.stop();
    await trusting?.stop();
  });

  const warnings = (server: TestApp) =>
    server.logs.filter((l) => l.level === "warn" && l.message.includes("TRUST_PROXY"));

  it("warns once, naming TRUST_PROXY and what to set, when a request was forwarded", async () => {
    await raw(app.url, "/healthz", {});
    expect(warnings(app)).toEqual([]);
    await raw(app.url, "/healthz", { headers: { "x-forwarded-for": "203.0.113.7" } });
    await raw(app.url, "/login", { headers: { forwarded: "for=203.0.113.8" } });
    await raw(app.url, "/login", { headers: { "x-real-ip": "203.0.113.9" } });
    expect(warnings(app)).toHaveLength(1);
    expect(warnings(app)[0]!.message).toContain("TRUST_PROXY is 0");
    expect(warnings(app)[0]!.message).toContain("TRUST_PROXY=1");
    expect(warnings(app)[0]!.fields).toMatchObject({ header: "x-forwarded-for" });
  });

  it("says nothing when TRUST_PROXY names the proxies", async () => {
    await raw(trusting.url, "/healthz", { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(warnings(trusting)).toEqual([]);
  });
});
