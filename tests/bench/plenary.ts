/**
 * Plenary presence (`npm run bench -- --only plenary`): 1,000 y-websocket clients in one room
 * (one board), each with presence on (`awareness.setLocalStateField("user", { name })`, as the
 * board page does), and nothing else happening. y-protocols renews every client's presence
 * every 15 s, so the room carries N/15 presence changes a second (67/s at 1,000) forever.
 *
 * Counted over a window (30 s by default, so every client renews at least once and most twice),
 * starting a few seconds after the last client synced: the presence (awareness) messages the
 * clients receive (counted on each client's socket, by the message's first byte), the presence
 * messages they send (their renewals, plus the echo of everything they receive that
 * y-websocket sends back), the presence changes they apply, and the server child's CPU
 * (utime + stime from /proc/<pid>/stat).
 *
 * The stock server re-broadcasts each change to everyone at once: N²/15 messages a second
 * (66,667/s at 1,000). Ours gathers changes for 100 ms (PRESENCE_BATCH_MS) and sends one
 * message to everyone, so at most 10 messages a second per client, whatever the room's size.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import {
  type Client,
  closeAll,
  connectAll,
  MESSAGE_AWARENESS,
  Traffic,
  type TrafficSnapshot,
} from "./clients.ts";
import {
  benchProcessNote,
  type CpuFigures,
  CpuWindow,
  clientsLine,
  LINE,
  noiseNote,
  pad,
  processMemoryMb,
  type StartOptions,
  sleep,
  startServer,
  target,
  verdict,
} from "./harness.ts";
import type { ServerKind } from "./servers.ts";
import { freshSqliteDatabase } from "./setup.ts";

export type PlenaryOptions = {
  clients: number;
  windowS: number;
  /** The clients join over this long (at least): see JOIN_NOTE. */
  joinS: number;
};

/**
 * Each client renews its presence 15 s after it last set it, so the time people joined decides
 * when the room's renewals come. Joining over 15 s or more spreads them evenly over every 15 s,
 * as in a plenary people drift into over minutes; 1,000 clients joining within 4 s would renew
 * in bursts every 15 s, which ours sends as a few big batches (a much bigger ratio to stock).
 */
const JOIN_NOTE = "spread evenly over the 15 s renewal cycle";

const SETTLE_MS = 5_000;
const TARGET_RATIO = 6;
/** y-protocols' awareness renews a client's own state when it is this old (outdatedTimeout / 2). */
const RENEWAL_S = 15;

type Result = {
  kind: ServerKind;
  description: string;
  connectS: number;
  before: TrafficSnapshot;
  after: TrafficSnapshot;
  /** Presence changes the clients applied from the server (entries new to them). */
  changesApplied: number;
  cpu: CpuFigures;
  peakRssMb: number;
  closes: number;
};

