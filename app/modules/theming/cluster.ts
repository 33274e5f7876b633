import type { SparseVector } from "./features.ts";

/**
 * Grouping unit-length sparse vectors by cosine similarity. Ideas become the nodes of a
 * weighted graph (an edge wherever two ideas share something, weighted by how much) and the
 * groups are its communities: Louvain modularity maximisation, which also decides how many
 * groups there are. Bigger inputs group an evenly spread sample that way and place every idea
 * by spherical k-means from the sample's groups. Deterministic: nodes are visited in index
 * order and ties go to the lower index.
 */

export type Edge = { to: number; weight: number };

/** Pairwise cosine similarities (vectors are unit length), via an inverted index. */
export function similarityMatrix(vectors: readonly SparseVector[]): Float64Array {
  const m = vectors.length;
  const matrix = new Float64Array(m * m);
  const postings = new Map<string, { item: number; weight: number }[]>();
  vectors.forEach((vector, item) => {
    for (const [feature, weight] of vector) {
      let list = postings.get(feature);
      if (!list) {
        list = [];
        postings.set(feature, list);
      }
      list.push({ item, weight });
    }
  });
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      const a = list[x]!;
      for (let y = x + 1; y < list.length; y++) {
        const b = list[y]!;
        const product = a.weight * b.weight;
        matrix[a.item * m + b.item]! += product;
        matrix[b.item * m + a.item]! += product;
      }
    }
  }
  for (let i = 0; i < m; i++) matrix[i * m + i] = 1;
  return matrix;
}

/** The similarity graph: an edge for every positive similarity between two different items. */
export function similarityGraph(similarity: Float64Array, m: number): Edge[][] {
  return Array.from({ length: m }, (_, i) => {
    const edges: Edge[] = [];
    for (let j = 0; j < m; j++) {
      const weight = similarity[i * m + j]!;
      if (j !== i && weight > 0) edges.push({ to: j, weight });
    }
    return edges;
  });
}

/** Renumbers labels 0.. in order of first appearance; -1 (in no group) stays. */
function renumber(labels: readonly number[]): number[] {
  const names = new Map<number, number>();
  return labels.map((l) => {
    if (l < 0) return l;
    if (!names.has(l)) names.set(l, names.size);
    return names.get(l)!;
  });
}

/** Safety stops; Louvain settles in a handful of passes and levels on graphs this size. */
const MAX_PASSES = 50;
const MAX_LEVELS = 20;

/**
 * Louvain community detection on a symmetric weighted graph (each edge listed from both
 * ends). Each node in turn moves to the neighbouring community that raises modularity most;
 * when no node moves, communities become nodes and it starts again, until nothing changes.
 * Returns a community per node, numbered in order of first node. An isolated node is a
 * community of its own.
 */
export function louvain(adjacency: readonly (readonly Edge[])[]): number[] {
  let graph: Edge[][] = adjacency.map((edges) => edges.filter((e) => e.weight > 0));
  let membership = graph.map((_, i) => i);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const n = graph.length;
    const degree = graph.map((edges) => edges.reduce((sum, e) => sum + e.weight, 0));
    const total = degree.reduce((a, b) => a + b, 0);
    if (total === 0) break;
    const community = Array.from({ length: n }, (_, i) => i);
    const communityDegree = [...degree];
    let movedAny = false;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let moved = false;
      for (let i = 0; i < n; i++) {
        const own = community[i]!;
        const links = new Map<number, number>();
        for (const e of graph[i]!) {
          if (e.to === i) continue;
          const c = community[e.to]!;
          links.set(c, (links.get(c) ?? 0) + e.weight);
        }
        communityDegree[own]! -= degree[i]!;
        // Modularity gain of joining c, up to a factor common to all c.
        const gain = (c: number) =>
          (links.get(c) ?? 0) - (communityDegree[c]! * degree[i]!) / total;
        let best = own;
        let bestGain = gain(own);
        for (const c of [...links.keys()].sort((a, b) => a - b)) {
          const g = gain(c);
          if (g > bestGain + 1e-12) {
            best = c;
            bestGain = g;
          }
        }
        communityDegree[best]! += degree[i]!;
        if (best !== own) {
          community[i] = best;
          moved = true;
          movedAny = true;
        }
      }
      if (!moved) break;
    }
    if (!movedAny) break;
    const names = renumber(community);
    const collapsed = Array.from(
      { length: Math.max(...names) + 1 },
      () => new Map<number, number>(),
    );
    graph.forEach((edges, i) => {
      const from = collapsed[names[i]!]!;
      for (const e of edges) from.set(names[e.to]!, (from.get(names[e.to]!) ?? 0) + e.weight);
    });
    graph = collapsed.map((targets) =>
      [...targets.entries()].sort((a, b) => a[0] - b[0]).map(([to, weight]) => ({ to, weight })),
    );
    membership = membership.map((c) => names[c]!);
  }
  return renumber(membership);
}

/** Unit-length mean direction of each group. */
export function centroids(
  vectors: readonly SparseVector[],
  labels: readonly number[],
  k: number,
): SparseVector[] {
  const sums = Array.from({ length: k }, () => new Map<string, number>());
  labels.forEach((label, i) => {
    const sum = sums[label];
    if (!sum) return;
    for (const [feature, weight] of vectors[i]!) sum.set(feature, (sum.get(feature) ?? 0) + weight);
  });
  for (const sum of sums) {
    let norm = 0;
    for (const w of sum.values()) norm += w * w;
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [f, w] of sum) sum.set(f, w / norm);
  }
  return sums;
}

/**
 * Spherical k-means from given centroids for a fixed number of rounds: each item to its most
 * similar centroid (lowest index on ties; -1 for an item like none), centroids recomputed. Similarities come from an inverted index over the centroids, so a round costs
 * about (items × features × centroids sharing a feature), not items × centroid sizes.
 */
export function sphericalKMeans(
  vectors: readonly SparseVector[],
  start: readonly SparseVector[],
  rounds: number,
): number[] {
  let centres = start;
  let labels: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const postings = new Map<string, { centre: number; weight: number }[]>();
    centres.forEach((centre, c) => {
      for (const [feature, weight] of centre) {
        let list = postings.get(feature);
        if (!list) {
          list = [];
          postings.set(feature, list);
        }
        list.push({ centre: c, weight });
      }
    });
    const scores = new Float64Array(centres.length);
    labels = vectors.map((vector) => {
      scores.fill(0);
      for (const [feature, weight] of vector) {
        for (const p of postings.get(feature) ?? []) scores[p.centre]! += weight * p.weight;
      }
      let best = -1;
      let bestScore = 0;
      for (let c = 0; c < scores.length; c++) {
        if (scores[c]! > bestScore) {
          best = c;
          bestScore = scores[c]!;
        }
      }
      return best;
    });
    labels = renumber(labels);
    if (round < rounds) centres = centroids(vectors, labels, Math.max(-1, ...labels) + 1);
  }
  return labels;
}
