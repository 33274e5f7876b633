import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { Redis } from "ioredis";
import {
  authCookieName,
  createAuthSessionStorage,
} from "../app/modules/auth/auth-session.server.ts";
import { createSignInProviders } from "../app/modules/auth/sign-in-providers.server.ts";
import { CommentIntake } from "../app/modules/comment-period/intake-queue.server.ts";
import { scheduleOverdueDigests } from "../app/modules/improvement-plan/digest.server.ts";
import type { AppContext } from "../app/utils/app-context.ts";
import { COMMENT_FORM_PATH, commentGate, commentIntakeRoute } from "./comment-intake-route.ts";
import { type Config, projectRoot } from "./config.ts";
import { databaseAnswers, watchDatabase } from "./database-health.ts";
import { createDb, prepareDb } from "./db.ts";
import {
  COMMENTS_SHED_AT_EVENT_LOOP_DELAY_MS,
  COMMENTS_WAITING_AT_MOST,
  createLimiters,
  DATABASE_RETRY_AFTER_SECONDS,
  LISTEN_BACKLOG,
  MAX_COMMENT_UPLOAD_BYTES,
  MAX_FORM_BYTES,
  SATURATED_RETRY_AFTER_SECONDS,
  SATURATION_HOLD_MS,
  SATURATION_SAMPLE_MS,
  UPLOADS_IN_FLIGHT_AT_MOST,
} from "./limiters.ts";
import { type Saturation, watchSaturation } from "./load-shedding.ts";
import { createLogger, type Logger } from "./log.ts";
import { createMailer } from "./mailer.ts";
import { createMetrics } from "./metrics.ts";
import { prismaDocumentStore } from "./realtime/document-store.ts";
import { RealtimeServer, refuseUpgrade } from "./realtime/realtime-server.ts";
import { redisRelay } from "./realtime/relay.ts";
import { contentSecurityPolicyHeaders, privateUnlessPublic } from "./security-headers.ts";

export type AppServer = {
  ctx: AppContext;
  realtime: RealtimeServer;
  url: string;
  close(): Promise<void>;
};

export async function loadBuild(): Promise<ServerBuild> {
  const file = path.join(projectRoot, "build", "index.js");
  return (await import(pathToFileURL(file).href)) as ServerBuild;
}

/** Everything a request needs, built once per process. */
/** The public comment form's address, which alone may post files. */
export async function createAppContext(
  config: Config,
  log: Logger,
  realtimeOf: () => RealtimeServer,
  shared: { redis: Redis | null; commentWriteFailed: () => void },
) {
  const db = createDb(config.database);
  await prepareDb(db, config.database);
  const database = watchDatabase(db, log, DATABASE_RETRY_AFTER_SECONDS);
  const ctx: AppContext = {
    config,
    db,
    database,
    log,
    authSessions: createAuthSessionStorage(config.sessionSecret, config.env === "production"),
    mailer: createMailer(config.smtp, log),
    signInProviders: createSignInProviders(config.signIn, log),
    limiters: createLimiters(shared.redis),
    intake: new CommentIntake(
      db,
      config.database.provider,
      log,
      COMMENTS_WAITING_AT_MOST,
      (error) => {
        shared.commentWriteFailed();
        return database.failed(error);
      },
    ),
    live: {
      change: (name, apply) => realtimeOf().change(name, apply),
      stored: (name) => realtimeOf().stored(name),
      disconnectUser: (userId) => realtimeOf().disconnectUser(userId),
      disconnectSignIns: (ids) => realtimeOf().disconnectSignIns(ids),
    },
  };
  return ctx;
}

/** Why work is turned away for now (503), when to come back, and what people are told. */
const FOR_NOW = {
  database: {
    retryAfter: DATABASE_RETRY_AFTER_SECONDS,
    message:
      "Convene cannot reach its database just now. Nothing you saved is lost; try again in a few seconds.",
  },
  saturated: {
    retryAfter: SATURATED_RETRY_AFTER_SECONDS,
    message: "Convene is very busy just now. Try again in a few seconds.",
  },
} as const;

function answerForNow(res: express.Response, reason: keyof typeof FOR_NOW) {
  res
    .status(503)
    .set({ "Retry-After": String(FOR_NOW[reason].retryAfter), "Cache-Control": "no-store" })
    .type("text/plain")
    .send(FOR_NOW[reason].message);
}

/**
 * One process: the Remix app over HTTP and the Yjs websocket endpoint on the same port.
 * Resolves once listening.
 */