async function measure(
  kind: ServerKind,
  options: PlenaryOptions,
  databaseUrl: string,
  start: StartOptions,
): Promise<Result> {
  const server = await startServer(
    kind,
    { databaseUrl, members: options.clients, boards: 1 },
    start,
  );
  const { info } = server;
  const traffic = new Traffic();
  let clients: Client[] = [];
  try {
    const t0 = performance.now();
    clients = await connectAll(
      options.clients,
      info.wsServerUrl,
      info.rooms[0]!,
      (i) => info.clientCookies[i],
      { timeoutMs: 90_000, traffic, spreadMs: options.joinS * 1000 },
    );
    const connectS = (performance.now() - t0) / 1000;
    let closes = 0;
    let counting = false;
    let changesApplied = 0;
    for (const { provider } of clients) {
      provider.on("connection-close", () => {
        closes++;
      });
      provider.awareness.on(
        "update",
        (
          { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
          origin: unknown,
        ) => {
          if (counting && origin !== "local") {
            changesApplied += added.length + updated.length + removed.length;
          }
        },
      );
    }
    await sleep(SETTLE_MS); // let the presence burst of the joins die down
    closes = 0;
    const before = traffic.snapshot();
    const cpu = new CpuWindow(server.pid);
    counting = true;
    await sleep(options.windowS * 1000);
    counting = false;
    const after = traffic.snapshot();
    const cpuFigures = cpu.stop();
    return {
      kind,
      description: info.description,
      connectS,
      before,
      after,
      changesApplied,
      cpu: cpuFigures,
      peakRssMb: processMemoryMb(server.pid).peak,
      closes,
    };
  } finally {
    closeAll(clients);
    await server.close();
  }
}

function rates(r: Result) {
  const s = r.cpu.windowMs / 1000;
  const delta = (field: keyof TrafficSnapshot, type: number) =>
    r.after[field][type]! - r.before[field][type]!;
  return {
    received: delta("received", MESSAGE_AWARENESS) / s,
    receivedKb: delta("receivedBytes", MESSAGE_AWARENESS) / 1024 / s,
    sent: delta("sent", MESSAGE_AWARENESS) / s,
    sentKb: delta("sentBytes", MESSAGE_AWARENESS) / 1024 / s,
    changes: r.changesApplied / s,
    otherReceived:
      (r.after.received.reduce((a, b) => a + b, 0) - r.before.received.reduce((a, b) => a + b, 0)) /
        s -
      delta("received", MESSAGE_AWARENESS) / s,
    serverCore: r.cpu.serverMs / r.cpu.windowMs,
    benchCore: r.cpu.benchMs / r.cpu.windowMs,
  };
}

const int = (v: number) => Math.round(v).toLocaleString("en-US");

function report(options: PlenaryOptions, results: Result[]) {
  const n = options.clients;
  const ours = results.find((r) => r.kind === "ours");
  const stock = results.find((r) => r.kind === "stock");
  console.log(`\n${LINE}`);
  console.log(`Plenary presence: ${n} clients in one room, presence on, nothing else happening`);
  console.log(LINE);
  console.log(clientsLine(n));
  console.log(
    `Layout:  each server in its own child process; all ${n} clients in this one process (${os.cpus().length} cores, loopback)`,
  );
  console.log(
    `Window:  ${options.windowS} s, from ${SETTLE_MS / 1000} s after the last client synced; each client renews its presence every ${RENEWAL_S} s (y-protocols), ${(n / RENEWAL_S).toFixed(1)} renewals/s in the room`,
  );
  console.log(
    `         joins paced so the renewals are ${options.joinS >= RENEWAL_S ? JOIN_NOTE : `NOT ${JOIN_NOTE} (--plenary-join ${options.joinS}): they come in bursts`}`,
  );
  for (const r of results) {
    console.log(
      `${`${r.kind}:`.padEnd(9)}${r.description}; ${n} clients connected (one by one, evenly over ${options.joinS} s) in ${r.connectS.toFixed(1)} s`,
    );
  }
  console.log("");
  console.log(
    `${"per second, all clients together".padEnd(48)}${pad("messages", 10)}${pad("KiB", 9)}`,
  );
  const row = (label: string, count: number, kb: number) =>
    console.log(`${label.padEnd(48)}${pad(int(count), 10)}${pad(kb.toFixed(0), 9)}`);
  const o = ours ? rates(ours) : null;
  const b = stock ? rates(stock) : null;
  if (o) row("ours:  presence messages received by clients", o.received, o.receivedKb);
  if (b) row("stock: presence messages received by clients", b.received, b.receivedKb);
  if (o && b) {
    console.log(
      `${"ratio stock / ours".padEnd(48)}${pad(`${(b.received / o.received).toFixed(2)}x`, 10)}${pad(`${(b.receivedKb / o.receivedKb).toFixed(2)}x`, 9)}`,
    );
  }
  if (o) row("ours:  presence messages sent by clients", o.sent, o.sentKb);
  if (b) row("stock: presence messages sent by clients", b.sent, b.sentKb);
  console.log("         (sent = each client's own renewals + y-websocket's echo of every update)");
  console.log(
    `${"stock, expected: N × N/15 received".padEnd(48)}${pad(int((n * n) / RENEWAL_S), 10)}`,
  );
  console.log("");
  console.log(
    `${"".padEnd(48)}${pad("changes/s", 10)}${pad("server", 9)}${pad("bench", 9)}${pad("peak MiB", 10)}`,
  );
  for (const r of results) {
    const x = rates(r);
    console.log(
      `${`${r.kind}:  presence changes applied; CPU % of a core`.padEnd(48)}${pad(int(x.changes), 10)}${pad(`${(x.serverCore * 100).toFixed(0)}%`, 9)}${pad(`${(x.benchCore * 100).toFixed(0)}%`, 9)}${pad(r.peakRssMb.toFixed(0), 10)}`,
    );
  }
  if (o && b) {
    console.log(
      `${"ratio stock / ours".padEnd(48)}${pad(`${(b.changes / o.changes).toFixed(2)}x`, 10)}${pad(`${(b.serverCore / o.serverCore).toFixed(2)}x`, 9)}`,
    );
  }
  console.log(
    "         (changes = presence entries new to a client: the same information for both)",
  );
  for (const r of results) {
    const c = r.cpu;
    const other = c.otherShare === null ? "?" : `${(c.otherShare * 100).toFixed(0)}%`;
    console.log(
      `${r.kind.padEnd(5)}  ${benchProcessNote(c)}; other messages received ${int(rates(r).otherReceived)}/s; client disconnects: ${r.closes}; other processes: ${other} of the machine`,
    );
  }
  const saturated = results.filter((r) => r.cpu.benchMs / r.cpu.windowMs > 0.9);
  for (const r of saturated) {
    console.log(
      `NOTE: the clients' process was busy ${((r.cpu.benchMs / r.cpu.windowMs) * 100).toFixed(0)}% of the window with ${r.kind}: it could not take more, so ${r.kind}'s received figure is a floor (what one core of clients could read), not what the server would send.`,
    );
  }
  noiseNote(results.map((r) => r.cpu.otherShare));
  if (o && b) {
    const ratio = b.received / o.received;
    console.log("\nTargets (ours)");
    target(
      `at least ${TARGET_RATIO}x fewer presence messages`,
      `${int(b.received)} / ${int(o.received)} = ${ratio.toFixed(2)}x`,
      ratio >= TARGET_RATIO,
    );
    console.log(
      `  => The target ${verdict(ratio >= TARGET_RATIO) === "HOLDS" ? "holds" : "does NOT hold"}.`,
    );
  } else {
    console.log("\n(Target check needs both servers.)");
  }
  console.log(LINE);
}

export async function runPlenary(
  options: PlenaryOptions,
  kinds: ServerKind[],
  start: StartOptions,
) {
  const database = kinds.includes("ours") ? freshSqliteDatabase() : null;
  const results: Result[] = [];
  try {
    for (const kind of kinds) {
      console.log(`Plenary: measuring ${kind}…`);
      results.push(await measure(kind, options, database?.url ?? "", start));
    }
  } finally {
    database?.drop();
  }
  report(options, results);
}
