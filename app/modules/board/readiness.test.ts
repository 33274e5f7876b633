import { describe, expect, it } from "vitest";
import { readiness, readinessSummary } from "./readiness.ts";

describe("the Knoster readiness check", () => {
  it("names what is missing and what the model predicts", () => {
    const r = readiness("Assessment for Learning", [
      "vision",
      "vision",
      "skills",
      "skills",
      "resources",
    ]);
    const byElement = Object.fromEntries(r.elements.map((e) => [e.element, e]));
    expect(byElement.vision).toMatchObject({ status: "ok", risk: null, ideas: 2 });
    expect(byElement.incentives).toMatchObject({ status: "missing", risk: "resistance" });
    expect(byElement.action_plan).toMatchObject({ status: "missing", risk: "false starts" });
    expect(byElement.resources).toMatchObject({ status: "thin", risk: "frustration" });
    expect(readinessSummary(r)).toBe(
      "Assessment for Learning: Incentives is missing (risk: resistance); Resources is thin (risk: frustration); Action Plan is missing (risk: false starts).",
    );
  });

  it("predicts confusion without a vision and anxiety without skills", () => {
    const r = readiness("Policy", []);
    expect(r.elements.map((e) => e.risk)).toEqual([
      "confusion",
      "anxiety",
      "resistance",
      "frustration",
      "false starts",
    ]);
  });

  it("is satisfied when every element has ideas", () => {
    const all = ["vision", "skills", "incentives", "resources", "action_plan"].flatMap((c) => [
      c,
      c,
    ]);
    expect(readinessSummary(readiness("Policy", all))).toBe(
      "Policy: every Knoster element has ideas.",
    );
  });
});
