/**
 * Join storm (`npm run bench -- --only joinstorm`): a board of about 300 KB (ideas in the Y.Map
 * "ideas", app/modules/board/board-doc.ts) is open, then 500 clients join it at the same moment
 * (a plenary told "open the board now"). For each client: the time from opening its websocket
 * to having the server's whole state (sync step 2); p50/p99, ours against stock.
 *
 * Our server: the ideas are stored in the database before the server starts; a host (a
 * facilitator already on the board, one y-websocket client) opens it first, which builds the
 * board's Y.Doc from the database. Then the storm: 500 distinct members, each with their own
 * cookie (the server allows 20 sockets per person), so every upgrade is authenticated and
 * authorized against the database. Ours encodes the full state once per document version and
 * sends the same bytes to every joiner (LiveDocument.syncAnswer).
 *
 * Baseline: the stock @y/websocket-server 0.1.1: the host client writes the same ideas into
 * the document and stays connected (the stock server forgets a document nobody is on); it
 * encodes the state separately for every joiner.
 *
 * The joiners are raw clients of the y-websocket protocol, doing on the wire what
 * WebsocketProvider does: on open, sync step 1 and their presence; answer the server's sync
 * step 1; echo every presence update they receive. "Synced" is the moment the server's sync
 * step 2 has fully arrived, before it is applied: 500 WebsocketProviders in one process would
 * apply 500 copies of the board one after another on one core, and the last would wait for
 * the other 499, which says nothing about the server. What applying costs one client is
 * measured separately and reported. Every received state is checked afterwards (same bytes as
 * a lone joiner's, or decoded and counted).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { boardIdeas, putIdea } from "../../app/modules/board/board-doc.ts";
import {
  type Client,
  closeAll,
  connectAll,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  Traffic,
} from "./clients.ts";
import {
  benchProcessNote,
  type CpuFigures,
  CpuWindow,
  LINE,
  ms,
  noiseNote,
  pad,
  processMemoryMb,
  type StartOptions,
  sleep,
  startServer,
  stats,
  target,
  version,
} from "./harness.ts";
import { benchIdea, benchIdeas } from "./ideas.ts";
import type { ServerKind } from "./servers.ts";
import { freshSqliteDatabase } from "./setup.ts";

export type JoinStormOptions = {
  clients: number;
  documentKb: number;
  /** Joiners decode and re-encode presence as the provider does (see Joiner). */
  decodePresence: boolean;
};

const STORM_TIMEOUT_MS = 60_000;
const SETTLE_MS = 1_000;
const TARGET_P99_MS = 1_000;

/**
 * One joiner: the y-websocket protocol as WebsocketProvider speaks it, with a clock on it.
 *
 * Presence: the provider applies every presence message it receives and sends back the
 * entries that were new to it. For someone who has just joined, every entry but their own is
 * new, so by default the joiner sends each presence message straight back as it came, without
 * decoding it: the server gets what a provider would send it, and the bench process does not
 * decode and re-encode the room's presence once per joiner on one core (250,000 entries for
 * 500 joiners), which in a real storm 500 browsers do side by side. With `decodePresence` it
 * does it the provider's way, to show what that costs here. Frames go out with a zero mask
 * (no XOR pass over them here; the server unmasks as always).
 */
class Joiner {
  private readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly ws: WebSocket;
  readonly t0 = performance.now();
  tOpen = Number.NaN;
  tSynced = Number.NaN;
  /** The update in the server's sync step 2 (the whole document, for a fresh client). */
  state: Uint8Array | null = null;
  error: string | null = null;
  readonly done: Promise<void>;

