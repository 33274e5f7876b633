import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { SessionStorage } from "@remix-run/node";
import * as decoding from "lib0/decoding";
import { WebSocket, WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { authorizeUpgrade } from "../../app/modules/documents/document-access.server.ts";
import {
  isWrittenByPeople,
  parseDocumentName,
  YJS_PATH,
} from "../../app/modules/documents/document-name.ts";
import { emptyDocumentUpdate } from "../../app/modules/documents/lexical-document.server.ts";
import type { LivePublisher } from "../../app/modules/documents/live-publisher.ts";
import { buildServerDocument } from "../../app/modules/documents/server-documents.server.ts";
import type { AuthSessionData } from "../../app/utils/app-context.ts";
import type { DatabaseHealth } from "../database-health.ts";
import type { Db } from "../db.ts";
import { DATABASE_RETRY_AFTER_SECONDS } from "../limiters.ts";
import type { Logger } from "../log.ts";
import { ConnectionBudget, READER_LIMITS, WRITER_LIMITS } from "./connection-budget.ts";
import type { DocumentStore } from "./document-store.ts";
import { LiveDocument, SERVER_ORIGIN } from "./live-document.ts";
import {
  type Connection,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncStep1,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  ProtocolError,
} from "./protocol.ts";
import { Rebuilds } from "./rebuilds.ts";
import type { DocumentRelay, RelayKind } from "./relay.ts";

const isPeopleDocument = (name: string) => {
  const parsed = parseDocumentName(name);
  return parsed !== null && isWrittenByPeople(parsed);
};

/**
 * Largest websocket message ws will assemble at all (each connection's budget may allow less).
 * Our documents are meeting notes and boards, well under a megabyte; a reconnecting editor may
 * send its whole offline state in one message. The ws default (100 MiB) would let one client
 * make the server buffer 100 MiB.
 */
export const MAX_MESSAGE_BYTES = WRITER_LIMITS.messageBytes;
/**
 * Raw bytes a client may send without completing a message. Caps a flood of empty fragments,
 * which never reaches maxPayload because each carries no payload.
 */
const MAX_BYTES_BETWEEN_MESSAGES = MAX_MESSAGE_BYTES + 64 * 1024;
/** Open websockets one person may have (tabs, boards, notes), across all documents. */
const MAX_CONNECTIONS_PER_USER = 20;
/** Messages held for a connection while its document loads. */
const MAX_QUEUED_WHILE_LOADING = 64;
/**
 * Bytes waiting to go out to one client before it counts as too slow and is dropped; it
 * re-syncs when it reconnects, instead of making the server hold an ever-growing queue.
 */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** How long shutdown waits for the database to take the last updates. */
const SHUTDOWN_STORE_TIMEOUT_MS = 10_000;
/** How long a closed connection may take to answer the close handshake before it is cut. */
const CLOSE_GRACE_MS = 1_000;
/** A connection that has not answered a ping in this long is gone. */
const PING_INTERVAL_MS = 30_000;
/**
 * How often open sockets' sign-ins are checked against the database. A sign-out on this
 * process closes its sockets at once; this catches one made on another process (or a reset),
 * with one query per interval for all of this process's sockets.
 */
const SIGN_IN_CHECK_MS = 15_000;

type Deps = {
  db: Db;
  log: Logger;
  authSessions: SessionStorage<AuthSessionData>;
  store: DocumentStore;
  /** The app's own origin (https://host), when configured; otherwise the Host header decides. */
  appUrl: string | undefined;
  /** The other server processes (REDIS_URL), or null when this process is the only one. */
  relay: DocumentRelay | null;
  /** Told of failures, so an unreachable database is reported once rather than per socket. */
  database?: DatabaseHealth;
};

type Entry = { live: LiveDocument; ready: Promise<void> };

/**
 * The y-websocket protocol on /yjs/<document name>, in the app's own process. Authenticates
 * and authorizes the HTTP upgrade before a websocket exists, drops updates from read-only
 * connections, stores every applied update, and closes any one misbehaving socket alone.
 */
export class RealtimeServer implements LivePublisher {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  private readonly documents = new Map<string, Entry>();
  private readonly sockets = new Set<WebSocket>();
  private readonly socketsPerUser = new Map<string, number>();
  private accepting = true;
  private readonly pinger: NodeJS.Timeout;
  private readonly signInChecker: NodeJS.Timeout;

  /** Server-written documents rebuilt from the database after another process changed them. */
  private readonly rebuilds = new Rebuilds(
    async (name) => {
      const entry = this.documents.get(name);
      const parsed = parseDocumentName(name);
      if (!entry || !parsed || isWrittenByPeople(parsed)) return null;
      await entry.ready;
      const build = await buildServerDocument(this.deps, parsed);
      return () => entry.live.doc.transact(() => build(entry.live.doc), SERVER_ORIGIN);
    },
    (name, error) =>
      this.deps.log.warn("rebuilding a document after another process changed it failed", {
        doc: name,
        error: String(error),
      }),
  );

  constructor(private readonly deps: Deps) {
    this.pinger = setInterval(() => this.ping(), PING_INTERVAL_MS);
    this.pinger.unref();
    this.signInChecker = setInterval(() => {
      this.closeEndedSignIns().catch((error) => {
        if (!this.deps.database?.failed(error))
          this.deps.log.warn("could not check open sockets' sign-ins", { error: String(error) });
      });
    }, SIGN_IN_CHECK_MS);
    this.signInChecker.unref();
    deps.relay?.onReconnect(() => this.resync());
  }

  get connectionCount() {
    return this.sockets.size;
  }

  get documentCount() {
    return this.documents.size;
  }

  /** For the HTTP server's "upgrade" event. */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until ws owns the socket, a reset connection must not become an unhandled error.
    socket.on("error", () => socket.destroy());
    this.upgrade(req, socket, head).catch((error) => {
      if (this.deps.database?.failed(error))
        return refuseUpgrade(
          socket,
          503,
          "Try again in a few seconds",
          DATABASE_RETRY_AFTER_SECONDS,
        );
      this.deps.log.error("websocket upgrade failed", { error: String(error) });
      refuseUpgrade(socket, 500, "Internal error");
    });
  };

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(YJS_PATH)) return refuseUpgrade(socket, 404, "Not found");
    if (!this.accepting) return refuseUpgrade(socket, 503, "Server is restarting");
    if (!this.sameOrigin(req)) return refuseUpgrade(socket, 403, "Cross-origin websocket refused");
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(YJS_PATH.length));
    } catch {
      return refuseUpgrade(socket, 404, "Unknown document");
    }
    const parsed = parseDocumentName(name);
    if (!parsed) return refuseUpgrade(socket, 404, "Unknown document");
    const session = await this.deps.authSessions.getSession(req.headers.cookie);
    const access = await authorizeUpgrade(this.deps.db, session, parsed);
    if (!access.ok) {
      const why = { 401: "Sign in first", 403: "Not a member", 404: "Unknown document" };
      return refuseUpgrade(socket, access.status, why[access.status]);
    }
    const { user } = access;
    if ((this.socketsPerUser.get(user.id) ?? 0) >= MAX_CONNECTIONS_PER_USER) {
      return refuseUpgrade(socket, 429, "Too many open connections");
    }
    if (!this.accepting) return refuseUpgrade(socket, 503, "Server is restarting");
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connect(ws, socket, name, {
        userId: user.id,
        signInId: access.signInId,
        userName: user.name,
        canWrite: access.canWrite,
      });
    });
  }

  /**
   * Browsers always send Origin on a websocket handshake; one from another site is refused so a
   * page elsewhere cannot ride a member's cookie. Clients that are not browsers send none.
   */
  private sameOrigin(req: IncomingMessage) {
    const origin = req.headers.origin;
    if (!origin) return true;
    try {
      const given = new URL(origin);
      if (this.deps.appUrl) return given.origin === new URL(this.deps.appUrl).origin;
      return given.host === req.headers.host;
    } catch {
      return false;
    }
  }

  private connect(
    ws: WebSocket,
    socket: Duplex,
    name: string,
    who: { userId: string; signInId: string; userName: string; canWrite: boolean },
  ) {
    const log = this.deps.log;
    this.sockets.add(ws);
    this.socketsPerUser.set(who.userId, (this.socketsPerUser.get(who.userId) ?? 0) + 1);
    const budget = new ConnectionBudget(who.canWrite ? WRITER_LIMITS : READER_LIMITS);
    let alive = true;
    let rawBytes = 0;
    let droppedUpdates = 0;
    const conn: Connection & { alive: () => boolean; markAlive: (v: boolean) => void } = {
      ...who,
      send(message) {
        if (ws.readyState !== WebSocket.OPEN) return;
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
          log.warn("closing a connection that cannot keep up", { doc: name, userId: who.userId });
          ws.terminate();
          return;
        }
        ws.send(message, (error) => {
          if (error) ws.terminate();
        });
      },
      close(code, reason) {
        if (ws.readyState !== WebSocket.OPEN) return ws.terminate();
        ws.close(code, reason);
        // A client that does not answer the close handshake is not waited for (ws waits 30 s).
        setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
      },
      alive: () => alive,
      markAlive: (v) => {
        alive = v;
      },
    };
    (ws as WebSocket & { conn?: typeof conn }).conn = conn;

    ws.on("error", (error) => {
      // ws reports malformed frames (reserved bits, bad opcode, invalid UTF-8, oversize) here
      // and closes the socket; without this listener the whole process would crash.
      log.warn("websocket error; connection closed", {
        doc: name,
        userId: who.userId,
        error: error.message,
      });
      ws.terminate();
    });
    ws.on("pong", () => conn.markAlive(true));
    socket.on("data", (chunk: Buffer) => {
      rawBytes += chunk.length;
      if (rawBytes > MAX_BYTES_BETWEEN_MESSAGES) {
        log.warn("closing a connection sending a never-ending message", {
          doc: name,
          userId: who.userId,
        });
        ws.terminate();
      }
    });

    const entry = this.open(name);
    const queue: Uint8Array[] = [];
    let ready = false;

    const handle = (message: Uint8Array) => {
      try {
        this.handleMessage(entry.live, conn, message, budget, () => {
          droppedUpdates++;
          // The first drop and then every hundredth: a misbehaving client must not flood the log.
          if (droppedUpdates % 100 === 1) {
            log.warn("dropped an update from a read-only connection", {
              doc: name,
              userId: who.userId,
              dropped: droppedUpdates,
            });
          }
        });
      } catch (error) {
        const overLimit = error instanceof OverLimit;
        log.warn(
          overLimit
            ? "closing a connection over its limits"
            : "closing a connection that broke the protocol",
          {
            doc: name,
            userId: who.userId,
            error: error instanceof Error ? error.message : String(error),
          },
        );
        if (error instanceof OverLimit) conn.close(error.code, error.message);
        else conn.close(1007, "Malformed message");
      }
    };

    ws.on("message", (data, isBinary) => {
      rawBytes = 0;
      if (!isBinary) {
        conn.close(1003, "Binary messages only");
        return;
      }
      const message = toBytes(data);
      const overLimit = budget.message(message.byteLength);
      if (overLimit) {
        log.warn("closing a connection over its limits", {
          doc: name,
          userId: who.userId,
          limit: overLimit,
        });
        conn.close(1008, overLimit);
        return;
      }
      if (ready) return handle(message);
      if (queue.length >= MAX_QUEUED_WHILE_LOADING) {
        conn.close(1008, "Too many messages before the document loaded");
        return;
      }
      queue.push(message);
    });

    ws.on("close", () => {
      this.sockets.delete(ws);
      const open = (this.socketsPerUser.get(who.userId) ?? 1) - 1;
      if (open > 0) this.socketsPerUser.set(who.userId, open);
      else this.socketsPerUser.delete(who.userId);
      entry.live.removeConnection(conn);
      if (entry.live.connections.size === 0) void this.unloadWhenIdle(name, entry);
    });

    entry.ready.then(
      () => {
        if (ws.readyState !== WebSocket.OPEN) return;
        entry.live.connections.set(conn, new Set());
        ready = true;
        conn.send(encodeSyncStep1(entry.live.doc));
        const states = [...entry.live.awareness.getStates().keys()];
        if (states.length > 0) conn.send(encodeAwarenessMessage(entry.live.awareness, states));
        for (const message of queue.splice(0)) handle(message);
      },
      (error) => {
        if (!this.deps.database?.failed(error))
          log.error("loading a document failed", { doc: name, error: String(error) });
        conn.close(1011, "Could not load the document");
      },
    );
  }

  private handleMessage(
    live: LiveDocument,
    conn: Connection,
    message: Uint8Array,
    budget: ConnectionBudget,
    dropped: () => void,
  ) {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const limit = budget.syncRequest();
        if (limit) throw new OverLimit(limit);
        // syncAnswer decodes the state vector first, so garbage throws before any answer.
        conn.send(live.syncAnswer(decoding.readVarUint8Array(decoder)));
        return;
      }
      if (
        syncType === syncProtocol.messageYjsSyncStep2 ||
        syncType === syncProtocol.messageYjsUpdate
      ) {
        // Reading the bytes checks the framing; decoding the update itself is real work, done
        // only for a connection whose update will be applied.
        const update = decoding.readVarUint8Array(decoder);
        if (!conn.canWrite) {
          // An empty update (a fresh client's answer to our sync request) is no write attempt.
          if (update.byteLength > 2) dropped();
          return;
        }
        Y.decodeUpdate(update); // garbage is refused before it can touch the document
        if (live.backlogged) throw new OverLimit("The server is saving; try again shortly", 1013);
        Y.applyUpdate(live.doc, update, conn);
        return;
      }
      throw new ProtocolError(`unknown sync message ${syncType}`);
    }
    if (type === MESSAGE_AWARENESS) {
      const entries = live.ownEntries(
        conn,
        decodeAwarenessUpdate(decoding.readVarUint8Array(decoder)),
      );
      // Only a connection's own presence counts against its allowance: the echo of others'
      // presence that every y-websocket client sends back is dropped above at no further cost.
      if (entries.length > 0) {
        const limit = budget.presenceUpdate();
        if (limit) throw new OverLimit(limit);
      }
      // Presence carries the name the server knows, not one the client claims: `user.name` for
      // the board's "here now", `name` for Lexical's cursor labels in the notes.
      for (const e of entries) {
        if (e.state) e.state = { ...e.state, name: conn.userName, user: { name: conn.userName } };
      }
      if (entries.length > 0) {
        awarenessProtocol.applyAwarenessUpdate(
          live.awareness,
          encodeAwarenessEntries(entries),
          conn,
        );
      }
      return;
    }
    if (type === MESSAGE_QUERY_AWARENESS) {
      conn.send(encodeAwarenessMessage(live.awareness, [...live.awareness.getStates().keys()]));
      return;
    }
    throw new ProtocolError(`unknown message type ${type}`);
  }

  /** The document in memory, loading it (once, however many join at the same moment) if needed. */
  private open(name: string): Entry {
    const existing = this.documents.get(name);
    if (existing) return existing;
    const parsed = parseDocumentName(name)!;
    const relay = this.deps.relay;
    const live = new LiveDocument(
      name,
      isWrittenByPeople(parsed) ? this.deps.store : null,
      this.deps.log,
      relay ? (kind, payload) => void relay.publish(name, kind, payload) : null,
    );
    const load = () =>
      isWrittenByPeople(parsed)
        ? live.load({ seed: emptyDocumentUpdate })
        : buildServerDocument(this.deps, parsed).then((build) => live.load({ build }));
    // Subscribed before loading, so nothing another process does in between is missed; what
    // arrives before the load is applied after it (Yjs updates apply in any order).
    const early: [RelayKind, Uint8Array][] = [];
    let loaded = false;
    const ready = relay
      ? relay
          .join(name, (kind, payload) => {
            if (loaded) this.fromRelay(name, live, kind, payload);
            else early.push([kind, payload]);
          })
          .catch((error) => {
            this.deps.log.error("redis: could not follow a document; it resyncs on reconnect", {
              doc: name,
              error: String(error),
            });
          })
          .then(load)
          .then(() => {
            loaded = true;
            for (const [kind, payload] of early.splice(0))
              this.fromRelay(name, live, kind, payload);
          })
      : load();
    const entry = { live, ready };
    this.documents.set(name, entry);
    ready.catch(() => {
      if (this.documents.get(name) === entry) {
        this.documents.delete(name);
        relay?.leave(name);
      }
    });
    return entry;
  }

  /** A message about an open document from another process. */
  private fromRelay(name: string, live: LiveDocument, kind: RelayKind, payload: Uint8Array) {
    if (kind === "update" || kind === "presence") live.applyRemote(kind, payload);
    else if (kind === "refresh") void this.rebuilds.request(name);
    else if (kind === "sync-request" && isPeopleDocument(name))
      void this.deps.relay?.publish(name, "update", live.missingFor(payload));
  }

  /**
   * After a Redis outage, messages sent meanwhile are gone: send everything open here, ask the
   * others for what they have, and rebuild server-written documents from the database.
   */
  private resync() {
    for (const [name, entry] of this.documents) {
      void entry.ready.then(() => {
        entry.live.resend();
        if (isPeopleDocument(name))
          void this.deps.relay?.publish(name, "sync-request", Y.encodeStateVector(entry.live.doc));
        else void this.rebuilds.request(name);
      });
    }
  }

  /** Frees a document nobody is connected to, but only after everything in it is stored. */
  private async unloadWhenIdle(name: string, entry: Entry) {
    await entry.ready.catch(() => undefined);
    await entry.live.stored();
    if (entry.live.connections.size > 0 || this.documents.get(name) !== entry) return;
    this.documents.delete(name);
    this.deps.relay?.leave(name);
    await entry.live.destroy();
  }

  /** LivePublisher: applies a stored command's change to a server-written document. */
  async change(name: string, apply: (doc: Y.Doc) => void) {
    // The database already holds the change: other processes rebuild their copy from it. The
    // command is answered only once Redis has taken the notice, so a process killed right after
    // acknowledging an idea cannot leave another process's open board without it.
    await this.deps.relay?.publish(name, "refresh");
    const entry = this.documents.get(name);
    if (!entry) return; // Nobody has it open here; it is built from the database when opened.
    await entry.ready;
    entry.live.doc.transact(() => apply(entry.live.doc), SERVER_ORIGIN);
    this.rebuilds.changed(name);
  }

  /** LivePublisher: waits until an open document's pending updates are stored. */
  async stored(name: string) {
    const entry = this.documents.get(name);
    if (!entry) return;
    await entry.ready.catch(() => undefined);
    await entry.live.stored();
  }

  /**
   * LivePublisher: closes a person's open connections (after their role changed); their pages
   * reconnect at once and are authorized afresh.
   */
  disconnectUser(userId: string) {
    for (const ws of this.sockets) {
      const conn = (ws as WebSocket & { conn?: Connection }).conn;
      if (conn?.userId === userId) conn.close(4001, "Your access changed");
    }
  }

  /** LivePublisher: closes the sockets opened under sign-ins that were just ended. */
  disconnectSignIns(signInIds: string[]) {
    if (signInIds.length === 0) return;
    const ended = new Set(signInIds);
    for (const ws of this.sockets) {
      const conn = (ws as WebSocket & { conn?: Connection }).conn;
      if (conn && ended.has(conn.signInId)) conn.close(4401, "Signed out");
    }
  }

  /** Closes sockets whose sign-in no longer exists (ended on another process, or expired). */
  private async closeEndedSignIns() {
    const open = new Set<string>();
    for (const ws of this.sockets) {
      const conn = (ws as WebSocket & { conn?: Connection }).conn;
      if (conn) open.add(conn.signInId);
    }
    if (open.size === 0) return;
    const ids = [...open];
    const alive = new Set<string>();
    // In slices: SQLite caps the parameters of one statement.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.deps.db.signIn.findMany({
        where: { id: { in: ids.slice(i, i + 500) }, expiresAt: { gt: new Date() } },
        select: { id: true },
      });
      for (const row of rows) alive.add(row.id);
    }
    this.disconnectSignIns(ids.filter((id) => !alive.has(id)));
  }

  private ping() {
    for (const ws of this.sockets) {
      const conn = (
        ws as WebSocket & { conn?: { alive: () => boolean; markAlive: (v: boolean) => void } }
      ).conn;
      if (!conn) continue;
      if (!conn.alive()) {
        ws.terminate();
        continue;
      }
      conn.markAlive(false);
      ws.ping();
    }
  }

  /**
   * Stop accepting, tell clients to come back later, store every document, then let go. A
   * database that does not come back in time is logged with what could not be stored, rather
   * than holding the shutdown forever.
   */
  async close() {
    this.accepting = false;
    clearInterval(this.pinger);
    clearInterval(this.signInChecker);
    for (const ws of this.sockets) ws.close(1012, "Server restarting");
    const entries = [...this.documents.values()];
    const stored = Promise.all(
      entries.map((e) => e.ready.catch(() => undefined).then(() => e.live.stored())),
    );
    const timedOut = await Promise.race([
      stored.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), SHUTDOWN_STORE_TIMEOUT_MS).unref()),
    ]);
    if (timedOut) {
      this.deps.log.error("shutting down with documents not stored", {
        documents: entries.filter((e) => e.live.backlog > 0).map((e) => e.live.name),
      });
    }
    for (const ws of this.sockets) ws.terminate();
    if (!timedOut) await Promise.all(entries.map((e) => e.live.destroy()));
    for (const name of this.documents.keys()) this.deps.relay?.leave(name);
    this.documents.clear();
    this.wss.close();
  }
}

/** A connection that exceeded one of its allowances; closed with a policy code. */
class OverLimit extends Error {
  constructor(
    message: string,
    readonly code = 1008,
  ) {
    super(message);
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const reasons: Record<number, string> = {
  429: "Too Many Requests",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Answers a websocket upgrade with a plain HTTP refusal and closes the socket. */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  message: string,
  retryAfterSeconds?: number,
) {
  if (socket.writable) {
    const retry = retryAfterSeconds ? `Retry-After: ${retryAfterSeconds}\r\n` : "";
    socket.write(
      `HTTP/1.1 ${status} ${reasons[status] ?? "Error"}\r\nConnection: close\r\n${retry}Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
    );
  }
  socket.destroy();
}
