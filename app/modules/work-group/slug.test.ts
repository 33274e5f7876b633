import { describe, expect, it } from "vitest";
import { slugify } from "./slug.ts";

describe("slugify", () => {
  it("makes readable URL parts", () => {
    expect(slugify("Success-Ready Students Work Group")).toBe("success-ready-students-work-group");
    expect(slugify("Accreditation & Accountability")).toBe("accreditation-accountability");
    expect(slugify("  Équipe Régionale  ")).toBe("equipe-regionale");
  });

  it("never returns an empty slug", () => {
    expect(slugify("!!!")).toBe("group");
  });
});
