import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Rebuilds } from "./rebuilds.ts";

/** A board's ideas as the database holds them, read on demand and answered when released. */
function board() {
  const doc = new Y.Doc();
  const ideas = doc.getMap<string>("ideas");
  const database = new Map<string, string>();
  const reads: { release: () => void }[] = [];
  const errors: unknown[] = [];
  const rebuilds = new Rebuilds(
    async () => {
      const snapshot = new Map(database);
      await new Promise<void>((release) => reads.push({ release }));
      // A sync, as the real rebuild is: what the reading lacks leaves the document.
      return () =>
        doc.transact(() => {
          for (const id of [...ideas.keys()]) if (!snapshot.has(id)) ideas.delete(id);
          for (const [id, text] of snapshot) ideas.set(id, text);
        });
    },
    (_name, error) => errors.push(error),
  );
  /** A command of this process: stored, then applied to the open document. */
  const postHere = (id: string, text: string) => {
    database.set(id, text);
    ideas.set(id, text);
    rebuilds.changed("board:1");
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { ideas, database, reads, errors, rebuilds, postHere, settle };
}

describe("rebuilding a document another process changed", () => {
  it("does not undo an idea posted here while the database was being read", async () => {
    const b = board();
    b.database.set("elsewhere", "Posted on another process");
    const done = b.rebuilds.request("board:1");
    await b.settle();
    // The reading is taken; before it is applied, an idea is posted here.
    b.postHere("here", "Posted on this process");
    b.reads[0]!.release();
    await b.settle();
    // The stale reading was dropped, not applied: the idea posted here is still on the board,
    expect(b.ideas.get("here")).toBe("Posted on this process");
    // and the database is read again, which has both.
    expect(b.reads).toHaveLength(2);
    b.reads[1]!.release();
    await done;
    expect(Object.fromEntries(b.ideas.entries())).toEqual({
      elsewhere: "Posted on another process",
      here: "Posted on this process",
    });
    expect(b.errors).toEqual([]);
  });

  it("coalesces notices that arrive during a rebuild into one more", async () => {
    const b = board();
    const done = b.rebuilds.request("board:1");
    await b.settle();
    b.database.set("a", "First");
    void b.rebuilds.request("board:1");
    void b.rebuilds.request("board:1");
    b.reads[0]!.release();
    await b.settle();
    expect(b.reads).toHaveLength(2);
    b.reads[1]!.release();
    await done;
    expect(b.reads).toHaveLength(2);
    expect(b.ideas.get("a")).toBe("First");
  });

  it("applies a reading when nothing changed here meanwhile, and ignores changes between rebuilds", async () => {
    const b = board();
    b.postHere("before", "Posted before any rebuild");
    b.database.set("later", "From elsewhere");
    const done = b.rebuilds.request("board:1");
    await b.settle();
    b.reads[0]!.release();
    await done;
    expect(b.reads).toHaveLength(1);
    expect([...b.ideas.keys()].sort()).toEqual(["before", "later"]);
  });

  it("reports a failed reading and can run again after it", async () => {
    const errors: unknown[] = [];
    let fail = true;
    const rebuilds = new Rebuilds(
      async () => {
        if (fail) throw new Error("database gone");
        return () => undefined;
      },
      (_name, error) => errors.push(error),
    );
    await rebuilds.request("board:1");
    expect(errors).toHaveLength(1);
    fail = false;
    await rebuilds.request("board:1");
    expect(errors).toHaveLength(1);
  });
});
