/**
 * Breakout rooms (`npm run bench -- --only rooms`): 1,000 participants split into 10 breakout
 * rooms, each room on its own board (its own live document), everyone connected with the real
 * y-websocket client and presence on. Every participant posts one idea, at a compressed pace
 * (50 ideas/s across the rooms by default, so 1,000 ideas in 20 s; a real room of 100 posts
 * perhaps 2 a second), and each idea must reach every client in its room.
 *
 * Our server: the idea is a POST of the post-idea form by that participant (a member with their
 * own cookie), exactly as the page's fetcher posts it; one idea per person keeps the 30 ideas a
 * minute limiter far away. Measured from the start of the POST until the idea is in the "ideas"
 * map of all the room's clients (the poster's own client included).
 *
 * Baseline: the stock @y/websocket-server 0.1.1 (no commands): the participant's own client
 * writes the idea into its room's Y.Map; measured from the write until all the room's clients
 * have it (the writer has it at once).
 *
 * Ideas are posted open loop: each at its scheduled time, whether or not earlier ones have
 * arrived, as independent people would. Also reported: the server child's peak resident memory
 * (VmHWM in /proc/<pid>/status, over its whole life) and CPU while posting.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { type BoardIdea, boardIdeas } from "../../app/modules/board/board-doc.ts";
import { KNOSTER_COLUMNS } from "../../app/modules/board/knoster.ts";
import { ArrivalTracker, type Client, closeAll, connectAll } from "./clients.ts";
import {
  benchProcessNote,
  type CpuFigures,
  CpuWindow,
  clientsLine,
  LINE,
  ms,
  noiseNote,
  pad,
  processMemoryMb,
  type ServerHandle,
  type StartOptions,
  sleep,
  startServer,
  stats,
  target,
} from "./harness.ts";
import type { ServerKind } from "./servers.ts";
import { freshSqliteDatabase } from "./setup.ts";

export type RoomsOptions = {
  participants: number;
  rooms: number;
  /** Ideas posted per second, across all rooms. */
  ideasPerSecond: number;
};

const IDEA_TIMEOUT_MS = 15_000;
const SETTLE_MS = 2_000;
const TARGET_P99_MS = 250;
const TARGET_PEAK_RSS_MB = 1024;

type Sample = {
  room: number;
  /** Command start → idea in all the room's clients' maps (Infinity if it never got there). */
  all: number;
  first: number;
  /** ours: command start → HTTP response read. */
  http: number;
  /** ours: the POST's HTTP status (200 expected); stock: 200. */
  status: number;
  complete: boolean;
};

type Result = {
  kind: ServerKind;
  description: string;
  samples: Sample[];
  /** Seconds from the first post to the last (the pace actually achieved). */
  postingS: number;
  /** Seconds all clients took to connect (in batches of 20, room after room). */
  joinedS: number;
  /** When the first presence renewal wave begins, seconds into the posting window. */
  renewalAtS: number;
  cpu: CpuFigures;
  memory: { beforeClients: number; afterClients: number; peak: number };
  closes: number;
};

