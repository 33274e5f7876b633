import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SignedInPerson } from "../../app/modules/auth/auth-session.server.ts";
import { runSessionCommand } from "../../app/modules/session/commands.server.ts";
import { requireMembership } from "../../app/modules/work-group/work-group.server.ts";
import { seedWorkGroup, startTestApp, type TestApp } from "../support/app.ts";

/**
 * The session page's commands without HTTP: one runner checks who may send each, validates it
 * and acts, and every refusal comes back as an outcome (status and words), never thrown.
 */
let app: TestApp;
let cast: Awaited<ReturnType<typeof seedWorkGroup>>;

beforeAll(async () => {
  app = await startTestApp();
  cast = await seedWorkGroup(app.ctx);
});
afterAll(() => app?.stop());

const person = (u: { id: string; name: string; email: string }): SignedInPerson => ({
  ...u,
  isAdmin: false,
  signInId: "test",
  guest: false,
  locale: null,
});

async function run(
  who: { id: string; name: string; email: string },
  fields: Record<string, string>,
  locale: "en" | "es" = "en",
) {
  const access = await requireMembership(app.ctx, who.id, { id: cast.workGroup.id });
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return runSessionCommand(
    { ctx: app.ctx, user: person(who), access, sessionId: cast.session.id, locale },
    form,
  );
}

describe("runSessionCommand", () => {
  it("runs a facilitator's command", async () => {
    const added = await run(cast.facilitator, {
      intent: "add-agenda-item",
      title: "Welcome",
      minutes: "10",
    });
    expect(added).toMatchObject({ status: 200, message: null });
    expect(await app.ctx.db.agendaItem.count({ where: { sessionId: cast.session.id } })).toBe(1);
  });

  it("refuses a member the facilitator's commands, in the reader's language", async () => {
    const refused = await run(cast.memberA, { intent: "announce", message: "Back in 5" });
    expect(refused).toMatchObject({
      status: 403,
      message: "Your role in this work group (member) does not allow that.",
    });
    const enEspañol = await run(cast.memberA, { intent: "announce", message: "x" }, "es");
    expect(enEspañol.message).toBe("Su función en este grupo de trabajo (miembro) no lo permite.");
  });

  it("answers an unknown or inherited command with 400, not an error", async () => {
    expect(await run(cast.facilitator, { intent: "drop-tables" })).toMatchObject({
      status: 400,
      message: "We did not understand that. Reload the page and try again.",
    });
    expect((await run(cast.facilitator, { intent: "constructor" })).status).toBe(400);
    expect((await run(cast.facilitator, {})).status).toBe(400);
  });

  it("says what is wrong with a command's form", async () => {
    expect(
      await run(cast.facilitator, { intent: "change-phase", countdownMinutes: "x" }),
    ).toMatchObject({
      status: 400,
      message: "Give the countdown in whole minutes, from 0 to 180.",
    });
    // A post keeps its form: the field errors come back for the idea box.
    const post = await run(cast.memberA, { intent: "post-idea", boardId: cast.board.id, text: "" });
    expect(post.status).toBe(400);
    expect(post.result?.status).toBe("error");
  });

  it("turns a stale agenda item (removed by a colleague) into a refusal beside the agenda", async () => {
    const item = await app.ctx.db.agendaItem.findFirstOrThrow({
      where: { sessionId: cast.session.id },
    });
    expect(
      (await run(cast.facilitator, { intent: "remove-agenda-item", itemId: item.id })).status,
    ).toBe(200);
    const stale = await run(cast.facilitator, { intent: "move-agenda-item", itemId: item.id });
    expect(stale.status).toBe(404);
    expect(stale.message).toBeTruthy();
  });

  it("posts a member's idea and tells the page which idea is theirs", async () => {
    await run(cast.facilitator, {
      intent: "change-phase",
      phase: "brainstorm",
      countdownMinutes: "0",
    });
    const posted = await run(cast.memberA, {
      intent: "post-idea",
      boardId: cast.board.id,
      text: "Release time for teachers",
      column: "vision",
    });
    expect(posted.status, JSON.stringify(posted)).toBe(200);
    expect(posted.ideaId).toBeTruthy();
    expect(posted.boardId).toBe(cast.board.id);
    const idea = await app.ctx.db.idea.findUniqueOrThrow({ where: { id: posted.ideaId! } });
    expect(idea.text).toBe("Release time for teachers");
  });
});
