/**
 * Every theming command (create, rename, move, merge, split, delete) is one ThemingChange:
 * what each touched theme, idea placement and recommendation link was before and after. The
 * server applies a change one way only (theming.server.ts), keeps it in the history, and Undo
 * is the inverse change, limited to what nobody has changed since.
 */
export type ThemeSnapshot = { label: string; position: number };

export type ThemingChange = {
  themes: { id: string; before: ThemeSnapshot | null; after: ThemeSnapshot | null }[];
  placements: { ideaId: string; before: string | null; after: string | null }[];
  links: { recommendationId: string; themeId: string; before: boolean; after: boolean }[];
};

/** The session's theming as it is now, as far as a change can touch it. */
export type ThemingNow = {
  themes: Map<string, ThemeSnapshot>;
  /** Every idea still in the session (not withdrawn or hidden), and its theme. */
  placements: Map<string, string | null>;
  /** `${recommendationId} ${themeId}` for each link. */
  links: Set<string>;
};

export const linkKey = (recommendationId: string, themeId: string) =>
  `${recommendationId} ${themeId}`;

export function parseLinkKey(key: string) {
  const [recommendationId = "", themeId = ""] = key.split(" ");
  return { recommendationId, themeId };
}

/**
 * The change that undoes `change`, given the session as it is now. A part that someone changed
 * since (an idea another facilitator moved on, a theme they renamed) is left as they made it:
 * undo never overwrites a colleague's later work. A theme the change created is removed only
 * if undoing leaves it empty.
 */
export function inverseChange(change: ThemingChange, now: ThemingNow): ThemingChange {
  const themes: ThemingChange["themes"] = [];
  const willExist = new Set(now.themes.keys());

  for (const t of change.themes) {
    if (t.after === null && t.before !== null) {
      // Deleted by the change: bring it back, unless it somehow exists again.
      if (!now.themes.has(t.id)) {
        themes.push({ id: t.id, before: null, after: t.before });
        willExist.add(t.id);
      }
    } else if (t.before !== null && t.after !== null) {
      const current = now.themes.get(t.id);
      if (current && sameSnapshot(current, t.after)) {
        themes.push({ id: t.id, before: current, after: t.before });
      }
    }
  }

  const placements: ThemingChange["placements"] = [];
  for (const p of change.placements) {
    if (!now.placements.has(p.ideaId)) continue;
    if (now.placements.get(p.ideaId) !== p.after) continue;
    if (p.before !== null && !willExist.has(p.before)) continue;
    placements.push({ ideaId: p.ideaId, before: p.after, after: p.before });
  }

  const links: ThemingChange["links"] = [];
  for (const l of change.links) {
    if (!willExist.has(l.themeId)) continue;
    if (now.links.has(linkKey(l.recommendationId, l.themeId)) !== l.after) continue;
    links.push({ ...l, before: l.after, after: l.before });
  }

  // Themes the change created go away only if nothing is left in them after the undo.
  const leaving = new Map(placements.map((p) => [p.ideaId, p.after]));
  for (const t of change.themes) {
    if (t.before !== null || t.after === null) continue;
    const current = now.themes.get(t.id);
    // A theme someone has since linked to a recommendation is their work too: it stays.
    if (!current || [...now.links].some((key) => key.endsWith(` ${t.id}`))) continue;
    const stillIn = [...now.placements].some(
      ([ideaId, themeId]) => (leaving.has(ideaId) ? leaving.get(ideaId) : themeId) === t.id,
    );
    if (!stillIn) themes.push({ id: t.id, before: current, after: null });
  }

  return { themes, placements, links };
}

export function isEmptyChange(change: ThemingChange) {
  return change.themes.length + change.placements.length + change.links.length === 0;
}

function sameSnapshot(a: ThemeSnapshot, b: ThemeSnapshot) {
  return a.label === b.label && a.position === b.position;
}