async function measure(
  kind: ServerKind,
  options: RoomsOptions,
  databaseUrl: string,
  start: StartOptions,
): Promise<Result> {
  const perRoom = Math.ceil(options.participants / options.rooms);
  const server: ServerHandle = await startServer(
    kind,
    { databaseUrl, members: options.participants, boards: options.rooms, breakoutRooms: true },
    start,
  );
  const { info } = server;
  const rooms: Client[][] = [];
  try {
    const beforeClients = processMemoryMb(server.pid).now;
    const joinStart = performance.now();
    for (let r = 0; r < options.rooms; r++) {
      const first = r * perRoom;
      const count = Math.min(perRoom, options.participants - first);
      rooms.push(
        await connectAll(
          count,
          info.wsServerUrl,
          info.rooms[r]!,
          (i) => info.clientCookies[first + i],
        ),
      );
    }
    const joinedS = (performance.now() - joinStart) / 1000;
    const trackers = rooms.map((clients) => new ArrivalTracker(clients));
    await sleep(SETTLE_MS); // let the presence burst of the joins die down
    const afterClients = processMemoryMb(server.pid).now;

    const nonce = Math.random().toString(36).slice(2, 8);
    let posted = 0;
    const post = async (r: number, local: number, warmUp: boolean): Promise<Sample> => {
      const n = posted++;
      const participant = r * perRoom + local;
      const text = `Room ${r + 1}, participant ${participant} (${kind} ${nonce} #${n}): pair new teachers with a mentor in their building`;
      const column = KNOSTER_COLUMNS[n % KNOSTER_COLUMNS.length]!;
      const round = trackers[r]!.expect(text, IDEA_TIMEOUT_MS);
      let http = Number.NaN;
      let status = 200;
      const t0 = performance.now();
      if (kind === "ours") {
        try {
          const response = await fetch(info.postUrl, {
            method: "POST",
            headers: {
              cookie: info.clientCookies[participant]!,
              "content-type": "application/x-www-form-urlencoded",
            },
            body: new URLSearchParams({
              csrf: info.csrf,
              intent: "post-idea",
              boardId: info.boardIds[r]!,
              column,
              text,
            }),
            redirect: "manual",
          });
          const body = await response.text();
          http = performance.now() - t0;
          status = response.status;
          if (status !== 200 && warmUp) {
            throw new Error(
              `warm-up idea: the post-idea form got ${status}: ${body.slice(0, 300)}`,
            );
          }
        } catch (error) {
          if (warmUp) throw error;
          status = 0; // the request itself failed
        }
      } else {
        const doc = rooms[r]![local]!.doc;
        const id = `bench-${nonce}-${n}`;
        const idea: BoardIdea = { id, column, text, createdAt: new Date().toISOString() };
        doc.transact(() => boardIdeas(doc).set(id, idea));
      }
      const complete = await round.done;
      const times = [...round.arrivals].filter((t) => !Number.isNaN(t));
      return {
        room: r,
        all: complete ? Math.max(...times) - t0 : Number.POSITIVE_INFINITY,
        first: times.length > 0 ? Math.min(...times) - t0 : Number.POSITIVE_INFINITY,
        http,
        status,
        complete,
      };
    };

    // Warm-up: one idea per room, one after another (also proves the command path works).
    for (let r = 0; r < options.rooms; r++) await post(r, 0, true);

    // Every participant posts one idea: round-robin over the rooms, on a fixed schedule.
    const cpu = new CpuWindow(server.pid);
    const order: [number, number][] = [];
    for (let local = 0; local < perRoom; local++) {
      for (let r = 0; r < options.rooms; r++) {
        if (r * perRoom + local < options.participants) order.push([r, local]);
      }
    }
    const t0 = performance.now();
    // y-protocols renews each client's presence 15 s after it was set (checked every 3 s): the
    // first wave of renewals comes this long into the posting window.
    const renewalAtS = (joinStart + 15_000 - t0) / 1000;
    let last = t0;
    const pending: Promise<Sample>[] = [];
    for (const [k, [r, local]] of order.entries()) {
      const wait = t0 + (k * 1000) / options.ideasPerSecond - performance.now();
      if (wait > 1) await sleep(wait);
      last = performance.now();
      pending.push(post(r, local, false));
    }
    const samples = await Promise.all(pending);
    const cpuFigures = cpu.stop();
    return {
      kind,
      description: info.description,
      samples,
      postingS: (last - t0) / 1000,
      joinedS,
      renewalAtS,
      cpu: cpuFigures,
      memory: { beforeClients, afterClients, peak: processMemoryMb(server.pid).peak },
      closes: trackers.reduce((n, t) => n + t.closes, 0),
    };
  } finally {
    for (const clients of rooms) closeAll(clients);
    await server.close();
  }
}

