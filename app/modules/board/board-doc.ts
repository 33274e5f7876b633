import type * as Y from "yjs";

/**
 * The shape of a board's Y.Doc, shared by the server (which alone writes it) and the browser
 * (which only reads it). An idea here never carries its author: anonymity is kept by what the
 * document does not contain.
 */
export type BoardIdea = {
  id: string;
  column: string;
  text: string;
  createdAt: string;
  /** Only on ideas posted while the work group's boards were named; never on anonymous ones. */
  author?: string;
  /** The language the text is in, where it could be told (pages mark it where it differs). */
  lang?: string;
};

/**
 * An idea as the board shows it: with its author's name only where the idea was posted on a
 * named board. Whether boards are named now does not matter: anonymity is decided at posting
 * and a later switch in Settings cannot undo it.
 */
export function boardIdea(
  idea: {
    id: string;
    column: string;
    text: string;
    createdAt: Date;
    named: boolean;
    language: string | null;
  },
  author: string | null | undefined,
): BoardIdea {
  const shown: BoardIdea = {
    id: idea.id,
    column: idea.column,
    text: idea.text,
    createdAt: idea.createdAt.toISOString(),
    ...(idea.language ? { lang: idea.language } : {}),
  };
  return idea.named && author ? { ...shown, author } : shown;
}

const IDEAS = "ideas";

export function boardIdeas(doc: Y.Doc): Y.Map<BoardIdea> {
  return doc.getMap<BoardIdea>(IDEAS);
}

export function readIdeas(doc: Y.Doc): BoardIdea[] {
  return [...boardIdeas(doc).values()].sort(byCreation);
}

export function byCreation(a: BoardIdea, b: BoardIdea) {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

/** Idempotent: an idea already on the board as it is now is not written again. */
export function putIdea(doc: Y.Doc, idea: BoardIdea) {
  const ideas = boardIdeas(doc);
  const current = ideas.get(idea.id);
  if (
    !current ||
    current.text !== idea.text ||
    current.column !== idea.column ||
    current.author !== idea.author ||
    current.lang !== idea.lang
  ) {
    ideas.set(idea.id, idea);
  }
}

/** An idea withdrawn by its author or hidden by a facilitator leaves the board. */
export function removeIdea(doc: Y.Doc, ideaId: string) {
  boardIdeas(doc).delete(ideaId);
}
