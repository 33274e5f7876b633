import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { nextIdeaToRate } from "../../app/modules/board/ratings.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { readSessionState } from "../../app/modules/session/session-doc.ts";
import { type Cast, cookieFor, createUser, startSeededApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";
import { connectProvider, waitFor } from "../support/realtime.ts";

let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};
const ideaIds: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
  const ideas = [
    ["memberA", "vision", "Every student, every day"],
    ["memberA", "skills", "Assessment literacy for all"],
    ["memberB", "resources", "Release time for teachers"],
    ["recorder", "incentives", "Badges that travel with students"],
  ] as const;
  for (const [who, column, text] of ideas) {
    ideaIds[text] = (await postIdea(app.ctx, cast[who], cast.board.id, { column, text })).id;
  }
});
afterAll(() => app?.stop());

const path = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const move = (who: string, phase: string, expectedVersion: number) =>
  postForm(app.url, path(), cookies[who]!, {
    intent: "change-phase",
    phase,
    expectedVersion: String(expectedVersion),
  });
const rate = (who: string, ideaId: string, stars: string) =>
  postForm(app.url, path(), cookies[who]!, { intent: "rate", ideaId, stars });

describe("phases", () => {
  it("refuses ratings during brainstorm", async () => {
    const response = await rate("memberB", ideaIds["Every student, every day"]!, "4");
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Rating is closed");
  });

  it("are moved by a facilitator, live, and then brainstorm is closed to new ideas", async () => {
    const watcher = connectProvider(
      app.url,
      documentName.session(cast.session.id),
      cookies.memberA!,
    );
    await watcher.synced;
    expect(readSessionState(watcher.doc)?.phase).toBe("brainstorm");
    expect((await move("facilitator", "rate", 0)).status).toBe(200);
    await waitFor(() => readSessionState(watcher.doc)?.phase === "rate", 1_000, "phase live");
    const late = await postForm(app.url, path(), cookies.memberA!, {
      intent: "post-idea",
      boardId: cast.board.id,
      column: "vision",
      text: "One more idea",
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Brainstorm is closed");
    expect(await app.ctx.db.idea.count({ where: { text: "One more idea" } })).toBe(0);
    watcher.close();
  });

  it("are not for members to move (403)", async () => {
    expect((await move("memberA", "theme", 1)).status).toBe(403);
  });

  it("let one of two facilitators acting at once win; the other is told", async () => {
    const second = await createUser(app.ctx, "Sol Second");
    await app.ctx.db.membership.create({
      data: { workGroupId: cast.workGroup.id, userId: second.id, role: "facilitator" },
    });
    cookies.second = await cookieFor(app.ctx, second.id);
    const [a, b] = await Promise.all([
      move("facilitator", "brainstorm", 1),
      move("second", "theme", 1),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await loser.text()).toContain("Another facilitator changed the phase first");
    const session = await app.ctx.db.session.findUniqueOrThrow({ where: { id: cast.session.id } });
    expect(session.phaseVersion).toBe(2);
    // Put the session back in the rate phase for what follows.
    expect((await move("facilitator", "rate", 2)).status).toBe(200);
  });
});

describe("star ratings", () => {
  it("take 1 to 5 stars or a skip, never for one's own idea", async () => {
    expect((await rate("memberB", ideaIds["Every student, every day"]!, "5")).status).toBe(200);
    expect((await rate("memberB", ideaIds["Assessment literacy for all"]!, "skip")).status).toBe(
      200,
    );
    const own = await rate("memberB", ideaIds["Release time for teachers"]!, "5");
    expect(own.status).toBe(400);
    expect(await own.text()).toContain("You cannot rate your own idea");
    expect((await rate("memberB", ideaIds["Every student, every day"]!, "6")).status).toBe(400);
    expect((await rate("outsider", ideaIds["Every student, every day"]!, "5")).status).toBe(404);
    const stored = await app.ctx.db.rating.findMany({ where: { userId: cast.memberB.id } });
    expect(stored.map((r) => r.stars).sort()).toEqual([5, null].sort());
  });

  it("offer each member the ideas others rated least, never their own", async () => {
    const next = await nextIdeaToRate(app.ctx, cast.memberA.id, cast.session.id);
    expect(next.total).toBe(2); // four ideas, two of them Ada's own
    // Nobody rated "Release time" or "Badges" yet; "Every student" has a rating (Ada's own anyway).
    expect(["Release time for teachers", "Badges that travel with students"]).toContain(
      next.next?.text,
    );
  });

  it("stay hidden while rating is open, then rank with averages and counts", async () => {
    const during = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(during).not.toContain("Ranked ideas");
    expect(during).toContain("Rate ideas");
    await rate("recorder", ideaIds["Every student, every day"]!, "4");
    await rate("facilitator", ideaIds["Every student, every day"]!, "5");
    await rate("facilitator", ideaIds["Release time for teachers"]!, "2");
    expect((await move("facilitator", "theme", 3)).status).toBe(200);
    const after = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(after).toContain("Ranked ideas");
    expect(after).toMatch(/4\.7 stars from 3 ratings/);
    const first = after.indexOf("Every student, every day");
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(after.indexOf("Release time for teachers"));
    const report = await fetch(`${app.url}${path()}/report-back`, {
      headers: { cookie: cookies.memberB! },
    });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain("Report back");
  });
});

describe("anonymity", () => {
  it("keeps authors out of another member's page, its data and the board document", async () => {
    const authorIds = [cast.memberA.id, cast.recorder.id];
    const html = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberB! } })
    ).text();
    const data = await (
      await fetch(`${app.url}${path()}?_data=routes/work-groups.$slug.sessions.$sessionId`, {
        headers: { cookie: cookies.memberB! },
      })
    ).text();
    const board = connectProvider(app.url, documentName.board(cast.board.id), cookies.memberB!);
    await board.synced;
    const doc = JSON.stringify(board.doc.getMap("ideas").toJSON());
    board.close();
    for (const text of [html, data, doc]) {
      for (const id of authorIds) expect(text).not.toContain(id);
      expect(text).not.toContain("authorId");
      expect(text).not.toContain("Ada Member");
    }
  });

  it("gives facilitators ideas without authors too", async () => {
    const data = (await (
      await fetch(`${app.url}${path()}?_data=routes/work-groups.$slug.sessions.$sessionId`, {
        headers: { cookie: cookies.facilitator! },
      })
    ).json()) as { session: { boards: { ideas: Record<string, unknown>[]; mine: string[] }[] } };
    for (const board of data.session.boards) {
      expect(board.mine).toEqual([]); // the facilitator posted none of them
      // Nothing of who wrote it; `lang`, where present, is told from the text itself.
      for (const idea of board.ideas)
        expect(
          Object.keys(idea)
            .filter((key) => key !== "lang")
            .sort(),
        ).toEqual(["column", "createdAt", "id", "text"]);
    }
  });
});

