import type * as Y from "yjs";
import type { CommentState } from "./schema.ts";

/**
 * The shape of a comment period's live moderation document (moderation:<periodId>), written
 * only by the server and read by every moderator's queue page: the decisions made lately, so
 * each page shows another moderator's decision on the comments it lists within a second, and
 * the period's counts by state. The database is the truth: a page loaded later reads it there.
 */
export type LiveDecision = {
  state: CommentState;
  reason: string;
  revision: number;
  /** The moderator's name; empty when the account is gone. */
  by: string;
  at: string;
};
export type StateCounts = Record<CommentState, number>;

const DECISIONS = "decisions";
const COUNTS = "counts";
/** Decisions older than this are dropped from the document: pages loaded since read the database. */
export const LIVE_DECISIONS_MS = 15 * 60_000;

export function putDecisions(
  doc: Y.Doc,
  decisions: Iterable<[commentId: string, decision: LiveDecision]>,
  counts: StateCounts,
  now = Date.now(),
) {
  const map = doc.getMap<LiveDecision>(DECISIONS);
  for (const [id, decision] of decisions) map.set(id, decision);
  for (const [id, decision] of map)
    if (now - Date.parse(decision.at) > LIVE_DECISIONS_MS) map.delete(id);
  const countMap = doc.getMap<number>(COUNTS);
  for (const [state, count] of Object.entries(counts))
    if (countMap.get(state) !== count) countMap.set(state, count);
}

export function readDecisions(doc: Y.Doc): Map<string, LiveDecision> {
  return new Map(doc.getMap<LiveDecision>(DECISIONS).entries());
}

export function readCounts(doc: Y.Doc): StateCounts | null {
  const map = doc.getMap<number>(COUNTS);
  if (!map.has("pending")) return null;
  return {
    pending: map.get("pending") ?? 0,
    published: map.get("published") ?? 0,
    hidden: map.get("hidden") ?? 0,
  };
}
