import type * as Y from "yjs";
import type { AppContext } from "../../utils/app-context.ts";
import { loadBoardIdeas } from "../board/board.server.ts";
import { boardIdeas, putIdea, removeIdea } from "../board/board-doc.ts";
import { loadLiveModeration } from "../comment-period/moderation.server.ts";
import { putDecisions } from "../comment-period/moderation-doc.ts";
import { loadLiveSessionState } from "../session/session.server.ts";
import { putSessionState } from "../session/session-doc.ts";
import { loadThemingState } from "../theming/theming.server.ts";
import { syncTheming } from "../theming/theming-doc.ts";
import type { DocumentName, PeopleDocument } from "./document-name.ts";

/**
 * How a server-written document (a board, a session, a session's theming, a comment period's
 * moderation) is built from the
 * database when it is first opened, or brought up to date with it when another server process
 * changed it. The database is the truth; these documents are never stored as Yjs updates.
 */
export async function buildServerDocument(
  ctx: Pick<AppContext, "db">,
  name: Exclude<DocumentName, PeopleDocument>,
): Promise<(doc: Y.Doc) => void> {
  if (name.kind === "board") {
    const ideas = await loadBoardIdeas(ctx, name.boardId);
    // A sync, not only an add: applied to a board already open (another process changed it),
    // it also takes off ideas that were withdrawn or hidden meanwhile.
    return (doc) => {
      const kept = new Set(ideas.map((idea) => idea.id));
      for (const id of [...boardIdeas(doc).keys()]) if (!kept.has(id)) removeIdea(doc, id);
      for (const idea of ideas) putIdea(doc, idea);
    };
  }
  if (name.kind === "theming") {
    const state = await loadThemingState(ctx.db, name.sessionId);
    return (doc) => syncTheming(doc, state);
  }
  if (name.kind === "moderation") {
    const { decisions, counts } = await loadLiveModeration(ctx, name.periodId);
    return (doc) => putDecisions(doc, decisions, counts);
  }
  const state = await loadLiveSessionState(ctx, name.sessionId);
  return (doc) => {
    if (state) putSessionState(doc, state);
  };
}
