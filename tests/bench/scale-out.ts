/**
 * Scale-out (`npm run bench -- --only scaleout`): what a second process costs and gives, on
 * one PostgreSQL database and a private Redis, all in one run.
 *
 * Delivery: an idea posted over HTTP until it is in the "ideas" map of every y-websocket
 * client on its board (as fanout.ts measures it).
 *   - one process: every client and every post on process A (the baseline);
 *   - two processes: half the clients on A and half on B, posts alternating between them, so
 *     half of every idea's audience is on the other process (through Redis pub/sub and a
 *     rebuild of the board from the database there). Reported for every client and for the
 *     clients on the other process alone.
 * Target: the two-process p99 at most 20 ms over the one-process p99.
 *
 * Throughput: signed-in session page loads (Remix render and queries), closed loop, against A
 * alone and then spread over A and B. On this 2-core machine the load generator shares the
 * cores, so this is what a second process gives here, not on a larger machine.
 *
 * Options: --scaleout-clients 100 --scaleout-ideas 200 --scaleout-warmup 20
 *          --scaleout-seconds 5 --scaleout-concurrency 32 (and --intake-postgres for the server)
 */
import { performance } from "node:perf_hooks";
import { KNOSTER_COLUMNS } from "../../app/modules/board/knoster.ts";
import { privateRedis } from "../support/services.ts";
import { ArrivalTracker, type Client, closeAll, connectAll } from "./clients.ts";
import {
  clientsLine,
  LINE,
  ms,
  pad,
  percentile,
  type ServerHandle,
  type StartOptions,
  sleep,
  startServer,
  target,
} from "./harness.ts";
import { freshPostgresDatabase } from "./setup.ts";

export type ScaleOutOptions = {
  clients: number;
  ideas: number;
  warmup: number;
  seconds: number;
  concurrency: number;
  postgresUrl: string;
};

/** Posters per phase, each posting under the idea limit (30 a minute per person). */
const POSTERS = 10;
const IDEA_TIMEOUT_MS = 10_000;
const SETTLE_MS = 1_000;
const TARGET_EXTRA_P99_MS = 20;

type Phase = { all: number[]; otherProcess: number[] };

const originOf = (wsServerUrl: string) => wsServerUrl.replace(/^ws/, "http").replace(/\/yjs$/, "");

async function postIdea(
  postUrl: string,
  cookie: string,
  csrf: string,
  boardId: string,
  text: string,
  n: number,
) {
  const response = await fetch(postUrl, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      csrf,
      intent: "post-idea",
      boardId,
      column: KNOSTER_COLUMNS[n % KNOSTER_COLUMNS.length]!,
      text,
    }),
  });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`idea ${n}: the post-idea form got ${response.status}: ${body.slice(0, 200)}`);
}

/**
 * One phase: clients connected to the given processes in turn, ideas posted to the given
 * processes in turn; returns each idea's time to all clients, and to the clients on a process
 * other than the one it was posted to.
 */
async function deliver(
  a: ServerHandle,
  wsUrls: string[],
  postOrigins: string[],
  board: number,
  posterOffset: number,
  options: ScaleOutOptions,
): Promise<Phase> {
  const { info } = a;
  const cookieOf = (i: number) => info.clientCookies[2 * POSTERS + i];
  const groups = await Promise.all(
    wsUrls.map((url, g) =>
      connectAll(Math.ceil(options.clients / wsUrls.length), url, info.rooms[board]!, (i) =>
        cookieOf(g * Math.ceil(options.clients / wsUrls.length) + i),
      ),
    ),
  );
  const clients: Client[] = groups.flat();
  const processOf = groups.flatMap((group, g) => group.map(() => g));
  const tracker = new ArrivalTracker(clients);
  await sleep(SETTLE_MS);
  const path = new URL(info.postUrl).pathname + new URL(info.postUrl).search;
  const result: Phase = { all: [], otherProcess: [] };
  try {
    for (let n = 0; n < options.warmup + options.ideas; n++) {
      const text = `Scale-out idea ${board}-${n}: a shared calendar for every district`;
      const target = n % postOrigins.length;
      const round = tracker.expect(text, IDEA_TIMEOUT_MS);
      const t0 = performance.now();
      await postIdea(
        `${postOrigins[target]}${path}`,
        info.clientCookies[posterOffset + (n % POSTERS)]!,
        info.csrf,
        info.boardIds[board]!,
        text,
        n,
      );
      const complete = await round.done;
      if (n < options.warmup) continue;
      const arrivals = [...round.arrivals];
      result.all.push(complete ? Math.max(...arrivals) - t0 : Number.POSITIVE_INFINITY);
      const elsewhere = arrivals.filter((_, i) => processOf[i] !== target);
      if (elsewhere.length > 0)
        result.otherProcess.push(
          elsewhere.some(Number.isNaN) ? Number.POSITIVE_INFINITY : Math.max(...elsewhere) - t0,
        );
    }
  } finally {
    closeAll(clients);
  }
  return result;
}

