import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { readSessionState } from "../../app/modules/session/session-doc.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";
import { connectProvider, waitFor } from "../support/realtime.ts";

let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
});
afterAll(() => app?.stop());

const path = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const send = (who: string, fields: Record<string, string>) =>
  postForm(app.url, path(), cookies[who]!, fields);
const titles = async () =>
  (
    await app.ctx.db.agendaItem.findMany({
      where: { sessionId: cast.session.id },
      orderBy: { position: "asc" },
    })
  ).map((i) => i.title);

describe("the agenda", () => {
  it("takes items with time boxes, presenters and web links; never a javascript: link", async () => {
    const ok = await send("facilitator", {
      intent: "add-agenda-item",
      title: "Welcome and Introductory Comments",
      minutes: "15",
      presenter: "Commissioner",
      materials: "https://example.org/slides.pdf",
    });
    expect(ok.status).toBe(200);
    expect(
      (await send("facilitator", { intent: "add-agenda-item", title: "Vision and Team Building" }))
        .status,
    ).toBe(200);
    const evil = await send("facilitator", {
      intent: "add-agenda-item",
      title: "Sneaky",
      materials: "javascript:alert(1)",
    });
    expect(evil.status).toBe(400);
    expect(await evil.text()).toContain("Each link must be a web address");
    expect(await titles()).toEqual([
      "Welcome and Introductory Comments",
      "Vision and Team Building",
    ]);
    expect((await send("memberA", { intent: "add-agenda-item", title: "Mine" })).status).toBe(403);
  });

  it("is reordered by facilitators", async () => {
    const second = await app.ctx.db.agendaItem.findFirstOrThrow({
      where: { title: "Vision and Team Building" },
    });
    expect(
      (
        await send("facilitator", {
          intent: "move-agenda-item",
          itemId: second.id,
          direction: "up",
        })
      ).status,
    ).toBe(200);
    expect(await titles()).toEqual([
      "Vision and Team Building",
      "Welcome and Introductory Comments",
    ]);
  });

  it("shows everyone the current item, live", async () => {
    const watcher = connectProvider(
      app.url,
      documentName.session(cast.session.id),
      cookies.memberA!,
    );
    await watcher.synced;
    const item = await app.ctx.db.agendaItem.findFirstOrThrow({
      where: { title: "Welcome and Introductory Comments" },
    });
    expect(
      (await send("facilitator", { intent: "current-agenda-item", itemId: item.id })).status,
    ).toBe(200);
    await waitFor(
      () => readSessionState(watcher.doc)?.currentAgendaItemId === item.id,
      1_000,
      "current item live",
    );
    watcher.close();
    const page = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    // React separates neighbouring text with an empty comment.
    expect(page.replaceAll("<!-- -->", "")).toContain("Now: Welcome and Introductory Comments");
    expect(page).toContain('href="https://example.org/slides.pdf"');
  });
});

describe("a message to every room", () => {
  it("reaches every page at once; members cannot send one", async () => {
    const watcher = connectProvider(
      app.url,
      documentName.session(cast.session.id),
      cookies.memberA!,
    );
    await watcher.synced;
    expect((await send("memberA", { intent: "announce", message: "hello all" })).status).toBe(403);
    expect(
      (await send("facilitator", { intent: "announce", message: "Five minutes left" })).status,
    ).toBe(200);
    await waitFor(
      () => readSessionState(watcher.doc)?.announcement === "Five minutes left",
      1_000,
      "message",
    );
    expect((await send("facilitator", { intent: "bring-back" })).status).toBe(200);
    await waitFor(
      () =>
        readSessionState(watcher.doc)?.announcement === "Please come back to the whole group now.",
      1_000,
      "bring back",
    );
    const page = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(page).toContain("From the facilitator: Please come back to the whole group now.");
    expect((await send("facilitator", { intent: "clear-announcement" })).status).toBe(200);
    await waitFor(() => readSessionState(watcher.doc)?.announcement === null, 1_000, "cleared");
    watcher.close();
  });
});

