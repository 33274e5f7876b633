import { describe, expect, it } from "vitest";
import type { Block } from "./content.ts";
import { documentLanguage } from "./document-language.server.ts";

const paragraph = (text: string): Block => ({ kind: "paragraph", runs: [{ text }] });

describe("documentLanguage", () => {
  it("tells a Spanish publication from an English one by its text", () => {
    expect(
      documentLanguage("Resumen de la sesión", [
        paragraph("El grupo de trabajo se reunió para hablar de las recomendaciones."),
        { kind: "list", ordered: false, items: [[{ text: "Contratar a doce tutores" }]] },
      ]),
    ).toBe("es");
    expect(
      documentLanguage("Session summary", [
        paragraph("The work group met to talk about its recommendations for the district."),
      ]),
    ).toBe("en");
  });

  it("is English when there is too little text to tell", () => {
    expect(documentLanguage("Hola", [])).toBe("en");
  });
});
