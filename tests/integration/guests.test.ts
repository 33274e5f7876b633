import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readIdeas } from "../../app/modules/board/board-doc.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { ensureJoinCode } from "../../app/modules/session/join-code.server.ts";
import { GUESTS_PER_SESSION } from "../../server/limiters.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { openCommentPeriod } from "../support/comments.ts";
import { joinAsGuest as joinGuest } from "../support/guests.ts";
import { postForm } from "../support/http.ts";
import { connectProvider, upgradeStatus, waitFor } from "../support/realtime.ts";
import { makeFacilitatorOwner } from "../support/settings.ts";

/**
 * Issue 17: guests join one session by its code, without an account, and reach nothing else.
 * The app trusts X-Forwarded-For here, so each guest can come from an address of their own.
 */
let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};
let code = "";

beforeAll(async () => {
  const seeded = await startSeededApp({ TRUST_PROXY: "1" });
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
  await makeFacilitatorOwner(app.ctx, cast);
  code = await ensureJoinCode(app.ctx, cast.session.id);
});
afterAll(() => app?.stop());

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const SESSION_DATA = "routes/work-groups.$slug.sessions.$sessionId";

/** A guest of the cast's session, in the Teachers' and Central's place unless told otherwise. */
async function joinAsGuest(fields: Record<string, string> = {}, address?: string) {
  const groups = await app.ctx.db.stakeholderGroup.findMany({
    where: { workGroupId: cast.workGroup.id },
  });
  const region = await app.ctx.db.region.findFirstOrThrow({
    where: { workGroupId: cast.workGroup.id },
  });
  const joined = await joinGuest(
    app.url,
    code,
    { stakeholderGroupId: groups[1]!.id, regionId: region.id, ...fields },
    address,
  );
  return { ...joined, text: () => joined.joined.text() };
}

const setGuests = async (allowed: boolean) => {
  const response = await postForm(app.url, sessionPath(), cookies.facilitator!, {
    intent: "guests",
    ...(allowed ? { allowed: "on" } : {}),
  });
  expect(response.status).toBe(200);
};

