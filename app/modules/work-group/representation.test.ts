import { describe, expect, it } from "vitest";
import { representation } from "./representation.ts";

const groups = [
  { id: "s", name: "Students" },
  { id: "p", name: "Parents" },
];
const regions = [
  { id: "c", name: "Central" },
  { id: "k", name: "Kansas City" },
];

describe("representation", () => {
  it("counts members by stakeholder group and region and finds the empty cells", () => {
    const rep = representation(groups, regions, [
      { stakeholderGroupId: "s", regionId: "c" },
      { stakeholderGroupId: "s", regionId: "c" },
      { stakeholderGroupId: "p", regionId: "k" },
      { stakeholderGroupId: "p", regionId: null },
      { stakeholderGroupId: null, regionId: "c" },
    ]);
    expect(rep.counts).toEqual([
      [2, 0, 0],
      [0, 1, 1],
    ]);
    expect(rep.groupTotals).toEqual([2, 2]);
    expect(rep.unassigned).toBe(1);
    expect(rep.emptyCells).toBe(2);
  });

  it("treats a group with nobody as empty when the work group has no regions", () => {
    const rep = representation(groups, [], [{ stakeholderGroupId: "s", regionId: null }]);
    expect(rep.counts).toEqual([[1], [0]]);
    expect(rep.emptyCells).toBe(1);
  });

  it("ignores ids of groups that were deleted", () => {
    const rep = representation(groups, regions, [{ stakeholderGroupId: "gone", regionId: "c" }]);
    expect(rep.unassigned).toBe(1);
    expect(rep.emptyCells).toBe(4);
  });
});