  constructor(
    url: string,
    cookie: string | undefined,
    name: string,
    traffic: Traffic,
    decodePresence: boolean,
  ) {
    this.awareness.setLocalStateField("user", { name });
    const send = (message: Uint8Array) => {
      if (this.ws.readyState !== WebSocket.OPEN) return;
      traffic.count("sent", message);
      this.ws.send(message);
    };
    if (decodePresence) {
      // As the provider does: every presence change, its own or one it received, goes out.
      this.awareness.on(
        "update",
        ({
          added,
          updated,
          removed,
        }: {
          added: number[];
          updated: number[];
          removed: number[];
        }) => {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
          encoding.writeVarUint8Array(
            encoder,
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
              ...added,
              ...updated,
              ...removed,
            ]),
          );
          send(encoding.toUint8Array(encoder));
        },
      );
    }
    this.ws = new WebSocket(url, {
      ...(cookie ? { headers: { cookie } } : {}),
      generateMask: (mask: Buffer) => mask.fill(0),
    });
    this.done = new Promise<void>((resolve) => {
      this.ws.on("open", () => {
        this.tOpen = performance.now();
        const step1 = encoding.createEncoder();
        encoding.writeVarUint(step1, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(step1, this.doc);
        send(encoding.toUint8Array(step1));
        const presence = encoding.createEncoder();
        encoding.writeVarUint(presence, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(
          presence,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
        );
        send(encoding.toUint8Array(presence));
      });
      this.ws.on("message", (data: Buffer) => {
        traffic.count("received", data);
        const decoder = decoding.createDecoder(data);
        const type = decoding.readVarUint(decoder);
        if (type === MESSAGE_SYNC) {
          const step = decoding.readVarUint(decoder);
          if (step === syncProtocol.messageYjsSyncStep1) {
            const reply = encoding.createEncoder();
            encoding.writeVarUint(reply, MESSAGE_SYNC);
            syncProtocol.writeSyncStep2(reply, this.doc, decoding.readVarUint8Array(decoder));
            send(encoding.toUint8Array(reply));
          } else if (step === syncProtocol.messageYjsSyncStep2 && !this.state) {
            this.tSynced = performance.now();
            this.state = decoding.readVarUint8Array(decoder);
            resolve();
          }
        } else if (type === MESSAGE_AWARENESS) {
          if (!decodePresence) return send(data);
          awarenessProtocol.applyAwarenessUpdate(
            this.awareness,
            decoding.readVarUint8Array(decoder),
            this,
          );
        }
      });
      this.ws.on("unexpected-response", (_req, res) => {
        this.error = `refused with HTTP ${res.statusCode}`;
        resolve();
      });
      this.ws.on("error", (error) => {
        this.error ??= error.message;
        resolve();
      });
      this.ws.on("close", (code) => {
        if (!this.state) this.error ??= `closed (${code}) before it synced`;
        resolve();
      });
    });
  }

  get synced() {
    return !Number.isNaN(this.tSynced);
  }

  close() {
    this.awareness.destroy();
    this.doc.destroy();
    this.ws.terminate();
  }
}

/** Ideas in the document, counted by applying a received state to a fresh Y.Doc. */
function ideasIn(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const count = boardIdeas(doc).size;
  doc.destroy();
  return count;
}

/** How many of the bench's ideas make a document of about `kb` KiB, as Yjs encodes it. */
function ideasForSize(kb: number) {
  const sizeOf = (count: number) => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let n = 0; n < count; n++) putIdea(doc, benchIdea(n));
    });
    const size = Y.encodeStateAsUpdate(doc).byteLength;
    doc.destroy();
    return size;
  };
  const perIdea = sizeOf(200) / 200;
  let count = Math.round((kb * 1024) / perIdea);
  while (sizeOf(count) < kb * 1024) count += 10;
  return count;
}

type Result = {
  kind: ServerKind;
  description: string;
  /** ours: the host's connect → synced, which built the board from the database. */
  hostMs: number;
  /** One joiner alone on a quiet server, connect → synced. */
  aloneMs: number;
  stateBytes: number;
  joiners: { total: number; open: number; transfer: number }[];
  failures: string[];
  wrongState: number;
  /** Storm start → last joiner synced. */
  allMs: number;
  presenceReceived: number;
  cpu: CpuFigures;
  peakRssMb: number;
};

