import { describe, expect, it } from "vitest";
import { chartOf, progressOf } from "./progress.ts";
import { readNumber } from "./schema.ts";

const measure = {
  baseline: 80,
  baselineOn: "2026-08-01",
  target: 90,
  targetOn: "2027-06-01",
  readings: [
    { value: 85, takenOn: "2026-12-01" },
    { value: 82, takenOn: "2026-10-01" },
  ],
};

describe("a measure's progress", () => {
  it("is the share of the way from baseline to target the latest reading came", () => {
    expect(progressOf(measure)).toBeCloseTo(0.5);
    expect(progressOf({ ...measure, readings: [] })).toBeNull();
  });

  it("counts a target below the baseline (fewer absences) the same way", () => {
    const absences = {
      ...measure,
      baseline: 20,
      target: 10,
      readings: [{ value: 25, takenOn: "2026-09-01" }],
    };
    expect(progressOf(absences)).toBeCloseTo(-0.5);
  });

  it("draws readings in date order, inside the plot, higher values higher", () => {
    const chart = chartOf(measure);
    expect(chart.points.map((p) => p.takenOn)).toEqual(["2026-10-01", "2026-12-01"]);
    for (const p of chart.points) {
      expect(p.x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(p.x).toBeLessThanOrEqual(chart.plot.right);
      expect(p.y).toBeGreaterThan(chart.plot.top);
      expect(p.y).toBeLessThan(chart.plot.bottom);
    }
    expect(chart.targetY).toBeLessThan(chart.baselineY);
    expect(chart.ticks.map((t) => t.value)).toEqual([75, 80, 85, 90, 95]);
    expect(chart.start.date).toBe("2026-08-01");
    expect(chart.end.date).toBe("2027-06-01");
  });
});

describe("numbers as people type them", () => {
  it("reads decimal points, decimal commas and thousands", () => {
    expect(readNumber("12.5")).toBe(12.5);
    expect(readNumber("12,5")).toBe(12.5);
    expect(readNumber("1,250")).toBe(1250);
    expect(readNumber("1.250,5")).toBe(1250.5);
    expect(readNumber("-3")).toBe(-3);
    expect(readNumber("")).toBeNull();
    expect(readNumber("ten")).toBeNull();
  });
});
