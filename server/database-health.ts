import type { Db } from "./db.ts";
import type { Logger } from "./log.ts";

/**
 * What the process knows of its database's reachability. A query that fails because the
 * database cannot be reached (restarting, network gone) marks an outage: the outage is logged
 * once, requests are answered 503 with Retry-After instead of a 500 and a stack trace per
 * request, and a probe every second ends the outage as soon as a query works again. Any other
 * failure (a bug, a constraint) is not an outage and is left to its caller.
 */
export type DatabaseHealth = {
  /** True while the database is known to be unreachable. */
  readonly down: boolean;
  /** What a 503 during an outage tells clients to wait. */
  readonly retryAfterSeconds: number;
  /** Records an error; true when it means the database is unreachable. */
  failed(error: unknown): boolean;
  close(): void;
};

/** How the database drivers say "unreachable", through Prisma's driver adapters. */
const UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/**
 * PostgreSQL's own codes for a server going away or not yet taking connections: admin, crash
 * and cannot-connect-now shutdowns (57P0x) and connection exceptions (08xxx).
 */
const UNREACHABLE_POSTGRES_CODE = /^(57P0[1-3]|08\d{3})$/;
/** Prisma's codes for "can't reach", "timed out", "server closed the connection", pool timeout. */
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** Node's own socket errors, when one surfaces unwrapped. */
const UNREACHABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);
const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

type Cause = { kind?: unknown; code?: unknown; originalCode?: unknown };

export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, meta, cause } = e as {
      code?: unknown;
      meta?: { driverAdapterError?: { cause?: Cause } };
      cause?: unknown;
    };
    if (typeof code === "string") {
      if (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_SOCKET_CODES.has(code)) return true;
      if (UNREACHABLE_POSTGRES_CODE.test(code)) return true;
    }
    const adapterCause = meta?.driverAdapterError?.cause;
    if (adapterCause) {
      if (UNREACHABLE_KINDS.has(String(adapterCause.kind))) return true;
      const pgCode = adapterCause.originalCode ?? adapterCause.code;
      if (adapterCause.kind === "postgres" && UNREACHABLE_POSTGRES_CODE.test(String(pgCode)))
        return true;
    }
    e = cause;
  }
  return false;
}

/** One trivial query, given a bounded time: a hung database is an unreachable one. */
export async function databaseAnswers(db: Db, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function watchDatabase(db: Db, log: Logger, retryAfterSeconds: number): DatabaseHealth {
  let down = false;
  let probe: NodeJS.Timeout | undefined;
  let probing = false;
  let since = 0;
  const check = async () => {
    if (probing) return;
    probing = true;
    try {
      if (!(await databaseAnswers(db))) return;
      down = false;
      clearInterval(probe);
      probe = undefined;
      log.info("database reachable again", {
        downSeconds: Math.round((Date.now() - since) / 1000),
      });
    } finally {
      probing = false;
    }
  };
  return {
    get down() {
      return down;
    },
    retryAfterSeconds,
    failed(error) {
      if (!isDatabaseUnreachable(error)) return false;
      if (!down) {
        down = true;
        since = Date.now();
        log.error("database unreachable: answering 503 until it is back", {
          error: error instanceof Error ? error.message.split("\n").at(-1) : String(error),
        });
        probe = setInterval(() => void check(), PROBE_EVERY_MS);
        probe.unref();
      }
      return true;
    },
    close() {
      clearInterval(probe);
    },
  };
}
