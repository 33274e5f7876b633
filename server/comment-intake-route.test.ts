import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMENT_ROUTE_ID, commentGate } from "./comment-intake-route.ts";
import { COMMENTS_IN_FLIGHT_AT_MOST } from "./limiters.ts";

describe("the comment form's gate, in front of everything else", () => {
  let late = false;
  /** Requests the gate let through are held open here until released. */
  const held: (() => void)[] = [];
  const gate = commentGate(() => late);
  const server = createServer((req, res) => {
    if (gate.refused(req, res)) return;
    req.resume();
    held.push(() => res.end("passed"));
    if (!req.url?.includes("hold")) held.pop()!();
  });
  let base = "";
  beforeAll(async () => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    for (const release of held) release();
    server.close();
  });

  const fast = `?_data=${encodeURIComponent(COMMENT_ROUTE_ID)}`;
  const post = (path: string, type = "application/x-www-form-urlencoded") =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": type },
      body: "comment=Hi",
    });

  it("answers the comment form's posts 429 at once while the event loop runs late", async () => {
    late = true;
    const refused = await post(`/public/district/comment-periods/p1${fast}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(refused.headers.get("x-remix-response")).toBe("yes");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.json()).toEqual({
      receipt: null,
      problem: "comment.busy",
      retryAfter: 2,
      token: null,
      reply: null,
    });
    // Pages, other forms and the form posted without JavaScript go on, late or not.
    for (const answer of [
      await fetch(`${base}/public/district/comment-periods/p1${fast}`),
      await post("/public/district/comment-periods/p1"),
      await post(`/public/district/comment-periods/p1${fast}`, "multipart/form-data; boundary=x"),
      await post(`/work-groups/district/sessions/s1${fast}`),
    ])
      expect(await answer.text()).toBe("passed");
    late = false;
    const passed = await post(`/public/district/comment-periods/p1${fast}`);
    expect(await passed.text()).toBe("passed");
  });

  it("answers 429 once as many comments as it works on at once are in flight", async () => {
    late = false;
    const path = `/public/district/comment-periods/p1/${fast}&hold`;
    const pending = Array.from({ length: COMMENTS_IN_FLIGHT_AT_MOST }, () => post(path));
    await expect.poll(() => held.length, { timeout: 5_000 }).toBe(COMMENTS_IN_FLIGHT_AT_MOST);
    expect((await post(path)).status).toBe(429);
    // One finishes: one more may come in.
    held.shift()!();
    expect((await pending[0]!).status).toBe(200);
    const next = post(path);
    await expect.poll(() => held.length, { timeout: 5_000 }).toBe(COMMENTS_IN_FLIGHT_AT_MOST);
    for (const release of held.splice(0)) release();
    expect((await next).status).toBe(200);
    await Promise.all(pending);
  });
});
