import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { readIdeas } from "../../app/modules/board/board-doc.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";
import { connectProvider, waitFor } from "../support/realtime.ts";

let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};
let watcher: ReturnType<typeof connectProvider>;

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
  watcher = connectProvider(app.url, documentName.board(cast.board.id), cookies.memberB!);
  await watcher.synced;
});
afterAll(async () => {
  watcher?.close();
  await app?.stop();
});

const path = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const send = (who: string, fields: Record<string, string>) =>
  postForm(app.url, path(), cookies[who]!, fields);
const onBoard = () => readIdeas(watcher.doc).map((i) => i.text);

describe("an idea's author", () => {
  it("edits it during brainstorm, live for everyone; nobody else can", async () => {
    const idea = await postIdea(app.ctx, cast.memberA, cast.board.id, {
      column: "vision",
      text: "Frist draft",
    });
    await waitFor(() => onBoard().includes("Frist draft"), 1_000, "posted");
    const other = await send("memberB", {
      intent: "edit-idea",
      ideaId: idea.id,
      column: "vision",
      text: "Mine now",
    });
    expect(other.status).toBe(403);
    const fixed = await send("memberA", {
      intent: "edit-idea",
      ideaId: idea.id,
      column: "vision",
      text: "First draft",
    });
    expect(fixed.status).toBe(200);
    await waitFor(
      () => onBoard().includes("First draft") && !onBoard().includes("Frist draft"),
      1_000,
      "edit",
    );
  });

  it("withdraws it; it leaves the board and the database", async () => {
    const idea = await postIdea(app.ctx, cast.memberA, cast.board.id, {
      column: "skills",
      text: "Never mind",
    });
    await waitFor(() => onBoard().includes("Never mind"), 1_000, "posted");
    expect((await send("memberA", { intent: "withdraw-idea", ideaId: idea.id })).status).toBe(200);
    await waitFor(() => !onBoard().includes("Never mind"), 1_000, "withdrawn");
    expect(await app.ctx.db.idea.count({ where: { id: idea.id } })).toBe(0);
  });
});

describe("a facilitator", () => {
  it("hides an idea with a logged reason and can show it again", async () => {
    const idea = await postIdea(app.ctx, cast.memberB, cast.board.id, {
      column: "resources",
      text: "Call out J. Smith",
    });
    await waitFor(() => onBoard().includes("Call out J. Smith"), 1_000, "posted");
    expect(
      (await send("memberA", { intent: "hide-idea", ideaId: idea.id, reason: "names a person" }))
        .status,
    ).toBe(403);
    const noReason = await send("facilitator", {
      intent: "hide-idea",
      ideaId: idea.id,
      reason: "",
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("the reason is kept in the log");
    expect(
      (
        await send("facilitator", {
          intent: "hide-idea",
          ideaId: idea.id,
          reason: "names a person",
        })
      ).status,
    ).toBe(200);
    await waitFor(() => !onBoard().includes("Call out J. Smith"), 1_000, "hidden");
    const logged = await app.ctx.db.auditEvent.findFirstOrThrow({ where: { action: "idea.hide" } });
    expect(logged.detail).toContain("names a person");
    expect(logged.actorId).toBe(cast.facilitator.id);
    const page = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.facilitator! } })
    ).text();
    expect(page).toContain("Hidden ideas (1)");
    expect((await send("facilitator", { intent: "show-idea", ideaId: idea.id })).status).toBe(200);
    await waitFor(() => onBoard().includes("Call out J. Smith"), 1_000, "shown again");
  });
});

describe("after brainstorm", () => {
  it("nobody can edit or withdraw, and the page says why", async () => {
    const idea = await app.ctx.db.idea.findFirstOrThrow({ where: { text: "First draft" } });
    await app.ctx.db.session.update({ where: { id: cast.session.id }, data: { phase: "rate" } });
    const late = await send("memberA", {
      intent: "edit-idea",
      ideaId: idea.id,
      column: "vision",
      text: "Too late",
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Brainstorm is closed");
    expect((await send("memberA", { intent: "withdraw-idea", ideaId: idea.id })).status).toBe(409);
  });
});
