import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { readIdeas } from "../../app/modules/board/board-doc.ts";
import { issueFormToken } from "../../app/modules/comment-period/form-token.server.ts";
import { DEMO_PASSWORD } from "../../app/modules/demo/demo.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { readSessionState } from "../../app/modules/session/session-doc.ts";
import { COMMENT_ROUTE_ID } from "../../server/comment-intake-route.ts";
import { freshDatabase } from "../support/app.ts";
import { formClient } from "../support/http.ts";
import { exited, type ServerProcess, startServerProcess } from "../support/process.ts";
import { connectProvider, waitFor } from "../support/realtime.ts";
import { hasRedisServer, privateRedis } from "../support/services.ts";

/**
 * Two server processes on one database and one Redis, as a load balancer without sticky
 * sessions would use them: a cookie from one works on the other, people connected to
 * different processes see each other's ideas and notes, a phase moved on one is enforced on
 * the other, and after Redis restarts the rooms converge again. Redis here is a private
 * redis-server on a free port, so stopping it touches nothing else.
 */
const hasRedis = hasRedisServer;
if (!hasRedis && process.env.CI === "true")
  throw new Error("redis-server is missing: CI must test several processes on Redis");
if (!hasRedis) console.warn("scale-out tests skipped: redis-server is not installed");

let database: Awaited<ReturnType<typeof freshDatabase>>;
let redis: Awaited<ReturnType<typeof privateRedis>>;
const servers: ServerProcess[] = [];
const SLUG = "success-ready-students";

const env = () => ({
  DEMO: "true",
  DATABASE_URL: database.url,
  REDIS_URL: redis.url,
  SESSION_SECRET: "scale-out-test-secret-0123456789abcdef",
});

