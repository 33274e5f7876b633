import { describe, expect, it } from "vitest";
import { similarityMatrix } from "./cluster.ts";
import { contentWords, ideaFeatures } from "./features.ts";
import { ideaVectors } from "./suggest.ts";

const keys = (text: string) => [...ideaFeatures(text, "meaning").keys()];

describe("idea features", () => {
  it("keeps content words, stemmed, and drops function words", () => {
    expect(contentWords("Training for the teachers").flat()).toEqual([
      { original: "Training", surface: "training", stem: "train" },
      { original: "teachers", surface: "teachers", stem: "teacher" },
    ]);
  });

  it("files money words under one semantic field that their concepts do not share", () => {
    const money = keys("money");
    const salary = keys("salary");
    const shared = money.filter((f) => salary.includes(f));
    // WordNet's hierarchy relates them only far up; its lexicographer file does.
    expect(shared.filter((f) => f.startsWith("c:"))).toEqual([]);
    expect(shared.filter((f) => f.startsWith("f:"))).not.toEqual([]);
    expect(keys("funding").filter((f) => money.includes(f) && f.startsWith("f:"))).not.toEqual([]);
  });

  it("makes ideas about money alike, and unlike one about messaging", () => {
    const ideas = ["More money", "Salary schedule", "Consistent messaging"];
    const similarity = similarityMatrix(ideaVectors(ideas));
    expect(similarity[0 * 3 + 1]).toBeGreaterThan(0);
    expect(similarity[0 * 3 + 2]).toBe(0);
  });

  it("adds no field or concept features to plain words", () => {
    expect([...ideaFeatures("More money", "words").keys()]).toEqual(["w:money"]);
  });

  it("reads a Spanish idea by Spanish rules: its stems and function words, no English concepts", () => {
    const words = contentWords("Más tutorías para los estudiantes y sus familias").flat();
    expect(words.map((w) => w.stem)).toEqual(["tutor", "estud", "famil"]);
    const features = keys("Más tutorías para los estudiantes y sus familias");
    expect(features.filter((f) => f.startsWith("c:") || f.startsWith("f:"))).toEqual([]);
    // Two Spanish ideas about tutoring are alike; an English one about money is not.
    const ideas = [
      "Tutoría para cada estudiante que llega nuevo a la escuela",
      "Más tutorías y mentores para los estudiantes nuevos",
      "More money for the salary schedule of teachers",
    ];
    const similarity = similarityMatrix(ideaVectors(ideas));
    expect(similarity[0 * 3 + 1]).toBeGreaterThan(0);
    expect(similarity[0 * 3 + 2]).toBe(0);
  });
});
