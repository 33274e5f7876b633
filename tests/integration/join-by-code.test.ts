import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET } from "../../app/modules/session/join-code.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { decodeQr } from "../support/qr.ts";

/** Issue 17: joining a session by its code, its link or its QR code. */
let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};
let code = "";

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
});
afterAll(() => app?.stop());

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { headers, redirect: "manual" });

describe("a session's join code", () => {
  it("is shown to facilitators with its link and a QR code that opens it", async () => {
    const page = await (await get(sessionPath(), { cookie: cookies.facilitator! })).text();
    const stored = await app.ctx.db.session.findUniqueOrThrow({ where: { id: cast.session.id } });
    code = stored.joinCode!;
    expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(page).toContain("How people join");
    expect(page).toContain(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(page).toContain(`${app.url}/join/${code}`);
    // The same code every time it is shown.
    await get(sessionPath(), { cookie: cookies.facilitator! });
    expect(
      (await app.ctx.db.session.findUniqueOrThrow({ where: { id: cast.session.id } })).joinCode,
    ).toBe(code);
    // Members do not see the panel.
    expect(await (await get(sessionPath(), { cookie: cookies.memberA! })).text()).not.toContain(
      "How people join",
    );

    const qr = await get(`/join/${code}/qr.svg`);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(decodeQr(await qr.text())).toBe(`${app.url}/join/${code}`);
    expect((await get("/join/nope/qr.svg")).status).toBe(404);
  });

  it("takes a member to their own board, through sign-in if needed", async () => {
    const anonymous = await get(`/join/${code}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/join/${code}`)}`,
    );
    const member = await get(`/join/${code.toLowerCase()}`, { cookie: cookies.memberA! });
    expect(member.status).toBe(302);
    expect(member.headers.get("location")).toBe(`${sessionPath()}#board-${cast.board.id}`);

    // In a breakout room, their room's board comes first.
    const room = await app.ctx.db.breakoutRoom.create({
      data: {
        sessionId: cast.session.id,
        name: "Room A",
        members: { create: { userId: cast.memberB.id } },
      },
    });
    const roomBoard = await app.ctx.db.board.create({
      data: { sessionId: cast.session.id, breakoutRoomId: room.id, title: "Room A" },
    });
    const inRoom = await get(`/join/${code}`, { cookie: cookies.memberB! });
    expect(inRoom.headers.get("location")).toBe(`${sessionPath()}#board-${roomBoard.id}`);
  });

  it("reads a typed code in any case and with spaces, and says what is wrong beside the field", async () => {
    const typed = await get(
      `/join?code=${encodeURIComponent(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `)}`,
    );
    expect(typed.status).toBe(302);
    expect(typed.headers.get("location")).toBe(`/join/${code}`);

    const blank = await get("/join");
    expect(blank.status).toBe(200);
    expect(await blank.text()).toContain("Join code");
    const invalid = await get("/join?code=12");
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain("Type the six letters and numbers of the code");
    expect(invalidHtml).toContain('aria-invalid="true"');

    const unknown = await get("/join/ZZZZZZ");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("No session has that code");

    const outsider = await get(`/join/${code}`, { cookie: cookies.outsider! });
    expect(outsider.status).toBe(403);
    expect(await outsider.text()).toContain("Ask the facilitator for an invite link");
  });

  it("speaks Spanish to a Spanish browser", async () => {
    const page = await (await get("/join", { "accept-language": "es-MX,es;q=0.9" })).text();
    expect(page).toContain("Unirse a una sesión");
    expect(page).toContain('lang="es"');
    const unknown = await (await get("/join/ZZZZZY?lang=es")).text();
    expect(unknown).toContain("Ninguna sesión tiene ese código");
  });

  it("pauses an address that guesses codes, right ones included", async () => {
    // Thirty codes that match nothing (counting the two above) pause the address.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await get(`/join/ABCDE${JOIN_CODE_ALPHABET[i % 29]}`)).status);
    expect(statuses.slice(0, 27).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const paused = await get(`/join/${code}`, { cookie: cookies.memberA! });
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await paused.text()).toContain("Too many codes did not match");
  });
});

describe("Live now", () => {
  it("puts a session in progress first, with one button to the person's own board", async () => {
    await app.ctx.db.session.update({
      where: { id: cast.session.id },
      data: { startsAt: new Date(Date.now() - 10 * 60_000) },
    });
    for (const path of ["/", `/work-groups/${cast.workGroup.slug}`]) {
      const html = await (await get(path, { cookie: cookies.memberA! })).text();
      expect(html, path).toContain("Live now");
      expect(html, path).toContain(`href="${sessionPath()}#board-${cast.board.id}"`);
    }
    // Yesterday's session is not live.
    await app.ctx.db.session.update({
      where: { id: cast.session.id },
      data: { startsAt: new Date(Date.now() - 26 * 3_600_000) },
    });
    expect(await (await get("/", { cookie: cookies.memberA! })).text()).not.toContain("Live now");
    // Nor is it for someone outside the work group.
    await app.ctx.db.session.update({
      where: { id: cast.session.id },
      data: { startsAt: new Date() },
    });
    expect(await (await get("/", { cookie: cookies.outsider! })).text()).not.toContain("Live now");
  });
});
