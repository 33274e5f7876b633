import type { AppContext } from "../../utils/app-context.ts";
import type { WorkGroupAccess } from "../work-group/work-group.server.ts";
import { localSuggester, type ThemeSuggester } from "./suggest.ts";
import { openAiCompatibleSuggester } from "./suggest-provider.server.ts";
import { requireThemingAccess } from "./theming.server.ts";

export type Suggestion = { label: string; ideaIds: string[] };

/**
 * Suggested themes for the ideas not yet themed. They are only shown: a facilitator accepts,
 * edits or rejects each one (an accepted one is an ordinary "accept-suggestion" command). The
 * configured provider is tried first when there is one; any failure of it falls back to the
 * built-in offline method, and the page says which one answered.
 */
export async function suggestForSession(
  ctx: AppContext,
  access: WorkGroupAccess,
  sessionId: string,
): Promise<{ suggestions: Suggestion[]; by: string }> {
  await requireThemingAccess(ctx, access, sessionId);
  const ideas = await ctx.db.idea.findMany({
    where: { board: { sessionId }, hiddenAt: null, themeId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, text: true },
  });
  if (ideas.length === 0) return { suggestions: [], by: localSuggester.name };
  const texts = ideas.map((i) => i.text);
  let suggester: ThemeSuggester = localSuggester;
  let themes: Awaited<ReturnType<ThemeSuggester["suggest"]>>;
  const remote = ctx.config.themesSuggest;
  try {
    if (!remote) throw new Error("no provider configured");
    suggester = openAiCompatibleSuggester({ ...remote, timeoutMs: 20_000 });
    themes = await suggester.suggest(texts);
  } catch (error) {
    if (remote) {
      ctx.log.warn("the theme provider failed; using the built-in suggestions", {
        error: String(error),
      });
    }
    suggester = localSuggester;
    themes = await localSuggester.suggest(texts);
  }
  return {
    by: suggester.name,
    suggestions: themes
      .map((theme) => ({
        label: theme.label,
        ideaIds: theme.ideas.flatMap((index) => ideas[index]?.id ?? []),
      }))
      .filter((s) => s.ideaIds.length > 0),
  };
}
