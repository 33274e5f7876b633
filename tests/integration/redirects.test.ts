import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD, startTestApp, type TestApp } from "../support/app.ts";
import { formClient } from "../support/http.ts";

let app: TestApp;
let email = "";
beforeAll(async () => {
  app = await startTestApp();
  ({ email } = await createUser(app.ctx, "Ada Member"));
});
afterAll(() => app?.stop());

/** Values for redirectTo that normalise to, or a browser reads as, another host. */
const HOSTILE = [
  "/.//evil.example",
  "/a/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "//evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "/\t/evil.example",
  "https://evil.example",
];

/** Where a browser on our site goes when it is sent to `location`. */
function expectOurs(location: string | null) {
  expect(location).toMatch(/^\/(?![/\\])/);
  expect(new URL(location!, app.url).origin).toBe(new URL(app.url).origin);
}

/** The target of a redirect: Location for a page, X-Remix-Redirect for the page's script. */
const target = (result: { status: number; location: string | null; headers: Headers }) =>
  result.status === 204 ? result.headers.get("x-remix-redirect") : result.location;

describe("after sign-in and sign-up, only paths of this site", () => {
  it.each(HOSTILE)("signs in with redirectTo=%j and stays on this site", async (redirectTo) => {
    for (const path of ["/login", "/login?_data=routes%2Flogin"]) {
      const client = formClient(app.url);
      await client.get("/login");
      const result = await client.post(path, { email, password: PASSWORD, redirectTo });
      expect([302, 204]).toContain(result.status);
      expectOurs(target(result));
    }
  });

  it.each(["/.//evil.example", "/a/..//evil.example", "/%2e//evil.example"])(
    "signs up with redirectTo=%j and stays on this site",
    async (redirectTo) => {
      for (const path of ["/signup", "/signup?_data=routes%2Fsignup"]) {
        const client = formClient(app.url);
        await client.get("/signup");
        const result = await client.post(path, {
          name: "New Member",
          email: `new.${Math.random().toString(36).slice(2, 9)}@example.org`,
          password: PASSWORD,
          redirectTo,
        });
        expect([302, 204]).toContain(result.status);
        expect(target(result)).toBe("/");
      }
    },
  );

  it("still sends people back to the page of this site they came from", async () => {
    const client = formClient(app.url);
    await client.get("/login");
    const result = await client.post("/login?_data=routes%2Flogin", {
      email,
      password: PASSWORD,
      redirectTo: "/invite/abc?x=1",
    });
    expect(result.status).toBe(204);
    expect(result.headers.get("x-remix-redirect")).toBe("/invite/abc?x=1");
  });
});
