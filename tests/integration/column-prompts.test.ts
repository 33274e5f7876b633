import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { makeFacilitatorOwner, postSettings } from "../support/settings.ts";

/** Issue 17: each Knoster column carries a one-line prompt, editable per work group. */
let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
  await makeFacilitatorOwner(app.ctx, cast);
});
afterAll(() => app?.stop());

const settings = (prompts: Record<string, string>) =>
  postSettings(
    app.url,
    cast,
    cookies.facilitator!,
    Object.fromEntries(Object.entries(prompts).map(([k, v]) => [`prompts.${k}`, v])),
  );
const sessionPage = async () =>
  (
    await fetch(`${app.url}/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`, {
      headers: { cookie: cookies.memberA! },
    })
  ).text();

describe("column prompts", () => {
  it("show the Knoster defaults until the work group writes its own", async () => {
    expect(await sessionPage()).toContain("Where are we going, and why does it matter?");
    const saved = await settings({
      vision: "What should every student be able to do by graduation?",
      skills: "",
    });
    expect(saved.status).toBe(302);
    const page = await sessionPage();
    expect(page).toContain("What should every student be able to do by graduation?");
    expect(page).not.toContain("Where are we going, and why does it matter?");
    // An empty one keeps its default.
    expect(page).toContain("What do people need to learn or be able to do?");
    const form = await (
      await fetch(`${app.url}/work-groups/${cast.workGroup.slug}/settings`, {
        headers: { cookie: cookies.facilitator! },
      })
    ).text();
    expect(form).toContain('value="What should every student be able to do by graduation?"');
  });

  it("refuse a prompt that is too long or hides control characters, keeping the old one", async () => {
    const long = await settings({ vision: "x".repeat(161) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("Keep the prompt under 160 characters");
    const hidden = await settings({ vision: "Vision\u0007" });
    expect(hidden.status).toBe(400);
    expect(await sessionPage()).toContain("What should every student be able to do by graduation?");
  });
});
