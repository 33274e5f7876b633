/**
 * Comment intake (`npm run bench -- --only intake`): public comments posted through the real
 * route (the page's script posts with ?_data=, as a browser with JavaScript does), accepted
 * and durably stored per second, and time to receipt. Target: at least 2,000 durable
 * comments/s on SQLite with p99 under 300 ms and zero loss.
 *
 * Beside it, in the same run, on the same machine and database engine (intake-baselines.ts):
 * a bare Express form POST (no storage: the ceiling of HTTP and form parsing here) and a
 * naive path with one insert per request. Then the same against PostgreSQL (127.0.0.1:5432,
 * when reachable). Each server runs in its own child process; the clients run here, closed
 * loop: `concurrency` connections, each posting again as soon as it has its answer.
 *
 * Each comment comes from its own address (X-Forwarded-For, the server trusting one proxy as
 * behind nginx), so the per-address limit, which a real crowd would not reach, does not turn
 * the bench into a rate-limit test. After each run every receipt is looked up in the
 * database: a receipt without its comment is a loss.
 *
 * Then a flash crowd: an open-loop `flashRate` submissions per second for `flashSeconds`
 * (sent whether or not answers come back), where every answer must be a receipt for a stored
 * comment or 429 with Retry-After, never a 5xx.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { issueFormToken } from "../../app/modules/comment-period/form-token.server.ts";
import { COMMENT_ROUTE_ID } from "../../server/comment-intake-route.ts";
import { parseDatabaseUrl } from "../../server/config.ts";
import { createDb } from "../../server/db.ts";
import { hasNginx, startNginx } from "../support/nginx.ts";
import {
  benchProcessNote,
  CpuWindow,
  LINE,
  ms,
  percentile,
  type StartOptions,
  startServer,
  target,
} from "./harness.ts";
import type { ServerInfo, ServerKind } from "./servers.ts";
import { freshPostgresDatabase, freshSqliteDatabase } from "./setup.ts";

export type IntakeOptions = {
  /** Seconds each closed-loop run lasts, after `warmupSeconds`. */
  seconds: number;
  warmupSeconds: number;
  concurrency: number;
  /** The flash crowd: submissions per second sent open loop, and for how long (0: none). */
  flashRate: number;
  flashSeconds: number;
  /** Also measure against PostgreSQL at this URL's server (skipped when unreachable). */
  postgresUrl: string;
};

type Answer = { status: number; ms: number; tracking?: string; retryAfter?: string };

let sequence = 0;
/** Why requests failed without an answer (connection errors), by message. */
const failures = new Map<string, number>();

function commentBody(info: ServerInfo) {
  const n = ++sequence;
  const token = info.comments?.secret
    ? issueFormToken(info.comments.secret, info.comments.periodId, Date.now() - 10_000)
    : "none";
  return new URLSearchParams({
    token,
    website: "",
    name: "",
    email: "",
    stakeholderGroup: "Parents",
    region: "Central",
    sections: String(1 + (n % 2)),
    comment: `Comment ${n}: districts need more time and support for the needs assessment in section 2.`,
  }).toString();
}