function report(options: RoomsOptions, results: Result[]) {
  const perRoom = Math.ceil(options.participants / options.rooms);
  const ours = results.find((r) => r.kind === "ours");
  const stock = results.find((r) => r.kind === "stock");
  console.log(`\n${LINE}`);
  console.log(
    `Breakout rooms: ${options.participants} participants in ${options.rooms} rooms (${options.rooms} boards), one idea each`,
  );
  console.log(LINE);
  console.log(clientsLine(options.participants));
  console.log(
    `Layout:  each server in its own child process; all ${options.participants} clients in this one process (${os.cpus().length} cores, loopback)`,
  );
  console.log(
    `Rooms:   ${perRoom} clients per room, each connected to its room's board only; presence on`,
  );
  console.log(
    `Pace:    ${options.participants} ideas at ${options.ideasPerSecond}/s across the rooms (${(options.ideasPerSecond / options.rooms).toFixed(1)}/s per room), open loop, round-robin over rooms; +${options.rooms} warm-up`,
  );
  if (ours) {
    const ok = ours.samples.filter((s) => s.status === 200).length;
    console.log(`ours:    ${ours.description}`);
    console.log(
      `         command = POST of the post-idea form (fetcher, ?_data) by the participant, a member of the room; ${ok}/${ours.samples.length} POSTs returned 200`,
    );
  }
  if (stock) {
    console.log(`stock:   ${stock.description}`);
    console.log(
      "         command = the participant's own client sets the idea in its room's Y.Map",
    );
  }
  console.log("");
  console.log(
    `${"".padEnd(40)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("max ms", 9)}${pad("mean ms", 9)}`,
  );
  const row = (label: string, values: number[]) => {
    const s = stats(values);
    console.log(
      `${label.padEnd(40)}${pad(ms(s.p50), 9)}${pad(ms(s.p99), 9)}${pad(ms(s.max), 9)}${pad(ms(s.mean), 9)}`,
    );
    return s;
  };
  const o = ours
    ? row(
        `ours:  POST → all ${perRoom} in the room`,
        ours.samples.map((s) => s.all),
      )
    : null;
  const b = stock
    ? row(
        `stock: write → all ${perRoom} in the room`,
        stock.samples.map((s) => s.all),
      )
    : null;
  if (o && b) {
    console.log(
      `${"ratio ours / stock".padEnd(40)}${pad(`${(o.p50 / b.p50).toFixed(2)}x`, 9)}${pad(`${(o.p99 / b.p99).toFixed(2)}x`, 9)}`,
    );
  }
  if (ours) {
    row(
      "ours:  POST → HTTP response",
      ours.samples.map((s) => s.http),
    );
    row(
      "ours:  POST → first client",
      ours.samples.map((s) => s.first),
    );
  }
  console.log("");
  console.log(
    `${"server memory, MiB".padEnd(40)}${pad("before", 9)}${pad("clients", 9)}${pad("peak", 9)}`,
  );
  for (const r of results) {
    const m = r.memory;
    console.log(
      `${`${r.kind}  (VmRSS; peak = VmHWM)`.padEnd(40)}${pad(m.beforeClients.toFixed(0), 9)}${pad(m.afterClients.toFixed(0), 9)}${pad(m.peak.toFixed(0), 9)}`,
    );
  }
  if (ours && stock) {
    console.log(
      `${"ratio ours / stock".padEnd(40)}${pad("", 18)}${pad(`${(ours.memory.peak / stock.memory.peak).toFixed(2)}x`, 9)}`,
    );
  }
  console.log("");
  for (const r of results) {
    const c = r.cpu;
    const other = c.otherShare === null ? "?" : `${(c.otherShare * 100).toFixed(0)}%`;
    console.log(
      `${r.kind.padEnd(5)}  posting took ${r.postingS.toFixed(1)} s (${(r.samples.length / r.postingS).toFixed(1)} ideas/s); CPU over ${(c.windowMs / 1000).toFixed(1)} s: server ${((c.serverMs / c.windowMs) * 100).toFixed(0)}% of a core, bench process ${((c.benchMs / c.windowMs) * 100).toFixed(0)}%; ${benchProcessNote(c)}; client disconnects: ${r.closes}; other processes: ${other} of the machine`,
    );
  }
  for (const r of results) {
    console.log(
      `${r.kind.padEnd(5)}  all ${options.participants} clients joined within ${r.joinedS.toFixed(1)} s, so their presence renewals (every 15 s) come in waves; the first began ${r.renewalAtS.toFixed(1)}-${(r.renewalAtS + r.joinedS + 3).toFixed(1)} s into the posting window`,
    );
  }
  noiseNote(results.map((r) => r.cpu.otherShare));

  if (ours) {
    const refused = ours.samples.filter((s) => s.status !== 200).length;
    const incomplete = ours.samples.filter((s) => !s.complete).length;
    const lost = refused + incomplete;
    console.log("\nTargets (ours)");
    target("no command lost", `${refused} refused, ${incomplete} incomplete`, lost === 0);
    target(
      `p99 under ${TARGET_P99_MS} ms (POST → whole room)`,
      `${ms(o!.p99)} ms`,
      o!.p99 < TARGET_P99_MS,
    );
    target(
      `peak RSS under ${TARGET_PEAK_RSS_MB} MiB`,
      `${ours.memory.peak.toFixed(0)} MiB`,
      ours.memory.peak < TARGET_PEAK_RSS_MB,
    );
    const all = lost === 0 && o!.p99 < TARGET_P99_MS && ours.memory.peak < TARGET_PEAK_RSS_MB;
    console.log(all ? "  => All targets hold." : "  => The targets do NOT all hold (see above).");
  }
  if (stock) {
    const incomplete = stock.samples.filter((s) => !s.complete).length;
    if (incomplete > 0) console.log(`  stock: ${incomplete} ideas never reached their whole room.`);
  }
  console.log(LINE);
}

export async function runRooms(options: RoomsOptions, kinds: ServerKind[], start: StartOptions) {
  const database = kinds.includes("ours") ? freshSqliteDatabase() : null;
  const results: Result[] = [];
  try {
    for (const kind of kinds) {
      console.log(`Rooms: measuring ${kind}…`);
      results.push(await measure(kind, options, database?.url ?? "", start));
    }
  } finally {
    database?.drop();
  }
  report(options, results);
}
