import { describe, expect, it } from "vitest";
import { breakdowns, mayRetake, type Participant } from "./breakdowns.ts";

const people = (group: string, region: string, n: number, prefix = group): Participant[] =>
  Array.from({ length: n }, (_, i) => ({ userId: `${prefix}-${region}-${i}`, group, region }));

describe("breakdowns", () => {
  const participants = [
    ...people("Teachers", "Central", 6),
    ...people("Parents", "Central", 5),
    ...people("Students", "North", 2),
    ...people("Counselors", "North", 3),
  ];
  const ratings = [
    ...participants.map((p) => ({ userId: p.userId, stars: 4 })),
    { userId: "Teachers-Central-0", stars: 2 },
    { userId: "Teachers-Central-1", stars: null },
  ];

  it("hides every group of fewer than five people, with its ratings and average", () => {
    const { byGroup } = breakdowns(participants, ratings);
    expect(byGroup.find((r) => r.label === "Students")).toEqual({
      label: "Students",
      suppressed: true,
    });
    expect(byGroup.find((r) => r.label === "Teachers")).toEqual({
      label: "Teachers",
      suppressed: false,
      people: 6,
      ratings: 8,
      averageStars: (6 * 4 + 2) / 7,
    });
  });

  it("never leaves a hidden group that the total and the other rows give back", () => {
    // Students (2) and Counselors (3) together make 5: two hidden rows, adding up to five.
    const { byGroup, byRegion } = breakdowns(participants, ratings);
    expect(byGroup.filter((r) => r.suppressed).map((r) => r.label)).toEqual([
      "Counselors",
      "Students",
    ]);
    // North has 5 people and Central 11: no small region, nothing hidden.
    expect(byRegion.every((r) => !r.suppressed)).toBe(true);
    // One small group alone: the next smallest is hidden with it, else total − others = it.
    const one = breakdowns(
      [...people("Teachers", "C", 6), ...people("Parents", "C", 7), ...people("Students", "C", 1)],
      [],
    );
    expect(one.byGroup.filter((r) => r.suppressed).map((r) => r.label)).toEqual([
      "Students",
      "Teachers",
    ]);
    // Two hidden groups of one each would add up to 2 (both 1): a third is hidden too.
    const pair = breakdowns(
      [
        ...people("A", "C", 1),
        ...people("B", "C", 1),
        ...people("D", "C", 6),
        ...people("E", "C", 8),
      ],
      [],
    );
    expect(pair.byGroup.filter((r) => r.suppressed).map((r) => r.label)).toEqual(["A", "B", "D"]);
  });

  it("groups people who gave no group together, and hides them too when few", () => {
    const { byGroup, people: total } = breakdowns([{ userId: "x", group: null, region: null }], []);
    expect(byGroup).toEqual([{ label: "Not given", suppressed: true }]);
    expect(total).toBe(1);
  });

  it("is taken again only once at least five people took part since", () => {
    expect(mayRetake(0, false)).toBe(true);
    expect(mayRetake(1, true)).toBe(false);
    expect(mayRetake(4, true)).toBe(false);
    expect(mayRetake(5, true)).toBe(true);
  });
});
