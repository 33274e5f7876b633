/**
 * Names of the live documents, built and parsed here only, by the pages (to connect) and by
 * the websocket server (to authorize). The websocket path is /yjs/<name>.
 *
 * - board:<boardId>   a Knoster board; written only by the server, read by members
 * - session:<id>      a session's live state (phase, countdown); written only by the server
 * - notes:<sessionId> a session's shared notes; written by recorders and facilitators
 * - room-notes:<roomId> a breakout room's notes; written by its recorder and facilitator, and by
 *                     the session's facilitators
 * - theming:<sessionId> a session's themes and the ideas in them; written only by the server
 * - draft:<recommendationId> a recommendation's draft; written by facilitators and recorders
 * - publication:<id>  a session summary's or report's draft; written by the roles with
 *                     "publication:edit"
 * - moderation:<periodId> a comment period's latest moderation decisions; written only by the
 *                     server, read by the roles with "comment:moderate"
 */
export type DocumentName =
  | { kind: "board"; boardId: string }
  | { kind: "session"; sessionId: string }
  | { kind: "notes"; sessionId: string }
  | { kind: "room-notes"; roomId: string }
  | { kind: "theming"; sessionId: string }
  | { kind: "draft"; recommendationId: string }
  | { kind: "publication"; publicationId: string }
  | { kind: "moderation"; periodId: string };

/**
 * Notes and drafts are written by people (and stored as Yjs updates, as Lexical documents);
 * boards, sessions, theming and moderation by the server, from the database.
 */
const PEOPLE_KINDS = ["notes", "room-notes", "draft", "publication"] as const;
export type PeopleDocument = Extract<DocumentName, { kind: (typeof PEOPLE_KINDS)[number] }>;
export function isWrittenByPeople(doc: DocumentName): doc is PeopleDocument {
  return (PEOPLE_KINDS as readonly string[]).includes(doc.kind);
}

export const YJS_PATH = "/yjs/";

const ID = /^[a-z0-9]{1,40}$/;

export const documentName = {
  board: (boardId: string) => `board:${boardId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  notes: (sessionId: string) => `notes:${sessionId}`,
  roomNotes: (roomId: string) => `room-notes:${roomId}`,
  theming: (sessionId: string) => `theming:${sessionId}`,
  draft: (recommendationId: string) => `draft:${recommendationId}`,
  publication: (publicationId: string) => `publication:${publicationId}`,
  moderation: (periodId: string) => `moderation:${periodId}`,
};

export function parseDocumentName(name: string): DocumentName | null {
  const [kind, id, ...rest] = name.split(":");
  if (rest.length > 0 || !id || !ID.test(id)) return null;
  if (kind === "board") return { kind, boardId: id };
  if (kind === "notes" || kind === "session" || kind === "theming") return { kind, sessionId: id };
  if (kind === "draft") return { kind, recommendationId: id };
  if (kind === "room-notes") return { kind, roomId: id };
  if (kind === "publication") return { kind, publicationId: id };
  if (kind === "moderation") return { kind, periodId: id };
  return null;
}
