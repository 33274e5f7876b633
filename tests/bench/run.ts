/**
 * `npm run bench`: our realtime server against the stock @y/websocket-server 0.1.1, each
 * benchmark measuring both servers in the same run (ours, then stock), one after the other:
 *
 *   fanout     one idea to 200 clients on one board, posted over HTTP (fanout.ts)
 *   rooms      1,000 participants in 10 breakout rooms posting ideas at a compressed pace:
 *              no idea lost, p99 from command to the whole room, server peak memory (rooms.ts)
 *   plenary    1,000 clients with presence in one room: presence messages per second and
 *              server CPU across the 15 s presence renewal (plenary.ts)
 *   joinstorm  500 clients joining a ~300 KB board at once: connect → synced (join-storm.ts)
 *   public-pages  a published work group with 50 sessions and 10,000 ideas: p95 time to
 *              first byte of each public page kind against /healthz, target 100 ms; ours only
 *              (public-pages.ts)
 *   console    the facilitator's session page for 10 rooms × 100 ideas: p95 time to first
 *              byte against /healthz, target 100 ms; ours only (console.ts)
 *   plans      a program of 50 plans, 500 goals, 20,000 readings and 3,000 action steps: the
 *              plan page and the implementation view, p95 time to first byte against /healthz,
 *              target 100 ms; ours only (plans.ts)
 *   moderation a comment period of 10,000 comments (200 campaigns): the moderation queue's
 *              first page, a filtered page, a search, page 100, and a decision on 1,000
 *              matching comments, p95 time to first byte against /healthz, target 150 ms, on
 *              SQLite and PostgreSQL; ours only (moderation.ts)
 *   intake     public comments through the real route on SQLite and PostgreSQL: stored per
 *              second, p99 time to receipt and lost receipts, beside a bare Express form POST
 *              and a one-insert-per-request path; then a 10,000/s flash crowd, straight to the app
 *              and behind README's nginx file (intake.ts)
 *   guests     2,000 guests join one session by code within a minute (page, join, websocket
 *              sync), then 2,000 ideas at 100/s over 20 rooms: p99s, nothing lost, peak
 *              memory (guests.ts)
 *   scaleout   one process against two on PostgreSQL and Redis: an idea's delivery p99 to
 *              clients on the other process against one process, and page loads per second
 *              (scale-out.ts; ours only)
 *
 * Each server runs in its own child process; the clients in this one (loopback, 2 cores).
 * One benchmark needs no server (nor the production build) and ignores the server choice:
 *
 *   themes     suggested themes against the report's own grouping (ARI and NMI beside one
 *              theme, random and plain word overlap), and the themes CLI on 5,000 ideas as a
 *              whole process against its 5 s target (themes.ts)
 *
 * Options: --only <list>   comma-separated benchmarks and/or servers, e.g. --only rooms,
 *                          --only plenary,stock, --only ours (all benchmarks, ours only)
 *          --cpu-prof      write each server child's CPU profile (node --cpu-prof) to a temp dir
 *          fanout:    --clients 200 --ideas 300 --warmup 20 --posters 10 --pause-ms 10
 *                     --in-process (server and clients in this one process)
 *          rooms:     --rooms-participants 1000 --rooms-count 10 --rooms-rate 50 (ideas/s)
 *          plenary:   --plenary-clients 1000 --plenary-window 30 --plenary-join 15 (seconds)
 *          joinstorm: --joinstorm-clients 500 --joinstorm-kb 300 --joinstorm-decode-presence
 *                     (joiners apply presence like the provider, in this one process)
 *          themes:    --themes-ideas 5000 (ideas in the CLI timing run)
 *          public-pages: --public-requests 250 --public-concurrency 4 (the measured pass)
 *                     --public-sequential 100 (one at a time first; 0 skips) --public-warmup 20
 *                     --public-ideas 10000 --public-sessions 50
 *          console:   --console-rooms 10 --console-ideas 100 --console-requests 200
 *                     --console-sequential 50 --console-warmup 20 --console-concurrency 4
 *          plans:     --plans-count 50 --plans-goals 500 --plans-readings 20000
 *                     --plans-requests 200 --plans-sequential 50 --plans-warmup 20
 *                     --plans-concurrency 4
 *          moderation: --moderation-comments 10000 --moderation-campaigns 200
 *                     --moderation-requests 200 --moderation-sequential 50
 *                     --moderation-warmup 10 --moderation-concurrency 4
 *                     --moderation-decisions 20 (bulk decisions measured)
 *                     --moderation-databases sqlite,postgres
 *          intake:    --intake-seconds 10 --intake-warmup 2 --intake-concurrency 64
 *                     --intake-flash-rate 10000 --intake-flash-seconds 60 (0 skips)
 *                     --intake-postgres postgresql://postgres@127.0.0.1:5432/postgres
 *                     (also the server scaleout uses)
 *          guests:    --guests-count 2000 --guests-join 60 (seconds) --guests-rooms 20
 *                     --guests-rate 100 (ideas/s)
 *          scaleout:  --scaleout-clients 100 --scaleout-ideas 200 --scaleout-warmup 20
 *                     --scaleout-seconds 5 --scaleout-concurrency 32
 * Always exits 0 once everything selected has measured: the figures are the result. Exits 1
 * if a benchmark could not measure (setup failed, a warm-up POST was refused, clients did not
 * connect); the others still run.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runConsole } from "./console.ts";
import { runFanout } from "./fanout.ts";
import { runGuests } from "./guests.ts";
import type { StartOptions } from "./harness.ts";
import { runIntake } from "./intake.ts";
import { runJoinStorm } from "./join-storm.ts";
import { runModeration } from "./moderation.ts";
import { runPlans } from "./plans.ts";
import { runPlenary } from "./plenary.ts";
import { runPublicPages } from "./public-pages.ts";
import { runRooms } from "./rooms.ts";
import { runScaleOut } from "./scale-out.ts";
import type { ServerKind } from "./servers.ts";
import { ensureProductionBuild } from "./setup.ts";
import { runThemes } from "./themes.ts";

const { values: args } = parseArgs({
  options: {
    only: { type: "string" },
    "cpu-prof": { type: "boolean", default: false },
    clients: { type: "string", default: "200" },
    ideas: { type: "string", default: "300" },
    warmup: { type: "string", default: "20" },
    posters: { type: "string", default: "10" },
    "pause-ms": { type: "string", default: "10" },
    "in-process": { type: "boolean", default: false },
    "rooms-participants": { type: "string", default: "1000" },
    "rooms-count": { type: "string", default: "10" },
    "rooms-rate": { type: "string", default: "50" },
    "plenary-clients": { type: "string", default: "1000" },
    "plenary-window": { type: "string", default: "30" },
    "plenary-join": { type: "string", default: "15" },
    "joinstorm-clients": { type: "string", default: "500" },
    "joinstorm-kb": { type: "string", default: "300" },
    "joinstorm-decode-presence": { type: "boolean", default: false },
    "themes-ideas": { type: "string", default: "5000" },
    "plans-count": { type: "string", default: "50" },
    "plans-goals": { type: "string", default: "500" },
    "plans-readings": { type: "string", default: "20000" },
    "plans-requests": { type: "string", default: "200" },
    "plans-sequential": { type: "string", default: "50" },
    "plans-warmup": { type: "string", default: "20" },
    "plans-concurrency": { type: "string", default: "4" },
    "console-rooms": { type: "string", default: "10" },
    "console-ideas": { type: "string", default: "100" },
    "console-requests": { type: "string", default: "200" },
    "console-sequential": { type: "string", default: "50" },
    "console-warmup": { type: "string", default: "20" },
    "console-concurrency": { type: "string", default: "4" },
    "moderation-comments": { type: "string", default: "10000" },
    "moderation-campaigns": { type: "string", default: "200" },
    "moderation-requests": { type: "string", default: "200" },
    "moderation-sequential": { type: "string", default: "50" },
    "moderation-warmup": { type: "string", default: "10" },
    "moderation-concurrency": { type: "string", default: "4" },
    "moderation-decisions": { type: "string", default: "20" },
    "moderation-databases": { type: "string", default: "sqlite,postgres" },
    "public-requests": { type: "string", default: "250" },
    "public-sequential": { type: "string", default: "100" },
    "public-warmup": { type: "string", default: "20" },
    "public-concurrency": { type: "string", default: "4" },
    "public-ideas": { type: "string", default: "10000" },
    "public-sessions": { type: "string", default: "50" },
    "intake-seconds": { type: "string", default: "10" },
    "intake-warmup": { type: "string", default: "2" },
    "intake-concurrency": { type: "string", default: "64" },
    "intake-flash-rate": { type: "string", default: "10000" },
    "intake-flash-seconds": { type: "string", default: "60" },
    "guests-count": { type: "string", default: "2000" },
    "guests-join": { type: "string", default: "60" },
    "guests-rooms": { type: "string", default: "20" },
    "guests-rate": { type: "string", default: "100" },
    "scaleout-clients": { type: "string", default: "100" },
    "scaleout-ideas": { type: "string", default: "200" },
    "scaleout-warmup": { type: "string", default: "20" },
    "scaleout-seconds": { type: "string", default: "5" },
    "scaleout-concurrency": { type: "string", default: "32" },
    "intake-postgres": {
      type: "string",
      default: process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    },
  },
});

const BENCHMARKS = [
  "fanout",
  "rooms",
  "plenary",
  "joinstorm",
  "themes",
  "public-pages",
  "console",
  "plans",
  "moderation",
  "intake",
  "guests",
  "scaleout",
] as const;
type Benchmark = (typeof BENCHMARKS)[number];
/** Benchmarks that start no server, so need no production build. */
const SERVERLESS: readonly Benchmark[] = ["themes"];
const SERVERS: ServerKind[] = ["ours", "stock"];

