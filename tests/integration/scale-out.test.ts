import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readIdeas } from "../../app/modules/board/board-doc.ts";
import { DEMO_PASSWORD } from "../../app/modules/demo/demo.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { readSessionState } from "../../app/modules/session/session-doc.ts";
import { freshDatabase } from "../support/app.ts";
import { formClient } from "../support/http.ts";
import { exited, type ServerProcess, startServerProcess } from "../support/process.ts";
import { connectProvider, waitFor } from "../support/realtime.ts";
import { freePort } from "../support/services.ts";

/**
 * Two server processes on one database and one Redis, as a load balancer without sticky
 * sessions would use them: a cookie from one works on the other, people connected to
 * different processes see each other's ideas and notes, a phase moved on one is enforced on
 * the other, and after Redis restarts the rooms converge again. Redis here is a private
 * redis-server on a free port, so stopping it touches nothing else.
 */
const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!hasRedis && process.env.CI === "true")
  throw new Error("redis-server is missing: CI must test several processes on Redis");
if (!hasRedis) console.warn("scale-out tests skipped: redis-server is not installed");

let database: Awaited<ReturnType<typeof freshDatabase>>;
let redis: ChildProcess | undefined;
let redisPort = 0;
const servers: ServerProcess[] = [];
const SLUG = "success-ready-students";

async function startRedis() {
  redis = spawn("redis-server", [
    "--port",
    String(redisPort),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
  ]);
  await waitFor(
    () =>
      spawnSync("redis-cli", ["-p", String(redisPort), "ping"])
        .stdout?.toString()
        .includes("PONG"),
    5_000,
    "redis to answer",
  );
}

const env = () => ({
  DEMO: "true",
  DATABASE_URL: database.url,
  REDIS_URL: `redis://127.0.0.1:${redisPort}`,
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
    redisPort = await freePort();
    await startRedis();
    // One after the other: the first migrates and loads the demo, the second finds it there.
    a = await startServerProcess(env());
    servers.push(a);
    b = await startServerProcess(env());
    servers.push(b);
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) server.child.kill("SIGKILL");
    redis?.kill("SIGKILL");
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
    redis!.kill("SIGTERM");
    await exited(redis!);
    onA.doc.getText("outage").insert(0, "typed on A while Redis was down. ");
    onB.doc.getText("outage").insert(0, "typed on B while Redis was down. ");
    await new Promise((r) => setTimeout(r, 300));
    expect(onA.doc.getText("outage").toString()).not.toContain("on B");
    await startRedis();
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
});
