import { type Cell, MIN_CELL, suppressSmallCells } from "../anonymity/small-cells.ts";

/**
 * Participation and ratings by stakeholder group and by region, for facilitators.
 *
 * Two ways such a table gives a person away, and what stops each:
 * - Across rows and columns: a row of fewer than MIN_CELL people is hidden whole, and more rows
 *   are hidden until no hidden row can be worked out from the others and the total (the same
 *   rule as every count by group, anonymity/small-cells.ts). Both tables count the same people,
 *   so each one's total is the other's.
 * - Over time: a table recomputed on every page load changes the moment one idea or rating
 *   arrives ("Teachers 5 → 6"), which names its author's group. So the table is taken when
 *   rating closes and kept (breakdowns.server.ts), and taken again only once at least MIN_CELL
 *   more people have taken part, so that no change can be pinned on fewer than that.
 */
export { MIN_CELL };

export type Participant = { userId: string; group: string | null; region: string | null };
export type GivenRating = { userId: string; stars: number | null };

export type BreakdownRow =
  | { label: string; suppressed: true }
  | {
      label: string;
      suppressed: false;
      people: number;
      ratings: number;
      averageStars: number | null;
    };

export type Breakdowns = {
  byGroup: BreakdownRow[];
  byRegion: BreakdownRow[];
  /** Everyone who posted or rated, when the table was taken. */
  people: number;
};

type Tally = { label: string; people: Set<string>; stars: number[]; ratings: number };

function tally(participants: Participant[], ratings: GivenRating[], by: "group" | "region") {
  const labelOf = new Map(
    participants.map((p) => [p.userId, (by === "group" ? p.group : p.region) ?? "Not given"]),
  );
  const rows = new Map<string, Tally>();
  const row = (label: string) => {
    const existing = rows.get(label);
    if (existing) return existing;
    const created = { label, people: new Set<string>(), stars: [] as number[], ratings: 0 };
    rows.set(label, created);
    return created;
  };
  for (const p of participants) row(labelOf.get(p.userId)!).people.add(p.userId);
  for (const rating of ratings) {
    const label = labelOf.get(rating.userId);
    if (!label) continue;
    const r = row(label);
    r.ratings++;
    if (rating.stars !== null) r.stars.push(rating.stars);
  }
  return [...rows.values()].sort((a, b) => a.label.localeCompare(b.label));
}

function shown(row: Tally, cell: Cell): BreakdownRow {
  if (cell.hidden) return { label: row.label, suppressed: true };
  return {
    label: row.label,
    suppressed: false,
    people: row.people.size,
    ratings: row.ratings,
    averageStars: row.stars.length ? row.stars.reduce((a, b) => a + b, 0) / row.stars.length : null,
  };
}

/** Both tables, suppressed together (each table's total is the other's). */
export function breakdowns(participants: Participant[], ratings: GivenRating[]): Breakdowns {
  const groups = tally(participants, ratings, "group");
  const regions = tally(participants, ratings, "region");
  const cell = (row: Tally): Cell => ({ count: row.people.size, hidden: false });
  const groupCells = groups.map(cell);
  const regionCells = regions.map(cell);
  suppressSmallCells([groupCells, regionCells]);
  return {
    byGroup: groups.map((row, i) => shown(row, groupCells[i]!)),
    byRegion: regions.map((row, i) => shown(row, regionCells[i]!)),
    people: participants.length,
  };
}

/**
 * Whether a new table may replace the one already taken: only once at least MIN_CELL people
 * took part since, so the difference between the two stands for a crowd, not a person.
 */
export function mayRetake(peopleSince: number, hasTable: boolean) {
  return !hasTable || peopleSince >= MIN_CELL;
}
