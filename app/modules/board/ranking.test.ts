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

  it("ranks unrated ideas at the overall mean, with no average of their own", () => {
    const ranked = rankIdeas([
      { id: "low", stars: [1, 1, 1] },
      { id: "none", stars: [] },
      { id: "high", stars: [5, 5, 5] },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["high", "none", "low"]);
    expect(ranked[1]!.average).toBeNull();
    expect(ranked[1]!.score).toBeCloseTo(3);
  });

  it("handles no ratings at all", () => {
    expect(rankIdeas([]).length).toBe(0);
    expect(rankIdeas([{ id: "a", stars: [] }])[0]!.score).toBe(0);
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
