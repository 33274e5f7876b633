import { describe, expect, it } from "vitest";
import { type Assignee, assignRooms } from "./assign.ts";

function roster(spec: [string, string, number][]): Assignee[] {
  return spec.flatMap(([group, region, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${group}-${region}-${i}`, group, region })),
  );
}

function rooms(members: Assignee[], count: number) {
  const assigned = assignRooms(members, count);
  return Array.from({ length: count }, (_, r) => members.filter((m) => assigned.get(m.id) === r));
}

describe("auto-assigning breakout rooms", () => {
  const members = roster([
    ["Teachers", "Central", 5],
    ["Teachers", "Southeast", 3],
    ["Parents", "Central", 3],
    ["Students", "St. Louis", 2],
    ["Business", "Kansas City", 2],
    ["Administrators", "Southeast", 4],
  ]);

  it("places everyone, with room sizes within one of each other", () => {
    const split = rooms(members, 4);
    expect(split.flat()).toHaveLength(members.length);
    const sizes = split.map((r) => r.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("spreads every stakeholder group evenly over the rooms", () => {
    const split = rooms(members, 4);
    for (const group of ["Teachers", "Parents", "Students", "Business", "Administrators"]) {
      const counts = split.map((r) => r.filter((m) => m.group === group).length);
      expect(Math.max(...counts) - Math.min(...counts), group).toBeLessThanOrEqual(1);
    }
  });

  it("mixes regions within a group where it can", () => {
    const teachers = rooms(
      roster([
        ["Teachers", "Central", 2],
        ["Teachers", "Southeast", 2],
      ]),
      2,
    );
    for (const room of teachers) expect(new Set(room.map((m) => m.region)).size).toBe(2);
  });

  it("handles members without a group, and one room", () => {
    const split = rooms([{ id: "a", group: null, region: null }, ...members], 1);
    expect(split[0]).toHaveLength(members.length + 1);
  });
});
