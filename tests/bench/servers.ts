import { createServer, type IncomingMessage } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

/**
 * The two servers the bench compares, each started the same way whether it runs in a child
 * process (server-child.ts) or in the bench's own process. Modules are imported lazily so the
 * process that only runs clients never loads the app.
 */

export type ServerKind = "ours" | "stock";

/** Everything the clients need, plain data so it can cross the IPC channel. */
export type ServerInfo = {
  kind: ServerKind;
  /** What the y-websocket provider is given as its server URL (the room is appended). */
  wsServerUrl: string;
  room: string;
  /** One cookie per watching client (ours: 200 distinct members); empty for the stock server. */
  clientCookies: string[];
  /** ours only: the members who post ideas, and where the post-idea form goes. */
  posters: { cookie: string; csrf: string }[];
  postUrl: string;
  boardId: string;
  /** What ran, for the report. */
  description: string;
};

export type RunningServer = { info: ServerInfo; close(): Promise<void> };

export const BENCH_CSRF = "bench-csrf-token";
const ROUTE_ID = "routes/work-groups.$slug.sessions.$sessionId";

/**
 * Our server: the real startAppServer (Remix build, realtime server, SQLite through Prisma),
 * production mode, on a fresh database. Seeds one work group with `clients` members (each a
 * distinct person with their own cookie), of whom the first `posters` post the ideas.
 */
export async function startOurs(options: {
  databaseUrl: string;
  clients: number;
  posters: number;
}): Promise<RunningServer> {
  const { startAppServer } = await import("../../server/app-server.ts");
  const { loadConfig } = await import("../../server/config.ts");
  const { hashPassword } = await import("../../app/modules/auth/password.server.ts");
  const { documentName } = await import("../../app/modules/documents/document-name.ts");

  const config = loadConfig({
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    DEMO: "false",
    LOG_LEVEL: "warn",
  });
  const app = await startAppServer(config);
  const { db, authSessions } = app.ctx;

  // One real argon2 hash shared by everyone: nobody signs in with it, the cookie is made below.
  const passwordHash = await hashPassword("bench password, never used");
  const program = await db.program.create({ data: { slug: "bench", name: "Bench program" } });
  const workGroup = await db.workGroup.create({
    data: { programId: program.id, slug: "bench-wg", name: "Bench work group" },
  });
  const userIds: string[] = [];
  for (let i = 0; i < Math.max(options.clients, options.posters); i++) {
    const user = await db.user.create({
      data: { name: `Bench Member ${i}`, email: `member${i}@bench.example.org`, passwordHash },
      select: { id: true },
    });
    await db.membership.create({
      data: { workGroupId: workGroup.id, userId: user.id, role: "member" },
    });
    userIds.push(user.id);
  }
  const session = await db.session.create({
    data: {
      workGroupId: workGroup.id,
      title: "Bench session",
      startsAt: new Date("2026-12-01T15:00:00Z"),
      timeZone: "America/Chicago",
      format: "virtual",
    },
  });
  const board = await db.board.create({ data: { sessionId: session.id, title: "Bench board" } });

  // The cookie a signed-in browser sends, made by the app's own session storage (as
  // cookieFor in tests/support/app.ts does).
  const cookieFor = async (userId: string) => {
    const s = await authSessions.getSession();
    s.set("userId", userId);
    s.set("csrf", BENCH_CSRF);
    return (await authSessions.commitSession(s)).split(";")[0]!;
  };
  const cookies: string[] = [];
  for (const id of userIds) cookies.push(await cookieFor(id));

  // The page's post-idea form is a fetcher.Form: with JavaScript, the browser posts it to the
  // page URL with ?_data=<route id> and gets the action's JSON back (no page render).
  const path = `/work-groups/${workGroup.slug}/sessions/${session.id}`;
  const postUrl = `${app.url}${path}?_data=${encodeURIComponent(ROUTE_ID)}`;
  return {
    info: {
      kind: "ours",
      wsServerUrl: `${app.url.replace(/^http/, "ws")}/yjs`,
      room: documentName.board(board.id),
      clientCookies: cookies.slice(0, options.clients),
      posters: cookies.slice(0, options.posters).map((cookie) => ({ cookie, csrf: BENCH_CSRF })),
      postUrl,
      boardId: board.id,
      description:
        "startAppServer (server/app-server.ts), NODE_ENV=production, fresh SQLite (WAL, synchronous=FULL)",
    },
    close: () => app.close(),
  };
}

/**
 * The plain stock server, as @y/websocket-server 0.1.1's own bin (src/server.js) runs it:
 * an HTTP server whose upgrades go to setupWSConnection, with the `ws` the package depends on
 * (its own 6.x copy, not the app's 8.x). No auth, no persistence (YPERSISTENCE unset).
 */
export async function startStock(): Promise<RunningServer> {
  const { setupWSConnection } = await import("@y/websocket-server/utils");
  const requireFromStock = createRequire(import.meta.resolve("@y/websocket-server/utils"));
  const StockWs = requireFromStock("ws") as {
    Server: new (options: {
      noServer: true;
    }) => {
      handleUpgrade(
        req: IncomingMessage,
        socket: Duplex,
        head: Buffer,
        cb: (ws: unknown) => void,
      ): void;
      on(event: "connection", listener: (ws: unknown, req: IncomingMessage) => void): void;
      emit(event: "connection", ws: unknown, req: IncomingMessage): boolean;
      clients: Set<{ terminate(): void }>;
      close(): void;
    };
  };
  const wsVersion = (requireFromStock("ws/package.json") as { version: string }).version;
  const wss = new StockWs.Server({ noServer: true });
  wss.on("connection", (ws, req) => setupWSConnection(ws as never, req));
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("okay");
  });
  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    info: {
      kind: "stock",
      wsServerUrl: `ws://127.0.0.1:${port}`,
      room: "bench-board",
      clientCookies: [],
      posters: [],
      postUrl: "",
      boardId: "",
      description: `@y/websocket-server 0.1.1 setupWSConnection with its own ws ${wsVersion}, no auth, no persistence`,
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
