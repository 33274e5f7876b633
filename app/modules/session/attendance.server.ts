import type { AppContext } from "../../utils/app-context.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";

/** Records that a member came to the session (once; later visits change nothing). */
export async function recordAttendance(
  ctx: Pick<AppContext, "db">,
  sessionId: string,
  userId: string,
) {
  const seen = await ctx.db.attendance.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { userId: true },
  });
  if (seen) return;
  try {
    await ctx.db.attendance.create({ data: { sessionId, userId } });
  } catch (error) {
    // Two tabs opening at once: the other one recorded it.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** Who came, for facilitators: names in the order they arrived, and how many of the group. */
export async function getAttendance(
  ctx: Pick<AppContext, "db">,
  workGroupId: string,
  sessionId: string,
) {
  const [present, members] = await Promise.all([
    ctx.db.attendance.findMany({
      where: { sessionId },
      orderBy: { firstSeenAt: "asc" },
      select: { user: { select: { name: true } } },
    }),
    ctx.db.membership.count({ where: { workGroupId } }),
  ]);
  return { names: present.map((a) => a.user.name), members };
}