export async function startAppServer(
  config: Config,
  options: { build?: ServerBuild; log?: Logger } = {},
): Promise<AppServer> {
  const log = options.log ?? createLogger(config.logLevel, config.env === "production");
  let realtime: RealtimeServer | undefined;
  // With REDIS_URL, every process serving the same database shares open documents' changes
  // and presence through Redis, so a room may span processes (no sticky sessions needed), and
  // counts rate limits there. The relay keeps two connections of its own; this one is for
  // counters and readiness. It queues nothing while Redis is down (the limiters fall back to
  // counting in memory) and stays quiet: the relay logs an outage once.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : null;
  redis?.on("error", () => undefined);
  let commentWriteFailed = () => {};
  const ctx = await createAppContext(config, log, () => realtime!, {
    redis,
    commentWriteFailed: () => commentWriteFailed(),
  });
  const relay = config.redisUrl ? redisRelay(config.redisUrl, log) : null;
  // Started once listening (below): loading the build blocks the loop, which is not load.
  let saturation: Saturation | undefined;
  const metrics = createMetrics({
    connections: () => realtime?.connectionCount ?? 0,
    documents: () => realtime?.documentCount ?? 0,
    intakeDepth: () => ctx.intake.depth,
    eventLoopDelayMs: () => saturation?.delayMs ?? 0,
  });
  commentWriteFailed = () => metrics.storeFailed("comments");
  realtime = new RealtimeServer({
    db: ctx.db,
    log,
    authSessions: ctx.authSessions,
    store: metrics.countingStore(prismaDocumentStore(ctx.db, config.database.provider)),
    appUrl: config.appUrl,
    relay,
    database: ctx.database,
  });
  /** Why new work is turned away now, if it is: the database is down, or this process is full. */
  const shedding = (method: string | undefined): keyof typeof FOR_NOW | null =>
    ctx.database.down
      ? "database"
      : saturation?.saturated && (method === "GET" || method === "HEAD")
        ? "saturated"
        : null;

  // Behind a proxy with TRUST_PROXY=0, every request seems to come from the proxy: each
  // per-address limit (sign-ins, comments, registrations) then holds for everyone at once.
  // A forwarding header is how a proxy shows itself, so its first one is worth a warning;
  // once per process, as the cause is the configuration, not the request.
  let proxyNoticed = config.trustProxy > 0;
  const noticeUntrustedProxy = (req: express.Request) => {
    if (proxyNoticed) return;
    const forwarded = ["x-forwarded-for", "forwarded", "x-real-ip"].find((h) => h in req.headers);
    if (!forwarded) return;
    proxyNoticed = true;
    log.warn(
      `a request carries ${forwarded}, as requests through a reverse proxy do, but TRUST_PROXY is 0: rate limits then count every client behind the proxy as one address. Behind a proxy, set TRUST_PROXY to the number of proxies in front (TRUST_PROXY=1 behind one nginx, as in server/deploy/nginx.conf).`,
      { header: forwarded, peer: req.socket.remoteAddress },
    );
  };

  const app = express();
  let uploadsInFlight = 0;
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  // Node's own parser for req.query (only the comment fast path reads it): qs, the default,
  // cost 2 % of a comment's time and offers nesting nobody here uses.
  app.set("query parser", "simple");
  app.use(contentSecurityPolicyHeaders());
  app.use((req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    // A malformed %-escape is the request's fault: 400 here, before Remix warns about it.
    try {
      decodeURIComponent(req.path);
    } catch {
      res.status(400).type("text/plain").send("That address is not valid.");
      return;
    }
    // The peer address for rate limits; whatever a client sent under this name is replaced.
    req.headers["x-convene-client-address"] = req.ip ?? "unknown";
    noticeUntrustedProxy(req);
    // A cross-site form post is refused before it reaches an action (readForm checks the
    // token as well; this stops it even where a route forgot to).
    if (
      req.method !== "GET" &&
      req.method !== "HEAD" &&
      req.headers["sec-fetch-site"] === "cross-site"
    ) {
      res.status(403).type("text/plain").send("Cross-site form posts are refused.");
      return;
    }
    // Remix reads a whole form into memory: bound it before it starts. Browsers always send
    // Content-Length with a form, so a body without one is refused rather than counted.
    if (req.method !== "GET" && req.method !== "HEAD") {
      const length = Number(req.headers["content-length"] ?? Number.NaN);
      if (Number.isNaN(length)) {
        res.status(411).type("text/plain").send("Send the form with a Content-Length.");
        return;
      }
      // A public comment may carry files (comment-period/attachments.server.ts): its form
      // may be larger, and only a few such bodies are read at once, so memory stays bounded.
      const upload =
        req.method === "POST" &&
        COMMENT_FORM_PATH.test(req.path) &&
        Boolean(req.is("multipart/form-data"));
      if (length > (upload ? MAX_COMMENT_UPLOAD_BYTES : MAX_FORM_BYTES)) {
        res.status(413).type("text/plain").send("That form is too large.");
        return;
      }
      if (upload && length > MAX_FORM_BYTES) {
        if (uploadsInFlight >= UPLOADS_IN_FLIGHT_AT_MOST) {
          res
            .status(503)
            .set("Retry-After", "10")
            .type("text/plain")
            .send("Many files are arriving just now. Send your comment again in a few seconds.");
          return;
        }
        uploadsInFlight++;
        res.once("close", () => uploadsInFlight--);
      }
    }
    next();
  });
  app.use(metrics.commands());
  // Probes for a process manager or load balancer.
  let draining = false;
  app.get("/healthz", (_req, res) => {
    res.status(200).json({ status: "alive" });
  });
  app.get("/readyz", async (_req, res) => {
    const notReady = (reason: string) =>
      res.status(503).set("Retry-After", "5").json({ status: "not ready", reason });
    if (draining) return notReady("shutting down");
    const [database, redisAnswers] = await Promise.all([
      databaseAnswers(ctx.db),
      redis
        ? redis.ping().then(
            () => true,
            () => false,
          )
        : true,
    ]);
    if (!database) return notReady("database unreachable");
    if (!redisAnswers) return notReady("redis unreachable");
    res.status(200).json({ status: "ready" });
  });
  app.get("/metrics", metrics.endpoint(config.metricsToken));
  app.use(
    "/build",
    express.static(path.join(projectRoot, "public", "build"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.join(projectRoot, "public"), { maxAge: "1h" }));
  // Load shedding: new work is turned away at once with a time to come back, rather than
  // queued behind a database that is not answering or an event loop already running late.
  app.use((req, res, next) => {
    const reason = shedding(req.method);
    if (!reason) return next();
    metrics.shed(reason);
    answerForNow(res, reason);
  });
  app.use(privateUnlessPublic(authCookieName(config.env === "production")));
  app.use(commentIntakeRoute(ctx, MAX_FORM_BYTES));
  // app.use, not app.all("*"): a route pattern makes Express decode the path, and a malformed
  // %-escape would become a 500 before Remix could answer 404.
  app.use(
    createRequestHandler({
      build: options.build ?? (await loadBuild()),
      // Always production: errors reach the browser as a calm page, never with a stack trace
      // (the server log has it). `npm start` runs without NODE_ENV=production too.
      mode: "production",
      getLoadContext: () => ctx,
    }),
  );

  // Last resort for errors outside Remix's own handling: logged once, a calm page, no stack.
  app.use(
    (error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
      if (res.headersSent) return res.end();
      // Express marks what is the request's fault (a malformed URL, a bad body) with a 4xx.
      const status = (error as { status?: number } | null)?.status;
      if (status && status >= 400 && status < 500) {
        res.status(status).type("text/plain").send("That request could not be understood.");
        return;
      }
      if (ctx.database.failed(error)) return answerForNow(res, "database");
      log.error("request failed outside the app", { path: req.path, error: String(error) });
      res
        .status(500)
        .type("text/plain")
        .send("Something went wrong on our side. Try again in a moment.");
    },
  );

  // Comments are turned away sooner than page loads: a comment refused is kept by the page
  // and sent again in two seconds, while everyone already waiting is answered in time.
  const commentsLateAtMs = Math.min(
    config.shedAtEventLoopDelayMs,
    COMMENTS_SHED_AT_EVENT_LOOP_DELAY_MS,
  );
  const gate = commentGate(
    () => commentsLateAtMs > 0 && (saturation?.delayMs ?? 0) > commentsLateAtMs,
  );
  const server = createServer((req, res) => {
    if (!gate.refused(req, res)) app(req, res);
  });
  server.on("upgrade", (req, socket, head) => {
    const reason = shedding("GET");
    if (!reason) return realtime.handleUpgrade(req, socket, head);
    metrics.shed(reason);
    refuseUpgrade(socket, 503, "Try again in a few seconds", FOR_NOW[reason].retryAfter);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () =>
      resolve(),
    );
  });
  saturation = watchSaturation(
    config.shedAtEventLoopDelayMs,
    SATURATION_SAMPLE_MS,
    SATURATION_HOLD_MS,
  );
  // The weekly digest of overdue action steps; test servers send theirs when a test says so.
  const digests = config.env === "test" ? null : scheduleOverdueDigests(ctx);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    ctx,
    realtime,
    url,
    close() {
      closing ??= (async () => {
        draining = true;
        server.close();
        await realtime.close();
        await digests?.stop();
        // Comments already accepted are written before the database closes.
        await ctx.intake.drain();
        server.closeAllConnections();
        await relay?.close();
        await redis?.quit().catch(() => undefined);
        saturation?.close();
        ctx.database.close();
        await ctx.db.$disconnect();
      })();
      return closing;
    },
  };
}
