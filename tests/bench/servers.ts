import { createServer, type IncomingMessage } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

/**
 * The two servers the bench compares, each started the same way whether it runs in a child
 * process (server-child.ts) or in the bench's own process. Modules are imported lazily so the
 * process that only runs clients never loads the app.
 */

export type ServerKind = "ours" | "stock" | IntakeBaselineKind;
/** The intake benchmark's baselines (intake-baselines.ts). */
export type IntakeBaselineKind = "bare-express" | "naive-insert";

/** Everything the clients need, plain data so it can cross the IPC channel. */
export type ServerInfo = {
  kind: ServerKind;
  /** What the y-websocket provider is given as its server URL (the room is appended). */
  wsServerUrl: string;
  /** The live document (room) of each board, in board order. */
  rooms: string[];
  /** ours only: each board's id, in board order. */
  boardIds: string[];
  /** ours only: one cookie per member (each a distinct person); empty for the stock server. */
  clientCookies: string[];
  /** ours only: the CSRF token every member's session holds, and where the post-idea form goes. */
  csrf: string;
  postUrl: string;
  /** With `guests`: the app's address, the session's join path and page, a facilitator's cookie. */
  guests?: { appUrl: string; joinPath: string; sessionPath: string; facilitatorCookie: string };
  /** What ran, for the report. */
  description: string;
  /** With `commentPeriod`: where the feedback form posts, and the secret its tokens are signed with. */
  comments?: { path: string; periodId: string; secret: string };
  /** With `moderation`: the period's moderation queue and a moderator's cookie. */
  moderation?: { appUrl: string; queuePath: string; cookie: string; csrf: string };
  /** With `plans`: each plan's page and a facilitator's cookie. */
  plans?: { appUrl: string; planPaths: string[]; cookie: string };
};

/**
 * What a benchmark needs of the server it starts (the stock server uses `boards` only).
 * Plain data: it is handed to the server child as JSON.
 */
export type OursOptions = {
  databaseUrl: string;
  /** Distinct member accounts, each with its own cookie. */
  members: number;
  /** Boards in the one session, each its own live document. */
  boards: number;
  /**
   * One breakout room per board, the members split among them in order (members 0…k-1 in the
   * first room, and so on), as the facilitator's "add room" and auto-assign would leave them.
   */
  breakoutRooms?: boolean;
  /** Ideas stored on the first board before anyone opens it (see benchIdeas). */
  seedIdeas?: number;
  /** Ideas stored on every board (the console benchmark), authored by the members in turn. */
  seedIdeasEach?: number;
  /** A published work group with an open, published comment period (the intake benchmark). */
  commentPeriod?: boolean;
  /**
   * With `commentPeriod`: this many comments already in it, screened, `campaigns` of them form
   * letters (the moderation benchmark; see moderationComments).
   */
  moderation?: { comments: number; campaigns: number };
  /**
   * The session lets guests join by its code (the guests benchmark): a whole-group board besides
   * the rooms' boards, and a facilitator to assign rooms.
   */
  guests?: boolean;
  /** A program's improvement plans, goals, readings and action steps (plans.ts). */
  plans?: { plans: number; goals: number; readings: number };
  /** More environment for loadConfig, e.g. TRUST_PROXY. */
  env?: Record<string, string>;
  /**
   * Another process on a database an earlier startOurs seeded (the scale-out benchmark): seeds
   * nothing; the info carries this process's addresses only.
   */
  attach?: boolean;
};

export type RunningServer = { info: ServerInfo; close(): Promise<void> };

export const BENCH_CSRF = "bench-csrf-token";
const ROUTE_ID = "routes/work-groups.$slug.sessions.$sessionId";

/**
 * Our server: the real startAppServer (Remix build, realtime server, SQLite through Prisma),
 * production mode, on a fresh database. Seeds one work group with `members` members (each a
 * distinct person with their own cookie) and one session with `boards` boards.
 */
