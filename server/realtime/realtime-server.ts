import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { SessionStorage } from "@remix-run/node";
import * as decoding from "lib0/decoding";
import { WebSocket, WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { sessionUser } from "../../app/modules/auth/auth-session.server.ts";
import { authorizeDocument } from "../../app/modules/documents/document-access.server.ts";
import { parseDocumentName, YJS_PATH } from "../../app/modules/documents/document-name.ts";
import type { LivePublisher } from "../../app/modules/documents/live-publisher.ts";
import { buildServerDocument } from "../../app/modules/documents/server-documents.server.ts";
import { emptyNotesUpdate } from "../../app/modules/notes/notes-document.server.ts";
import type { AuthSessionData } from "../../app/utils/app-context.ts";
import type { Db } from "../db.ts";
import type { Logger } from "../log.ts";
import type { DocumentStore } from "./document-store.ts";
import { LiveDocument, SERVER_ORIGIN } from "./live-document.ts";
import {
  type Connection,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  ProtocolError,
} from "./protocol.ts";

/**
 * Largest websocket message we accept. Our documents are meeting notes and boards, well under
 * a megabyte; a reconnecting editor may send its whole offline state in one message. The ws
 * default (100 MiB) would let one client make the server buffer 100 MiB.
 */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/**
 * Raw bytes a client may send without completing a message. Caps a flood of empty fragments,
 * which never reaches maxPayload because each carries no payload.
 */
const MAX_BYTES_BETWEEN_MESSAGES = MAX_MESSAGE_BYTES + 64 * 1024;
/** Messages one connection may send per second; a fast typist with a cursor sends ~30. */
const MAX_MESSAGES_PER_SECOND = 300;
/** Messages held for a connection while its document loads. */
const MAX_QUEUED_WHILE_LOADING = 64;
/**
 * Bytes waiting to go out to one client before it counts as too slow and is dropped; it
 * re-syncs when it reconnects, instead of making the server hold an ever-growing queue.
 */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** How long a closed connection may take to answer the close handshake before it is cut. */
const CLOSE_GRACE_MS = 1_000;
/** A connection that has not answered a ping in this long is gone. */
const PING_INTERVAL_MS = 30_000;

type Deps = {
  db: Db;
  log: Logger;
  authSessions: SessionStorage<AuthSessionData>;
  store: DocumentStore;
  /** The app's own origin (https://host), when configured; otherwise the Host header decides. */
  appUrl: string | undefined;
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
  private accepting = true;
  private readonly pinger: NodeJS.Timeout;

  constructor(private readonly deps: Deps) {
    this.pinger = setInterval(() => this.ping(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  get connectionCount() {
    return this.sockets.size;
  }

  /** For the HTTP server's "upgrade" event. */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until ws owns the socket, a reset connection must not become an unhandled error.
    socket.on("error", () => socket.destroy());
    this.upgrade(req, socket, head).catch((error) => {
      this.deps.log.error("websocket upgrade failed", { error: String(error) });
      refuse(socket, 500, "Internal error");
    });
  };

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(YJS_PATH)) return refuse(socket, 404, "Not found");
    if (!this.accepting) return refuse(socket, 503, "Server is restarting");
    if (!this.sameOrigin(req)) return refuse(socket, 403, "Cross-origin websocket refused");
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(YJS_PATH.length));
    } catch {
      return refuse(socket, 404, "Unknown document");
    }
    const parsed = parseDocumentName(name);
    if (!parsed) return refuse(socket, 404, "Unknown document");
    const session = await this.deps.authSessions.getSession(req.headers.cookie);
    const user = await sessionUser(this.deps.db, session);
    if (!user) return refuse(socket, 401, "Sign in first");
    const userId = user.id;
    const access = await authorizeDocument(this.deps, userId, parsed);
    if (!access.ok)
      return refuse(
        socket,
        access.status,
        access.status === 404 ? "Unknown document" : "Not a member",
      );
    if (!this.accepting) return refuse(socket, 503, "Server is restarting");
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connect(ws, socket, name, { userId, userName: user.name, canWrite: access.canWrite });
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
    who: { userId: string; userName: string; canWrite: boolean },
  ) {
    const log = this.deps.log;
    this.sockets.add(ws);
    let alive = true;
    let rawBytes = 0;
    let windowStart = Date.now();
    let windowCount = 0;
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
        this.handleMessage(entry.live, conn, message, () => {
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
        log.warn("closing a connection that broke the protocol", {
          doc: name,
          userId: who.userId,
          error: error instanceof Error ? error.message : String(error),
        });
        conn.close(1007, "Malformed message");
      }
    };

    ws.on("message", (data, isBinary) => {
      rawBytes = 0;
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        windowCount = 0;
      }
      if (++windowCount > MAX_MESSAGES_PER_SECOND) {
        log.warn("closing a connection sending too fast", { doc: name, userId: who.userId });
        conn.close(1008, "Too many messages");
        return;
      }
      if (!isBinary) {
        conn.close(1003, "Binary messages only");
        return;
      }
      const message = toBytes(data);
      if (ready) return handle(message);
      if (queue.length >= MAX_QUEUED_WHILE_LOADING) {
        conn.close(1008, "Too many messages before the document loaded");
        return;
      }
      queue.push(message);
    });

    ws.on("close", () => {
      this.sockets.delete(ws);
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
        log.error("loading a document failed", { doc: name, error: String(error) });
        conn.close(1011, "Could not load the document");
      },
    );
  }

  private handleMessage(
    live: LiveDocument,
    conn: Connection,
    message: Uint8Array,
    dropped: () => void,
  ) {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const stateVector = decoding.readVarUint8Array(decoder);
        Y.decodeStateVector(stateVector); // throws on garbage before we answer
        conn.send(encodeSyncStep2(live.doc, stateVector));
        return;
      }
      if (
        syncType === syncProtocol.messageYjsSyncStep2 ||
        syncType === syncProtocol.messageYjsUpdate
      ) {
        const update = decoding.readVarUint8Array(decoder);
        // Decoding first means garbage is refused before it can touch the document.
        const decoded = Y.decodeUpdate(update);
        if (!conn.canWrite) {
          if (decoded.structs.length > 0 || decoded.ds.clients.size > 0) dropped();
          return;
        }
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
    const live = new LiveDocument(
      name,
      parsed.kind === "notes" ? this.deps.store : null,
      this.deps.log,
    );
    const ready =
      parsed.kind === "notes"
        ? live.load({ seed: emptyNotesUpdate })
        : buildServerDocument(this.deps, parsed).then((build) => live.load({ build }));
    const entry = { live, ready };
    this.documents.set(name, entry);
    ready.catch(() => {
      if (this.documents.get(name) === entry) this.documents.delete(name);
    });
    return entry;
  }

  /** Frees a document nobody is connected to, but only after everything in it is stored. */
  private async unloadWhenIdle(name: string, entry: Entry) {
    await entry.ready.catch(() => undefined);
    await entry.live.stored();
    if (entry.live.connections.size > 0 || this.documents.get(name) !== entry) return;
    this.documents.delete(name);
    await entry.live.destroy();
  }

  /** LivePublisher: applies a stored command's change to a server-written document. */
  async change(name: string, apply: (doc: Y.Doc) => void) {
    const entry = this.documents.get(name);
    if (!entry) return; // Nobody has it open; it is built from the database when opened.
    await entry.ready;
    entry.live.doc.transact(() => apply(entry.live.doc), SERVER_ORIGIN);
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

  /** Stop accepting, tell clients to come back later, store every document, then let go. */
  async close() {
    this.accepting = false;
    clearInterval(this.pinger);
    for (const ws of this.sockets) ws.close(1012, "Server restarting");
    const entries = [...this.documents.values()];
    await Promise.all(
      entries.map((e) => e.ready.catch(() => undefined).then(() => e.live.stored())),
    );
    for (const ws of this.sockets) ws.terminate();
    await Promise.all(entries.map((e) => e.live.destroy()));
    this.documents.clear();
    this.wss.close();
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const reasons: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function refuse(socket: Duplex, status: number, message: string) {
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reasons[status] ?? "Error"}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
    );
  }
  socket.destroy();
}
