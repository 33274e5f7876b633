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

export function connectClient(
  wsServerUrl: string,
  room: string,
  cookie: string | undefined,
  name: string,
): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsServerUrl, room, doc, {
    WebSocketPolyfill: (cookie
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
  timeoutMs = 60_000,
): Promise<Client[]> {
  const clients: Client[] = [];
  const connect = async () => {
    // In batches of 20, as people trickle in, rather than 200 handshakes in one tick.
    for (let i = 0; i < count; i += 20) {
      const batch: Promise<void>[] = [];
      for (let j = i; j < Math.min(count, i + 20); j++) {
        const client = connectClient(wsServerUrl, room, cookieOf(j), `Bench Member ${j}`);
        clients.push(client);
        batch.push(
          new Promise((resolve) => {
            if (client.provider.synced) resolve();
            else client.provider.once("sync", () => resolve());
          }),
        );
      }
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

/**
 * Watches every client's "ideas" map. expect(text) opens a round for one idea, recognised by
 * its text (the id is made by the server, unknown until the response is read, and the idea may
 * arrive before that); `done` resolves true when all clients have it, false on timeout.
 */
export class ArrivalTracker {
  private current:
    | { text: string; arrivals: Float64Array; count: number; finish: (ok: boolean) => void }
    | undefined;
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
    const round = this.current;
    if (!round || round.text !== text || !Number.isNaN(round.arrivals[client]!)) return;
    round.arrivals[client] = at;
    if (++round.count === this.clients.length) round.finish(true);
  }

  expect(text: string, timeoutMs: number): Round {
    const arrivals = new Float64Array(this.clients.length).fill(Number.NaN);
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<boolean>((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.current = undefined;
        resolve(ok);
      };
      this.current = { text, arrivals, count: 0, finish };
      timer = setTimeout(() => finish(false), timeoutMs);
    });
    return { arrivals, done };
  }
}
