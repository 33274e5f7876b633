/**
 * Agreement between two flat clusterings of the same items, each given as one label per item
 * (any numbers; only equality matters). Both follow scikit-learn's definitions, special cases
 * included, so figures can be compared with theirs.
 */

function assertSameLength(truth: readonly number[], predicted: readonly number[]) {
  if (truth.length !== predicted.length) {
    throw new Error(`labelings differ in length: ${truth.length} and ${predicted.length}`);
  }
}

type Contingency = {
  cells: Map<string, number>;
  rows: Map<number, number>;
  cols: Map<number, number>;
};

function contingency(truth: readonly number[], predicted: readonly number[]): Contingency {
  const cells = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    const key = `${t}\u0000${p}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    cols.set(p, (cols.get(p) ?? 0) + 1);
  });
  return { cells, rows, cols };
}

const pairs = (count: number) => (count * (count - 1)) / 2;

function sumPairs(counts: Iterable<number>) {
  let total = 0;
  for (const c of counts) total += pairs(c);
  return total;
}

/**
 * Adjusted Rand index: pair-counting agreement corrected for chance. 1 for identical
 * partitions (up to renaming), about 0 for independent ones, negative when worse than chance.
 */
export function adjustedRandIndex(truth: readonly number[], predicted: readonly number[]): number {
  assertSameLength(truth, predicted);
  const n = truth.length;
  const { cells, rows, cols } = contingency(truth, predicted);
  // The pair confusion matrix, as sklearn.metrics.cluster.pair_confusion_matrix (halved).
  const together = sumPairs(cells.values());
  const togetherInTruth = sumPairs(rows.values());
  const togetherPredicted = sumPairs(cols.values());
  const tp = together;
  const fn = togetherInTruth - together;
  const fp = togetherPredicted - together;
  const tn = pairs(n) - tp - fn - fp;
  if (fn === 0 && fp === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

function entropy(counts: Iterable<number>, n: number) {
  let h = 0;
  for (const c of counts) {
    if (c > 0) h -= (c / n) * Math.log(c / n);
  }
  return h;
}

/**
 * Normalized mutual information with the arithmetic mean of the two entropies as normalizer
 * (sklearn's default): 1 for identical partitions, 0 for independent ones.
 */
export function normalizedMutualInformation(
  truth: readonly number[],
  predicted: readonly number[],
): number {
  assertSameLength(truth, predicted);
  const n = truth.length;
  const { cells, rows, cols } = contingency(truth, predicted);
  // Neither labeling splits the items: a perfect match by sklearn's convention.
  if ((rows.size === 1 && cols.size === 1) || n === 0) return 1;
  let mi = 0;
  for (const [key, count] of cells) {
    const [t, p] = key.split("\u0000").map(Number) as [number, number];
    mi += (count / n) * Math.log((n * count) / (rows.get(t)! * cols.get(p)!));
  }
  if (mi <= 0) return 0;
  const normalizer = (entropy(rows.values(), n) + entropy(cols.values(), n)) / 2;
  return Math.min(1, mi / normalizer);
}

/** One label per item from a list of groups of item indices (every index in exactly one). */
export function labelsFromGroups(groups: readonly (readonly number[])[], n: number): number[] {
  const labels = new Array<number>(n).fill(-1);
  groups.forEach((group, g) => {
    for (const i of group) labels[i] = g;
  });
  if (labels.includes(-1)) throw new Error("some item is in no group");
  return labels;
}
