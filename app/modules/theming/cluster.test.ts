import { describe, expect, it } from "vitest";
import { type Edge, louvain, similarityMatrix, sphericalKMeans } from "./cluster.ts";
import type { SparseVector } from "./features.ts";

function graph(n: number, edges: [number, number, number][]): Edge[][] {
  const adjacency: Edge[][] = Array.from({ length: n }, () => []);
  for (const [a, b, weight] of edges) {
    adjacency[a]!.push({ to: b, weight });
    adjacency[b]!.push({ to: a, weight });
  }
  return adjacency;
}

const unit = (entries: [string, number][]): SparseVector => {
  const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0));
  return new Map(entries.map(([f, w]) => [f, w / norm]));
};

describe("grouping", () => {
  it("finds two tight groups joined by one weak link", () => {
    const clique = (a: number): [number, number, number][] => [
      [a, a + 1, 1],
      [a, a + 2, 1],
      [a + 1, a + 2, 1],
    ];
    const labels = louvain(graph(6, [...clique(0), ...clique(3), [2, 3, 0.1]]));
    expect(labels).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it("leaves an isolated node alone", () => {
    expect(louvain(graph(3, [[0, 1, 1]]))).toEqual([0, 0, 1]);
  });

  it("computes cosine similarities of unit vectors", () => {
    const m = similarityMatrix([
      unit([["a", 1]]),
      unit([
        ["a", 1],
        ["b", 1],
      ]),
      unit([["c", 1]]),
    ]);
    expect(m[0 * 3 + 1]).toBeCloseTo(Math.SQRT1_2);
    expect(m[1 * 3 + 0]).toBeCloseTo(Math.SQRT1_2);
    expect(m[0 * 3 + 2]).toBe(0);
    expect(m[2 * 3 + 2]).toBe(1);
  });

  it("places each item by its nearest centroid, and none that is like no centroid", () => {
    const items = [
      unit([["a", 1]]),
      unit([
        ["b", 1],
        ["a", 0.2],
      ]),
      unit([["z", 1]]),
    ];
    const labels = sphericalKMeans(items, [unit([["a", 1]]), unit([["b", 1]])], 2);
    expect(labels).toEqual([0, 1, -1]);
  });
});
