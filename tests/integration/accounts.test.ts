import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import { formClient } from "../support/http.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const password = "a long enough password";

async function signUp(name: string, email: string) {
  const client = formClient(app.url);
  await client.get("/signup");
  const result = await client.post("/signup", { name, email, password });
  return { client, result };
}

describe("accounts", () => {
  it("makes the first account the instance admin, and no later one", async () => {
    const first = await signUp("Ada Admin", "ada@example.org");
    expect(first.result.status).toBe(302);
    const second = await signUp("Ben Member", "ben@example.org");
    expect(second.result.status).toBe(302);
    const users = await app.ctx.db.user.findMany({
      orderBy: { createdAt: "asc" },
      select: { email: true, isAdmin: true },
    });
    expect(users).toEqual([
      { email: "ada@example.org", isAdmin: true },
      { email: "ben@example.org", isAdmin: false },
    ]);
    // Signed in: the home page greets them, and the password is stored only as an argon2id hash.
    expect((await first.client.get("/")).html).toContain("Ada Admin");
    const stored = await app.ctx.db.user.findUniqueOrThrow({ where: { email: "ada@example.org" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const response = await fetch(`${app.url}/login`);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("refuses a duplicate email and a short password with field messages", async () => {
    const dup = await signUp("Ada Again", "ADA@example.org");
    expect(dup.result.status).toBe(400);
    expect(dup.result.html).toContain("An account with this email already exists");
    const short = await signUp("Short", "short@example.org");
    expect(short.result.status).toBe(302);
    const weak = formClient(app.url);
    await weak.get("/signup");
    const result = await weak.post("/signup", {
      name: "Weak",
      email: "weak@example.org",
      password: "short",
    });
    expect(result.status).toBe(400);
    expect(result.html).toContain("Use at least 10 characters");
  });

  it("signs in and out", async () => {
    const client = formClient(app.url);
    await client.get("/login");
    const bad = await client.post("/login", {
      email: "ben@example.org",
      password: "wrong password!",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("That email and password do not match an account.");
    const good = await client.post("/login", {
      email: "ben@example.org",
      password,
      redirectTo: "//evil.example",
    });
    expect(good.status).toBe(302);
    expect(good.location).toBe("/");
    expect((await client.get("/")).html).toContain("Ben Member");
    await client.post("/logout", {});
    expect((await client.get("/")).html).not.toContain("Ben Member");
  });

  it("slows down guessing: the eleventh attempt within 15 minutes is refused with 429", async () => {
    const client = formClient(app.url);
    await client.get("/login");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await client.post("/login", {
            email: "target@example.org",
            password: `guess number ${i}`,
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("refuses a form post without a valid csrf token", async () => {
    const response = await fetch(`${app.url}/signup`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "Mallory", email: "mallory@example.org", password }),
    });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("at ");
    expect(await app.ctx.db.user.count({ where: { email: "mallory@example.org" } })).toBe(0);
  });

  it("resets a password with a single-use link that goes to the log without SMTP", async () => {
    const elsewhere = await formClient(app.url).signIn("ben@example.org", password);
    expect((await elsewhere.get("/")).html).toContain("Ben Member");
    const client = formClient(app.url);
    await client.get("/forgot-password");
    const asked = await client.post("/forgot-password", { email: "ben@example.org" });
    expect(asked.html).toContain("Check your email");
    const unknown = await client.post("/forgot-password", { email: "nobody@example.org" });
    expect(unknown.html).toContain("Check your email");
    const logged = app.logs.map((l) => l.message).find((m) => m.includes("/reset-password/"));
    const path = new URL(/http\S+\/reset-password\/\S+/.exec(logged ?? "")![0]).pathname;
    const reset = formClient(app.url);
    expect((await reset.get(path)).html).toContain("Choose a new password");
    const mismatch = await reset.post(path, { password: "brand new password", confirm: "other" });
    expect(mismatch.html).toContain("The two passwords do not match");
    const done = await reset.post(path, {
      password: "brand new password",
      confirm: "brand new password",
    });
    expect(done.status).toBe(302);
    expect((await reset.get(path)).html).toContain("This link no longer works");
    // Every browser signed in before the reset is signed out.
    expect((await elsewhere.get("/")).html).not.toContain("Ben Member");
    const signIn = formClient(app.url);
    await signIn.get("/login");
    expect(
      (await signIn.post("/login", { email: "ben@example.org", password: "brand new password" }))
        .status,
    ).toBe(302);
  });
});

describe("hostile requests", () => {
  it.each(["/invite/%ff", "/reset-password/%", "/work-groups/%E0%A4%A", "/%C0"])(
    "answers a malformed URL %s with 400, not a 500",
    async (path) => {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status).toBe(400);
    },
  );

  it("sends a sign-in only to a path on this site", async () => {
    const { samePagePath } = await import("../../app/modules/auth/schema.ts");
    for (const evil of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "https://evil.example",
      "/\n/evil",
    ]) {
      expect(samePagePath(evil)).toBe("/");
    }
    expect(samePagePath("/work-groups/x?tab=1#notes")).toBe("/work-groups/x?tab=1#notes");
  });

  it("counts parallel wrong passwords: no more than ten get through to be checked", async () => {
    const client = formClient(app.url);
    await client.get("/login");
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.post("/login", { email: "parallel@example.org", password: `guess ${i} wrong` }),
      ),
    );
    expect(statuses.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(10);
  });

  it("refuses an oversized form with 413 before reading it", async () => {
    const response = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=${"a".repeat(300 * 1024)}`,
    });
    expect(response.status).toBe(413);
  });

  it("refuses a form body without a length (411)", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("email=a"));
        controller.close();
      },
    });
    const response = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(411);
  });

  it("answers a malformed multipart body with 400, not 500", async () => {
    const client = formClient(app.url);
    await client.get("/login");
    const response = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { cookie: client.cookie, "content-type": "multipart/form-data; boundary=x" },
      body: "this is not multipart",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("could not be read as a form");
  });
});
