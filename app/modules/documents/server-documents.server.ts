import type * as Y from "yjs";
import type { AppContext } from "../../utils/app-context.ts";
import { loadBoardIdeas } from "../board/board.server.ts";
import { putIdea } from "../board/board-doc.ts";
import { loadLiveSessionState } from "../session/session.server.ts";
import { putSessionState } from "../session/session-doc.ts";
import type { DocumentName, NotesDocument } from "./document-name.ts";

/**
 * How a server-written document (a board, a session) is built from the database when it is
 * first opened. The database is the truth; these documents are never stored as Yjs updates.
 */
export async function buildServerDocument(
  ctx: Pick<AppContext, "db">,
  name: Exclude<DocumentName, NotesDocument>,
): Promise<(doc: Y.Doc) => void> {
  if (name.kind === "board") {
    const ideas = await loadBoardIdeas(ctx, name.boardId);
    return (doc) => {
      for (const idea of ideas) putIdea(doc, idea);
    };
  }
  const state = await loadLiveSessionState(ctx, name.sessionId);
  return (doc) => {
    if (state) putSessionState(doc, state);
  };
}
