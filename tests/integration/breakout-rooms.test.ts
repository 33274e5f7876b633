import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, cookieFor, createUser, startSeededApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";
import { upgradeStatus } from "../support/realtime.ts";

let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
  const groups = await app.ctx.db.stakeholderGroup.findMany({
    where: { workGroupId: cast.workGroup.id },
  });
  // Eight members: four teachers, four parents (Ada and Ben among them).
  const people = [cast.memberA, cast.memberB];
  for (let i = 0; i < 6; i++) {
    const person = await createUser(app.ctx, `Member ${i}`);
    await app.ctx.db.membership.create({
      data: { workGroupId: cast.workGroup.id, userId: person.id, role: "member" },
    });
    people.push(person);
  }
  for (const [i, person] of people.entries()) {
    await app.ctx.db.membership.updateMany({
      where: { workGroupId: cast.workGroup.id, userId: person.id },
      data: { stakeholderGroupId: groups[i % 2]!.id },
    });
  }
});
afterAll(() => app?.stop());

const path = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;

describe("breakout rooms", () => {
  it("are added by a facilitator, each with its own board; not by members", async () => {
    for (const name of ["Room A", "Room B"]) {
      const added = await postForm(app.url, path(), cookies.facilitator!, {
        intent: "add-room",
        name,
        facilitatorId: cast.facilitator.id,
        recorderId: cast.recorder.id,
      });
      expect(added.status).toBe(200);
    }
    const rooms = await app.ctx.db.breakoutRoom.findMany({
      where: { sessionId: cast.session.id },
      include: { boards: true },
    });
    expect(rooms.map((r) => r.boards.length)).toEqual([1, 1]);
    const refused = await postForm(app.url, path(), cookies.memberA!, {
      intent: "add-room",
      name: "Mine",
    });
    expect(refused.status).toBe(403);
    const badStaff = await postForm(app.url, path(), cookies.facilitator!, {
      intent: "add-room",
      name: "Room C",
      facilitatorId: cast.memberA.id,
    });
    expect(badStaff.status).toBe(400);
    expect(await badStaff.text()).toContain("facilitator from the list");
  });

  it("auto-assign members so every room mixes the stakeholder groups", async () => {
    expect(
      (await postForm(app.url, path(), cookies.facilitator!, { intent: "auto-assign" })).status,
    ).toBe(200);
    const rooms = await app.ctx.db.breakoutRoom.findMany({
      where: { sessionId: cast.session.id },
      include: { members: { include: { user: { include: { memberships: true } } } } },
    });
    for (const room of rooms) {
      expect(room.members).toHaveLength(4);
      const groups = new Set(room.members.map((m) => m.user.memberships[0]!.stakeholderGroupId));
      expect(groups.size).toBe(2);
    }
  });

  it("show each member their room", async () => {
    const page = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(page).toMatch(/Your breakout room: Room [AB]/);
    expect(page).toContain("Facilitator: Fay Facilitator");
    expect(page).not.toContain("Auto-assign members");
  });
});

describe("a member's session page", () => {
  it("shows their own room's board, not the other room's", async () => {
    const mine = await app.ctx.db.breakoutRoom.findFirstOrThrow({
      where: { sessionId: cast.session.id, members: { some: { userId: cast.memberA.id } } },
    });
    const other = await app.ctx.db.breakoutRoom.findFirstOrThrow({
      where: {
        sessionId: cast.session.id,
        id: { not: mine.id },
        name: { in: ["Room A", "Room B"] },
      },
    });
    // React separates neighbouring text with an empty comment.
    const page = (
      await (await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })).text()
    ).replaceAll("<!-- -->", "");
    expect(page).toContain(`Board: ${mine.name}`);
    expect(page).not.toContain(`Board: ${other.name}`);
    const facilitator = (
      await (
        await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.facilitator! } })
      ).text()
    ).replaceAll("<!-- -->", "");
    // The facilitator's console has every room, one board at a time: each room is a tab.
    expect(facilitator).toMatch(new RegExp(`role="tab"[^>]*>${other.name} <span`));
  });
});

describe("another room's board (issue 16)", () => {
  it("cannot be posted to or opened live by a member of another room", async () => {
    const mine = await app.ctx.db.breakoutRoom.findFirstOrThrow({
      where: { sessionId: cast.session.id, members: { some: { userId: cast.memberA.id } } },
      include: { boards: true },
    });
    const other = await app.ctx.db.breakoutRoom.findFirstOrThrow({
      where: {
        sessionId: cast.session.id,
        id: { not: mine.id },
        name: { in: ["Room A", "Room B"] },
      },
      include: { boards: true, members: true },
    });
    const otherBoard = other.boards[0]!.id;
    const post = (who: string, boardId: string, text: string) =>
      postForm(app.url, path(), cookies[who]!, {
        intent: "post-idea",
        boardId,
        column: "vision",
        text,
      });
    const trespass = await post("memberA", otherBoard, "Posted into the wrong room");
    expect(trespass.status).toBe(404);
    expect(await app.ctx.db.idea.count({ where: { text: "Posted into the wrong room" } })).toBe(0);
    // Its own room's board and the facilitator's reach are unchanged.
    expect((await post("memberA", mine.boards[0]!.id, "Posted in my room")).status).toBe(200);
    const neighbour = other.members[0]!.userId;
    const neighbourCookie = await cookieFor(app.ctx, neighbour);
    const theirs = await postForm(app.url, path(), neighbourCookie, {
      intent: "post-idea",
      boardId: otherBoard,
      column: "skills",
      text: "An idea of the other room",
    });
    expect(theirs.status).toBe(200);

    const ws = `${app.url.replace("http", "ws")}/yjs/`;
    expect(await upgradeStatus(`${ws}board:${otherBoard}`, { cookie: cookies.memberA! })).toBe(403);
    expect(
      await upgradeStatus(`${ws}board:${mine.boards[0]!.id}`, { cookie: cookies.memberA! }),
    ).toBe(101);
    expect(await upgradeStatus(`${ws}board:${otherBoard}`, { cookie: cookies.facilitator! })).toBe(
      101,
    );

    const page = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(page).not.toContain("An idea of the other room");
  });
});

