import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueFormToken } from "../../app/modules/comment-period/form-token.server.ts";
import { createHearing } from "../../app/modules/hearing/hearings.server.ts";
import { formScope } from "../../app/modules/hearing/registration.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { openCommentPeriod } from "../support/comments.ts";

/**
 * Issue 16, finding 10, on an install without mail: registering with someone else's address
 * must not tell the sender that person registered, nor touch their registration.
 */
let app: TestApp;
let cast: Cast;
let hearingPath = "";
let hearingId = "";
const ROUTE = "routes/public.$slug.comment-periods.$periodId_.hearings.$hearingId";

beforeAll(async () => {
  ({ app, cast } = await startSeededApp());
  const period = await openCommentPeriod(app.ctx, cast, { title: "Hearings without mail" });
  const hearing = await createHearing(
    app.ctx,
    {
      workGroup: { id: cast.workGroup.id, slug: cast.workGroup.slug, name: cast.workGroup.name },
      role: "facilitator",
    },
    period.id,
    {
      kind: "hearing",
      title: "Evening hearing",
      startsAt: new Date(Date.now() + 48 * 3_600_000).toISOString().slice(0, 16),
      endsAt: new Date(Date.now() + 50 * 3_600_000).toISOString().slice(0, 16),
      place: "Library",
      link: "",
      capacity: 10,
      teamRoles: "",
    },
  );
  hearingId = hearing.id;
  hearingPath = `${period.path}/hearings/${hearing.id}`;
});
afterAll(() => app?.stop());

async function register(name: string, email: string) {
  const response = await fetch(`${app.url}${hearingPath}?_data=${ROUTE}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      token: issueFormToken(
        app.ctx.config.sessionSecret,
        formScope(hearingId),
        Date.now() - 30_000,
      ),
      website: "",
      name,
      email,
    }),
  });
  return { status: response.status, done: (await response.json()).done };
}

describe("a registration without mail", () => {
  it("answers someone using another's address as it answers anyone, and leaves theirs alone", async () => {
    const owner = await register("Pat Parent", "pat@example.org");
    const stranger = await register("Someone Else", "pat@example.org");
    expect(owner.status).toBe(200);
    expect(stranger.status).toBe(200);
    // The same kind of answer: registered, with a link of its own; nothing about Pat's.
    for (const answer of [owner, stranger]) {
      expect(Object.keys(answer.done).sort()).toEqual(
        ["cancelPath", "checkEmail", "emailed", "position", "requests", "state", "team"].sort(),
      );
      expect(answer.done.state).toBe("registered");
      expect(answer.done.cancelPath).toMatch(/\/hearings\/cancel\//);
    }
    expect(stranger.done.cancelPath).not.toBe(owner.done.cancelPath);
    // Pat's link still works, and still names Pat's registration.
    const page = await (await fetch(`${app.url}${owner.done.cancelPath}`)).text();
    expect(page).toContain("Yes, cancel my registration");
    const stored = await app.ctx.db.registration.findMany({ where: { hearingId } });
    expect(stored.map((r) => r.name).sort()).toEqual(["Pat Parent", "Someone Else"]);
  });
});
