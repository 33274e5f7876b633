import type { AppContext } from "../../utils/app-context.ts";
import { breakdown } from "./breakdowns.ts";

type Db = AppContext["db"];

/** The session's participation (posted or rated) and ratings, by group and by region. */
export async function sessionBreakdowns(db: Db, workGroupId: string, sessionId: string) {
  const [ideas, ratings] = await Promise.all([
    db.idea.findMany({ where: { board: { sessionId } }, select: { authorId: true } }),
    db.rating.findMany({
      where: { idea: { board: { sessionId } } },
      select: { userId: true, stars: true },
    }),
  ]);
  const ids = new Set([...ideas.map((i) => i.authorId), ...ratings.map((r) => r.userId)]);
  ids.delete(null);
  const members = await db.membership.findMany({
    where: { workGroupId, userId: { in: [...ids] as string[] } },
    select: {
      userId: true,
      stakeholderGroup: { select: { name: true } },
      region: { select: { name: true } },
    },
  });
  const participants = members.map((m) => ({
    userId: m.userId,
    group: m.stakeholderGroup?.name ?? null,
    region: m.region?.name ?? null,
  }));
  return {
    byGroup: breakdown(participants, ratings, "group"),
    byRegion: breakdown(participants, ratings, "region"),
  };
}