describe("a breakout room's notes", () => {
  it("are written by its recorder and read by its members; outsiders cannot open them", async () => {
    const { documentName } = await import("../../app/modules/documents/document-name.ts");
    const { connectProvider, upgradeStatus, waitFor } = await import("../support/realtime.ts");
    const room = await app.ctx.db.breakoutRoom.findFirstOrThrow({ where: { name: "Room A" } });
    const name = documentName.roomNotes(room.id);
    const recorder = connectProvider(app.url, name, await cookieFor(app.ctx, cast.recorder.id));
    const member = connectProvider(app.url, name, cookies.memberA!);
    await Promise.all([recorder.synced, member.synced]);
    recorder.doc.getText("probe").insert(0, "Room A: vision first");
    await waitFor(
      () => member.doc.getText("probe").toString() === "Room A: vision first",
      1_000,
      "notes",
    );
    member.doc.getText("probe").insert(0, "hack ");
    await new Promise((r) => setTimeout(r, 200));
    expect(recorder.doc.getText("probe").toString()).toBe("Room A: vision first");
    recorder.close();
    member.close();
    const outsider = await cookieFor(app.ctx, cast.outsider.id);
    const ws = `${app.url.replace("http", "ws")}/yjs/`;
    expect(await upgradeStatus(`${ws}${name}`, { cookie: outsider })).toBe(403);
    expect(await upgradeStatus(`${ws}room-notes:nosuchroom`, { cookie: cookies.memberA! })).toBe(
      404,
    );
  });
});

describe("the rooms for a video meeting (issue 18)", () => {
  it("download as Zoom's pre-assignment CSV and as plain lists, for facilitators only", async () => {
    const zoom = await fetch(`${app.url}${path()}/rooms.csv`, {
      headers: { cookie: cookies.facilitator! },
    });
    expect(zoom.status).toBe(200);
    expect(zoom.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await zoom.arrayBuffer());
    // UTF-8 with no byte order mark: Zoom would read it as part of the first column's name.
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8", { fatal: true }).decode(bytes).split("\r\n");
    expect(lines[0]).toBe("Pre-assign Room Name,Email Address");
    const rows = lines.slice(1).filter(Boolean);
    const assigned = await app.ctx.db.breakoutRoomMember.findMany({
      where: { room: { sessionId: cast.session.id } },
      select: { room: { select: { name: true } }, user: { select: { email: true } } },
    });
    expect(assigned.length).toBeGreaterThanOrEqual(8);
    expect(rows.sort()).toEqual(assigned.map((a) => `${a.room.name},${a.user.email}`).sort());

    const lists = await fetch(`${app.url}${path()}/rooms.txt`, {
      headers: { cookie: cookies.facilitator! },
    });
    const text = await lists.text();
    expect(text).toContain(`Room A\r\n`);
    expect(text).toContain(`${cast.memberA.name} <${cast.memberA.email}>`);

    for (const who of ["memberA", "outsider"]) {
      for (const file of ["rooms.csv", "rooms.txt"]) {
        const refused = await fetch(`${app.url}${path()}/${file}`, {
          headers: { cookie: cookies[who]! },
        });
        expect(refused.status, `${who} ${file}`).toBeGreaterThanOrEqual(403);
        expect(refused.status, `${who} ${file}`).toBeLessThan(500);
      }
    }
  });
});

describe("the session's video meeting link (issue 18)", () => {
  it("is set by a facilitator, web addresses only, and shown to everyone", async () => {
    const set = (who: string, meetingUrl: string) =>
      postForm(app.url, path(), cookies[who]!, { intent: "meeting-link", meetingUrl });
    const hostile = await set("facilitator", "javascript:alert(1)");
    expect(hostile.status).toBe(400);
    expect(await hostile.text()).toContain("sessionForm.errors.meetingUrl");
    expect((await set("memberA", "https://zoom.us/j/123")).status).toBe(403);
    const url = "https://zoom.us/j/98765432100?pwd=abc";
    expect((await set("facilitator", url)).status).toBe(200);
    const page = await (
      await fetch(`${app.url}${path()}`, { headers: { cookie: cookies.memberA! } })
    ).text();
    expect(page).toContain(`href="${url.replace("&", "&amp;")}"`);
    expect(page).toContain("Join the video meeting");
    expect((await set("facilitator", "")).status).toBe(200);
    const session = await app.ctx.db.session.findUniqueOrThrow({ where: { id: cast.session.id } });
    expect(session.meetingUrl).toBeNull();
  });
});
