import { describe, expect, it } from "vitest";
import { localSuggester, suggestThemes, validateThemeSuggestion } from "./suggest.ts";

const BOARD = [
  "Release time for teachers",
  "Grant funding for districts",
  "Training on how to use data",
  "More money for transportation",
  "Time for teachers to plan together",
  "Training for new teachers",
  "Funding for summer training",
  "A common message for all stakeholders",
  "Communicate with parents and the community",
  "Consistent messaging from the state",
];

function expectPartition(n: number, themes: ReturnType<typeof suggestThemes>) {
  expect(validateThemeSuggestion(n, themes).problems).toEqual([]);
}

describe("suggested themes", () => {
  it("suggests nothing for no ideas", () => {
    expect(suggestThemes([])).toEqual([]);
  });

  it("makes one theme of one idea, named from its words", () => {
    const themes = suggestThemes(["Grant funding for districts"]);
    expect(themes).toHaveLength(1);
    expect(themes[0]!.ideas).toEqual([0]);
    expect(themes[0]!.label).toMatch(/grant|funding|districts/i);
  });

  it("puts every idea in exactly one theme, each with a short label", () => {
    const themes = suggestThemes(BOARD);
    expectPartition(BOARD.length, themes);
    for (const theme of themes) {
      expect(theme.label.trim()).not.toBe("");
      expect(theme.label.split(" ").length).toBeLessThanOrEqual(3);
    }
  });

  it("keeps exact duplicates together, whatever their case and spacing", () => {
    const ideas = [
      "Release time for teachers",
      "Grant funding",
      "release  time for TEACHERS ",
      "Messaging",
      "Grant funding",
    ];
    const themes = suggestThemes(ideas);
    expectPartition(ideas.length, themes);
    const themeOf = (i: number) => themes.findIndex((t) => t.ideas.includes(i));
    expect(themeOf(0)).toBe(themeOf(2));
    expect(themeOf(1)).toBe(themeOf(4));
  });

  it("makes one theme of ideas that are all the same", () => {
    expect(suggestThemes(["Time", "time", " TIME"])).toEqual([{ label: "Time", ideas: [0, 1, 2] }]);
  });

  it("groups ideas that share their words", () => {
    const themes = suggestThemes(BOARD);
    const themeOf = (i: number) => themes.findIndex((t) => t.ideas.includes(i));
    // The three about training (2, 5, 6 share "training"; 6 also "funding").
    expect(themeOf(2)).toBe(themeOf(5));
  });

  it("gathers ideas with no words to go on in one Other theme, last", () => {
    const ideas = ["???", "Training for new teachers", "the", "Training on data", "!!"];
    const themes = suggestThemes(ideas);
    expectPartition(ideas.length, themes);
    expect(themes.at(-1)).toEqual({ label: "Other", ideas: [0, 2, 4] });
  });

  it("gives the same answer every time", () => {
    expect(suggestThemes(BOARD)).toEqual(suggestThemes([...BOARD]));
  });

  it("is what the local suggester answers", async () => {
    expect(await localSuggester.suggest(BOARD)).toEqual(suggestThemes(BOARD));
  });

  it("compares ideas as plain words when asked (the benchmark's baseline)", () => {
    expectPartition(BOARD.length, suggestThemes(BOARD, { representation: "words" }));
  });
});

describe("validating themes", () => {
  it("accepts a partition", () => {
    expect(
      validateThemeSuggestion(3, [
        { label: "A", ideas: [2, 0] },
        { label: "B", ideas: [1] },
      ]),
    ).toEqual({ problems: [] });
  });

  it("names every problem", () => {
    const { problems } = validateThemeSuggestion(4, [
      { label: " ", ideas: [0, 0] },
      { label: "B", ideas: [9, 1.5, "2"] },
      { label: "C", ideas: [] },
    ]);
    expect(problems).toEqual([
      "theme 0 has no label",
      "idea 0 is in more than one theme",
      "theme 1 has 9, not an idea index 0..3",
      "theme 1 has 1.5, not an idea index 0..3",
      'theme 1 has "2", not an idea index 0..3',
      "theme 2 is empty",
      "3 ideas are in no theme",
    ]);
  });
});
