import type * as Y from "yjs";

/**
 * How a command, once stored, reaches everyone watching: the change is applied to the live
 * document (a board or a session) on the server, which fans it out. A document nobody has open
 * is not touched: it is rebuilt from the database when next opened (server-documents.server.ts).
 * Call only after the database write succeeded.
 */
export type LivePublisher = {
  change(documentName: string, apply: (doc: Y.Doc) => void): Promise<void>;
  /**
   * Resolves once what people typed into this document (if it is open here) is stored, so a
   * command that reads the stored document (publishing a draft) sees the last keystrokes.
   */
  stored(documentName: string): Promise<void>;
  /** Closes a person's open connections so they reconnect with their current rights. */
  disconnectUser(userId: string): void;
  /** Closes the connections opened under these sign-ins: they were signed out. */
  disconnectSignIns(signInIds: string[]): void;
};
