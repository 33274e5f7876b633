import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readIdeas } from "../../app/modules/board/board-doc.ts";
import { DEMO_PASSWORD } from "../../app/modules/demo/demo.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { COMMENT_ROUTE_ID } from "../../server/comment-intake-route.ts";
import { freshDatabase } from "../support/app.ts";
import { formClient } from "../support/http.ts";
import { DEPLOY_CONFIG, hasNginx, NGINX, type RunningNginx, startNginx } from "../support/nginx.ts";
import { type ServerProcess, startServerProcess } from "../support/process.ts";
import { connectProvider, upgradeStatus, waitFor } from "../support/realtime.ts";
import { freePort, hasRedisServer, privateRedis } from "../support/services.ts";

/**
 * README's nginx configuration (server/deploy/nginx.conf) in front of two server processes on
 * one PostgreSQL database and a private Redis: pages, sign-in and live documents all go
 * through nginx, which spreads requests over both processes. The file is used as it is, except
 * for what a test machine must change: the upstream ports, listening on free local ports, and
 * plain HTTP instead of TLS (there is no certificate here).
 */
const root = path.resolve(import.meta.dirname, "../..");
const hasRedis = hasRedisServer;
if (process.env.CI === "true" && !hasNginx)
  throw new Error(`${NGINX} is missing: CI must test nginx in front of two processes`);
if (process.env.CI === "true" && !hasRedis)
  throw new Error("redis-server is missing: CI must test nginx in front of two processes");
if (!hasNginx) console.warn(`nginx tests skipped: ${NGINX} is missing (apt-get install nginx)`);
else if (!hasRedis) console.warn("nginx tests skipped: redis-server is not installed");

const SLUG = "success-ready-students";
const METRICS_TOKEN = "nginx-test-metrics-token-0123456789";

