import type * as Y from "yjs";

/**
 * The shape of a session's theming Y.Doc, written only by the server (from the database, after
 * every theming command and every idea posted, edited, withdrawn or hidden) and read by every
 * member on the theming page. Like a board, it never carries who posted an idea.
 */
export type ThemingIdea = {
  id: string;
  text: string;
  column: string;
  boardId: string;
  themeId: string | null;
  createdAt: string;
};

/** An idea as the theming document shows it. */
export function themingIdea(idea: {
  id: string;
  text: string;
  column: string;
  boardId: string;
  themeId: string | null;
  createdAt: Date;
}): ThemingIdea {
  return { ...idea, createdAt: idea.createdAt.toISOString() };
}

export type ThemingTheme = { id: string; label: string; position: number };

export type ThemingState = { ideas: ThemingIdea[]; themes: ThemingTheme[] };

const IDEAS = "ideas";
const THEMES = "themes";

export function readTheming(doc: Y.Doc): ThemingState {
  const ideas = [...doc.getMap<ThemingIdea>(IDEAS).values()].sort(byCreation);
  const themes = [...doc.getMap<ThemingTheme>(THEMES).values()].sort(byPosition);
  return { ideas, themes };
}

export function byCreation(a: ThemingIdea, b: ThemingIdea) {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

export function byPosition(a: ThemingTheme, b: ThemingTheme) {
  return a.position - b.position || (a.id < b.id ? -1 : 1);
}

/**
 * Makes the document say exactly `state`, writing only what differs, so every open page
 * receives a small update and two commands published in either order end the same.
 */
export function syncTheming(doc: Y.Doc, state: ThemingState) {
  doc.transact(() => {
    syncMap(doc.getMap<ThemingIdea>(IDEAS), state.ideas, sameIdea);
    syncMap(doc.getMap<ThemingTheme>(THEMES), state.themes, sameTheme);
  });
}

/** One idea changed (posted, edited, withdrawn or hidden) while theming may be under way. */
export function putThemingIdea(doc: Y.Doc, idea: ThemingIdea) {
  const ideas = doc.getMap<ThemingIdea>(IDEAS);
  const current = ideas.get(idea.id);
  if (!current || !sameIdea(current, idea)) ideas.set(idea.id, idea);
}

export function removeThemingIdea(doc: Y.Doc, ideaId: string) {
  doc.getMap(IDEAS).delete(ideaId);
}

function syncMap<T extends { id: string }>(
  map: Y.Map<T>,
  items: T[],
  same: (a: T, b: T) => boolean,
) {
  const wanted = new Map(items.map((item) => [item.id, item]));
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id);
  for (const [id, item] of wanted) {
    const current = map.get(id);
    if (!current || !same(current, item)) map.set(id, item);
  }
}

const sameIdea = (a: ThemingIdea, b: ThemingIdea) =>
  a.text === b.text && a.column === b.column && a.themeId === b.themeId && a.boardId === b.boardId;

const sameTheme = (a: ThemingTheme, b: ThemingTheme) =>
  a.label === b.label && a.position === b.position;
