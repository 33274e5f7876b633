import { describe, expect, it } from "vitest";
import { spanishOrNull, staffTextIn } from "./staff-text.ts";

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