export async function startOurs(options: OursOptions): Promise<RunningServer> {
  const { startAppServer } = await import("../../server/app-server.ts");
  const { loadConfig } = await import("../../server/config.ts");
  const { hashPassword } = await import("../../app/modules/auth/password.server.ts");
  const { documentName } = await import("../../app/modules/documents/document-name.ts");

  const config = loadConfig({
    NODE_ENV: "production",
    // Required in production (server/config.ts); the benchmarks follow no emailed link.
    APP_URL: "http://convene.test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    DEMO: "false",
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const app = await startAppServer(config);
  const { db, authSessions } = app.ctx;
  if (options.attach) {
    return {
      info: {
        kind: "ours",
        wsServerUrl: `${app.url.replace(/^http/, "ws")}/yjs`,
        rooms: [],
        boardIds: [],
        clientCookies: [],
        csrf: BENCH_CSRF,
        postUrl: "",
        description: "another startAppServer process on the same database and Redis",
      },
      close: () => app.close(),
    };
  }

  // One real argon2 hash shared by everyone: nobody signs in with it, the cookie is made below.
  const passwordHash = await hashPassword("bench password, never used");
  const program = await db.program.create({ data: { slug: "bench", name: "Bench program" } });
  const workGroup = await db.workGroup.create({
    data: { programId: program.id, slug: "bench-wg", name: "Bench work group" },
  });
  const emails = Array.from({ length: options.members }, (_, i) => `member${i}@bench.example.org`);
  await db.user.createMany({
    data: emails.map((email, i) => ({ name: `Bench Member ${i}`, email, passwordHash })),
  });
  let facilitatorId: string | undefined;
  const idOf = new Map(
    (await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]),
  );
  const userIds = emails.map((email) => idOf.get(email)!);
  await db.membership.createMany({
    data: userIds.map((userId) => ({ workGroupId: workGroup.id, userId, role: "member" })),
  });
  const session = await db.session.create({
    data: {
      workGroupId: workGroup.id,
      title: "Bench session",
      startsAt: new Date("2026-12-01T15:00:00Z"),
      timeZone: "America/Chicago",
      format: "virtual",
    },
  });
  const boardIds: string[] = [];
  const perRoom = Math.ceil(options.members / options.boards);
  for (let b = 0; b < options.boards; b++) {
    let breakoutRoomId: string | undefined;
    if (options.breakoutRooms) {
      const room = await db.breakoutRoom.create({
        data: { sessionId: session.id, name: `Room ${b + 1}` },
      });
      breakoutRoomId = room.id;
      await db.breakoutRoomMember.createMany({
        data: userIds
          .slice(b * perRoom, (b + 1) * perRoom)
          .map((userId) => ({ roomId: room.id, userId })),
      });
    }
    const board = await db.board.create({
      data: { sessionId: session.id, breakoutRoomId, title: `Bench board ${b + 1}` },
    });
    boardIds.push(board.id);
  }
  if (options.seedIdeas) {
    const { benchIdeas } = await import("./ideas.ts");
    await db.idea.createMany({
      data: benchIdeas(options.seedIdeas).map((idea, n) => ({
        ...idea,
        createdAt: new Date(idea.createdAt),
        boardId: boardIds[0]!,
        authorId: userIds[n % userIds.length],
      })),
    });
  }

  if (options.seedIdeasEach) {
    const { benchIdeas } = await import("./ideas.ts");
    for (const [b, boardId] of boardIds.entries()) {
      await db.idea.createMany({
        data: benchIdeas(options.seedIdeasEach).map((idea, n) => ({
          ...idea,
          id: `${idea.id}-${b}`,
          createdAt: new Date(idea.createdAt),
          boardId,
          authorId: userIds[n % userIds.length],
        })),
      });
    }
  }

  let guests: ServerInfo["guests"];
  if (options.guests) {
    const { ensureJoinCode } = await import("../../app/modules/session/join-code.server.ts");
    const { joinPath } = await import("../../app/modules/session/join-code.ts");
    const facilitator = await db.user.create({
      data: { name: "Bench Facilitator", email: "facilitator@bench.example.org", passwordHash },
    });
    await db.membership.create({
      data: { workGroupId: workGroup.id, userId: facilitator.id, role: "facilitator" },
    });
    await db.board.create({ data: { sessionId: session.id, title: "Whole group" } });
    await db.session.update({ where: { id: session.id }, data: { guestsAllowed: true } });
    guests = {
      appUrl: app.url,
      joinPath: joinPath(await ensureJoinCode(app.ctx, session.id)),
      sessionPath: `/work-groups/${workGroup.slug}/sessions/${session.id}`,
      facilitatorCookie: "",
    };
    facilitatorId = facilitator.id;
  }

  let comments: ServerInfo["comments"];
  if (options.commentPeriod) {
    const { openBenchCommentPeriod } = await import("./intake-baselines.ts");
    const periodId = await openBenchCommentPeriod(db, workGroup.id);
    comments = {
      path: `/public/${workGroup.slug}/comment-periods/${periodId}`,
      periodId,
      secret: config.sessionSecret,
    };
  }

  let moderatorId: string | undefined;
  if (comments && options.moderation) {
    const { moderationAttachments, moderationComments } = await import("./moderation.ts");
    const { screenNewComments } = await import(
      "../../app/modules/comment-period/screening.server.ts"
    );
    const rows = moderationComments(comments.periodId, options.moderation);
    for (let i = 0; i < rows.length; i += 1_000)
      await db.comment.createMany({ data: rows.slice(i, i + 1_000) });
    const files = moderationAttachments(rows);
    for (let i = 0; i < files.length; i += 100)
      await db.commentAttachment.createMany({ data: files.slice(i, i + 100) });
    await screenNewComments(app.ctx, comments.periodId);
    const moderator = await db.user.create({
      data: { name: "Bench Moderator", email: "moderator@bench.example.org", passwordHash },
    });
    await db.membership.create({
      data: { workGroupId: workGroup.id, userId: moderator.id, role: "recorder" },
    });
    moderatorId = moderator.id;
  }

  let planner: { id: string; planIds: string[] } | undefined;
  if (options.plans) {
    const { seedBenchPlans } = await import("./plans.ts");
    const facilitator = await db.user.create({
      data: { name: "Bench Planner", email: "planner@bench.example.org", passwordHash },
    });
    await db.membership.create({
      data: { workGroupId: workGroup.id, userId: facilitator.id, role: "facilitator" },
    });
    const planIds = await seedBenchPlans(
      db,
      {
        programId: program.id,
        workGroupId: workGroup.id,
        ownerIds: userIds,
        authorId: facilitator.id,
      },
      options.plans,
    );
    planner = { id: facilitator.id, planIds };
  }

  // The cookie a signed-in browser sends, made by the app's own session storage (as
  // cookieFor in tests/support/app.ts does).
  const cookieFor = async (userId: string) => {
    const { startSignIn } = await import("../../app/modules/auth/auth-session.server.ts");
    const s = await authSessions.getSession();
    s.set("signIn", await startSignIn(app.ctx, userId));
    s.set("csrf", BENCH_CSRF);
    return (await authSessions.commitSession(s)).split(";")[0]!;
  };
  const cookies: string[] = [];
  for (const id of userIds) cookies.push(await cookieFor(id));
  if (guests && facilitatorId) guests.facilitatorCookie = await cookieFor(facilitatorId);
  const moderation =
    comments && moderatorId
      ? {
          appUrl: app.url,
          queuePath: `/work-groups/${workGroup.slug}/comment-periods/${comments.periodId}/comments`,
          cookie: await cookieFor(moderatorId),
          csrf: BENCH_CSRF,
        }
      : undefined;

  const plans = planner
    ? {
        appUrl: app.url,
        planPaths: planner.planIds.map((id) => `/work-groups/${workGroup.slug}/plans/${id}`),
        cookie: await cookieFor(planner.id),
      }
    : undefined;

  // The page's post-idea form is a fetcher.Form: with JavaScript, the browser posts it to the
  // page URL with ?_data=<route id> and gets the action's JSON back (no page render).
  const path = `/work-groups/${workGroup.slug}/sessions/${session.id}`;
  const postUrl = `${app.url}${path}?_data=${encodeURIComponent(ROUTE_ID)}`;
  return {
    info: {
      kind: "ours",
      wsServerUrl: `${app.url.replace(/^http/, "ws")}/yjs`,
      rooms: boardIds.map((id) => documentName.board(id)),
      boardIds,
      clientCookies: cookies,
      csrf: BENCH_CSRF,
      postUrl,
      description: `startAppServer (server/app-server.ts), NODE_ENV=production, ${
        config.database.provider === "sqlite"
          ? "fresh SQLite (WAL, synchronous=FULL)"
          : "fresh PostgreSQL database"
      }`,
      comments,
      guests,
      moderation,
      plans,
    },
    close: () => app.close(),
  };
}

/**
 * The plain stock server, as @y/websocket-server 0.1.1's own bin (src/server.js) runs it:
 * an HTTP server whose upgrades go to setupWSConnection, with the `ws` the package depends on
 * (its own 6.x copy, not the app's 8.x). No auth, no persistence (YPERSISTENCE unset).
 */
export async function startStock(options: Pick<OursOptions, "boards">): Promise<RunningServer> {
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
      rooms: Array.from({ length: options.boards }, (_, b) => `bench-board-${b}`),
      boardIds: [],
      clientCookies: [],
      csrf: "",
      postUrl: "",
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
