/**
 * Auto-assigning members to breakout rooms so every room mixes stakeholder groups and regions
 * as evenly as the roster allows (the seed report's rooms each drew on every group).
 *
 * Members of the largest groups are placed first; each goes to the room with the fewest of
 * their stakeholder group, then the fewest people, then the fewest of their region. The result:
 * room sizes differ by at most one, and so does each group's count across rooms.
 */
export type Assignee = { id: string; group: string | null; region: string | null };

export function assignRooms(members: Assignee[], roomCount: number): Map<string, number> {
  if (roomCount < 1) throw new Error("at least one room");
  const groupSize = new Map<string, number>();
  for (const m of members) groupSize.set(m.group ?? "", (groupSize.get(m.group ?? "") ?? 0) + 1);
  const ordered = [...members].sort(
    (a, b) =>
      (groupSize.get(b.group ?? "") ?? 0) - (groupSize.get(a.group ?? "") ?? 0) ||
      (a.group ?? "").localeCompare(b.group ?? "") ||
      (a.region ?? "").localeCompare(b.region ?? "") ||
      a.id.localeCompare(b.id),
  );
  const rooms = Array.from({ length: roomCount }, () => ({
    size: 0,
    groups: new Map<string, number>(),
    regions: new Map<string, number>(),
  }));
  const result = new Map<string, number>();
  for (const m of ordered) {
    const group = m.group ?? "";
    const region = m.region ?? "";
    let best = 0;
    for (let i = 1; i < rooms.length; i++) {
      const a = rooms[i]!;
      const b = rooms[best]!;
      const key = (r: typeof a) => [r.groups.get(group) ?? 0, r.size, r.regions.get(region) ?? 0];
      const [ka, kb] = [key(a), key(b)];
      if (
        ka[0]! < kb[0]! ||
        (ka[0] === kb[0] && (ka[1]! < kb[1]! || (ka[1] === kb[1] && ka[2]! < kb[2]!)))
      ) {
        best = i;
      }
    }
    const room = rooms[best]!;
    room.size++;
    room.groups.set(group, (room.groups.get(group) ?? 0) + 1);
    room.regions.set(region, (room.regions.get(region) ?? 0) + 1);
    result.set(m.id, best);
  }
  return result;
}
