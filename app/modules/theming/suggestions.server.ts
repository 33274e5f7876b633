import type { AppContext } from "../../utils/app-context.ts";
import type { WorkGroupAccess } from "../work-group/work-group.server.ts";
import { localSuggester, type SuggestedTheme } from "./suggest.ts";
import { openAiCompatibleSuggester } from "./suggest-provider.server.ts";
import { requireThemingAccess } from "./theming.server.ts";

export type Suggestion = { label: string; ideaIds: string[] };

/** Which method answered: `by` in English, and a remote model's name and host (else none). */
export type SuggestedBy = { by: string; model?: { name: string; host: string } };

/**
 * Suggested themes for any texts (a session's ideas, a comment period's comments), as indexes
 * into `texts`. The configured provider is tried first when there is one; any failure of it
 * falls back to the built-in offline method, and `by` says which one answered, for the page.
 */
export async function suggestThemes(
  ctx: AppContext,
  texts: string[],
): Promise<{ themes: SuggestedTheme[] } & SuggestedBy> {
  if (texts.length === 0) return { themes: [], by: localSuggester.name };
  const remote = ctx.config.themesSuggest;
  if (remote) {
    try {
      const suggester = openAiCompatibleSuggester({ ...remote, timeoutMs: 20_000 });
      return {
        themes: await suggester.suggest(texts),
        by: suggester.name,
        ...(suggester.model ? { model: suggester.model } : {}),
      };
    } catch (error) {
      ctx.log.warn("the theme provider failed; using the built-in suggestions", {
        error: String(error),
      });
    }
  }
  return { themes: await localSuggester.suggest(texts), by: localSuggester.name };
}

/**
 * Suggested themes for the ideas not yet themed. They are only shown: a facilitator accepts,
 * edits or rejects each one (an accepted one is an ordinary "accept-suggestion" command).
 */
export async function suggestForSession(
  ctx: AppContext,
  access: WorkGroupAccess,
  sessionId: string,
): Promise<{ suggestions: Suggestion[] } & SuggestedBy> {
  await requireThemingAccess(ctx, access, sessionId);
  const ideas = await ctx.db.idea.findMany({
    where: { board: { sessionId }, hiddenAt: null, themeId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, text: true },
  });
  const { themes, ...by } = await suggestThemes(
    ctx,
    ideas.map((i) => i.text),
  );
  return {
    ...by,
    suggestions: themes
      .map((theme) => ({
        label: theme.label,
        ideaIds: theme.ideas.flatMap((index) => ideas[index]?.id ?? []),
      }))
      .filter((s) => s.ideaIds.length > 0),
  };
}