describe.skipIf(!hasRedis)("several server processes", () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let sessionPath = "";
  let sessionId = "";
  let boardId = "";

  beforeAll(async () => {
    database = await freshDatabase();
    redis = await privateRedis();
    // One after the other: the first migrates and loads the demo, the second finds it there.
    a = await startServerProcess(env());
    servers.push(a);
    b = await startServerProcess(env());
    servers.push(b);
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) server.child.kill("SIGKILL");
    redis?.kill();
    await database?.drop();
  });

  it("takes a session cookie made by one process on the other", async () => {
    const signedIn = await formClient(a.url).signIn("dana@demo.convene.test", DEMO_PASSWORD);
    const onB = formClient(b.url, signedIn.cookie);
    const overview = await onB.get(`/work-groups/${SLUG}`);
    expect(overview.status).toBe(200);
    sessionPath = /href="(\/work-groups\/success-ready-students\/sessions\/[a-z0-9]+)"/.exec(
      overview.html,
    )![1]!;
    sessionId = sessionPath.split("/").at(-1)!;
    const session = await onB.get(sessionPath);
    boardId = /"boards":\[\{"id":"([a-z0-9]+)"/.exec(session.html)![1]!;
  });

  it("shows an idea posted on one process to a member connected to the other within 1 s", async () => {
    const member = await formClient(b.url).signIn("maya@demo.convene.test", DEMO_PASSWORD);
    const onA = connectProvider(a.url, documentName.board(boardId), member.cookie);
    await onA.synced;
    await member.get(sessionPath);
    const sent = performance.now();
    const posted = await member.post(sessionPath, {
      intent: "post-idea",
      boardId,
      column: "vision",
      text: "One plan that every school in the district can read",
    });
    expect(posted.status).toBe(200);
    await waitFor(
      () =>
        readIdeas(onA.doc).some(
          (i) => i.text === "One plan that every school in the district can read",
        ),
      1_000,
      "the idea on the other process",
    );
    expect(performance.now() - sent).toBeLessThan(1_000);
    onA.close();
  });

  it("carries note edits both ways between processes within 1 s", async () => {
    const recorder = await formClient(a.url).signIn("riley@demo.convene.test", DEMO_PASSWORD);
    const onA = connectProvider(a.url, documentName.notes(sessionId), recorder.cookie);
    const onB = connectProvider(b.url, documentName.notes(sessionId), recorder.cookie);
    await Promise.all([onA.synced, onB.synced]);
    onA.doc.getText("probe").insert(0, "from A. ");
    await waitFor(() => onB.doc.getText("probe").toString().includes("from A."), 1_000, "A → B");
    onB.doc.getText("probe").insert(0, "from B. ");
    await waitFor(() => onA.doc.getText("probe").toString().includes("from B."), 1_000, "B → A");
    onA.close();
    onB.close();
  });

  it("closes a socket on one process when its session is signed out on the other", async () => {
    const member = await formClient(a.url).signIn("jordan@demo.convene.test", DEMO_PASSWORD);
    const socket = new WebSocket(
      `${b.url.replace("http", "ws")}/yjs/${documentName.board(boardId)}`,
      { headers: { cookie: member.cookie } },
    );
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    await member.get("/account");
    expect((await member.post("/logout", {})).status).toBe(302);
    // B checks its sockets' sign-ins every 15 seconds (server/realtime/realtime-server.ts).
    const code = await Promise.race([
      closed,
      new Promise<string>((resolve) => setTimeout(() => resolve("still open"), 20_000)),
    ]);
    expect(code).toBe(4401);
  }, 30_000);

  it("counts a rate limit over requests made to both processes", async () => {
    // Ten failed sign-ins per account per 15 minutes: six on A and four on B use them up, so
    // the next one is refused on either process (each counting alone would allow twenty).
    const guess = async (url: string) => {
      const visitor = formClient(url);
      await visitor.get("/login");
      return visitor.post("/login", { email: "sam@demo.convene.test", password: "wrong guess" });
    };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await guess(i < 6 ? a.url : b.url)).status);
    expect(statuses).toEqual(Array(10).fill(400));
    expect((await guess(a.url)).status).toBe(429);
    expect((await guess(b.url)).status).toBe(429);
  });

  it("enforces on one process the phase moved on the other", async () => {
    const facilitator = await formClient(a.url).signIn("dana@demo.convene.test", DEMO_PASSWORD);
    const page = await facilitator.get(sessionPath);
    const version = /"phaseVersion":(\d+)/.exec(page.html)![1]!;
    const member = await formClient(b.url).signIn("maya@demo.convene.test", DEMO_PASSWORD);
    const watcher = connectProvider(b.url, documentName.session(sessionId), member.cookie);
    await watcher.synced;
    const moved = await facilitator.post(sessionPath, {
      intent: "change-phase",
      phase: "rate",
      expectedVersion: version,
    });
    expect(moved.status).toBeLessThan(400);
    await waitFor(() => readSessionState(watcher.doc)?.phase === "rate", 1_000, "phase on B");
    await member.get(sessionPath);
    const late = await member.post(sessionPath, {
      intent: "post-idea",
      boardId,
      column: "vision",
      text: "Too late for the brainstorm",
    });
    expect(late.status).toBe(409);
    watcher.close();
  });

  it("converges after Redis is stopped and started again", async () => {
    const recorder = await formClient(a.url).signIn("riley@demo.convene.test", DEMO_PASSWORD);
    const onA = connectProvider(a.url, documentName.notes(sessionId), recorder.cookie);
    const onB = connectProvider(b.url, documentName.notes(sessionId), recorder.cookie);
    await Promise.all([onA.synced, onB.synced]);
    await redis.stop();
    onA.doc.getText("outage").insert(0, "typed on A while Redis was down. ");
    onB.doc.getText("outage").insert(0, "typed on B while Redis was down. ");
    await new Promise((r) => setTimeout(r, 300));
    expect(onA.doc.getText("outage").toString()).not.toContain("on B");
    await redis.start();
    const both = (text: string) => text.includes("on A while") && text.includes("on B while");
    await waitFor(() => both(onA.doc.getText("outage").toString()), 10_000, "A to converge");
    await waitFor(() => both(onB.doc.getText("outage").toString()), 10_000, "B to converge");
    // Each process logged the outage once and its recovery.
    for (const server of [a, b]) {
      expect(server.output()).toContain("redis back: resyncing open documents");
    }
    onA.close();
    onB.close();
  });

  it("loses no acknowledged idea or comment when one process is killed during a burst", async () => {
    // Ideas need the brainstorm phase again (the phase test above moved on to rating).
    const facilitator = await formClient(b.url).signIn("dana@demo.convene.test", DEMO_PASSWORD);
    const page = await facilitator.get(sessionPath);
    const version = /"phaseVersion":(\d+)/.exec(page.html)![1]!;
    const reopened = await facilitator.post(sessionPath, {
      intent: "change-phase",
      phase: "brainstorm",
      expectedVersion: version,
    });
    expect(reopened.status).toBeLessThan(400);

    const publicPage = await (await fetch(`${b.url}/public/${SLUG}`)).text();
    const periodPath = new RegExp(`/public/${SLUG}/comment-periods/[a-z0-9]+`).exec(publicPage)![0];
    const periodId = periodPath.split("/").at(-1)!;
    const members = await Promise.all(
      ["jordan", "avery", "casey"].map(async (name) => {
        const member = await formClient(b.url).signIn(`${name}@demo.convene.test`, DEMO_PASSWORD);
        await member.get(sessionPath); // for its form token
        const onA = formClient(a.url, member.cookie);
        await onA.get(sessionPath);
        return { name, member, onA };
      }),
    );
    // A member following the board on A, as a browser would be when A dies.
    const watcher = connectProvider(a.url, documentName.board(boardId), members[0]!.member.cookie);
    await watcher.synced;

    const acknowledgedIdeas: string[] = [];
    const acknowledgedComments: string[] = [];
    let killed = false;
    let retriedIdeas = 0;
    let answeredByA = 0;
    const postIdea = async (who: (typeof members)[number], i: number) => {
      const text = `Burst idea ${who.name} ${i}`;
      const idea = { intent: "post-idea", boardId, column: "resources", text };
      // Every other request goes to A, as a balancer without sticky sessions would send it.
      const client = i % 2 === 0 && !killed ? who.onA : who.member;
      // The browser's key for this draft, sent again with it after a lost answer.
      const submissionKey = `burst-${who.name}-${i}-0123456789`;
      try {
        const posted = await client.post(sessionPath, { ...idea, submissionKey });
        if (posted.status === 200) acknowledgedIdeas.push(text);
        if (client === who.onA) answeredByA++;
      } catch {
        // The connection died with A, maybe after storing the idea. The poster, whose draft
        // is kept, posts it again; the balancer sends that to B.
        retriedIdeas++;
        const again = await who.member.post(sessionPath, { ...idea, submissionKey });
        if (again.status === 200) acknowledgedIdeas.push(text);
      }
    };
    const postComment = async (i: number) => {
      const text = `Burst comment ${i}: say how small districts are measured.`;
      const body = new URLSearchParams({
        token: issueFormToken(env().SESSION_SECRET, periodId, Date.now() - 30_000),
        website: "",
        name: "Jordan Parent",
        email: "",
        stakeholderGroup: "Parents",
        region: "Southwest",
        sections: "1",
        comment: text,
      });
      const url = i % 2 === 0 && !killed ? a.url : b.url;
      try {
        const answer = await fetch(
          `${url}${periodPath}?_data=${encodeURIComponent(COMMENT_ROUTE_ID)}`,
          {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body,
          },
        );
        const json = (await answer.json()) as { receipt?: { trackingNumber: string } | null };
        if (answer.status === 200 && json.receipt?.trackingNumber) acknowledgedComments.push(text);
      } catch {
        // Not acknowledged.
      }
    };
    const burst: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      for (const who of members) burst.push(postIdea(who, i));
      if (i < 16) burst.push(postComment(i), postComment(100 + i));
      if (i === 8) {
        // Mid-burst, once A has answered some: A dies with requests in flight.
        await waitFor(() => answeredByA > 0, 5_000, "an idea answered by A");
        a.child.kill("SIGKILL");
        killed = true;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(burst);
    await exited(a.child);
    // Every idea, its first answer lost or not, was acknowledged in the end.
    expect(answeredByA).toBeGreaterThan(0);
    expect(retriedIdeas).toBeGreaterThan(0);
    expect(acknowledgedIdeas.length).toBe(60);
    expect(acknowledgedComments.length).toBeGreaterThan(16);

    // Every acknowledged one is stored exactly once.
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const ideas = await db.query<{ text: string; n: number }>(
        `SELECT text, count(*)::int AS n FROM "Idea" WHERE text LIKE 'Burst idea %' GROUP BY text`,
      );
      const ideaCount = new Map(ideas.rows.map((r) => [r.text, r.n]));
      for (const text of acknowledgedIdeas) expect(ideaCount.get(text), text).toBe(1);
      const comments = await db.query<{ body: string; n: number }>(
        `SELECT body, count(*)::int AS n FROM "Comment" WHERE body LIKE 'Burst comment %' GROUP BY body`,
      );
      const commentCount = new Map(comments.rows.map((r) => [r.body, r.n]));
      for (const text of acknowledgedComments) expect(commentCount.get(text), text).toBe(1);
      // Nothing is stored twice, acknowledged or not.
      expect([...ideaCount.values(), ...commentCount.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await db.end();
    }

    // The watcher's browser reconnects to the surviving process and sees every idea.
    const onB = connectProvider(b.url, documentName.board(boardId), members[0]!.member.cookie);
    Y.applyUpdate(onB.doc, Y.encodeStateAsUpdate(watcher.doc));
    watcher.close();
    await onB.synced;
    const missing = () => {
      const texts = new Set(readIdeas(onB.doc).map((idea) => idea.text));
      return acknowledgedIdeas.filter((text) => !texts.has(text));
    };
    // Eventually, not fast: how fast is the scale-out benchmark's question, and under the
    // whole suite's load on two cores the resync after a kill took over 5 s twice.
    await waitFor(() => missing().length === 0, 15_000, "every acknowledged idea on B").catch(
      (error: Error) => {
        // Say which ideas are missing, for whoever has to find out why.
        throw new Error(`${error.message}: missing ${JSON.stringify(missing())}`);
      },
    );
    onB.close();
  });
});
