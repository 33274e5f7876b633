import { KNOSTER_ELEMENTS, type KnosterColumn } from "./knoster.ts";

/**
 * The Knoster readiness check: for each area of focus, which elements of managing complex
 * change the ideas leave missing or thin, and what the model predicts when one is absent
 * (seed report: no vision, confusion; no skills, anxiety; no incentives, resistance; no
 * resources, frustration; no action plan, false starts).
 */

/** Fewer ideas than this in an element, while others have more, makes it thin. */
export const THIN_BELOW = 2;

export type ElementReadiness = {
  element: KnosterColumn;
  label: string;
  ideas: number;
  status: "missing" | "thin" | "ok";
  /** What the model predicts if the element stays missing or thin. */
  risk: string | null;
};

export type AreaReadiness = { area: string; total: number; elements: ElementReadiness[] };

export function readiness(area: string, columns: string[]): AreaReadiness {
  const counts = new Map<string, number>();
  for (const column of columns) counts.set(column, (counts.get(column) ?? 0) + 1);
  const elements = KNOSTER_ELEMENTS.map((e) => {
    const ideas = counts.get(e.key) ?? 0;
    const status = ideas === 0 ? "missing" : ideas < THIN_BELOW ? "thin" : "ok";
    return {
      element: e.key,
      label: e.label,
      ideas,
      status,
      risk: status === "ok" ? null : e.missing,
    } satisfies ElementReadiness;
  });
  return { area, total: columns.length, elements };
}

/** One sentence a facilitator can read out: what is missing and what it predicts. */
export function readinessSummary(r: AreaReadiness): string {
  const gaps = r.elements.filter((e) => e.status !== "ok");
  if (gaps.length === 0) return `${r.area}: every Knoster element has ideas.`;
  const parts = gaps.map(
    (g) => `${g.label} ${g.status === "missing" ? "is missing" : "is thin"} (risk: ${g.risk})`,
  );
  return `${r.area}: ${parts.join("; ")}.`;
}
