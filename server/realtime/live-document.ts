import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Logger } from "../log.ts";
import type { DocumentStore } from "./document-store.ts";
import type { Connection } from "./protocol.ts";
import {
  decodeAwarenessUpdate,
  encodeAwarenessMessage,
  encodeSyncStep2,
  encodeUpdateMessage,
} from "./protocol.ts";

/**
 * Presence entries one connection may own: one per editor or board on the page. More would let
 * one socket fill a room's presence with phantoms.
 */
const MAX_CLIENT_IDS_PER_CONNECTION = 4;
/**
 * How long presence changes gather before they go out together. A cursor that moves or a
 * person who joins shows up this much later, which nobody notices at 100 ms.
 */
const PRESENCE_BATCH_MS = 100;
/** Rows appended since the last compaction before the document is merged into one row. */
const COMPACT_AFTER_ROWS = 200;
/** A failed store is retried after 1 s, doubling up to 30 s; the updates stay in memory. */
const STORE_RETRY_MS = 1_000;
const STORE_RETRY_MAX_MS = 30_000;
/**
 * Unstored bytes a document may hold while the database is failing. Past this, writers are
 * turned away (they keep their edits and resend on reconnect) instead of memory growing.
 */
const MAX_PENDING_BYTES = 32 * 1024 * 1024;

/** Transaction origin of changes the server makes itself (board commands, loading). */
export const SERVER_ORIGIN = Symbol("server");
const LOAD_ORIGIN = Symbol("load");
/** Changes another server process relayed (relay.ts): shown here, stored there. */
const REMOTE_ORIGIN = Symbol("remote");

/** Where a document's own changes go for the other processes; null with one process. */
export type RelayOut = (kind: "update" | "presence", payload: Uint8Array) => void;

/**
 * One document in memory: its Y.Doc, who is connected, their presence, and (for persisted
 * documents) a queue of updates on their way to the store.
 */
