/**
 * Members counted by stakeholder group × region, so an owner sees at a glance which voices the
 * work group is missing (the seed report lists membership by both). Empty cells are what the
 * page highlights.
 */
type Named = { id: string; name: string; nameEs?: string | null };

export type Representation = {
  groups: Named[];
  regions: Named[];
  /** counts[groupIndex][regionIndex]; the last column counts members with no region. */
  counts: number[][];
  groupTotals: number[];
  unassigned: number;
  emptyCells: number;
};

export function representation(
  groups: Named[],
  regions: Named[],
  members: { stakeholderGroupId: string | null; regionId: string | null }[],
): Representation {
  const counts = groups.map(() => regions.map(() => 0).concat(0));
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));
  const regionIndex = new Map(regions.map((r, i) => [r.id, i]));
  let unassigned = 0;
  for (const m of members) {
    const g = m.stakeholderGroupId ? groupIndex.get(m.stakeholderGroupId) : undefined;
    if (g === undefined) {
      unassigned++;
      continue;
    }
    const r = m.regionId ? regionIndex.get(m.regionId) : undefined;
    const row = counts[g]!;
    row[r ?? regions.length]!++;
  }
  const emptyCells =
    regions.length === 0
      ? counts.filter((row) => row[0] === 0).length
      : counts.reduce(
          (n, row) => n + row.slice(0, regions.length).filter((c) => c === 0).length,
          0,
        );
  return {
    groups,
    regions,
    counts,
    groupTotals: counts.map((row) => row.reduce((a, b) => a + b, 0)),
    unassigned,
    emptyCells,
  };
}