describe("the phase of the work", () => {
  it("is one of the work group's phases, or none", async () => {
    const base = {
      title: "Study session 2",
      startsAt: "2026-12-08T09:00",
      timeZone: "America/Chicago",
      format: "virtual",
    };
    const overview = `/work-groups/${cast.workGroup.slug}?index`;
    const ok = await postForm(app.url, overview, cookies.facilitator!, {
      ...base,
      workPhase: "Study",
    });
    expect(ok.status).toBe(302);
    const created = await app.ctx.db.session.findFirstOrThrow({
      where: { title: "Study session 2" },
    });
    expect(created.workPhase).toBe("Study");
    const bad = await postForm(app.url, overview, cookies.facilitator!, {
      ...base,
      workPhase: "Partying",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose one of this work group");
  });
});

describe("attendance", () => {
  it("records each member once when they open the session, for facilitators to see", async () => {
    await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } });
    await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } });
    expect(
      await app.ctx.db.attendance.count({
        where: { sessionId: cast.session.id, userId: cast.memberA.id },
      }),
    ).toBe(1);
    const page = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.facilitator! } })
    ).text();
    expect(page).toMatch(/Attendance: 2 of \d+ members/);
    expect(page).toContain("Ada Member");
    const member = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(member).not.toContain("Attendance:");
  });
});

describe("changing the agenda (issue 18)", () => {
  /** As the page's fetchers post: the action's JSON reply, not a page. */
  const command = (who: string, fields: Record<string, string>) =>
    postForm(
      app.url,
      `${path()}?_data=${encodeURIComponent("routes/work-groups.$slug.sessions.$sessionId")}`,
      cookies[who]!,
      fields,
    );
  const item = (title: string) =>
    app.ctx.db.agendaItem.findFirstOrThrow({ where: { sessionId: cast.session.id, title } });

  it("edits an item in place", async () => {
    const welcome = await item("Welcome and Introductory Comments");
    const edited = await send("facilitator", {
      intent: "edit-agenda-item",
      itemId: welcome.id,
      title: "Welcome and introductions",
      minutes: "20",
      presenter: "Deputy Commissioner",
      materials: "",
    });
    expect(edited.status).toBe(200);
    const after = await app.ctx.db.agendaItem.findUniqueOrThrow({ where: { id: welcome.id } });
    expect([after.title, after.minutes, after.presenter, after.position]).toEqual([
      "Welcome and introductions",
      20,
      "Deputy Commissioner",
      welcome.position,
    ]);
    const bad = await send("facilitator", {
      intent: "edit-agenda-item",
      itemId: welcome.id,
      title: "",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Give the agenda item a title");
    expect(
      (
        await send("memberA", {
          ...{ intent: "edit-agenda-item", itemId: welcome.id, title: "Mine" },
        })
      ).status,
    ).toBe(403);
  });

  it("undoes a removal: the item comes back where it was", async () => {
    const before = await titles();
    const first = await item(before[0]!);
    const removed = await command("facilitator", {
      intent: "remove-agenda-item",
      itemId: first.id,
    });
    expect(removed.status).toBe(200);
    const { removed: what } = (await removed.json()) as {
      removed: { title: string; minutes: number | null; presenter: string; position: number };
    };
    expect(what.title).toBe(before[0]);
    expect(await titles()).toEqual(before.slice(1));
    const restored = await send("facilitator", {
      intent: "restore-agenda-item",
      title: what.title,
      minutes: String(what.minutes ?? ""),
      presenter: what.presenter,
      materials: "",
      position: String(what.position),
    });
    expect(restored.status).toBe(200);
    expect(await titles()).toEqual(before);
  });

  it("says so beside the agenda when a colleague removed the item a moment ago", async () => {
    const gone = await command("facilitator", {
      intent: "current-agenda-item",
      itemId: "no-such-item",
    });
    expect(gone.status).toBe(404);
    const body = (await gone.json()) as { message: string };
    expect(body.message).toBe(
      "This agenda item was removed just now. The agenda below is up to date.",
    );
  });
});
