import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrast, parseHex } from "./contrast.ts";

const css = readFileSync(path.resolve(import.meta.dirname, "../../tailwind.css"), "utf8");
const theme = css.slice(css.indexOf("@theme {"), css.indexOf("}", css.indexOf("@theme {")));
const colours = Object.fromEntries(
  [...theme.matchAll(/--color-([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]),
);

function ratio(fg: string, bg: string) {
  const a = colours[fg];
  const b = colours[bg];
  if (!a || !b) throw new Error(`No colour token --color-${a ? bg : fg} in app/tailwind.css`);
  return contrast(parseHex(a), parseHex(b));
}

const surfaces = ["surface", "canvas", "sunken"];

/** Words people read, and the grounds they are read on (WCAG 1.4.3: 4.5:1). */
const textPairs: [string, string][] = [
  ...["ink", "muted", "link", "danger", "success", "warning", "info"].flatMap((fg) =>
    surfaces.map((bg): [string, string] => [fg, bg]),
  ),
  ["on-action", "action"],
  ["on-action", "action-strong"],
  ...(["info", "success", "warning", "danger"] as const).flatMap((tone): [string, string][] => [
    [tone, `${tone}-soft`],
    ["ink", `${tone}-soft`],
    ["muted", `${tone}-soft`],
    ["link", `${tone}-soft`],
  ]),
];

/** Edges that show a control or where focus is (WCAG 1.4.11 and 2.4.7: 3:1). */
const edgePairs: [string, string][] = [
  ...[
    "control",
    "focus",
    "action",
    "info-line",
    "success-line",
    "warning-line",
    "danger-line",
  ].flatMap((edge) => surfaces.map((bg): [string, string] => [edge, bg])),
  ...(["info", "success", "warning", "danger"] as const).map((tone): [string, string] => [
    `${tone}-line`,
    `${tone}-soft`,
  ]),
  // The focus ring around the main action is drawn outside it, but also meets it.
  ["focus", "on-action"],
];

describe("contrast", () => {
  it("follows WCAG 2's relative luminance", () => {
    expect(contrast(parseHex("#000000"), parseHex("#ffffff"))).toBeCloseTo(21, 5);
    expect(contrast(parseHex("#ffffff"), parseHex("#ffffff"))).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(contrast(parseHex("#767676"), parseHex("#ffffff"))).toBeCloseTo(4.54, 2);
    expect(contrast(parseHex("#777777"), parseHex("#ffffff"))).toBeLessThan(4.5);
  });
});

describe("the design tokens", () => {
  it("name every colour the checks read", () => {
    expect(Object.keys(colours).length).toBeGreaterThan(20);
  });

  it.each(textPairs)("%s text on %s meets 4.5:1", (fg, bg) => {
    expect(ratio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(edgePairs)("%s edge on %s meets 3:1", (edge, bg) => {
    expect(ratio(edge, bg)).toBeGreaterThanOrEqual(3);
  });

  it("keep the type scale in rem, largest first", () => {
    const sizes = ["display", "title", "heading", "subheading", "body", "small"].map((name) => {
      const m = theme.match(new RegExp(`--text-${name}:\\s*([\\d.]+)rem;`));
      if (!m) throw new Error(`No --text-${name} in app/tailwind.css`);
      return Number(m[1]);
    });
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(0.875);
  });

  it("make a tap target 44 px", () => {
    expect(theme).toMatch(/--spacing-tap:\s*2\.75rem;/);
  });
});
