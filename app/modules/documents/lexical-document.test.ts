import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Block } from "../publication/content.ts";
import { blocksUpdate, emptyDocumentUpdate, readBlocks } from "./lexical-document.server.ts";

const blocks: Block[] = [
  { kind: "heading", level: 1, text: "Session summary" },
  { kind: "paragraph", runs: [{ text: "Attended: " }, { text: "14 members", bold: true }] },
  { kind: "heading", level: 2, text: "Themes" },
  {
    kind: "list",
    ordered: false,
    items: [[{ text: "Funding for time" }], [{ text: "Slides", href: "https://example.org/s" }]],
  },
  { kind: "list", ordered: true, items: [[{ text: "First <b>step</b>", italic: true }]] },
];

describe("server-side Lexical documents", () => {
  it("reads back what it wrote, block by block", () => {
    expect(readBlocks([blocksUpdate(blocks)])).toEqual(blocks);
  });

  it("reads a document edited after it was seeded, as the browser edits it", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, blocksUpdate(blocks));
    const later = readBlocks([
      Y.encodeStateAsUpdate(doc),
      blocksUpdate([{ kind: "heading", level: 3, text: "Next" }]),
    ]);
    // Two independent seeds merge as Yjs merges them: both documents' blocks are present.
    expect(
      later.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text),
    ).toEqual(expect.arrayContaining(["Session summary", "Themes", "Next"]));
  });

  it("seeds a new document the same way every time, so two seedings make one empty paragraph", () => {
    const paragraphs = (...updates: Uint8Array[]) => {
      const doc = new Y.Doc();
      for (const update of updates) Y.applyUpdate(doc, update);
      return doc.get("root", Y.XmlText).toDelta().length;
    };
    // Two processes opening a never-written document at the same instant each seed it.
    expect(paragraphs(emptyDocumentUpdate(), emptyDocumentUpdate())).toBe(1);
    // Seeds written by different clients would add up: what the fixed client id prevents.
    expect(paragraphs(blocksUpdate([]), blocksUpdate([]))).toBe(2);
  });

  it("an empty document has no blocks", () => {
    expect(readBlocks([emptyDocumentUpdate()])).toEqual([]);
  });
});
