/**
 * Guests at a town hall (`npm run bench -- --only guests`): 2,000 people without an account
 * join one session by its code within a minute, then post 2,000 ideas at 100 a second across
 * 20 breakout rooms.
 *
 * Our server, per guest, as a phone does it: GET the join link (the guest form), POST the form
 * (a guest is made and signed in), GET the session page it redirects to, and open the
 * whole-group board's live document with the real y-websocket client; measured from the first
 * request until the document is synced. Each guest comes from an address of their own
 * (X-Forwarded-For behind TRUST_PROXY=1), as phones on a venue's network and on mobile data
 * do. A 503 (the server shedding load) is retried after its Retry-After, as a person would.
 * Then the facilitator auto-assigns the rooms, each guest learns their room from the join link
 * again and opens their room's board, and every guest posts one idea (the page's post-idea
 * fetcher, open loop): measured from the POST until the idea is in every client of the room.
 *
 * Baseline: the stock @y/websocket-server 0.1.1, where the comparable work is the websocket
 * part: the same clients at the same pace, connect → synced; then the idea written into the
 * room's Y.Map by the guest's own client, write → every client in the room.
 */
import { performance } from "node:perf_hooks";
import { type BoardIdea, boardIdeas } from "../../app/modules/board/board-doc.ts";
import { KNOSTER_COLUMNS } from "../../app/modules/board/knoster.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { ArrivalTracker, type Client, closeAll, connectClient } from "./clients.ts";
import {
  CpuWindow,
  clientsLine,
  LINE,
  ms,
  pad,
  processMemoryMb,
  type ServerHandle,
  type StartOptions,
  sleep,
  startServer,
  stats,
  target,
} from "./harness.ts";
import { BENCH_CSRF, type ServerInfo, type ServerKind } from "./servers.ts";
import { freshSqliteDatabase } from "./setup.ts";

export type GuestsOptions = {
  guests: number;
  /** Seconds over which the guests arrive. */
  joinS: number;
  rooms: number;
  ideasPerSecond: number;
};

const TARGET_JOIN_P99_MS = 2_000;
const TARGET_IDEA_P99_MS = 250;
const TARGET_PEAK_RSS_MB = 1536;
const SYNC_TIMEOUT_MS = 30_000;
const IDEA_TIMEOUT_MS = 15_000;
const ROUTE_ID = "routes/work-groups.$slug.sessions.$sessionId";

type Guest = { cookie: string; csrf: string; client: Client; address: string };
type Result = {
  kind: ServerKind;
  /** ours: each join's time in the form, the post, the page and the sync. */
  steps: number[][];
  description: string;
  join: number[];
  sheds: number;
  joinFailures: number;
  ideas: number[];
  refused: number;
  incomplete: number;
  serverPct: number;
  memoryPeak: number;
};

const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const cookiesOf = (response: Response) =>
  response.headers.getSetCookie().map((c) => c.split(";")[0]!);
const csrfOf = (html: string) => /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? "";

/** One request, retried after Retry-After while the server sheds load (503). */
async function request(url: string, init: RequestInit, shed: () => void): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, { ...init, redirect: "manual" });
    if (response.status !== 503 || attempt >= 10) return response;
    shed();
    await response.arrayBuffer();
    await sleep(Number(response.headers.get("retry-after") ?? "1") * 1000);
  }
}