function selection() {
  const names = (args.only ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter(
    (n) => !(BENCHMARKS as readonly string[]).includes(n) && !(SERVERS as string[]).includes(n),
  );
  if (unknown.length > 0) {
    throw new Error(
      `--only ${unknown.join(",")}: choose from ${[...BENCHMARKS, ...SERVERS].join(", ")}`,
    );
  }
  const benchmarks = BENCHMARKS.filter((b) => names.includes(b));
  const kinds = SERVERS.filter((k) => names.includes(k));
  return {
    benchmarks: benchmarks.length > 0 ? benchmarks : [...BENCHMARKS],
    kinds: kinds.length > 0 ? kinds : SERVERS,
  };
}

async function main() {
  const { benchmarks, kinds } = selection();
  const needsServer = benchmarks.some((b) => !SERVERLESS.includes(b));
  const buildNote = needsServer && kinds.includes("ours") ? ensureProductionBuild() : "";
  const start: StartOptions = {
    inProcess: false,
    cpuProf: args["cpu-prof"],
    profDir: args["cpu-prof"] ? mkdtempSync(path.join(os.tmpdir(), "convene-bench-prof-")) : "",
  };
  const runs: Record<Benchmark, () => Promise<void>> = {
    fanout: () =>
      runFanout(
        {
          clients: Number(args.clients),
          ideas: Number(args.ideas),
          warmup: Number(args.warmup),
          posters: Number(args.posters),
          pauseMs: Number(args["pause-ms"]),
        },
        kinds,
        { ...start, inProcess: args["in-process"] },
        buildNote,
      ),
    rooms: () =>
      runRooms(
        {
          participants: Number(args["rooms-participants"]),
          rooms: Number(args["rooms-count"]),
          ideasPerSecond: Number(args["rooms-rate"]),
        },
        kinds,
        start,
      ),
    plenary: () =>
      runPlenary(
        {
          clients: Number(args["plenary-clients"]),
          windowS: Number(args["plenary-window"]),
          joinS: Number(args["plenary-join"]),
        },
        kinds,
        start,
      ),
    joinstorm: () =>
      runJoinStorm(
        {
          clients: Number(args["joinstorm-clients"]),
          documentKb: Number(args["joinstorm-kb"]),
          decodePresence: args["joinstorm-decode-presence"],
        },
        kinds,
        start,
      ),
    themes: () => runThemes({ ideas: Number(args["themes-ideas"]) }),
    guests: () =>
      runGuests(
        {
          guests: Number(args["guests-count"]),
          joinS: Number(args["guests-join"]),
          rooms: Number(args["guests-rooms"]),
          ideasPerSecond: Number(args["guests-rate"]),
        },
        kinds,
        start,
      ),
    console: () =>
      runConsole(
        {
          rooms: Number(args["console-rooms"]),
          ideasPerRoom: Number(args["console-ideas"]),
          requests: Number(args["console-requests"]),
          sequential: Number(args["console-sequential"]),
          warmup: Number(args["console-warmup"]),
          concurrency: Number(args["console-concurrency"]),
        },
        kinds,
        start,
      ),
    plans: () =>
      runPlans(
        {
          plans: Number(args["plans-count"]),
          goals: Number(args["plans-goals"]),
          readings: Number(args["plans-readings"]),
          requests: Number(args["plans-requests"]),
          sequential: Number(args["plans-sequential"]),
          warmup: Number(args["plans-warmup"]),
          concurrency: Number(args["plans-concurrency"]),
        },
        kinds,
        start,
      ),
    moderation: () =>
      runModeration(
        {
          comments: Number(args["moderation-comments"]),
          campaigns: Number(args["moderation-campaigns"]),
          requests: Number(args["moderation-requests"]),
          sequential: Number(args["moderation-sequential"]),
          warmup: Number(args["moderation-warmup"]),
          concurrency: Number(args["moderation-concurrency"]),
          decisions: Number(args["moderation-decisions"]),
          postgres: args["intake-postgres"],
          databases: args["moderation-databases"],
        },
        kinds,
        start,
      ),
    "public-pages": () =>
      runPublicPages(
        {
          requests: Number(args["public-requests"]),
          sequential: Number(args["public-sequential"]),
          warmup: Number(args["public-warmup"]),
          concurrency: Number(args["public-concurrency"]),
          ideas: Number(args["public-ideas"]),
          sessions: Number(args["public-sessions"]),
        },
        kinds,
        start,
      ),
    scaleout: () =>
      runScaleOut(
        {
          clients: Number(args["scaleout-clients"]),
          ideas: Number(args["scaleout-ideas"]),
          warmup: Number(args["scaleout-warmup"]),
          seconds: Number(args["scaleout-seconds"]),
          concurrency: Number(args["scaleout-concurrency"]),
          postgresUrl: args["intake-postgres"],
        },
        start,
      ),
    intake: () =>
      runIntake(
        {
          seconds: Number(args["intake-seconds"]),
          warmupSeconds: Number(args["intake-warmup"]),
          concurrency: Number(args["intake-concurrency"]),
          flashRate: Number(args["intake-flash-rate"]),
          flashSeconds: Number(args["intake-flash-seconds"]),
          postgresUrl: args["intake-postgres"],
        },
        start,
      ),
  };
  let failed = 0;
  for (const benchmark of benchmarks) {
    try {
      await runs[benchmark]();
    } catch (error) {
      failed++;
      console.error(`\n${benchmark}: could not measure:`, error);
    }
  }
  if (start.cpuProf) console.log(`Server CPU profiles: ${start.profDir}`);
  return failed;
}

main().then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
