import type { AppContext } from "../../utils/app-context.ts";
import { type Breakdowns, breakdowns, mayRetake } from "./breakdowns.ts";

type Db = AppContext["db"];

/** Everyone who posted or rated in the session (optionally: since an instant), with group and region. */
async function participants(db: Db, workGroupId: string, sessionId: string, since?: Date) {
  const after = since ? { gt: since } : undefined;
  const [ideas, ratings] = await Promise.all([
    db.idea.findMany({
      where: { board: { sessionId }, ...(after ? { createdAt: after } : {}) },
      select: { authorId: true },
    }),
    db.rating.findMany({
      where: { idea: { board: { sessionId } }, ...(after ? { createdAt: after } : {}) },
      select: { userId: true, stars: true },
    }),
  ]);
  const ids = new Set([...ideas.map((i) => i.authorId), ...ratings.map((r) => r.userId)]);
  ids.delete(null);
  if (since) return { people: [], ratings, count: ids.size };
  const who = {
    userId: true,
    stakeholderGroup: { select: { name: true } },
    region: { select: { name: true } },
  } as const;
  // Guests count as members do, by the group and region they chose, under the same suppression.
  const [members, guests] = await Promise.all([
    db.membership.findMany({
      where: { workGroupId, userId: { in: [...ids] as string[] } },
      select: who,
    }),
    db.guest.findMany({ where: { sessionId, userId: { in: [...ids] as string[] } }, select: who }),
  ]);
  const people = [...members, ...guests].map((m) => ({
    userId: m.userId,
    group: m.stakeholderGroup?.name ?? null,
    region: m.region?.name ?? null,
  }));
  return { people, ratings, count: ids.size };
}

/**
 * Takes the participation tables when contributions close (rating, or brainstorm when rating is
 * skipped) and stores them with the session. A table already taken stays unless enough people
 * took part since (breakdowns.ts says why). Returns whether a table was stored.
 */
export async function takeSessionBreakdowns(db: Db, workGroupId: string, sessionId: string) {
  const session = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { breakdownsAt: true },
  });
  const takenAt = session.breakdownsAt;
  if (takenAt) {
    const since = await participants(db, workGroupId, sessionId, takenAt);
    if (!mayRetake(since.count, true)) return false;
  }
  const now = await participants(db, workGroupId, sessionId);
  const table = breakdowns(now.people, now.ratings);
  await db.session.update({
    where: { id: sessionId },
    data: { breakdowns: JSON.stringify(table), breakdownsAt: new Date() },
  });
  return true;
}

/** The stored tables, as facilitators read them; null before contributions first closed. */
export async function sessionBreakdowns(
  db: Db,
  sessionId: string,
): Promise<(Breakdowns & { takenAt: string }) | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { breakdowns: true, breakdownsAt: true },
  });
  if (!session?.breakdowns || !session.breakdownsAt) return null;
  return {
    ...(JSON.parse(session.breakdowns) as Breakdowns),
    takenAt: session.breakdownsAt.toISOString(),
  };
}
