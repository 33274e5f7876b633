import { describe, expect, it } from "vitest";
import { inverseChange, linkKey, type ThemingChange, type ThemingNow } from "./theming-change.ts";

const theme = (label: string, position = 1) => ({ label, position });

function now(parts: {
  themes?: Record<string, ReturnType<typeof theme>>;
  placements?: Record<string, string | null>;
  links?: [string, string][];
}): ThemingNow {
  return {
    themes: new Map(Object.entries(parts.themes ?? {})),
    placements: new Map(Object.entries(parts.placements ?? {})),
    links: new Set((parts.links ?? []).map(([r, t]) => linkKey(r, t))),
  };
}

describe("undoing a theming change", () => {
  it("moves ideas back, except one a colleague has moved on since", () => {
    const change: ThemingChange = {
      themes: [],
      placements: [
        { ideaId: "i1", before: "a", after: "b" },
        { ideaId: "i2", before: "a", after: "b" },
      ],
      links: [],
    };
    const inverse = inverseChange(
      change,
      now({ themes: { a: theme("A"), b: theme("B", 2) }, placements: { i1: "b", i2: null } }),
    );
    expect(inverse.placements).toEqual([{ ideaId: "i1", before: "b", after: "a" }]);
  });

  it("brings a merged theme back with its ideas and links", () => {
    const change: ThemingChange = {
      themes: [{ id: "a", before: theme("Time"), after: null }],
      placements: [{ ideaId: "i1", before: "a", after: "b" }],
      links: [
        { recommendationId: "r", themeId: "a", before: true, after: false },
        { recommendationId: "r", themeId: "b", before: false, after: true },
      ],
    };
    const inverse = inverseChange(
      change,
      now({ themes: { b: theme("Funding", 2) }, placements: { i1: "b" }, links: [["r", "b"]] }),
    );
    expect(inverse.themes).toEqual([{ id: "a", before: null, after: theme("Time") }]);
    expect(inverse.placements).toEqual([{ ideaId: "i1", before: "b", after: "a" }]);
    expect(inverse.links).toEqual([
      { recommendationId: "r", themeId: "a", before: false, after: true },
      { recommendationId: "r", themeId: "b", before: true, after: false },
    ]);
  });

  it("leaves a rename alone once someone renamed the theme again", () => {
    const change: ThemingChange = {
      themes: [{ id: "a", before: theme("Money"), after: theme("Funding") }],
      placements: [],
      links: [],
    };
    expect(inverseChange(change, now({ themes: { a: theme("Funding") } })).themes).toHaveLength(1);
    expect(inverseChange(change, now({ themes: { a: theme("Grants") } })).themes).toHaveLength(0);
  });

  it("removes a created theme only if nothing else was put in it", () => {
    const change: ThemingChange = {
      themes: [{ id: "n", before: null, after: theme("New") }],
      placements: [{ ideaId: "i1", before: null, after: "n" }],
      links: [],
    };
    const alone = inverseChange(
      change,
      now({ themes: { n: theme("New") }, placements: { i1: "n" } }),
    );
    expect(alone.themes).toEqual([{ id: "n", before: theme("New"), after: null }]);
    const joined = inverseChange(
      change,
      now({ themes: { n: theme("New") }, placements: { i1: "n", i2: "n" } }),
    );
    expect(joined.themes).toEqual([]);
    expect(joined.placements).toEqual([{ ideaId: "i1", before: "n", after: null }]);
  });
});