function post(agent: http.Agent, url: URL, body: string, client: number): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "x-forwarded-for": `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const answer: Answer = {
            status: response.statusCode ?? 0,
            ms: performance.now() - started,
          };
          if (answer.status === 200) {
            const text = Buffer.concat(chunks).toString("utf8");
            answer.tracking = /"trackingNumber":"([^"]+)"/.exec(text)?.[1];
          }
          const retryAfter = response.headers["retry-after"];
          if (retryAfter) answer.retryAfter = String(retryAfter);
          resolve(answer);
        });
      },
    );
    request.on("error", (error) => {
      failures.set(error.message, (failures.get(error.message) ?? 0) + 1);
      resolve({ status: 0, ms: performance.now() - started });
    });
    request.end(body);
  });
}

function targetUrl(info: ServerInfo) {
  if (info.kind === "ours") {
    const origin = new URL(info.postUrl).origin;
    return new URL(`${origin}${info.comments!.path}?_data=${encodeURIComponent(COMMENT_ROUTE_ID)}`);
  }
  return new URL(info.postUrl);
}

/** `concurrency` connections posting back to back for `seconds`. */
async function closedLoop(info: ServerInfo, concurrency: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = targetUrl(info);
  const answers: Answer[] = [];
  const until = performance.now() + seconds * 1000;
  let client = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        answers.push(await post(agent, url, commentBody(info), ++client));
      }
    }),
  );
  const wallMs = performance.now() - started;
  agent.destroy();
  return { answers, wallMs };
}

/** Every receipt looked up: how many have no stored comment. */
async function lostReceipts(databaseUrl: string, answers: Answer[]) {
  const tracking = answers.filter((a) => a.tracking).map((a) => a.tracking!);
  const db = createDb(parseDatabaseUrl(databaseUrl));
  try {
    let found = 0;
    for (let i = 0; i < tracking.length; i += 500) {
      found += await db.comment.count({
        where: { trackingNumber: { in: tracking.slice(i, i + 500) } },
      });
    }
    return { receipts: tracking.length, lost: tracking.length - found };
  } finally {
    await db.$disconnect();
  }
}

type Row = {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: string;
  lost: number | null;
  cpu: string;
};

async function measureServer(
  kind: ServerKind,
  databaseUrl: string,
  options: IntakeOptions,
  start: StartOptions,
): Promise<Row & { info: ServerInfo }> {
  const server = await startServer(
    kind,
    {
      databaseUrl,
      members: 1,
      boards: 1,
      commentPeriod: true,
      env: { TRUST_PROXY: "1" },
    },
    start,
  );
  try {
    await closedLoop(server.info, options.concurrency, options.warmupSeconds);
    const cpu = new CpuWindow(server.pid);
    const { answers, wallMs } = await closedLoop(server.info, options.concurrency, options.seconds);
    const figures = cpu.stop();
    const ok = answers.filter((a) => a.status === 200);
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const loss = kind === "bare-express" ? null : (await lostReceipts(databaseUrl, ok)).lost;
    return {
      info: server.info,
      label: kind,
      perSecond: (ok.length / wallMs) * 1000,
      p50: percentile(
        ok.map((a) => a.ms),
        50,
      ),
      p99: percentile(
        ok.map((a) => a.ms),
        99,
      ),
      statuses: [...byStatus].map(([status, count]) => `${status}×${count}`).join(" "),
      lost: loss,
      cpu: `server ${((figures.serverMs / figures.windowMs) * 100).toFixed(0)}% of a core, clients ${((figures.benchMs / figures.windowMs) * 100).toFixed(0)}%; ${benchProcessNote(figures)}`,
    };
  } finally {
    await server.close();
  }
}

async function flashCrowd(
  databaseUrl: string,
  options: IntakeOptions,
  start: StartOptions,
  viaNginx: boolean,
) {
  // Through nginx there are two proxies: the crowd's own X-Forwarded-For (each comment from
  // its own address, as above), then nginx's.
  const env = { TRUST_PROXY: viaNginx ? "2" : "1" };
  const server = await startServer(
    "ours",
    { databaseUrl, members: 1, boards: 1, commentPeriod: true, env },
    start,
  );
  const direct = targetUrl(server.info);
  // README's nginx file in front, as deployed, with room for the crowd's connections.
  const nginx = viaNginx
    ? await startNginx([Number(direct.port)], { workerConnections: 8_192, accessLog: false })
    : null;
  try {
    // Many people at once: enough connections that the crowd queues at the server, not here.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2_000 });
    const url = nginx ? new URL(`${direct.pathname}${direct.search}`, nginx.base) : direct;
    const pending: Promise<Answer>[] = [];
    const started = performance.now();
    let client = 0;
    // Open loop: each millisecond tick sends what the rate owes by now, answered or not.
    while (performance.now() - started < options.flashSeconds * 1000) {
      const owed = Math.floor(((performance.now() - started) / 1000) * options.flashRate);
      while (pending.length < owed)
        pending.push(post(agent, url, commentBody(server.info), ++client));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const sentMs = performance.now() - started;
    const answers = await Promise.all(pending);
    agent.destroy();
    const count = (test: (a: Answer) => boolean) => answers.filter(test).length;
    const receipts = answers.filter((a) => a.status === 200);
    const { lost } = await lostReceipts(databaseUrl, receipts);
    return {
      sent: answers.length,
      sentRate: (answers.length / sentMs) * 1000,
      receipts: receipts.length,
      refused: count((a) => a.status === 429 && a.retryAfter !== undefined),
      refusedWithout: count((a) => a.status === 429 && a.retryAfter === undefined),
      serverErrors: count((a) => a.status >= 500),
      failed: count((a) => a.status === 0),
      other: count((a) => a.status !== 200 && a.status !== 429 && a.status < 500 && a.status !== 0),
      lost,
      p50: percentile(
        answers.map((a) => a.ms),
        50,
      ),
      p99: percentile(
        answers.map((a) => a.ms),
        99,
      ),
      failures: [...failures].map(([m, n]) => `${m} ×${n}`),
    };
  } finally {
    await nginx?.remove();
    await server.close();
  }
}

async function postgresReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function printRows(title: string, rows: Row[], baseline: Row) {
  console.log(`\n${title}`);
  console.log(
    `  ${"path".padEnd(14)}${"stored/s".padStart(10)}${"× bare".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}  lost  answers`,
  );
  for (const row of rows) {
    console.log(
      `  ${row.label.padEnd(14)}${row.perSecond.toFixed(0).padStart(10)}${(row.perSecond / baseline.perSecond).toFixed(2).padStart(8)}${ms(row.p50).padStart(9)}${ms(row.p99).padStart(9)}  ${String(row.lost ?? "-").padStart(4)}  ${row.statuses}`,
    );
    console.log(`  ${"".padEnd(14)}${row.cpu}`);
  }
}

export async function runIntake(options: IntakeOptions, start: StartOptions) {
  console.log(`\n${LINE}\nComment intake: public comments through the real route\n${LINE}`);
  console.log(
    `${options.concurrency} connections, closed loop, ${options.warmupSeconds} s warm-up then ${options.seconds} s measured per path; each comment from its own address.`,
  );
  const engines: { name: string; fresh: () => Promise<{ url: string; drop(): unknown }> }[] = [
    { name: "SQLite (WAL, synchronous=FULL)", fresh: async () => freshSqliteDatabase() },
  ];
  if (await postgresReachable(options.postgresUrl)) {
    engines.push({
      name: "PostgreSQL (127.0.0.1, default durability: synchronous_commit on)",
      fresh: () => freshPostgresDatabase(options.postgresUrl),
    });
  } else {
    console.log(`PostgreSQL at ${options.postgresUrl} is not reachable: measured on SQLite only.`);
  }
  const bare = await measureServer("bare-express", "", options, start);
  let sqliteOurs: Row | null = null;
  for (const engine of engines) {
    const rows: Row[] = [bare];
    for (const kind of ["naive-insert", "ours"] as const) {
      const database = await engine.fresh();
      try {
        const row = await measureServer(kind, database.url, options, start);
        rows.push({ ...row, label: kind === "ours" ? "ours (route)" : kind });
        if (kind === "ours" && engine === engines[0]) sqliteOurs = row;
      } finally {
        await database.drop();
      }
    }
    printRows(engine.name, rows, bare);
  }
  if (sqliteOurs) {
    console.log("\nTargets (SQLite):");
    target(
      "durable comments/s ≥ 2,000",
      sqliteOurs.perSecond.toFixed(0),
      sqliteOurs.perSecond >= 2000,
    );
    target("p99 time to receipt < 300 ms", `${ms(sqliteOurs.p99)} ms`, sqliteOurs.p99 < 300);
    target("receipts without a stored comment: 0", String(sqliteOurs.lost), sqliteOurs.lost === 0);
  }
  if (options.flashSeconds > 0) {
    for (const viaNginx of hasNginx ? [false, true] : [false]) {
      const database = freshSqliteDatabase();
      try {
        failures.clear();
        const flash = await flashCrowd(database.url, options, start, viaNginx);
        const where = viaNginx
          ? "behind nginx (server/deploy/nginx.conf: 2,000 comments/s for the site, then 429 from nginx)"
          : "straight to the app";
        console.log(
          `\nFlash crowd on SQLite, ${where}: ${options.flashRate}/s asked for ${options.flashSeconds} s, open loop; ${flash.sent} sent (${flash.sentRate.toFixed(0)}/s reached by this client process)`,
        );
        console.log(
          `  receipts ${flash.receipts}, 429 with Retry-After ${flash.refused}, 429 without ${flash.refusedWithout}, 5xx ${flash.serverErrors}, connection failures ${flash.failed}, other ${flash.other}; p50 answer ${ms(flash.p50)} ms, p99 ${ms(flash.p99)} ms`,
        );
        if (flash.failures.length > 0)
          console.log(`  connection failures: ${flash.failures.join(", ")}`);
        target("no 5xx", String(flash.serverErrors), flash.serverErrors === 0);
        target("no connection failures", String(flash.failed), flash.failed === 0);
        target(
          "every 429 has Retry-After",
          String(flash.refusedWithout),
          flash.refusedWithout === 0,
        );
        target("receipts without a stored comment: 0", String(flash.lost), flash.lost === 0);
        target("p99 answer (receipt or 429) < 2 s", `${ms(flash.p99)} ms`, flash.p99 < 2_000);
      } finally {
        database.drop();
      }
    }
  }
}
