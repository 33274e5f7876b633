import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { formClient, postForm } from "../support/http.ts";

let app: TestApp;
let cast: Cast;
let facilitator = "";
beforeAll(async () => {
  const seeded = await startSeededApp();
  app = seeded.app;
  cast = seeded.cast;
  facilitator = seeded.cookies.facilitator;
});
afterAll(() => app?.stop());

/**
 * Fields a few dozen bytes long that conform would parse into million-slot lists and echo
 * back in its reply: a stray field, the form's own field with a huge index, and conform's
 * intent writing at such a path.
 */
const HOSTILE: Record<string, string>[] = [
  { "x[1000000]": "1" },
  { "email[1000000]": "1" },
  { "name[1000000]": "1", "password[1000000]": "1" },
  { "x[1000000]": "1", email: "not an address" },
  { "email.1000000": "1" },
  { __intent__: JSON.stringify({ type: "update", payload: { name: "x[1000000]", value: "1" } }) },
];

const SMALL = 10 * 1024;

describe("a form reads only its own fields", () => {
  it.each(["/login", "/signup", "/forgot-password"])(
    "answers hostile field names posted to %s with a small 4xx",
    async (path) => {
      for (const fields of HOSTILE) {
        for (const target of [path, `${path}?_data=routes%2F${path.slice(1)}`]) {
          const client = formClient(app.url);
          await client.get(path);
          const started = Date.now();
          const result = await client.post(target, fields);
          expect(result.status, `${target} ${JSON.stringify(fields)}`).toBeGreaterThanOrEqual(400);
          expect(result.status).toBeLessThan(500);
          expect(result.html.length, `${target} ${JSON.stringify(fields)}`).toBeLessThan(SMALL);
          expect(Date.now() - started).toBeLessThan(2_000);
        }
      }
    },
  );

  it("drops them where the rest of the form is valid, and answers small", async () => {
    const login = formClient(app.url);
    await login.get("/login");
    const refused = await login.post("/login", {
      "x[1000000]": "1",
      email: cast.memberA.email,
      password: "not the password",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("That email and password do not match an account.");
    expect(refused.html.length).toBeLessThan(SMALL);
    const reset = formClient(app.url);
    await reset.get("/forgot-password");
    const asked = await reset.post("/forgot-password?_data=routes%2Fforgot-password", {
      "x[1000000]": "1",
      email: cast.memberA.email,
    });
    expect(asked.status).toBe(200);
    expect(asked.html.length).toBeLessThan(1024);
  });

  it("answers them on a signed-in form too (a new recommendation)", async () => {
    const path = `/work-groups/${cast.workGroup.slug}/recommendations?index`;
    const data = `${path}&_data=${encodeURIComponent("routes/work-groups.$slug.recommendations._index")}`;
    // The page with the form's own error, for comparison: the hostile fields must add nothing.
    const plain = await (await postForm(app.url, path, facilitator, { title: "" })).text();
    for (const fields of <Record<string, string>[]>[
      { "x[1000000]": "1" },
      { "title[1000000]": "1" },
      { "title.1000000": "1", "rationale[1000000]": "1" },
    ]) {
      const page = await postForm(app.url, path, facilitator, fields);
      expect(page.status).toBe(400);
      expect((await page.text()).length).toBeLessThan(plain.length + 1024);
      const reply = await postForm(app.url, data, facilitator, fields);
      expect(reply.status).toBe(400);
      expect((await reply.text()).length).toBeLessThan(SMALL);
    }
    // The form itself still works.
    const created = await postForm(app.url, path, facilitator, { title: "Fund tutoring" });
    expect(created.status).toBe(302);
  });
});
