import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { type Cast, cookieFor, PASSWORD, startSeededApp, type TestApp } from "../support/app.ts";
import { formClient, postForm } from "../support/http.ts";
import { upgradeStatus } from "../support/realtime.ts";

/**
 * Issue 16, finding 6: a session ends on the server. A cookie copied before sign-out, sign out
 * everywhere or a password reset signs nobody in afterwards, and live connections opened under
 * it are closed at once; so are a removed member's.
 */
let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
});
afterAll(() => app?.stop());

const boardSocket = () =>
  `${app.url.replace("http", "ws")}/yjs/${documentName.board(cast.board.id)}`;

/** A live connection as a browser holds it; resolves its close code when the server ends it. */
async function openSocket(cookie: string) {
  const ws = new WebSocket(boardSocket(), { headers: { cookie } });
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return { ws, closed };
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms),
    ),
  ]);

const signedInAs = async (cookie: string) =>
  (await (
    await fetch(`${app.url}/account`, { headers: { cookie }, redirect: "manual" })
  ).status) === 200;

describe("ending a session", () => {
  it("sign-out kills a copied cookie and closes its live connection", async () => {
    const browser = await formClient(app.url).signIn(cast.memberA.email, PASSWORD);
    const copied = browser.cookie;
    expect(await signedInAs(copied)).toBe(true);
    const socket = await openSocket(copied);
    await browser.get("/account");
    const out = await browser.post("/logout", {});
    expect(out.status).toBe(302);
    expect(await within(socket.closed, 2_000, "the socket closing")).toBe(4401);
    // The attacker's copy, taken before sign-out, no longer works: not for pages, not for sockets.
    expect(await signedInAs(copied)).toBe(false);
    expect(await upgradeStatus(boardSocket(), { cookie: copied })).toBe(401);
  });

  it("sign out everywhere ends every browser's session and live connection", async () => {
    const laptop = await formClient(app.url).signIn(cast.memberB.email, PASSWORD);
    const phone = await formClient(app.url).signIn(cast.memberB.email, PASSWORD);
    const socket = await openSocket(phone.cookie);
    const page = await laptop.get("/account");
    expect(page.html).toContain("Where you are signed in");
    expect(page.html).toContain("(this browser)");
    const done = await laptop.post("/account", { intent: "sign-out-everywhere" });
    expect(done.status).toBe(302);
    expect(await within(socket.closed, 2_000, "the phone's socket closing")).toBe(4401);
    expect(await signedInAs(phone.cookie)).toBe(false);
    expect(await signedInAs(laptop.cookie)).toBe(false);
    // The person can sign in again.
    const again = await formClient(app.url).signIn(cast.memberB.email, PASSWORD);
    expect(await signedInAs(again.cookie)).toBe(true);
  });

  it("a password reset closes sockets that were open before it", async () => {
    const before = await formClient(app.url).signIn(cast.recorder.email, PASSWORD);
    const socket = await openSocket(before.cookie);
    const asker = formClient(app.url);
    await asker.get("/forgot-password");
    await asker.post("/forgot-password", { email: cast.recorder.email });
    const logged = app.logs.map((l) => l.message).find((m) => m.includes("/reset-password/"));
    const path = new URL(/http\S+\/reset-password\/\S+/.exec(logged ?? "")![0]).pathname;
    const reset = formClient(app.url);
    await reset.get(path);
    const done = await reset.post(path, {
      password: "a new password 2",
      confirm: "a new password 2",
    });
    expect(done.status).toBe(302);
    expect(await within(socket.closed, 2_000, "the socket closing")).toBe(4401);
    expect(await signedInAs(before.cookie)).toBe(false);
  });

  it("removing someone from the work group closes their live connection and refuses it again", async () => {
    await app.ctx.db.membership.update({
      where: {
        workGroupId_userId: { workGroupId: cast.workGroup.id, userId: cast.facilitator.id },
      },
      data: { role: "owner" },
    });
    // The earlier test signed member B out everywhere: a new sign-in.
    cookies.memberB = await cookieFor(app.ctx, cast.memberB.id);
    const socket = await openSocket(cookies.memberB);
    const membership = await app.ctx.db.membership.findFirstOrThrow({
      where: { workGroupId: cast.workGroup.id, userId: cast.memberB.id },
    });
    const removed = await postForm(
      app.url,
      `/work-groups/${cast.workGroup.slug}/members`,
      cookies.facilitator!,
      { intent: "remove", membershipId: membership.id },
    );
    expect(removed.status).toBe(200);
    expect(await removed.text()).toContain("was removed from the work group");
    await within(socket.closed, 2_000, "the socket closing");
    expect(await upgradeStatus(boardSocket(), { cookie: cookies.memberB! })).toBe(403);
    const page = await fetch(
      `${app.url}/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`,
      { headers: { cookie: cookies.memberB! } },
    );
    expect(page.status).toBe(404);
    // A member cannot remove anyone, and the last owner cannot be removed.
    const byMember = await postForm(
      app.url,
      `/work-groups/${cast.workGroup.slug}/members`,
      cookies.memberA!,
      { intent: "remove", membershipId: membership.id },
    );
    expect(byMember.status).toBe(403);
    const owner = await app.ctx.db.membership.findFirstOrThrow({
      where: { workGroupId: cast.workGroup.id, userId: cast.facilitator.id },
    });
    const last = await postForm(
      app.url,
      `/work-groups/${cast.workGroup.slug}/members`,
      cookies.facilitator!,
      { intent: "remove", membershipId: owner.id },
    );
    expect(last.status).toBe(400);
    expect(await last.text()).toContain("A work group needs an owner");
  });
});
