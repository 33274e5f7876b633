import { describe, expect, it } from "vitest";
import { byHorizon, completion, isOverdue, needsAttention, today } from "./action-plan.ts";

describe("the action plan's rules", () => {
  it("reads today in the plan's time zone", () => {
    const lateEvening = new Date("2027-03-01T04:30:00Z");
    expect(today("UTC", lateEvening)).toBe("2027-03-01");
    expect(today("America/Chicago", lateEvening)).toBe("2027-02-28");
  });

  it("calls a step overdue only after its due date and until it is done", () => {
    expect(isOverdue({ dueOn: "2027-01-14", status: "in_progress" }, "2027-01-15")).toBe(true);
    expect(isOverdue({ dueOn: "2027-01-15", status: "in_progress" }, "2027-01-15")).toBe(false);
    expect(isOverdue({ dueOn: "2027-01-14", status: "done" }, "2027-01-15")).toBe(false);
    expect(isOverdue({ dueOn: null, status: "not_started" }, "2027-01-15")).toBe(false);
    expect(needsAttention({ dueOn: null, status: "blocked" }, "2027-01-15")).toBe(true);
  });

  it("groups steps by horizon in the plan's order and counts what is done", () => {
    const steps = [
      { id: "a", horizon: "long_range", status: "done" },
      { id: "b", horizon: "30_days", status: "in_progress" },
      { id: "c", horizon: "30_days", status: "done" },
    ];
    expect(byHorizon(steps).map((g) => [g.horizon, g.steps.map((s) => s.id)])).toEqual([
      ["30_days", ["b", "c"]],
      ["long_range", ["a"]],
    ]);
    expect(completion(steps)).toEqual({ done: 2, total: 3 });
  });
});
