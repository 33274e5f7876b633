import { describe, expect, it } from "vitest";
import { rankIdeas, ratingOrder } from "./ranking.ts";

describe("ranking ideas", () => {
  it("does not let one 5-star rating beat many strong ratings", () => {
    const ranked = rankIdeas([
      { id: "lucky", stars: [5] },
      { id: "loved", stars: Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? 4 : 5)) },
      { id: "meh", stars: [2, 3, 2, 3, 2, 3] },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["loved", "lucky", "meh"]);
    expect(ranked[0]!.average).toBeCloseTo(4.8);
    expect(ranked[0]!.count).toBe(20);
  });

  it("never ranks an unrated idea above a rated one: unrated ideas come apart, after", () => {
    const ranked = rankIdeas([
      { id: "none1", stars: [] },
      { id: "low", stars: [1, 2, 1] },
      { id: "none2", stars: [] },
      { id: "three", stars: [3] },
      { id: "none3", stars: [] },
      { id: "high", stars: [5, 5, 4] },
      { id: "none4", stars: [] },
    ]);
    expect(ranked.map((r) => r.id)).toEqual([
      "high",
      "three",
      "low",
      "none1",
      "none2",
      "none3",
      "none4",
    ]);
    expect(ranked.slice(3).every((r) => !r.rated && r.score === null && r.average === null)).toBe(
      true,
    );
  });

  it("says how sure each place is: more ratings, a narrower margin", () => {
    const few = [4, 5, 3];
    const many = Array.from({ length: 30 }, (_, i) => [4, 5, 3][i % 3]!);
    const [a, b] = rankIdeas([
      { id: "few", stars: few },
      { id: "many", stars: many },
    ]);
    const margins = Object.fromEntries([a!, b!].map((r) => [r.id, r.margin!]));
    expect(margins.many!).toBeLessThan(margins.few! / 2);
    expect(margins.many!).toBeGreaterThan(0);
  });

  it("marks a place clear only when the neighbours' margins leave no doubt", () => {
    const lots = (stars: number) =>
      Array.from({ length: 40 }, (_, i) => (i % 2 ? stars : stars - 1));
    const ranked = rankIdeas([
      { id: "top", stars: lots(5) },
      { id: "bottom", stars: lots(2) },
      // Two ideas rated alike: neither place is sure.
      { id: "twinA", stars: lots(4) },
      { id: "twinB", stars: lots(4) },
    ]);
    const place = Object.fromEntries(ranked.map((r) => [r.id, r.place]));
    expect(place).toEqual({ top: "clear", bottom: "clear", twinA: "close", twinB: "close" });
    // And two ratings say little: one idea rated twice could be anywhere near the top.
    const early = rankIdeas([
      { id: "top", stars: lots(5) },
      { id: "new", stars: [4, 5] },
    ]);
    expect(early.map((r) => r.place)).toEqual(["close", "close"]);
  });

  it("handles no ratings at all", () => {
    expect(rankIdeas([]).length).toBe(0);
    expect(rankIdeas([{ id: "a", stars: [] }])[0]!.score).toBeNull();
  });
});

describe("the order ideas are offered for rating", () => {
  const ideas = Array.from({ length: 40 }, (_, i) => ({
    id: `idea${i}`,
    ratingCount: i < 10 ? 2 : 0,
  }));

  it("offers the least-rated ideas first", () => {
    const order = ratingOrder(ideas, "member-1");
    expect(order.slice(0, 30).every((i) => i.ratingCount === 0)).toBe(true);
  });

  it("gives different members different orders", () => {
    const a = ratingOrder(ideas, "member-1").map((i) => i.id);
    const b = ratingOrder(ideas, "member-2").map((i) => i.id);
    expect(a).not.toEqual(b);
    expect(ratingOrder(ideas, "member-1").map((i) => i.id)).toEqual(a);
  });

  it("spreads the first ideas offered across everything when all start equal", () => {
    const equal = ideas.map((i) => ({ ...i, ratingCount: 0 }));
    const firsts = new Set(
      Array.from({ length: 100 }, (_, m) => ratingOrder(equal, `m${m}`)[0]!.id),
    );
    expect(firsts.size).toBeGreaterThan(20);
  });
});
