import type { DbTransaction } from "../../../server/db.ts";
import type { AppContext } from "../../utils/app-context.ts";
import type { HistorySubject } from "./history.ts";

/**
 * Records who changed which theme, recommendation or action step. Written in the same
 * transaction as the change, so the history never misses one or shows one that failed.
 */
export async function recordHistory(
  tx: DbTransaction | AppContext["db"],
  entry: {
    workGroupId: string;
    sessionId?: string;
    actorId: string;
    subjectKind: HistorySubject;
    subjectId: string;
    summary: string;
    change?: string;
  },
) {
  return tx.historyEntry.create({ data: entry, select: { id: true } });
}

/**
 * The newest entries first, for facilitators; `subjectIds` narrows to some items. `actor` is
 * null for someone whose account is gone (the page names them in the reader's language).
 */
export async function listHistory(
  ctx: Pick<AppContext, "db">,
  workGroupId: string,
  options: { subjectIds?: string[]; take?: number } = {},
) {
  const entries = await ctx.db.historyEntry.findMany({
    where: {
      workGroupId,
      ...(options.subjectIds ? { subjectId: { in: options.subjectIds } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 200,
    select: {
      id: true,
      subjectKind: true,
      subjectId: true,
      summary: true,
      createdAt: true,
      undoneAt: true,
      actor: { select: { name: true } },
    },
  });
  return entries.map((e) => ({
    id: e.id,
    subjectKind: e.subjectKind as HistorySubject,
    subjectId: e.subjectId,
    summary: e.summary,
    at: e.createdAt.toISOString(),
    undone: e.undoneAt !== null,
    actor: e.actor?.name ?? null,
  }));
}
