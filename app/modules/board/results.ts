/**
 * A session's results as pages show them (sessionResults in ratings.server.ts makes them):
 * each board's ideas ranked (ranking.ts), never who posted or rated.
 */
export type ResultIdea = {
  id: string;
  text: string;
  /** The language the idea is written in, where it could be told. */
  lang?: string | null;
  column: string;
  average: number | null;
  count: number;
  margin: number | null;
  place: "clear" | "close" | null;
  theme: { id: string; label: string; position?: number } | null;
};

export type BoardResults = {
  id: string;
  title: string;
  wholeGroup: boolean;
  ideas: ResultIdea[];
};

export type ThemeSummary = {
  id: string;
  label: string;
  /** Every idea given the theme, rated or not. */
  ideaCount: number;
  /** Its best-rated ideas across rooms, with the board each came from. */
  top: (ResultIdea & { board: { title: string; wholeGroup: boolean } })[];
};

/**
 * The themes the theme phase built, in their order, each with its best-rated ideas from
 * every room: what a report back tells the whole group. Unrated ideas count towards a theme
 * but are never among its best.
 */
export function themeSummaries(boards: BoardResults[], perTheme = 3): ThemeSummary[] {
  const themes = new Map<string, ThemeSummary & { position: number }>();
  for (const board of boards) {
    for (const idea of board.ideas) {
      if (!idea.theme) continue;
      let theme = themes.get(idea.theme.id);
      if (!theme) {
        theme = { ...idea.theme, position: idea.theme.position ?? 0, ideaCount: 0, top: [] };
        themes.set(idea.theme.id, theme);
      }
      theme.ideaCount++;
      if (idea.average !== null)
        theme.top.push({ ...idea, board: { title: board.title, wholeGroup: board.wholeGroup } });
    }
  }
  return [...themes.values()]
    .sort((a, b) => a.position - b.position || a.label.localeCompare(b.label))
    .map(({ position: _position, ...theme }) => ({
      ...theme,
      top: theme.top
        .sort((a, b) => b.average! - a.average! || b.count - a.count)
        .slice(0, perTheme),
    }));
}
