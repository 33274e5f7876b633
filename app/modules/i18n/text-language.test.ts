import { describe, expect, it } from "vitest";
import { textLanguage } from "./text-language.server.ts";

describe("the language of a text", () => {
  it("tells Spanish from English, and says nothing of a text too short to tell", () => {
    expect(textLanguage("Que las familias puedan participar en las reuniones de la escuela.")).toBe(
      "es",
    );
    expect(textLanguage("Families can join school meetings in the evening, with child care.")).toBe(
      "en",
    );
    expect(textLanguage("Tutoría")).toBeNull();
    expect(textLanguage("1234 5678 !!!! ???? 1234 5678")).toBeNull();
  });
});
