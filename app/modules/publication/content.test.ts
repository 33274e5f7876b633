import { describe, expect, it } from "vitest";
import { type Block, documentParts } from "./content.ts";

const heading = (text: string, level: 1 | 2 | 3 = 2): Block => ({ kind: "heading", level, text });
const paragraph = (text: string): Block => ({ kind: "paragraph", runs: [{ text }] });
const list = (n: number, ordered = false): Block => ({
  kind: "list",
  ordered,
  items: Array.from({ length: n }, (_, i) => [{ text: `idea ${i + 1}` }]),
});

describe("documentParts", () => {
  it("keeps a short document whole", () => {
    const blocks = [heading("Summary"), paragraph("Text"), list(10)];
    expect(documentParts(blocks, 100)).toEqual([blocks]);
  });

  it("continues a long list over parts, numbering on", () => {
    const parts = documentParts([heading("Appendix"), list(250, true)], 100);
    const lists = parts.flat().filter((b) => b.kind === "list");
    expect(lists.map((l) => [l.items.length, l.start])).toEqual([
      [100, 1],
      [100, 101],
      [50, 201],
    ]);
    for (const part of parts)
      expect(
        part.reduce((n, b) => n + (b.kind === "list" ? b.items.length : 1), 0),
      ).toBeLessThanOrEqual(101);
    // Nothing lost, nothing repeated.
    expect(lists.flatMap((l) => l.items).map((i) => i[0]!.text)).toEqual(
      Array.from({ length: 250 }, (_, i) => `idea ${i + 1}`),
    );
  });

  it("never leaves a heading at the end of a part", () => {
    const parts = documentParts([paragraph("Intro"), heading("Appendix"), list(150)], 100);
    expect(parts[0]).toEqual([paragraph("Intro")]);
    expect(parts[1]![0]).toEqual(heading("Appendix"));
  });

  it("starts a new part at a section heading once a part is well filled", () => {
    const parts = documentParts(
      [heading("One"), list(60), heading("Two"), list(60), heading("Three", 3), list(10)],
      100,
    );
    expect(parts.map((p) => p[0])).toEqual([heading("One"), heading("Two")]);
  });
});