export class LiveDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<Connection, Set<number>>();
  /** Which connection owns each presence entry (client id), so a check is one lookup. */
  private readonly owners = new Map<number, Connection>();
  /**
   * Who each presence entry belonged to, kept after its connection leaves: only that person
   * may claim it again (their browser reconnecting). Every y-websocket client echoes the
   * presence it receives, and an echo of a leaver's entry that arrives just after they left
   * would otherwise be claimed by the echoing connection: a ghost for as long as it stays.
   */
  private readonly claimedBy = new Map<number, string>();

  /** The whole document as a sync answer, made once per version for every joiner that needs it. */
  private fullSync: Uint8Array | null = null;
  private readonly presenceChanged = new Set<number>();
  private presenceTimer: NodeJS.Timeout | null = null;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private flushing: Promise<void> | null = null;
  private lastStoredId = 0;
  private rowsSinceCompaction = 0;
  /** Presence entries of people connected to other processes: never claimable here. */
  private readonly remoteIds = new Set<number>();
  /** Presence entries changed here since the last batch, for the other processes. */
  private readonly localPresenceChanged = new Set<number>();

  constructor(
    readonly name: string,
    private readonly store: DocumentStore | null,
    private readonly log: Logger,
    private readonly relay: RelayOut | null = null,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      this.fullSync = null;
      if (origin === LOAD_ORIGIN) return;
      this.broadcast(encodeUpdateMessage(update));
      // A relayed update was stored by the process its author is connected to.
      if (origin === REMOTE_ORIGIN || !this.store) return;
      this.pending.push(update);
      this.pendingBytes += update.byteLength;
      this.flush();
      this.relay?.("update", update);
    });
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /**
   * Applies stored updates (or the server-built state of a board) without re-storing them.
   * A stored document that has never been written starts from `seed`, which is stored.
   */
  async load(options: { build?: (doc: Y.Doc) => void; seed?: () => Uint8Array } = {}) {
    if (this.store) {
      const { updates, lastId } = await this.store.load(this.name);
      this.doc.transact(() => {
        for (const update of updates) Y.applyUpdate(this.doc, update);
      }, LOAD_ORIGIN);
      this.lastStoredId = lastId;
      this.rowsSinceCompaction = updates.length;
      if (updates.length === 0 && options.seed)
        Y.applyUpdate(this.doc, options.seed(), SERVER_ORIGIN);
    }
    if (options.build) this.doc.transact(() => options.build?.(this.doc), LOAD_ORIGIN);
  }

  /**
   * The answer to a client's sync request. A client that has nothing yet (most joiners) gets the
   * whole document, encoded once and shared: in a join storm of 500 the stock server encodes
   * the document 500 times.
   */
  syncAnswer(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) return encodeSyncStep2(this.doc, stateVector);
    this.fullSync ??= encodeSyncStep2(this.doc, stateVector);
    return this.fullSync;
  }

  broadcast(message: Uint8Array) {
    for (const conn of this.connections.keys()) conn.send(message);
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const owned = this.connections.get(origin as Connection);
    if (owned) {
      // A returning client id arrives as "updated" (awareness keeps its clock); ownEntries let
      // through only entries this connection owns or may claim, so an unowned one is a claim.
      for (const id of [...added, ...updated]) {
        if (this.owners.has(id)) continue;
        owned.add(id);
        this.owners.set(id, origin as Connection);
        this.claimedBy.set(id, (origin as Connection).userId);
      }
    }
    // Removed by its owner, on disconnect, or by awareness's own timeout.
    for (const id of removed) {
      const owner = this.owners.get(id);
      this.owners.delete(id);
      if (owner) this.connections.get(owner)?.delete(id);
    }
    for (const id of [...added, ...updated, ...removed]) {
      this.presenceChanged.add(id);
      if (origin !== REMOTE_ORIGIN && this.relay) this.localPresenceChanged.add(id);
    }
    this.presenceTimer ??= setTimeout(this.sendPresence, PRESENCE_BATCH_MS);
  };

  /** A Yjs update (people-written documents) or presence from another process. */
  applyRemote(kind: "update" | "presence", payload: Uint8Array) {
    if (kind === "update") {
      if (this.store) Y.applyUpdate(this.doc, payload, REMOTE_ORIGIN);
      return;
    }
    for (const entry of decodeAwarenessUpdate(payload)) {
      if (this.owners.has(entry.clientId)) continue; // someone here owns it
      if (entry.state === null) this.remoteIds.delete(entry.clientId);
      else this.remoteIds.add(entry.clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, REMOTE_ORIGIN);
  }

  /** What another process lacks, by its state vector (after a Redis outage). */
  missingFor(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** After a Redis outage: everything here, for processes that missed it. */
  resend() {
    if (!this.relay) return;
    if (this.store) this.relay("update", Y.encodeStateAsUpdate(this.doc));
    const here = [...this.owners.keys()];
    if (here.length)
      this.relay("presence", awarenessProtocol.encodeAwarenessUpdate(this.awareness, here));
  }

  /**
   * Presence goes out in one message per PRESENCE_BATCH_MS with every change since the last,
   * not one message per change: in a room of N, each change would otherwise cost N messages,
   * and each of those comes back as an echo from every y-websocket client.
   */
  private sendPresence = () => {
    this.presenceTimer = null;
    if (this.presenceChanged.size === 0) return;
    const changed = [...this.presenceChanged];
    this.presenceChanged.clear();
    this.broadcast(encodeAwarenessMessage(this.awareness, changed));
    if (this.relay && this.localPresenceChanged.size > 0) {
      const local = [...this.localPresenceChanged];
      this.localPresenceChanged.clear();
      this.relay("presence", awarenessProtocol.encodeAwarenessUpdate(this.awareness, local));
    }
  };

  /**
   * The entries of a presence update this connection may set: its own, never another's. The
   * y-websocket client echoes every presence update it receives back to the server, so entries
   * of others arriving here are normal and simply dropped. An entry nobody owns yet is a claim,
   * allowed up to a few per connection; removing an entry nobody owns changes nothing.
   */
  ownEntries<E extends { clientId: number; clock: number; state: unknown }>(
    conn: Connection,
    entries: E[],
  ): E[] {
    let claimsLeft = MAX_CLIENT_IDS_PER_CONNECTION - (this.connections.get(conn)?.size ?? 0);
    return entries.filter((e) => {
      if (this.remoteIds.has(e.clientId)) return false;
      const owner = this.owners.get(e.clientId);
      if (owner) return owner === conn;
      const before = this.claimedBy.get(e.clientId);
      if (before !== undefined && before !== conn.userId) return false;
      if (e.state === null || claimsLeft-- <= 0) return false;
      // A client back after a dropped connection resends its old clock, which everyone else
      // already passed when its presence was removed: claim it one clock later, so it shows.
      const known = this.awareness.meta.get(e.clientId)?.clock ?? 0;
      e.clock = Math.max(e.clock, known + 1);
      return true;
    });
  }

  removeConnection(conn: Connection) {
    const ids = this.connections.get(conn);
    this.connections.delete(conn);
    if (ids && ids.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
      for (const id of ids) this.owners.delete(id);
    }
  }

  /** Bytes applied but not yet stored. */
  get backlog() {
    return this.pendingBytes;
  }

  /** True while the database is failing and too much waits in memory to take more writes. */
  get backlogged() {
    return this.pendingBytes > MAX_PENDING_BYTES;
  }

  /** Group commit: every update waiting when a write starts goes in that one write. */
  private flush(): Promise<void> {
    if (this.flushing || !this.store) return this.flushing ?? Promise.resolve();
    const store = this.store;
    this.flushing = (async () => {
      let retryMs = STORE_RETRY_MS;
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          this.lastStoredId = await store.append(this.name, batch);
          this.rowsSinceCompaction += batch.length;
          this.pendingBytes -= batch.reduce((n, u) => n + u.byteLength, 0);
          retryMs = STORE_RETRY_MS;
        } catch (error) {
          // Keep the updates (in order) and try again: memory is the only copy until stored.
          this.pending = batch.concat(this.pending);
          this.log.error("storing a document failed; will retry", {
            doc: this.name,
            retryInMs: retryMs,
            error: String(error),
          });
          await new Promise((r) => setTimeout(r, retryMs));
          retryMs = Math.min(retryMs * 2, STORE_RETRY_MAX_MS);
          continue;
        }
        if (this.pending.length === 0 && this.rowsSinceCompaction >= COMPACT_AFTER_ROWS) {
          await this.compact(store);
        }
      }
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async compact(store: DocumentStore) {
    try {
      await store.compact(this.name, this.lastStoredId);
      this.rowsSinceCompaction = 1;
    } catch (error) {
      this.log.warn("compacting a document failed; its rows stay as they are", {
        doc: this.name,
        error: String(error),
      });
    }
  }

  /** Resolves once everything applied so far is stored. */
  async stored(): Promise<void> {
    while (this.pending.length > 0 || this.flushing) await this.flush();
  }

  async destroy() {
    await this.stored();
    this.awareness.off("update", this.onAwarenessUpdate);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
