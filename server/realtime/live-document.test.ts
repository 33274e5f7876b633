import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../log.ts";
import { LiveDocument, SERVER_ORIGIN } from "./live-document.ts";

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
