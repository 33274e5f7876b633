/**
 * Participation and ratings by stakeholder group or region, for facilitators. A row that
 * stands for fewer than MIN_CELL people is suppressed whole, so no one can be singled out (a
 * lone student's ratings would be theirs alone). No totals are shown beside suppressed rows,
 * since a total minus the other rows would give the suppressed one back.
 */
export const MIN_CELL = 5;

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

export function breakdown(
  participants: Participant[],
  ratings: GivenRating[],
  by: "group" | "region",
): BreakdownRow[] {
  const labelOf = new Map(
    participants.map((p) => [p.userId, (by === "group" ? p.group : p.region) ?? "Not given"]),
  );
  const rows = new Map<string, { people: Set<string>; stars: number[]; ratings: number }>();
  const row = (label: string) => {
    const existing = rows.get(label);
    if (existing) return existing;
    const created = { people: new Set<string>(), stars: [] as number[], ratings: 0 };
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
  return [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, r]) =>
      r.people.size < MIN_CELL
        ? { label, suppressed: true as const }
        : {
            label,
            suppressed: false as const,
            people: r.people.size,
            ratings: r.ratings,
            averageStars: r.stars.length
              ? r.stars.reduce((a, b) => a + b, 0) / r.stars.length
              : null,
          },
    );
}