describe("guests", () => {
  it("cannot join until the facilitator lets them in: the code asks them to sign in", async () => {
    const response = await fetch(`${app.url}/join/${code}`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/login");
  });

  it("join by the code with their group and region, and land on the session's board", async () => {
    await setGuests(true);
    const guest = await joinAsGuest();
    expect(guest.form.status).toBe(200);
    expect(guest.form.html).toContain("Join as a guest");
    expect(guest.form.html).toContain("Teachers");
    expect(guest.joined.status).toBe(302);
    expect(guest.joined.headers.get("location")).toBe(`${sessionPath()}#board-${cast.board.id}`);
    const page = await fetch(`${app.url}${sessionPath()}`, { headers: { cookie: guest.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("You are a guest in this session");
    // No way into the rest of the work group from the page.
    expect(html).not.toContain(`/work-groups/${cast.workGroup.slug}/members`);
    expect(html).not.toContain("Session notes");
    const stored = await app.ctx.db.guest.findMany({ where: { sessionId: cast.session.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.stakeholderGroupId).not.toBeNull();
  });

  it("are refused with the reason beside the form when a field is missing", async () => {
    const guest = await joinAsGuest({ stakeholderGroupId: "" });
    expect(guest.joined.status).toBe(400);
    expect(await guest.text()).toContain("Choose your group.");
    // A group of another work group is not taken either.
    const other = await joinAsGuest({ stakeholderGroupId: "not-a-group" });
    expect(other.joined.status).toBe(302);
    const row = await app.ctx.db.guest.findFirstOrThrow({
      orderBy: { createdAt: "desc" },
      select: { stakeholderGroupId: true },
    });
    expect(row.stakeholderGroupId).toBeNull();
  });

  it("post, edit, withdraw and rate their own ideas, anonymously", async () => {
    const guest = await joinAsGuest();
    const watcher = connectProvider(app.url, documentName.board(cast.board.id), cookies.memberB!);
    await watcher.synced;
    const posted = await postForm(app.url, sessionPath(), guest.cookie, {
      intent: "post-idea",
      boardId: cast.board.id,
      column: "vision",
      text: "A guest's idea about bus routes",
    });
    // postForm sends the test csrf token; a guest's session has its own, so take it from the page.
    expect(posted.status).toBe(403);
    const page = await (
      await fetch(`${app.url}${sessionPath()}`, { headers: { cookie: guest.cookie } })
    ).text();
    const csrf = /name="csrf" value="([^"]*)"/.exec(page)?.[1] ?? "";
    const send = (fields: Record<string, string>) =>
      fetch(`${app.url}${sessionPath()}?_data=${encodeURIComponent(SESSION_DATA)}`, {
        method: "POST",
        headers: { cookie: guest.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf, ...fields }),
      });
    const ok = await send({
      intent: "post-idea",
      boardId: cast.board.id,
      column: "vision",
      text: "A guest's idea about bus routes",
    });
    expect(ok.status).toBe(200);
    const { ideaId } = (await ok.json()) as { ideaId: string };
    const live = await waitFor(
      () => readIdeas(watcher.doc).find((i) => i.text === "A guest's idea about bus routes"),
      2_000,
      "the guest's idea on another member's board",
    );
    expect(live.author).toBeUndefined();
    expect(
      (await send({ intent: "edit-idea", ideaId, column: "skills", text: "Bus routes, edited" }))
        .status,
    ).toBe(200);
    // The facilitator's data does not say who posted it.
    const data = (await (
      await fetch(`${app.url}${sessionPath()}?_data=${encodeURIComponent(SESSION_DATA)}`, {
        headers: { cookie: cookies.facilitator! },
      })
    ).json()) as { session: { boards: { ideas: { text: string; author?: string }[] }[] } };
    const idea = data.session.boards.flatMap((b) => b.ideas).find((i) => i.text.startsWith("Bus"));
    expect(idea).toBeDefined();
    expect(idea?.author).toBeUndefined();
    // Facilitator-only commands are refused.
    expect((await send({ intent: "announce", message: "Hello" })).status).toBe(403);
    expect((await send({ intent: "hide-idea", ideaId, reason: "x" })).status).toBe(403);

    // Rating: a member's idea, during the Rate phase.
    const other = await app.ctx.db.idea.create({
      data: {
        boardId: cast.board.id,
        column: "vision",
        text: "Member idea",
        authorId: cast.memberA.id,
      },
    });
    await app.ctx.db.session.update({ where: { id: cast.session.id }, data: { phase: "rate" } });
    expect((await send({ intent: "rate", ideaId: other.id, stars: "4" })).status).toBe(200);
    const guestUser = await app.ctx.db.user.findFirstOrThrow({
      where: { guest: true, ratings: { some: { ideaId: other.id } } },
    });
    expect(guestUser.email).toMatch(/@guests\.invalid$/);
    await app.ctx.db.session.update({
      where: { id: cast.session.id },
      data: { phase: "brainstorm" },
    });
    expect((await send({ intent: "withdraw-idea", ideaId })).status).toBe(200);
    watcher.close();
  });

  it("reach nothing of the work group but the session's participant view (every route, crawled)", async () => {
    const guest = await joinAsGuest();
    const period = await openCommentPeriod(app.ctx, cast);
    const hearing = await app.ctx.db.hearing.create({
      data: {
        periodId: period.id,
        kind: "hearing",
        title: "Hearing",
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
        timeZone: "UTC",
      },
    });
    const recommendation = await app.ctx.db.recommendation.create({
      data: { workGroupId: cast.workGroup.id, position: 1, title: "Recommendation" },
    });
    const publication = await app.ctx.db.publication.create({
      data: { workGroupId: cast.workGroup.id, kind: "summary", title: "Summary" },
    });
    // A comment with a file, for the route that downloads it.
    const comment = await app.ctx.db.comment.create({
      data: {
        periodId: period.id,
        trackingNumber: "GUEST-CRAWL-1",
        submissionKey: "guest-crawl-1",
        stakeholderGroup: "Parents",
        region: "Central",
        body: "A letter is attached.",
        attachments: {
          create: {
            position: 0,
            name: "letter.png",
            type: "png",
            size: 8,
            sha256: "-",
            bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          },
        },
      },
    });
    const plan = await app.ctx.db.improvementPlan.create({
      data: {
        programId: cast.program.id,
        workGroupId: cast.workGroup.id,
        level: "district",
        name: "District",
        startYear: 2026,
        endYear: 2029,
        goals: { create: { position: 1, title: "Goal" } },
      },
      include: { goals: true },
    });
    const values: Record<string, string> = {
      slug: cast.workGroup.slug,
      planId: plan.id,
      goalId: plan.goals[0]!.id,
      year: "2026",
      commentId: comment.id,
      position: "0",
      sessionId: cast.session.id,
      periodId: period.id,
      hearingId: hearing.id,
      recommendationId: recommendation.id,
      publicationId: publication.id,
      format: "csv",
    };
    // Every route file of the work group, so a route added later is crawled too.
    const routes = readdirSync(path.resolve(import.meta.dirname, "../../app/routes"))
      .filter((file) => file.startsWith("work-groups."))
      .map((file) => file.replace(/\.tsx$/, ""));
    expect(routes.length).toBeGreaterThan(15);
    // Remix's flat route names: "." between segments, "[.csv]" a literal dot, "_index" the
    // parent's own page, a trailing "_" a segment outside its parent's layout.
    const toPath = (route: string) =>
      `/${route
        .replace(/\[\.(\w+)\]/g, "~$1")
        .split(".")
        .filter((segment) => segment !== "_index")
        .map((segment) => segment.replace(/_$/, "").replace("~", "."))
        .map((segment) => (segment.startsWith("$") ? values[segment.slice(1)]! : segment))
        .join("/")}`;
    const participantView = "work-groups.$slug.sessions.$sessionId";
    for (const route of routes) {
      const url = toPath(route);
      const owner = await fetch(`${app.url}${url}`, {
        headers: { cookie: cookies.facilitator! },
        redirect: "manual",
      });
      // The page exists for the owner, so a 404 for the guest means the guest was refused.
      expect(owner.status, `${url} for the owner`).toBeLessThan(400);
      const asGuest = await fetch(`${app.url}${url}`, {
        headers: { cookie: guest.cookie },
        redirect: "manual",
      });
      const data = await fetch(`${app.url}${url}?_data=${encodeURIComponent(`routes/${route}`)}`, {
        headers: { cookie: guest.cookie },
        redirect: "manual",
      });
      if (route === participantView) {
        expect(asGuest.status, url).toBe(200);
      } else {
        expect(asGuest.status, `${url} for a guest`).toBe(404);
        expect(data.status, `${url} data for a guest`).toBe(404);
      }
    }
    // Account-wide pages too.
    for (const url of ["/account", `/programs/${cast.program.slug}`]) {
      const response = await fetch(`${app.url}${url}`, {
        headers: { cookie: guest.cookie },
        redirect: "manual",
      });
      expect(response.status, url).toBe(404);
    }
    // Home sends a guest back to their session.
    const home = await fetch(`${app.url}/`, {
      headers: { cookie: guest.cookie },
      redirect: "manual",
    });
    expect(home.headers.get("location")).toContain(sessionPath());
    // Live documents: the session's boards and state, and nothing else.
    const ws = app.url.replace("http", "ws");
    const open = (name: string) => upgradeStatus(`${ws}/yjs/${name}`, { cookie: guest.cookie });
    expect(await open(documentName.board(cast.board.id))).toBe(101);
    expect(await open(documentName.session(cast.session.id))).toBe(101);
    expect(await open(documentName.notes(cast.session.id))).toBe(403);
    expect(await open(documentName.theming(cast.session.id))).toBe(403);
    expect(await open(documentName.draft(recommendation.id))).toBe(403);
  });

  it("a removed guest is signed out at once and cannot post or come back in that browser", async () => {
    const guest = await joinAsGuest();
    const row = await app.ctx.db.guest.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const live = connectProvider(app.url, documentName.board(cast.board.id), guest.cookie);
    await live.synced;
    const list = (await (
      await fetch(`${app.url}${sessionPath()}?_data=${encodeURIComponent(SESSION_DATA)}`, {
        headers: { cookie: cookies.facilitator! },
      })
    ).json()) as { guests: { allowed: boolean; list: { id: string }[] } };
    expect(list.guests.allowed).toBe(true);
    expect(list.guests.list.map((g) => g.id)).toContain(row.id);
    const removed = await postForm(app.url, sessionPath(), cookies.facilitator!, {
      intent: "remove-guest",
      guestId: row.id,
    });
    expect(removed.status).toBe(200);
    await waitFor(() => (live.provider.wsconnected ? null : true), 2_000, "socket closed");
    live.close();
    const page = await fetch(`${app.url}${sessionPath()}`, {
      headers: { cookie: guest.cookie },
      redirect: "manual",
    });
    expect(page.status).toBe(302);
    // Removing guests is the facilitator's: a member cannot.
    const again = await postForm(app.url, sessionPath(), cookies.memberA!, {
      intent: "remove-guest",
      guestId: row.id,
    });
    expect(again.status).toBe(403);
    const after = await app.ctx.db.guest.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.removedAt).not.toBeNull();
    expect(await app.ctx.db.signIn.count({ where: { userId: after.userId } })).toBe(0);
  });

  it("are told clearly when the session or their address is full", async () => {
    // The address cap: one address (a school gym's shared one) making guests without end.
    const shared = "203.0.113.9";
    let last = await joinAsGuest({}, shared);
    let joined = 1;
    while (last.joined.status === 302 && joined < 400) {
      last = await joinAsGuest({}, shared);
      joined++;
    }
    expect(last.joined.status).toBe(429);
    expect(joined).toBeGreaterThan(250);
    expect(last.joined.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await last.text()).toContain("Many people joined from this network just now");

    // The session cap: the session already holds as many guests as it takes.
    const filler = [];
    const count = await app.ctx.db.guest.count({
      where: { sessionId: cast.session.id, removedAt: null },
    });
    for (let i = count; i < GUESTS_PER_SESSION; i++) {
      filler.push({ email: `filler-${i}@guests.invalid`, name: "", passwordHash: "", guest: true });
    }
    await app.ctx.db.user.createMany({ data: filler });
    const users = await app.ctx.db.user.findMany({
      where: { email: { startsWith: "filler-" } },
      select: { id: true },
    });
    await app.ctx.db.guest.createMany({
      data: users.map((u) => ({ sessionId: cast.session.id, userId: u.id })),
    });
    const full = await joinAsGuest();
    expect(full.joined.status).toBe(409);
    expect(await full.text()).toContain("This session is full");

    // Turned off again: the form says so instead of joining.
    await setGuests(false);
    const closed = await fetch(`${app.url}/join/${code}`, { redirect: "manual" });
    expect(closed.status).toBe(302);
  });
});
