import { describe, expect, it } from "vitest";
import {
  countSteps,
  dueDateOf,
  isOverdue,
  isoWeekOf,
  matchesFilters,
  readFilters,
} from "./monitoring.ts";

const step = { horizon: "30_days", startsOn: "2026-01-01", dueOn: null, status: "in_progress" };

describe("an action step's due date", () => {
  it("is the date the team gave, else the start date plus its horizon", () => {
    expect(dueDateOf(step)).toBe("2026-01-31");
    expect(dueDateOf({ ...step, horizon: "90_days" })).toBe("2026-04-01");
    expect(dueDateOf({ ...step, dueOn: "2026-01-10" })).toBe("2026-01-10");
  });

  it("is none for a long range step without one, or a step without dates", () => {
    expect(dueDateOf({ ...step, horizon: "long_range" })).toBeNull();
    expect(dueDateOf({ ...step, horizon: "long_range", dueOn: "2027-06-01" })).toBe("2027-06-01");
    expect(dueDateOf({ ...step, startsOn: null })).toBeNull();
  });
});

describe("an overdue step", () => {
  it("is open the day after its due date, never when done", () => {
    expect(isOverdue(step, "2026-01-31")).toBe(false);
    expect(isOverdue(step, "2026-02-01")).toBe(true);
    expect(isOverdue({ ...step, status: "done" }, "2026-02-01")).toBe(false);
    expect(isOverdue({ ...step, horizon: "long_range" }, "2030-01-01")).toBe(false);
  });
});

describe("the implementation view's filters", () => {
  const known = { owners: ["u1"], horizons: ["30_days", "long_range"], goals: ["g1"] };
  it("ignore values they do not know", () => {
    const filters = readFilters(new URLSearchParams("owner=zz&horizon=30_days&status=nope"), known);
    expect(filters).toEqual({ owner: null, horizon: "30_days", goal: null, status: null });
  });

  it("find overdue steps, and steps nobody is responsible for", () => {
    const row = { ...step, ownerUserId: null, goalId: "g1" };
    const overdue = readFilters(new URLSearchParams("status=overdue&owner=none"), known);
    expect(matchesFilters(row, overdue, "2026-03-01")).toBe(true);
    expect(matchesFilters(row, overdue, "2026-01-15")).toBe(false);
    expect(countSteps([row, { ...row, status: "blocked" }], "2026-03-01")).toEqual({
      not_started: 0,
      in_progress: 1,
      blocked: 1,
      done: 0,
      overdue: 2,
    });
  });
});

describe("the digest's week", () => {
  it("is the ISO week, Monday to Sunday, in UTC", () => {
    expect(isoWeekOf(new Date("2026-12-03T20:00:00Z"))).toBe("2026-W49");
    expect(isoWeekOf(new Date("2026-12-06T23:59:00Z"))).toBe("2026-W49");
    expect(isoWeekOf(new Date("2026-12-07T00:00:00Z"))).toBe("2026-W50");
    // 1 January 2027 is a Friday: it belongs to the last week of 2026.
    expect(isoWeekOf(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
  });
});
