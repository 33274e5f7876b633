import { describe, expect, it } from "vitest";
import {
  adjustedRandIndex,
  labelsFromGroups,
  normalizedMutualInformation,
} from "./cluster-metrics.ts";

// Expected values are scikit-learn's (adjusted_rand_score, normalized_mutual_info_score with
// its default arithmetic normalizer), from its documentation examples or worked by hand.
describe("adjusted Rand index", () => {
  it("is 1 for identical partitions, whatever the names", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
  });

  it("rewards a partition that only merges or only splits", () => {
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 10);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 10);
  });

  it("is 0 when every item is alone against everything together", () => {
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  it("goes below 0 when worse than chance", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 10);
  });

  it("handles the trivial cases like sklearn", () => {
    expect(adjustedRandIndex([], [])).toBe(1);
    expect(adjustedRandIndex([3], [7])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [5, 6, 7])).toBe(1);
  });

  it("refuses labelings of different lengths", () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/differ in length/);
  });
});

describe("normalized mutual information", () => {
  it("is 1 for identical partitions, whatever the names", () => {
    expect(normalizedMutualInformation([0, 0, 1, 1], [1, 1, 0, 0])).toBeCloseTo(1, 12);
  });

  it("is 0 for independent partitions", () => {
    expect(normalizedMutualInformation([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBe(0);
  });

  it("matches a worked example: a merge of two of three groups", () => {
    // H(true) = 1.5 ln 2, H(pred) = ln 2, MI = ln 2: ln 2 / 1.25 ln 2.
    expect(normalizedMutualInformation([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.8, 12);
  });

  it("is 1 when neither labeling splits the items", () => {
    expect(normalizedMutualInformation([1, 1, 1], [4, 4, 4])).toBe(1);
  });
});

describe("labels from groups", () => {
  it("numbers items by their group", () => {
    expect(
      labelsFromGroups(
        [
          [1, 3],
          [0, 2],
        ],
        4,
      ),
    ).toEqual([1, 0, 1, 0]);
  });

  it("refuses an item in no group", () => {
    expect(() => labelsFromGroups([[0]], 2)).toThrow(/no group/);
  });
});
