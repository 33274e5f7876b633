import { describe, expect, it } from "vitest";
import { postIdeaSchema } from "./schema.ts";

const parse = (column: string, text: string) => postIdeaSchema.safeParse({ column, text });

describe("an idea", () => {
  it("is trimmed and kept as typed, markup included (pages render it as text)", () => {
    const result = parse("vision", "  <b>Every</b> student  ");
    expect(result.success && result.data.text).toBe("<b>Every</b> student");
  });

  it.each([
    ["vision", "", "Write your idea first"],
    ["vision", "   ", "Write your idea first"],
    ["vision", "x".repeat(501), "Keep an idea under 500 characters"],
    ["vision", "hidden\u0007bell", "Remove the invisible control characters from the idea"],
    ["feelings", "ok", "Choose a Knoster column for the idea"],
  ])("in column %s with %j is refused", (column, text, message) => {
    const result = parse(column, text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("may span lines", () => {
    expect(parse("action_plan", "first\nsecond\ttab").success).toBe(true);
  });
});
