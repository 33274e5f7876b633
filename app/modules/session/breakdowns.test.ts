import { describe, expect, it } from "vitest";
import { breakdown, type Participant } from "./breakdowns.ts";

const people = (group: string, region: string, n: number, prefix = group): Participant[] =>
  Array.from({ length: n }, (_, i) => ({ userId: `${prefix}-${region}-${i}`, group, region }));

describe("breakdowns", () => {
  const participants = [...people("Teachers", "Central", 6), ...people("Students", "Central", 2)];
  const ratings = [
    ...participants.map((p) => ({ userId: p.userId, stars: 4 })),
    { userId: "Teachers-Central-0", stars: 2 },
    { userId: "Teachers-Central-1", stars: null },
  ];

  it("suppresses every group of fewer than five people whole", () => {
    const rows = breakdown(participants, ratings, "group");
    expect(rows).toEqual([
      { label: "Students", suppressed: true },
      {
        label: "Teachers",
        suppressed: false,
        people: 6,
        ratings: 8,
        averageStars: (6 * 4 + 2) / 7,
      },
    ]);
  });

  it("works by region as well, counting people once", () => {
    const rows = breakdown(participants, ratings, "region");
    expect(rows).toEqual([
      {
        label: "Central",
        suppressed: false,
        people: 8,
        ratings: 10,
        averageStars: (8 * 4 + 2) / 9,
      },
    ]);
  });

  it("groups people who gave no group together, and suppresses them too when few", () => {
    const rows = breakdown([{ userId: "x", group: null, region: null }], [], "group");
    expect(rows).toEqual([{ label: "Not given", suppressed: true }]);
  });
});