async function join(
  url: string,
  cookies: (string | undefined)[],
  traffic: Traffic,
  decodePresence: boolean,
) {
  const joiners = cookies.map(
    (cookie, i) => new Joiner(url, cookie, `Bench Member ${i}`, traffic, decodePresence),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(joiners.map((j) => j.done)),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, STORM_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  return joiners;
}

async function measure(
  kind: ServerKind,
  options: JoinStormOptions,
  ideaCount: number,
  databaseUrl: string,
  start: StartOptions,
): Promise<Result> {
  const server = await startServer(
    kind,
    {
      databaseUrl,
      members: options.clients + 2,
      boards: 1,
      seedIdeas: kind === "ours" ? ideaCount : undefined,
    },
    start,
  );
  const { info } = server;
  const url = `${info.wsServerUrl}/${info.rooms[0]}`;
  const cookie = (i: number) => info.clientCookies[i];
  const joiners: Joiner[] = [];
  const hosts: Client[] = [];
  try {
    const hostStart = performance.now();
    hosts.push(...(await connectAll(1, info.wsServerUrl, info.rooms[0]!, cookie)));
    const hostMs = performance.now() - hostStart;
    const host = hosts[0]!;
    if (kind === "stock") {
      host.doc.transact(() => {
        for (const idea of benchIdeas(ideaCount)) putIdea(host.doc, idea);
      });
    } else if (boardIdeas(host.doc).size !== ideaCount) {
      throw new Error(`the host has ${boardIdeas(host.doc).size} ideas, not ${ideaCount}`);
    }
    await sleep(SETTLE_MS);
    // One joiner alone: what the state looks like, and how long a join takes on a quiet server.
    const traffic = new Traffic();
    const [alone] = await join(url, [cookie(1)], traffic, options.decodePresence);
    joiners.push(alone!);
    if (!alone!.synced) throw new Error(`a lone joiner did not sync: ${alone!.error}`);
    const reference = alone!.state!;
    const referenceIdeas = ideasIn(reference);
    if (referenceIdeas !== ideaCount) {
      throw new Error(`a lone joiner got ${referenceIdeas} ideas, not ${ideaCount}`);
    }
    await sleep(SETTLE_MS);

    const presence0 = traffic.received[MESSAGE_AWARENESS]!;
    const cpu = new CpuWindow(server.pid);
    const stormStart = performance.now();
    const storm = await join(
      url,
      Array.from({ length: options.clients }, (_, i) => cookie(i + 2)),
      traffic,
      options.decodePresence,
    );
    joiners.push(...storm);
    const allMs = Math.max(...storm.map((j) => j.tSynced)) - stormStart;
    const cpuFigures = cpu.stop();
    const presenceReceived = traffic.received[MESSAGE_AWARENESS]! - presence0;
    // Every state must be the whole board: the lone joiner's bytes, or decoded and counted.
    let wrongState = 0;
    for (const j of storm) {
      if (!j.state) continue;
      if (Buffer.from(j.state).equals(Buffer.from(reference))) continue;
      if (ideasIn(j.state) !== ideaCount) wrongState++;
    }
    const synced = storm.filter((j) => j.synced);
    return {
      kind,
      description: info.description,
      hostMs,
      aloneMs: alone!.tSynced - alone!.t0,
      stateBytes: reference.byteLength,
      joiners: synced.map((j) => ({
        total: j.tSynced - j.t0,
        open: j.tOpen - j.t0,
        transfer: j.tSynced - j.tOpen,
      })),
      failures: storm.filter((j) => !j.synced).map((j) => j.error ?? "did not sync in time"),
      wrongState,
      allMs,
      presenceReceived,
      cpu: cpuFigures,
      peakRssMb: processMemoryMb(server.pid).peak,
    };
  } finally {
    for (const j of joiners) j.close();
    closeAll(hosts);
    await server.close();
  }
}

/** What one client spends applying the whole board (a browser does this after "synced"). */
function applyCostMs(ideaCount: number) {
  const source = new Y.Doc();
  source.transact(() => {
    for (const idea of benchIdeas(ideaCount)) putIdea(source, idea);
  });
  const state = Y.encodeStateAsUpdate(source);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    ideasIn(state);
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
}

function report(options: JoinStormOptions, ideaCount: number, results: Result[]) {
  const ours = results.find((r) => r.kind === "ours");
  const stock = results.find((r) => r.kind === "stock");
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`\n${LINE}`);
  console.log(
    `Join storm: ${options.clients} clients joining a ${options.documentKb} KB board at once`,
  );
  console.log(LINE);
  console.log(
    `Document: ${ideaCount.toLocaleString("en-US")} ideas in the Y.Map "ideas"; whole state as sent: ${results.map((r) => `${kb(r.stateBytes)} (${r.kind})`).join(", ")}`,
  );
  console.log(
    `Clients: ${options.clients} raw y-websocket protocol clients (ws ${version("ws")}, yjs ${version("yjs")}), each a distinct member; all opened in one tick`,
  );
  console.log(
    `         on open: sync step 1 + presence; answer the server's step 1; ${options.decodePresence ? "apply presence and echo what was new (as WebsocketProvider)" : "send every presence message back as it came (what a new provider's echo amounts to; not decoded here)"}`,
  );
  console.log(
    `         synced = the server's sync step 2 fully received; applying it costs one client ${applyCostMs(ideaCount).toFixed(1)} ms more (not included)`,
  );
  console.log(
    `Layout:  each server in its own child process; all clients in this one process (${os.cpus().length} cores, loopback)`,
  );
  if (ours) {
    console.log(`ours:    ${ours.description}`);
    console.log(
      `         ideas stored in the database; the host's join built the board from it: ${ms(ours.hostMs)} ms`,
    );
  }
  if (stock) {
    console.log(`stock:   ${stock.description}`);
    console.log("         the host client wrote the ideas and stays connected");
  }
  console.log(
    `One joiner alone on the quiet server, connect → synced: ${results.map((r) => `${r.kind} ${ms(r.aloneMs)} ms`).join(", ")}`,
  );
  console.log("");
  console.log(
    `${"".padEnd(40)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("max ms", 9)}${pad("mean ms", 9)}`,
  );
  const row = (label: string, values: number[]) => {
    if (values.length === 0) {
      console.log(`${label.padEnd(40)}${pad("none", 9)}`);
      return null;
    }
    const s = stats(values);
    console.log(
      `${label.padEnd(40)}${pad(ms(s.p50), 9)}${pad(ms(s.p99), 9)}${pad(ms(s.max), 9)}${pad(ms(s.mean), 9)}`,
    );
    return s;
  };
  // A joiner that never synced counts as infinitely late.
  const totals = (r: Result) => [
    ...r.joiners.map((j) => j.total),
    ...r.failures.map(() => Number.POSITIVE_INFINITY),
  ];
  const o = ours ? row("ours:  connect → synced", totals(ours)) : null;
  const b = stock ? row("stock: connect → synced", totals(stock)) : null;
  if (o && b) {
    console.log(
      `${"ratio ours / stock".padEnd(40)}${pad(`${(o.p50 / b.p50).toFixed(2)}x`, 9)}${pad(`${(o.p99 / b.p99).toFixed(2)}x`, 9)}`,
    );
  }
  console.log(
    "\nBreakdown (open = the upgrade answered; ours authenticates and authorizes it first)",
  );
  for (const r of results) {
    row(
      `${`${r.kind}:`.padEnd(7)}connect → open`,
      r.joiners.map((j) => j.open),
    );
    row(
      `${`${r.kind}:`.padEnd(7)}open → synced`,
      r.joiners.map((j) => j.transfer),
    );
  }
  console.log("");
  for (const r of results) {
    const c = r.cpu;
    const other = c.otherShare === null ? "?" : `${(c.otherShare * 100).toFixed(0)}%`;
    console.log(
      `${r.kind.padEnd(5)}  ${r.joiners.length}/${options.clients} synced, the last ${ms(r.allMs)} ms after the storm began; server CPU ${(c.serverMs / 1000).toFixed(2)} s, peak RSS ${r.peakRssMb.toFixed(0)} MiB; presence messages to joiners ${r.presenceReceived.toLocaleString("en-US")}; ${benchProcessNote(c)}; other processes: ${other} of the machine`,
    );
    if (r.failures.length > 0) {
      const reasons = new Map<string, number>();
      for (const f of r.failures) reasons.set(f, (reasons.get(f) ?? 0) + 1);
      console.log(
        `       not synced: ${[...reasons].map(([reason, n]) => `${n} × ${reason}`).join("; ")}`,
      );
    }
    if (r.wrongState > 0) console.log(`       ${r.wrongState} joiners got an incomplete board`);
  }
  noiseNote(results.map((r) => r.cpu.otherShare));
  if (ours && o) {
    const ok = o.p99 < TARGET_P99_MS && ours.failures.length === 0 && ours.wrongState === 0;
    console.log("\nTargets (ours)");
    target(`p99 under ${TARGET_P99_MS} ms, every joiner synced`, `${ms(o.p99)} ms`, ok);
    console.log(ok ? "  => The target holds." : "  => The target does NOT hold.");
  }
  console.log(LINE);
}

export async function runJoinStorm(
  options: JoinStormOptions,
  kinds: ServerKind[],
  start: StartOptions,
) {
  const ideaCount = ideasForSize(options.documentKb);
  const database = kinds.includes("ours") ? freshSqliteDatabase() : null;
  const results: Result[] = [];
  try {
    for (const kind of kinds) {
      console.log(`Join storm: measuring ${kind}…`);
      results.push(await measure(kind, options, ideaCount, database?.url ?? "", start));
    }
  } finally {
    database?.drop();
  }
  report(options, ideaCount, results);
}
