import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { type BoardIdea, boardIdeas } from "../../app/modules/board/board-doc.ts";
import { socketWith } from "../support/realtime.ts";

/**
 * The real y-websocket client, many times over, and a clock on when each idea reaches each of
 * them. Arrival = the idea is in that client's Y.Map "ideas" (the map the board page reads):
 * the map's observer runs inside the websocket message handler that applied the update.
 */

export type Client = { doc: Y.Doc; provider: WebsocketProvider };

/**
 * Messages the clients of this process received and sent, by y-websocket message type (the
 * first byte: 0 sync, 1 presence/awareness, 3 presence query), counted on the socket itself.
 */
export class Traffic {
  readonly received = [0, 0, 0, 0];
  readonly receivedBytes = [0, 0, 0, 0];
  readonly sent = [0, 0, 0, 0];
  readonly sentBytes = [0, 0, 0, 0];

  count(into: "received" | "sent", data: unknown) {
    const bytes =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : Array.isArray(data)
          ? (data[0] as Uint8Array)
          : (data as Uint8Array);
    const type = Math.min(bytes[0] ?? 0, 3);
    const size = Array.isArray(data)
      ? data.reduce((n: number, part: Uint8Array) => n + part.byteLength, 0)
      : bytes.byteLength;
    this[into][type]!++;
    this[`${into}Bytes`][type]! += size;
  }

  snapshot() {
    return {
      received: [...this.received],
      receivedBytes: [...this.receivedBytes],
      sent: [...this.sent],
      sentBytes: [...this.sentBytes],
    };
  }
}

export type TrafficSnapshot = ReturnType<Traffic["snapshot"]>;

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

/** A websocket class that sends the cookie (if any) and counts what goes through it. */
function countingSocket(cookie: string | undefined, traffic: Traffic) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
      this.on("message", (data) => traffic.count("received", data));
      const send = this.send.bind(this);
      this.send = ((data: Uint8Array, ...rest: unknown[]) => {
        traffic.count("sent", data);
        return (send as (...args: unknown[]) => void)(data, ...rest);
      }) as typeof this.send;
    }
  };
}

export function connectClient(
  wsServerUrl: string,
  room: string,
  cookie: string | undefined,
  name: string,
  traffic?: Traffic,
): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsServerUrl, room, doc, {
    WebSocketPolyfill: (traffic
      ? countingSocket(cookie, traffic)
      : cookie
        ? socketWith({ cookie })
        : WebSocket) as unknown as typeof globalThis.WebSocket,
    // Node has a global BroadcastChannel: without this the clients would sync among
    // themselves and the figures would not measure the server.
    disableBc: true,
  });
  // What the board page does (app/realtime/use-live-board.ts): be listed as present.
  provider.awareness.setLocalStateField("user", { name });
  return { doc, provider };
}

export async function connectAll(
  count: number,
  wsServerUrl: string,
  room: string,
  cookieOf: (i: number) => string | undefined,
  options: {
    timeoutMs?: number;
    traffic?: Traffic;
    /** Connect one by one, evenly over this long (people arriving over a while), not in batches. */
    spreadMs?: number;
  } = {},
): Promise<Client[]> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const clients: Client[] = [];
  const connectOne = (j: number) => {
    const client = connectClient(
      wsServerUrl,
      room,
      cookieOf(j),
      `Bench Member ${j}`,
      options.traffic,
    );
    clients.push(client);
    return new Promise<void>((resolve) => {
      if (client.provider.synced) resolve();
      else client.provider.once("sync", () => resolve());
    });
  };
  const connect = async () => {
    if (options.spreadMs) {
      // One at a time, evenly over spreadMs, each at its own moment.
      const start = performance.now();
      const synced: Promise<void>[] = [];
      for (let j = 0; j < count; j++) {
        const wait = start + (j / count) * options.spreadMs - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        synced.push(connectOne(j));
      }
      await Promise.all(synced);
      return;
    }
    // In batches of 20, as people trickle in, rather than 200 handshakes in one tick.
    for (let i = 0; i < count; i += 20) {
      const batch: Promise<void>[] = [];
      for (let j = i; j < Math.min(count, i + 20); j++) batch.push(connectOne(j));
      await Promise.all(batch);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      connect(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${count} clients did not all sync within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    closeAll(clients);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return clients;
}

export function closeAll(clients: Client[]) {
  for (const { provider, doc } of clients) {
    provider.destroy();
    doc.destroy();
  }
}

export type Round = {
  /** performance.now() at each client's arrival; NaN where it never arrived. */
  arrivals: Float64Array;
  done: Promise<boolean>;
};

type OpenRound = { arrivals: Float64Array; count: number; finish: (ok: boolean) => void };

/**
 * Watches every client's "ideas" map. expect(text) opens a round for one idea, recognised by
 * its text (the id is made by the server, unknown until the response is read, and the idea may
 * arrive before that); `done` resolves true when all clients have it, false on timeout. Several
 * rounds may be open at once (ideas posted concurrently), one per text.
 */
export class ArrivalTracker {
  private readonly rounds = new Map<string, OpenRound>();
  /** Connection closes seen on any client while measuring (there should be none). */
  closes = 0;

  constructor(private readonly clients: Client[]) {
    clients.forEach(({ doc, provider }, i) => {
      const ideas = boardIdeas(doc);
      ideas.observe((event) => {
        const now = performance.now();
        for (const key of event.keysChanged) {
          const idea = ideas.get(key) as BoardIdea | undefined;
          if (idea) this.arrived(i, idea.text, now);
        }
      });
      provider.on("connection-close", () => {
        this.closes++;
      });
    });
  }

  private arrived(client: number, text: string, at: number) {
    const round = this.rounds.get(text);
    if (!round || !Number.isNaN(round.arrivals[client]!)) return;
    round.arrivals[client] = at;
    if (++round.count === this.clients.length) round.finish(true);
  }

  expect(text: string, timeoutMs: number): Round {
    const arrivals = new Float64Array(this.clients.length).fill(Number.NaN);
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<boolean>((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.rounds.delete(text);
        resolve(ok);
      };
      this.rounds.set(text, { arrivals, count: 0, finish });
      timer = setTimeout(() => finish(false), timeoutMs);
    });
    return { arrivals, done };
  }
}