function synced(client: Client) {
  return new Promise<boolean>((resolve) => {
    if (client.provider.synced) return resolve(true);
    const timer = setTimeout(() => resolve(false), SYNC_TIMEOUT_MS);
    client.provider.once("sync", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** A phone joining: the form, the post, the session page, the live board. */
async function joinOurs(info: ServerInfo, i: number, shed: () => void) {
  const g = info.guests!;
  const address = addressOf(i);
  const headers = { "x-forwarded-for": address };
  const t0 = performance.now();
  const steps: number[] = [];
  const step = () => steps.push(performance.now() - t0 - steps.reduce((a, b) => a + b, 0));
  const form = await request(`${g.appUrl}${g.joinPath}`, { headers }, shed);
  const formCsrf = csrfOf(await form.text());
  step();
  const jar = new Map(cookiesOf(form).map((c) => [c.split("=")[0]!, c]));
  const joined = await request(
    `${g.appUrl}${g.joinPath}`,
    {
      method: "POST",
      headers: {
        ...headers,
        cookie: [...jar.values()].join("; "),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ csrf: formCsrf }),
    },
    shed,
  );
  await joined.arrayBuffer();
  step();
  if (joined.status !== 302) throw new Error(`guest ${i}: the join form got ${joined.status}`);
  for (const c of cookiesOf(joined)) jar.set(c.split("=")[0]!, c);
  const cookie = [...jar.values()].join("; ");
  const location = joined.headers.get("location") ?? "";
  const boardId = location.split("#board-")[1] ?? "";
  const page = await request(
    `${g.appUrl}${location.split("#")[0]}`,
    { headers: { ...headers, cookie } },
    shed,
  );
  const csrf = csrfOf(await page.text());
  step();
  if (page.status !== 200 || !csrf)
    throw new Error(`guest ${i}: the session page got ${page.status}`);
  const client = connectClient(info.wsServerUrl, documentName.board(boardId), cookie, `Guest ${i}`);
  const ok = await synced(client);
  step();
  return {
    steps,
    guest: { cookie, csrf, client, address },
    ms: ok ? performance.now() - t0 : Number.POSITIVE_INFINITY,
  };
}

async function measure(
  kind: ServerKind,
  options: GuestsOptions,
  databaseUrl: string,
  start: StartOptions,
): Promise<Result> {
  const server: ServerHandle = await startServer(
    kind,
    {
      databaseUrl,
      members: 0,
      boards: options.rooms,
      breakoutRooms: true,
      guests: true,
      env: { TRUST_PROXY: "1" },
    },
    start,
  );
  const { info } = server;
  const guests: Guest[] = [];
  const stockClients: Client[] = [];
  let sheds = 0;
  let joinFailures = 0;
  try {
    // Arrivals: open loop, evenly over joinS.
    const cpu = new CpuWindow(server.pid);
    const t0 = performance.now();
    const joins: Promise<number>[] = [];
    const steps: number[][] = [];
    for (let i = 0; i < options.guests; i++) {
      const wait = t0 + (i * options.joinS * 1000) / options.guests - performance.now();
      if (wait > 1) await sleep(wait);
      if (kind === "ours") {
        joins.push(
          joinOurs(info, i, () => sheds++).then(
            ({ guest, ms, steps: taken }) => {
              guests[i] = guest;
              steps.push(taken);
              return ms;
            },
            () => {
              joinFailures++;
              return Number.POSITIVE_INFINITY;
            },
          ),
        );
      } else {
        const started = performance.now();
        const client = connectClient(info.wsServerUrl, "whole-group", undefined, `Guest ${i}`);
        stockClients[i] = client;
        joins.push(
          synced(client).then((ok) =>
            ok ? performance.now() - started : Number.POSITIVE_INFINITY,
          ),
        );
      }
    }
    const join = await Promise.all(joins);
    console.log(
      `  ${kind}: ${options.guests} joined in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // Rooms: ours through the facilitator's auto-assign, each guest then finding their room as
    // the join link tells it; stock: the same split, guest i in room i mod rooms.
    const roomOf: number[] = [];
    const roomClients: Client[][] = Array.from({ length: options.rooms }, () => []);
    if (kind === "ours") {
      const g = info.guests!;
      const assigned = await fetch(
        `${g.appUrl}${g.sessionPath}?_data=${encodeURIComponent(ROUTE_ID)}`,
        {
          method: "POST",
          headers: {
            cookie: g.facilitatorCookie,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ csrf: BENCH_CSRF, intent: "auto-assign" }),
        },
      );
      if (assigned.status !== 200) throw new Error(`auto-assign got ${assigned.status}`);
      for (let i = 0; i < guests.length; i += 50) {
        await Promise.all(
          guests.slice(i, i + 50).map(async (guest, k) => {
            if (!guest) return;
            try {
              const back = await request(
                `${g.appUrl}${g.joinPath}`,
                { headers: { cookie: guest.cookie, "x-forwarded-for": guest.address } },
                () => sheds++,
              );
              await back.arrayBuffer();
              const boardId = (back.headers.get("location") ?? "").split("#board-")[1] ?? "";
              const room = info.boardIds.indexOf(boardId);
              roomOf[i + k] = room;
              closeAll([guest.client]);
              guest.client = connectClient(
                info.wsServerUrl,
                documentName.board(boardId),
                guest.cookie,
                `Guest ${i + k}`,
              );
              await synced(guest.client);
              if (room >= 0) roomClients[room]!.push(guest.client);
            } catch {
              roomOf[i + k] = -1; // counted below as an idea that could not be posted
            }
          }),
        );
      }
    } else {
      for (let i = 0; i < stockClients.length; i++) {
        closeAll([stockClients[i]!]);
        const room = i % options.rooms;
        roomOf[i] = room;
        stockClients[i] = connectClient(
          info.wsServerUrl,
          info.rooms[room]!,
          undefined,
          `Guest ${i}`,
        );
        roomClients[room]!.push(stockClients[i]!);
        if (i % 50 === 49) await Promise.all(stockClients.slice(i - 49, i + 1).map(synced));
      }
      await Promise.all(stockClients.map(synced));
    }
    console.log(`  ${kind}: rooms assigned and opened`);
    const trackers = roomClients.map((clients) => new ArrivalTracker(clients));
    await sleep(2_000);

    // Every guest posts one idea, open loop at ideasPerSecond.
    const nonce = Math.random().toString(36).slice(2, 8);
    const postStart = performance.now();
    let refused = 0;
    const count = kind === "ours" ? guests.length : stockClients.length;
    const pending: Promise<number>[] = [];
    for (let i = 0; i < count; i++) {
      const wait = postStart + (i * 1000) / options.ideasPerSecond - performance.now();
      if (wait > 1) await sleep(wait);
      const room = roomOf[i];
      if (room === undefined || room < 0) {
        refused++;
        continue;
      }
      const text = `Guest ${i} (${kind} ${nonce}): a later start for the high school`;
      const column = KNOSTER_COLUMNS[i % KNOSTER_COLUMNS.length]!;
      const round = trackers[room]!.expect(text, IDEA_TIMEOUT_MS);
      const t = performance.now();
      if (kind === "ours") {
        const guest = guests[i]!;
        fetch(
          `${info.guests!.appUrl}${info.guests!.sessionPath}?_data=${encodeURIComponent(ROUTE_ID)}`,
          {
            method: "POST",
            headers: { cookie: guest.cookie, "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({
              csrf: guest.csrf,
              intent: "post-idea",
              boardId: info.boardIds[room]!,
              column,
              text,
            }),
          },
        ).then(
          async (response) => {
            await response.arrayBuffer();
            if (response.status !== 200) refused++;
          },
          () => refused++,
        );
      } else {
        const doc = stockClients[i]!.doc;
        const id = `guest-${nonce}-${i}`;
        const idea: BoardIdea = { id, column, text, createdAt: new Date().toISOString() };
        doc.transact(() => boardIdeas(doc).set(id, idea));
      }
      pending.push(
        round.done.then((complete) => {
          const times = [...round.arrivals].filter((a) => !Number.isNaN(a));
          return complete ? Math.max(...times) - t : Number.POSITIVE_INFINITY;
        }),
      );
    }
    const ideas = await Promise.all(pending);
    const cpuFigures = cpu.stop();
    return {
      kind,
      description: info.description,
      steps,
      join,
      sheds,
      joinFailures,
      ideas,
      refused,
      incomplete: ideas.filter((v) => !Number.isFinite(v)).length,
      serverPct: (cpuFigures.serverMs / cpuFigures.windowMs) * 100,
      memoryPeak: processMemoryMb(server.pid).peak,
    };
  } finally {
    closeAll(guests.filter(Boolean).map((g) => g.client));
    closeAll(stockClients.filter(Boolean));
    await server.close();
  }
}

function report(options: GuestsOptions, results: Result[]) {
  const ours = results.find((r) => r.kind === "ours");
  const stock = results.find((r) => r.kind === "stock");
  console.log(`\n${LINE}`);
  console.log(
    `Guests: ${options.guests} join one session by code over ${options.joinS} s, then ${options.guests} ideas at ${options.ideasPerSecond}/s over ${options.rooms} rooms`,
  );
  console.log(LINE);
  console.log(clientsLine(options.guests));
  for (const r of results) console.log(`${r.kind.padEnd(6)} ${r.description}`);
  console.log(
    "ours:  join = GET join link, POST guest form, GET session page, board synced; stock: connect → synced",
  );
  console.log(`\n${"".padEnd(44)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("max ms", 9)}`);
  const row = (label: string, values: number[]) => {
    const s = stats(values);
    console.log(`${label.padEnd(44)}${pad(ms(s.p50), 9)}${pad(ms(s.p99), 9)}${pad(ms(s.max), 9)}`);
    return s;
  };
  const oj = ours ? row("ours:  join → synced (3 requests + sync)", ours.join) : null;
  if (ours) {
    for (const [n, label] of [
      "GET join link",
      "POST guest form",
      "GET session page",
      "board synced",
    ].entries())
      row(
        `  ours: ${label}`,
        ours.steps.map((s) => s[n] ?? Number.NaN).filter((v) => !Number.isNaN(v)),
      );
  }
  const sj = stock ? row("stock: connect → synced", stock.join) : null;
  if (oj && sj)
    console.log(
      `${"ratio ours / stock".padEnd(44)}${pad(`${(oj.p50 / sj.p50).toFixed(2)}x`, 9)}${pad(`${(oj.p99 / sj.p99).toFixed(2)}x`, 9)}`,
    );
  const oi = ours ? row(`ours:  POST → all in the room`, ours.ideas) : null;
  const si = stock ? row(`stock: write → all in the room`, stock.ideas) : null;
  if (oi && si)
    console.log(
      `${"ratio ours / stock".padEnd(44)}${pad(`${(oi.p50 / si.p50).toFixed(2)}x`, 9)}${pad(`${(oi.p99 / si.p99).toFixed(2)}x`, 9)}`,
    );
  console.log("");
  for (const r of results) {
    console.log(
      `${r.kind.padEnd(6)} server peak RSS ${r.memoryPeak.toFixed(0)} MiB; server CPU ${r.serverPct.toFixed(0)}% of a core over the run; 503s retried ${r.sheds}; joins failed ${r.joinFailures}`,
    );
  }
  if (ours && stock)
    console.log(`peak RSS ratio ours / stock: ${(ours.memoryPeak / stock.memoryPeak).toFixed(2)}x`);
  if (ours) {
    console.log("\nTargets (ours)");
    target(
      `p99 join → synced under ${TARGET_JOIN_P99_MS} ms`,
      `${ms(oj!.p99)} ms`,
      oj!.p99 < TARGET_JOIN_P99_MS,
    );
    target("every guest joined", `${ours.joinFailures} failed`, ours.joinFailures === 0);
    target(
      "no idea lost",
      `${ours.refused} refused, ${ours.incomplete} incomplete`,
      ours.refused + ours.incomplete === 0,
    );
    target(
      `p99 POST → whole room under ${TARGET_IDEA_P99_MS} ms`,
      `${ms(oi!.p99)} ms`,
      oi!.p99 < TARGET_IDEA_P99_MS,
    );
    target(
      `peak RSS under ${TARGET_PEAK_RSS_MB} MiB`,
      `${ours.memoryPeak.toFixed(0)} MiB`,
      ours.memoryPeak < TARGET_PEAK_RSS_MB,
    );
  }
  console.log(LINE);
}

export async function runGuests(options: GuestsOptions, kinds: ServerKind[], start: StartOptions) {
  const database = kinds.includes("ours") ? freshSqliteDatabase() : null;
  const results: Result[] = [];
  try {
    for (const kind of kinds) {
      console.log(`Guests: measuring ${kind}…`);
      results.push(await measure(kind, options, database?.url ?? "", start));
    }
  } finally {
    database?.drop();
  }
  report(options, results);
}
