import { describe, expect, it } from "vitest";
import { spanishOrNull, staffLinesIn, staffTextIn } from "./staff-text.ts";

describe("staffTextIn", () => {
  it("gives a Spanish page the Spanish version where staff wrote one", () => {
    expect(staffTextIn("es", "Welcome", "Bienvenida")).toEqual({ text: "Bienvenida", lang: "es" });
  });

  it("falls back to the English, said to be English, where there is none", () => {
    expect(staffTextIn("es", "Welcome", null)).toEqual({ text: "Welcome", lang: "en" });
    expect(staffTextIn("es", "Welcome", "   ")).toEqual({ text: "Welcome", lang: "en" });
  });

  it("gives an English page the English, whatever Spanish there is", () => {
    expect(staffTextIn("en", "Welcome", "Bienvenida")).toEqual({ text: "Welcome", lang: "en" });
  });

  it("stores a blank Spanish version as none", () => {
    expect(spanishOrNull("  ")).toBeNull();
    expect(spanishOrNull(undefined)).toBeNull();
    expect(spanishOrNull(" Hola ")).toBe("Hola");
  });
});

describe("staffLinesIn", () => {
  it("says each line in Spanish where the Spanish list matches the English line for line", () => {
    expect(staffLinesIn("es", ["One?", "Two?"], "¿Uno?\n\n¿Dos?\n")).toEqual([
      { text: "¿Uno?", lang: "es" },
      { text: "¿Dos?", lang: "es" },
    ]);
    expect(staffLinesIn("en", ["One?"], "¿Uno?")).toEqual([{ text: "One?", lang: "en" }]);
  });

  it("keeps the English where the Spanish list no longer matches it", () => {
    expect(staffLinesIn("es", ["One?", "Two?", "Three?"], "¿Uno?\n¿Dos?")).toEqual([
      { text: "One?", lang: "en" },
      { text: "Two?", lang: "en" },
      { text: "Three?", lang: "en" },
    ]);
  });
});