describe.skipIf(!hasNginx || !hasRedis)("nginx in front of two processes", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let redis: Awaited<ReturnType<typeof privateRedis>> | undefined;
  let nginx: RunningNginx | undefined;
  const servers: ServerProcess[] = [];
  let base = "";
  let redirectBase = "";
  let appPorts: [number, number] = [0, 0];

  /**
   * Which app port served each request nginx logged whose address matches `uri`, once there
   * are `count` of them (nginx writes a line when a request has finished).
   */
  const servedBy = (uri: RegExp, count: number) =>
    waitFor(
      () => {
        const lines = nginx!
          .accessLog()
          .split("\n")
          .filter((line) => uri.test(line.split(" ")[3] ?? ""));
        return (
          lines.length >= count &&
          lines.map((line) => Number(/^127\.0\.0\.1:(\d+) /.exec(line)?.[1]))
        );
      },
      2_000,
      `nginx to log ${count} requests to ${uri}`,
    );

  beforeAll(async () => {
    database = await freshDatabase();
    const started = await privateRedis();
    redis = started;
    const [sitePort, portA, portB] = [await freePort(), await freePort(), await freePort()];
    appPorts = [portA, portB];
    // The site's address is the processes' APP_URL: known before nginx starts.
    base = `http://127.0.0.1:${sitePort}`;
    const env = (port: number) => ({
      PORT: String(port),
      DEMO: "true",
      DATABASE_URL: database!.url,
      REDIS_URL: started.url,
      SESSION_SECRET: "nginx-test-secret-0123456789abcdef0123",
      TRUST_PROXY: "1",
      APP_URL: base,
      METRICS_TOKEN: METRICS_TOKEN,
    });
    // One after the other: the first migrates and loads the demo, the second finds it there.
    servers.push(await startServerProcess(env(portA)));
    servers.push(await startServerProcess({ ...env(portB), SKIP_MIGRATE: "true" }));

    // One comment a second (and one more at once) in place of the file's 2,000, so that a
    // handful of posts is a crowd.
    nginx = await startNginx(appPorts, { sitePort, commentsPerSecond: 1 });
    redirectBase = nginx.redirectBase;
  }, 120_000);

  afterAll(async () => {
    await nginx?.remove();
    for (const server of servers) server.child.kill("SIGKILL");
    redis?.kill();
    await database?.drop();
  });

  it("is the configuration README shows", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toContain(readFileSync(DEPLOY_CONFIG, "utf8").trim());
  });

  it("sends plain HTTP to HTTPS", async () => {
    const response = await fetch(`${redirectBase}/public/${SLUG}?lang=es`, { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(`https://127.0.0.1/public/${SLUG}?lang=es`);
  });

  it("serves pages from both processes", async () => {
    for (let i = 0; i < 4; i++) {
      const home = await fetch(`${base}/?probe=home`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("Convene");
      const page = await fetch(`${base}/public/${SLUG}?probe=public`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Success-Ready Students Work Group");
    }
    const served = await servedBy(/\?probe=(home|public)$/, 8);
    expect(served).toHaveLength(8);
    expect(new Set(served)).toEqual(new Set(appPorts));
  });

  it("tells browsers to use HTTPS only, from the TLS server alone", async () => {
    // The test runs the TLS server block over plain HTTP: the header is what it sends.
    for (const path of ["/", `/public/${SLUG}`, "/no-such-page"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.headers.get("strict-transport-security")).toBe(
        "max-age=63072000; includeSubDomains",
      );
    }
    const redirect = await fetch(`${redirectBase}/`, { redirect: "manual" });
    expect(redirect.headers.get("strict-transport-security")).toBeNull();
  });

  it("keeps /metrics to the processes' own ports", async () => {
    const authorization = `Bearer ${METRICS_TOKEN}`;
    const proxied = await fetch(`${base}/metrics`, { headers: { authorization } });
    expect(proxied.status).toBe(404);
    await proxied.body?.cancel();
    for (const server of servers) {
      const direct = await fetch(`${server.url}/metrics`, { headers: { authorization } });
      expect(direct.status).toBe(200);
      expect(await direct.text()).toContain("convene_websocket_connections");
    }
  });

  it("signs in through nginx, and the cookie works on whichever process answers", async () => {
    const facilitator = await formClient(base).signIn("dana@demo.convene.test", DEMO_PASSWORD);
    expect(facilitator.cookie).toMatch(/^__Host-convene=/);
    for (let i = 0; i < 4; i++) {
      const overview = await facilitator.get(`/work-groups/${SLUG}?probe=signed-in`);
      expect(overview.status).toBe(200);
      expect(overview.html).toContain("Sign out");
    }
    const served = await servedBy(/\?probe=signed-in$/, 4);
    expect(new Set(served)).toEqual(new Set(appPorts));
  });

  it("lets websockets through, checking their origin against APP_URL", async () => {
    const member = await formClient(base).signIn("maya@demo.convene.test", DEMO_PASSWORD);
    const overview = await member.get(`/work-groups/${SLUG}`);
    const sessionPath = new RegExp(`href="(/work-groups/${SLUG}/sessions/[a-z0-9]+)"`).exec(
      overview.html,
    )![1]!;
    const sessionId = sessionPath.split("/").at(-1)!;
    const ws = `${base.replace(/^http/, "ws")}/yjs/${documentName.session(sessionId)}`;
    expect(await upgradeStatus(ws, { cookie: member.cookie, origin: base })).toBe(101);
    expect(
      await upgradeStatus(ws, { cookie: member.cookie, origin: "https://elsewhere.example" }),
    ).toBe(403);
    expect(await upgradeStatus(ws, { origin: base })).toBe(401);
  });

  it("syncs live documents through nginx: an idea posted through it reaches a member", async () => {
    const member = await formClient(base).signIn("maya@demo.convene.test", DEMO_PASSWORD);
    const recorder = await formClient(base).signIn("riley@demo.convene.test", DEMO_PASSWORD);
    const overview = await member.get(`/work-groups/${SLUG}`);
    const sessionPath = new RegExp(`href="(/work-groups/${SLUG}/sessions/[a-z0-9]+)"`).exec(
      overview.html,
    )![1]!;
    const sessionId = sessionPath.split("/").at(-1)!;
    const session = await member.get(sessionPath);
    const boardId = /"boards":\[\{"id":"([a-z0-9]+)"/.exec(session.html)![1]!;

    const board = connectProvider(base, documentName.board(boardId), member.cookie);
    const notesA = connectProvider(base, documentName.notes(sessionId), recorder.cookie);
    const notesB = connectProvider(base, documentName.notes(sessionId), recorder.cookie);
    try {
      await Promise.all([board.synced, notesA.synced, notesB.synced]);
      const text = "A shared calendar of every district's pilot schools";
      await member.get(sessionPath);
      const posted = await member.post(sessionPath, {
        intent: "post-idea",
        boardId,
        column: "resources",
        text,
      });
      expect(posted.status).toBe(200);
      await waitFor(() => readIdeas(board.doc).some((i) => i.text === text), 2_000, "the idea");

      notesA.doc.getText("probe").insert(0, "typed through nginx. ");
      await waitFor(
        () => notesB.doc.getText("probe").toString().includes("typed through nginx"),
        2_000,
        "the note on the other socket",
      );
    } finally {
      board.close();
      notesA.close();
      notesB.close();
    }
    // nginx logs a websocket (status 101) when it closes: three sockets over two processes.
    const sockets = await servedBy(
      new RegExp(`^/yjs/(${documentName.board(boardId)}|${documentName.notes(sessionId)})$`),
      3,
    );
    expect(new Set(sockets)).toEqual(new Set(appPorts));
    expect(nginx!.accessLog().match(/ 101 GET \/yjs\//g)?.length).toBeGreaterThanOrEqual(3);
    expect(nginx!.output()).toBe("");
  });

  it("tells a crowd of comments to send again, itself, and lets pages and other posts through", async () => {
    const html = await (await fetch(`${base}/public/${SLUG}`)).text();
    const periodPath = new RegExp(`/public/${SLUG}/comment-periods/\\w+`).exec(html)?.[0];
    expect(periodPath).toBeDefined();
    const post = (query: string) =>
      fetch(`${base}${periodPath}${query}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "comment=Please+keep+the+small+schools+in+mind.",
      });
    const fastPath = `?_data=${encodeURIComponent(COMMENT_ROUTE_ID)}`;
    const crowd = await Promise.all(Array.from({ length: 8 }, () => post(fastPath)));
    const refused = crowd.filter((r) => r.status === 429);
    // One passes and one more at once; the others are answered by nginx, as the app would be.
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const answer of refused) {
      expect(answer.headers.get("retry-after")).toBe("2");
      expect(answer.headers.get("x-remix-response")).toBe("yes");
      expect(answer.headers.get("strict-transport-security")).toContain("max-age=63072000");
      expect(await answer.json()).toMatchObject({ receipt: null, problem: "comment.busy" });
    }
    // The comment page, and a form posted without JavaScript (which wants a page back), are
    // not counted.
    const pages = await Promise.all(Array.from({ length: 4 }, () => fetch(`${base}${periodPath}`)));
    expect(pages.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const plain = await Promise.all(Array.from({ length: 4 }, () => post("")));
    expect(plain.some((r) => r.status === 429)).toBe(false);
    const logged = await waitFor(
      () => {
        const lines = nginx!
          .accessLog()
          .split("\n")
          .filter((line) => line.includes(` POST ${periodPath}`));
        return lines.length >= 12 && lines;
      },
      2_000,
      "nginx to log the comment posts",
    );
    // Refused by nginx: no process was asked (no upstream address).
    const unproxied = logged.filter((line) => line.startsWith("- 429 "));
    expect(unproxied.length).toBe(refused.length);
    expect(unproxied.every((line) => line.includes("_data="))).toBe(true);
  });

  it("stops cleanly", async () => {
    await nginx!.stop();
    expect(nginx!.errorLog()).not.toMatch(/\[(emerg|alert|crit)\]/);
    for (const server of servers) expect(server.output()).not.toMatch(/"level":"error"/);
  });
});
