import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "../log.ts";

/**
 * What one server process tells the others about an open document, through Redis pub/sub,
 * when several processes serve the same rooms (REDIS_URL). Each message goes to the channel
 * of its document; only processes with that document open subscribe to it.
 *
 * - update: a Yjs update people made here (notes, publications). The process that received it
 *   from its client stores it; the others only apply it and pass it on to their clients, so it
 *   is stored once.
 * - presence: a y-protocols awareness update for the people connected here.
 * - refresh: a command changed a server-written document (a board, a session, its theming) in
 *   the database; the others rebuild theirs from the database, which is the truth.
 * - sync-request: a process back from a Redis outage asks for what it missed, by state vector.
 *
 * Pub/sub delivers nothing while a process is disconnected, so after a reconnect each process
 * sends its documents' whole state and asks for what it lacks (RealtimeServer.resync).
 */
export const RELAY_KINDS = ["update", "presence", "refresh", "sync-request"] as const;
export type RelayKind = (typeof RELAY_KINDS)[number];

export type RelayHandler = (kind: RelayKind, payload: Uint8Array) => void;

export interface DocumentRelay {
  /** Starts receiving a document's messages; resolves once subscribed. */
  join(name: string, handler: RelayHandler): Promise<void>;
  leave(name: string): void;
  /**
   * Sends to the other processes; resolves once Redis took it (Redis hands a message to its
   * subscribers before it answers), or at once when Redis is down. Never rejects.
   */
  publish(name: string, kind: RelayKind, payload?: Uint8Array): Promise<void>;
  /** Called after Redis came back from an outage, for the server to resync what it holds. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

const CHANNEL_PREFIX = "convene:doc:";
/** Bytes before the payload: the kind, then the sending process's id. */
const PROCESS_ID_BYTES = 8;

export function redisRelay(url: string, log: Logger): DocumentRelay {
  const processId = randomBytes(PROCESS_ID_BYTES);
  // A publishing connection and a subscribing one: Redis allows nothing but (un)subscribe on
  // a connection in subscriber mode. A publish while disconnected fails at once (no offline
  // queue): a lost presence or update is made good by the resync after reconnecting. A
  // subscribe waits for the connection, so a document opened during an outage still follows.
  const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false };
  const pub = new Redis(url, options);
  const sub = new Redis(url, { ...options, enableOfflineQueue: true });
  const handlers = new Map<string, RelayHandler>();
  const reconnectListeners: (() => void)[] = [];
  let wasDown = false;
  let closing = false;

  for (const [role, client] of [
    ["publisher", pub],
    ["subscriber", sub],
  ] as const) {
    client.on("error", (error: Error) => {
      // ioredis retries by itself; one line per outage, not one per retry.
      if (!wasDown && !closing) log.error(`redis ${role} lost; retrying`, { error: error.message });
      if (role === "subscriber") wasDown = true;
    });
  }
  sub.on("ready", () => {
    if (!wasDown) return;
    wasDown = false;
    // ioredis re-subscribes to the channels by itself on reconnect. The resync publishes, and
    // the publisher queues nothing while offline: wait until it is connected too, or the
    // resync would be lost when it reconnects a moment after the subscriber.
    const resync = () => {
      log.info("redis back: resyncing open documents");
      for (const listener of reconnectListeners) listener();
    };
    if (pub.status === "ready") resync();
    else pub.once("ready", resync);
  });
  sub.on("messageBuffer", (channel: Buffer, message: Buffer) => {
    if (message.length < 1 + PROCESS_ID_BYTES) return;
    if (message.subarray(1, 1 + PROCESS_ID_BYTES).equals(processId)) return; // our own
    const kind = RELAY_KINDS[message[0] ?? 255];
    const handler = handlers.get(channel.toString("utf8").slice(CHANNEL_PREFIX.length));
    if (!kind || !handler) return;
    try {
      handler(kind, new Uint8Array(message.subarray(1 + PROCESS_ID_BYTES)));
    } catch (error) {
      log.warn("a relayed document message could not be applied", { error: String(error) });
    }
  });

  return {
    async join(name, handler) {
      handlers.set(name, handler);
      await sub.subscribe(CHANNEL_PREFIX + name);
    },
    leave(name) {
      handlers.delete(name);
      sub.unsubscribe(CHANNEL_PREFIX + name).catch(() => undefined);
    },
    publish(name, kind, payload = new Uint8Array()) {
      const message = Buffer.concat([Buffer.from([RELAY_KINDS.indexOf(kind)]), processId, payload]);
      return pub.publish(CHANNEL_PREFIX + name, message).then(
        () => undefined,
        () => {
          // Redis is down: the error listener logged it; the resync on reconnect makes it good.
        },
      );
    },
    onReconnect(listener) {
      reconnectListeners.push(listener);
    },
    async close() {
      closing = true;
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
