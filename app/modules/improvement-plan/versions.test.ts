import { describe, expect, it } from "vitest";
import { comparePlans, type PlanSnapshot, wordChanges } from "./versions.ts";

const plan: PlanSnapshot = {
  name: "Riverside",
  level: "district",
  startYear: 2026,
  endYear: 2030,
  planningProcess: "",
  beliefsVision: "",
  mission: "We prepare every student.",
  keyIssuesData: "",
  keyIssuesFactors: "",
  prioritizedNeeds: "",
  goals: [
    {
      id: "g1",
      title: "Attendance",
      smartGoal: "",
      rationale: "",
      strategies: "",
      fundingSources: "",
      standards: "",
      adultBehaviors: "",
      measures: [],
      steps: [
        {
          id: "s1",
          horizon: "30_days",
          description: "Call families",
          startsOn: null,
          ownerName: null,
          resources: "",
          completedOn: null,
        },
      ],
    },
  ],
};

describe("comparing plan versions", () => {
  it("finds nothing between a plan and itself", () => {
    expect(comparePlans(plan, structuredClone(plan)).same).toBe(true);
  });

  it("matches goals and steps by id: a renamed goal is changed, not removed and added", () => {
    const after = structuredClone(plan);
    after.goals[0]!.title = "Attendance every day";
    after.goals[0]!.steps[0]!.completedOn = "2026-10-01";
    const compared = comparePlans(plan, after);
    expect(compared.goals.added).toEqual([]);
    expect(compared.goals.removed).toEqual([]);
    expect(compared.goals.changed[0]!.fields).toEqual([
      {
        field: "plans.goalTitle",
        kind: "text",
        before: "Attendance",
        after: "Attendance every day",
      },
    ]);
    expect(compared.goals.changed[0]!.steps.changed[0]!.fields).toEqual([
      { field: "plans.step.completedOnLabel", kind: "date", before: "", after: "2026-10-01" },
    ]);
  });
});

describe("word changes", () => {
  it("marks only the words taken out and put in", () => {
    const { before, after } = wordChanges("We prepare every student.", "We prepare each student.");
    expect(before).toEqual([
      { text: "We prepare ", change: "same" },
      { text: "every ", change: "removed" },
      { text: "student.", change: "same" },
    ]);
    expect(after).toEqual([
      { text: "We prepare ", change: "same" },
      { text: "each ", change: "added" },
      { text: "student.", change: "same" },
    ]);
  });

  it("shows two very long texts whole rather than compare them word by word", () => {
    const long = "word ".repeat(1000);
    const { before, after } = wordChanges(long, `${long}more`);
    expect(before).toEqual([{ text: long, change: "removed" }]);
    expect(after).toEqual([{ text: `${long}more`, change: "added" }]);
  });
});
