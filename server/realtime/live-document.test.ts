import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { createLogger } from "../log.ts";
import { LiveDocument, SERVER_ORIGIN } from "./live-document.ts";
import { type Connection, decodeAwarenessUpdate } from "./protocol.ts";

const log = createLogger("silent", false);

describe("a live document's sync answers", () => {
  it("encode the whole document once for every joiner that has nothing, until it changes", () => {
    const live = new LiveDocument("board:x", null, log);
    live.doc.transact(() => live.doc.getMap("ideas").set("a", { text: "one" }), SERVER_ORIGIN);
    const empty = Y.encodeStateVector(new Y.Doc());
    const first = live.syncAnswer(empty);
    expect(live.syncAnswer(empty)).toBe(first);
    live.doc.transact(() => live.doc.getMap("ideas").set("b", { text: "two" }), SERVER_ORIGIN);
    const after = live.syncAnswer(empty);
    expect(after).not.toBe(first);
    // And the answer really carries the document.
    const joiner = new Y.Doc();
    const decoded = after.slice(2); // message type and sync step
    Y.applyUpdate(joiner, decoded.slice(decoded[0]! < 128 ? 1 : 2));
    expect(joiner.getMap("ideas").size).toBe(2);
  });

  it("answer a client that already has some of it with only what it lacks", () => {
    const live = new LiveDocument("board:y", null, log);
    live.doc.transact(() => live.doc.getMap("ideas").set("a", { text: "one" }), SERVER_ORIGIN);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live.doc));
    const answer = live.syncAnswer(Y.encodeStateVector(client));
    expect(answer.byteLength).toBeLessThan(
      live.syncAnswer(Y.encodeStateVector(new Y.Doc())).byteLength,
    );
  });
});

describe("a live document's presence", () => {
  const connection = (userId: string): Connection => ({
    userId,
    signInId: `sign-in-${userId}`,
    userName: userId,
    canWrite: true,
    send: () => {},
    close: () => {},
  });
  /** A client's presence update as its browser sends it. */
  function presenceOf(clientId: number, name: string) {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name } });
    return awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
  }

  it("lets no other person's echo claim the entry of someone who just left; their return may", () => {
    const live = new LiveDocument("board:presence", null, log);
    const member = connection("member");
    const observer = connection("observer");
    live.connections.set(member, new Set());
    live.connections.set(observer, new Set());
    const update = presenceOf(7, "Mo");
    expect(live.ownEntries(member, decodeAwarenessUpdate(update))).toHaveLength(1);
    awarenessProtocol.applyAwarenessUpdate(live.awareness, update, member);
    expect(live.awareness.getStates().has(7)).toBe(true);

    live.removeConnection(member);
    expect(live.awareness.getStates().has(7)).toBe(false);
    // The observer's browser echoes the presence it had received before the member left.
    expect(live.ownEntries(observer, decodeAwarenessUpdate(update))).toEqual([]);
    // The member's browser, reconnecting, claims its own entry again.
    const back = connection("member");
    live.connections.set(back, new Set());
    expect(live.ownEntries(back, decodeAwarenessUpdate(update))).toHaveLength(1);
  });
});
