import type { BoardIdea } from "./board-doc.ts";

/**
 * How a board command, once stored, reaches everyone watching the board. The websocket server
 * implements it (server/realtime); it must be called only after the database write succeeded.
 */
export type BoardPublisher = {
  ideaAdded(boardId: string, idea: BoardIdea): Promise<void>;
};
