/**
 * The facilitator's console (`npm run bench -- --only console`): the session page as a
 * facilitator opens it, for a session of 10 breakout rooms with 100 ideas on each room's board
 * (and the whole group's, empty). Target: p95 time to first byte under 100 ms, beside GET
 * /healthz in the same passes and connections (Express answers it before Remix), so the ratio
 * shows what the page itself costs. Ours only: the stock server has no pages.
 *
 * The real server (startAppServer, production build, its own child process, fresh SQLite),
 * seeded by startOurs: 50 members split over the rooms, a facilitator whose cookie the
 * requests carry. Page timing as in public-pages.ts (pages.ts): a warm-up, one at a time,
 * then a closed loop with a few in flight.
 */
import {
  benchProcessNote,
  LINE,
  ms,
  noiseNote,
  type StartOptions,
  startServer,
  target,
} from "./harness.ts";
import { type KindResult, measureKind, type PageKind, passTables, ttfbP95 } from "./pages.ts";
import type { ServerKind } from "./servers.ts";
import { freshSqliteDatabase } from "./setup.ts";

export type ConsoleOptions = {
  rooms: number;
  ideasPerRoom: number;
  requests: number;
  sequential: number;
  warmup: number;
  concurrency: number;
};

const TARGET_P95_MS = 100;
const MEMBERS = 50;

export async function runConsole(
  options: ConsoleOptions,
  kinds: ServerKind[],
  start: StartOptions,
) {
  if (!kinds.includes("ours")) {
    console.log("Console: only our server has the console; skipped (--only stock).");
    return;
  }
  const database = freshSqliteDatabase();
  try {
    console.log("Console: seeding and starting…");
    const server = await startServer(
      "ours",
      {
        databaseUrl: database.url,
        members: MEMBERS,
        boards: options.rooms,
        breakoutRooms: true,
        guests: true,
        seedIdeasEach: options.ideasPerRoom,
      },
      start,
    );
    const results: KindResult[] = [];
    try {
      const guests = server.info.guests!;
      const origin = new URL(guests.appUrl).origin;
      const kinds: PageKind[] = [
        { name: "baseline /healthz", path: () => "/healthz", mustContain: "alive" },
        {
          name: `console (${options.rooms}×${options.ideasPerRoom})`,
          path: () => guests.sessionPath,
          headers: { cookie: guests.facilitatorCookie },
          mustContain: "Session controls",
        },
      ];
      for (const kind of kinds) {
        results.push(await measureKind(origin, kind, options, server.pid));
      }
    } finally {
      await server.close();
    }
    console.log(`\n${LINE}`);
    console.log(
      `Console: one session, ${options.rooms} breakout rooms × ${options.ideasPerRoom} ideas, as its facilitator`,
    );
    console.log(LINE);
    console.log(`Server:  ${server.info.description}`);
    console.log(
      `Load:    ${options.warmup} warm-up, ${options.sequential} one at a time, then ${options.requests} with ${options.concurrency} in flight (closed loop), per page`,
    );
    passTables(results, options, TARGET_P95_MS);
    const windows = results.map((r) => r.concurrent.cpu);
    const worst = windows.reduce((a, b) => (b.loopDelayP99Ms > a.loopDelayP99Ms ? b : a));
    console.log(`\nBench:   ${benchProcessNote(worst)} (worst pass)`);
    noiseNote(windows.map((c) => c.otherShare));
    console.log(`\nTargets (${options.concurrency} in flight)`);
    const p95 = ttfbP95(results[1]!.concurrent);
    target(`console p95 TTFB < ${TARGET_P95_MS} ms`, `${ms(p95)} ms`, p95 < TARGET_P95_MS);
    console.log(LINE);
  } finally {
    database.drop();
  }
}
