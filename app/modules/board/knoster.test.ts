import { describe, expect, it } from "vitest";
import { boardColumns, readColumnPrompts } from "./knoster.ts";

describe("column prompts", () => {
  it("use a work group's own prompt where it wrote one, the default elsewhere", () => {
    const columns = boardColumns(false, { vision: "Our own words" });
    expect(columns.find((c) => c.key === "vision")?.prompt).toBe("Our own words");
    expect(columns.find((c) => c.key === "skills")?.prompt).toMatch(/learn/);
  });

  it("carry the work group's Spanish prompt beside the English one, where it wrote one", () => {
    const columns = boardColumns(false, {}, { vision: " ¿Hacia dónde vamos? " });
    expect(columns.find((c) => c.key === "vision")).toMatchObject({
      custom: false,
      promptEs: "¿Hacia dónde vamos?",
    });
    expect(columns.find((c) => c.key === "skills")?.promptEs).toBeNull();
  });

  it("read only known columns and text from what is stored", () => {
    expect(readColumnPrompts('{"vision":"  A  ","nope":"x","skills":3}')).toEqual({ vision: "A" });
    expect(readColumnPrompts("not json")).toEqual({});
    expect(readColumnPrompts("[1,2]")).toEqual({});
    expect(readColumnPrompts(null)).toEqual({});
    expect(readColumnPrompts(JSON.stringify({ vision: "y".repeat(500) })).vision).toHaveLength(160);
  });
});