/** Session page loads per second, closed loop, spread over the given origins in turn. */
async function pageThroughput(
  a: ServerHandle,
  origins: string[],
  options: ScaleOutOptions,
): Promise<{ perSecond: number; p99: number; failures: number }> {
  const { info } = a;
  const path = new URL(info.postUrl).pathname;
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const until = performance.now() + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const n = next++;
      const t0 = performance.now();
      const response = await fetch(`${origins[n % origins.length]}${path}`, {
        headers: { cookie: info.clientCookies[n % info.clientCookies.length]! },
      });
      await response.arrayBuffer();
      if (response.status === 200) latencies.push(performance.now() - t0);
      else failures++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / seconds, p99: percentile(latencies, 99), failures };
}

export async function runScaleOut(options: ScaleOutOptions, start: StartOptions) {
  console.log(`\n${LINE}\nScale-out: one process against two on PostgreSQL and Redis\n${LINE}`);
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  try {
    database = await freshPostgresDatabase(options.postgresUrl);
  } catch (error) {
    console.log(`PostgreSQL at ${options.postgresUrl} is not reachable: not measured (${error}).`);
    return;
  }
  const redis = await privateRedis();
  const servers: ServerHandle[] = [];
  try {
    const members = options.clients + 2 * POSTERS;
    const a = await startServer(
      "ours",
      { databaseUrl: database.url, members, boards: 2, env: { REDIS_URL: redis.url } },
      start,
    );
    servers.push(a);
    const originA = originOf(a.info.wsServerUrl);
    console.log(a.info.description);
    console.log(clientsLine(options.clients));
    console.log(
      `${options.ideas} ideas (after ${options.warmup} warm-up) posted one at a time by ${POSTERS} members; Redis: a private redis-server`,
    );

    const one = await deliver(a, [a.info.wsServerUrl], [originA], 0, 0, options);
    const pagesOne = await pageThroughput(a, [originA], options);

    const b = await startServer(
      "ours",
      {
        databaseUrl: database.url,
        members: 0,
        boards: 0,
        env: { REDIS_URL: redis.url },
        attach: true,
      },
      start,
    );
    servers.push(b);
    const originB = originOf(b.info.wsServerUrl);
    const two = await deliver(
      a,
      [a.info.wsServerUrl, b.info.wsServerUrl],
      [originA, originB],
      1,
      POSTERS,
      options,
    );
    const pagesTwo = await pageThroughput(a, [originA, originB], options);

    const row = (label: string, values: number[]) =>
      console.log(
        `  ${label.padEnd(44)}${pad(ms(percentile(values, 50)), 8)}${pad(ms(percentile(values, 95)), 8)}${pad(ms(percentile(values, 99)), 8)}`,
      );
    console.log(
      `\n  delivery: post → in every client's map (ms)${pad("p50", 5)}${pad("p95", 8)}${pad("p99", 8)}`,
    );
    row("one process (baseline)", one.all);
    row("two processes, every client", two.all);
    row("two processes, clients on the other process", two.otherProcess);
    const extra = percentile(two.all, 99) - percentile(one.all, 99);
    console.log(
      `\n  page loads (${options.concurrency} at a time, ${options.seconds} s)     per second    p99 ms  failures`,
    );
    console.log(
      `  one process                                 ${pad(pagesOne.perSecond.toFixed(0), 10)}${pad(ms(pagesOne.p99), 10)}${pad(String(pagesOne.failures), 10)}`,
    );
    console.log(
      `  two processes                               ${pad(pagesTwo.perSecond.toFixed(0), 10)}${pad(ms(pagesTwo.p99), 10)}${pad(String(pagesTwo.failures), 10)}  (${(pagesTwo.perSecond / pagesOne.perSecond).toFixed(2)}×)`,
    );
    console.log("");
    target(
      `cross-process p99 ≤ one-process +${TARGET_EXTRA_P99_MS} ms`,
      `${extra >= 0 ? "+" : ""}${extra.toFixed(1)} ms`,
      extra <= TARGET_EXTRA_P99_MS,
    );
  } finally {
    for (const server of servers.reverse()) await server.close();
    redis.kill();
    await database.drop();
  }
}