describe("the Knoster readiness check", () => {
  it("shows facilitators which elements are missing and what that predicts; not members", async () => {
    const facilitator = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.facilitator! } })
    ).text();
    expect(facilitator).toContain("Knoster readiness");
    // The board has vision, skills, resources and incentives ideas, but no action plan.
    expect(facilitator).toContain("the model predicts false starts");
    const member = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(member).not.toContain("Knoster readiness");
  });
});

describe("breakdowns", () => {
  it("show facilitators participation by group with small groups suppressed; not members", async () => {
    const page = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.facilitator! } })
    ).text();
    expect(page).toContain("Participation by stakeholder group and region");
    // Everyone here is in a group of fewer than five (or gave none).
    expect(page).toContain("Not shown (a small group)");
    const breakdowns = page.slice(page.indexOf("Participation by stakeholder group"));
    expect(breakdowns.slice(0, breakdowns.indexOf("</details>"))).not.toMatch(
      /<td[^>]*>[1-4]<\/td>/,
    );
    const member = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(member).not.toContain("Participation by stakeholder group");
  });
});

describe("ending a session", () => {
  it("closes posting and rating, leaves Live now, offers the summary, and reopens", async () => {
    const { liveSessionsFor } = await import("../../app/modules/session/join-code.server.ts");
    await app.ctx.db.session.update({
      where: { id: cast.session.id },
      data: { startsAt: new Date(Date.now() - 10 * 60_000) },
    });
    expect((await liveSessionsFor(app.ctx, cast.memberA.id)).map((s) => s.id)).toContain(
      cast.session.id,
    );
    const before = await app.ctx.db.session.findUniqueOrThrow({ where: { id: cast.session.id } });
    expect((await move("facilitator", "ended", before.phaseVersion)).status).toBe(200);
    expect(await liveSessionsFor(app.ctx, cast.memberA.id)).toEqual([]);

    const post = await postForm(app.url, path(), cookies.memberA!, {
      intent: "post-idea",
      boardId: cast.board.id,
      column: "vision",
      text: "One more, after the end",
    });
    expect(post.status).toBe(409);
    expect((await rate("memberB", ideaIds["Every student, every day"]!, "3")).status).toBe(409);

    const member = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(member).toContain("This session has ended");
    expect(member).toContain("Ranked ideas");
    expect(member).not.toContain("Reopen the session");
    const facilitator = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.facilitator! } })
    ).text();
    expect(facilitator).toContain("Reopen the session");
    expect(facilitator).toContain("Draft the summary");
    expect(facilitator).not.toContain("Countdown for the next phase");

    // The offer drafts the summary (nothing is published) and opens it.
    const drafted = await postForm(
      app.url,
      `/work-groups/${cast.workGroup.slug}/public-site`,
      cookies.facilitator!,
      { intent: "new-summary", sessionId: cast.session.id },
    );
    expect(drafted.status).toBe(302);
    expect(drafted.headers.get("location")).toMatch(/\/publications\//);

    const ended = await app.ctx.db.session.findUniqueOrThrow({ where: { id: cast.session.id } });
    expect((await move("facilitator", "report_back", ended.phaseVersion)).status).toBe(200);
    const reopened = await app.ctx.db.session.findUniqueOrThrow({
      where: { id: cast.session.id },
    });
    expect(reopened.phase).toBe("report_back");
    expect((await liveSessionsFor(app.ctx, cast.memberA.id)).map((s) => s.id)).toContain(
      cast.session.id,
    );
  });
});
