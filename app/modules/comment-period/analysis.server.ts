import type { AppContext } from "../../utils/app-context.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";
import { found, refuse } from "../../utils/http.server.ts";
import type { SayKey } from "../i18n/en.ts";
import { suggestThemes } from "../theming/suggestions.server.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { countTable, crossTable, NOT_THEMED } from "./counts.ts";
import type { CommentThemingCommand } from "./schema.ts";

/**
 * Analysis of what the public said: comments put into themes (suggested by the same tools
 * that theme a session's ideas, then accepted, renamed, merged or made by hand), counts by
 * section, stakeholder group and region with small cells suppressed (counts.ts), a response
 * for each theme, and the final draft with its summary of changes. The response to comments
 * publication is drafted from all of it (publication/drafts.server.ts). Hidden comments
 * (spam, personal information) are moderated out and are not themed or counted.
 */

/** Comments listed per theme and not yet themed; the counts always cover every comment. */
const LISTED_PER_THEME = 100;
const LISTED_NOT_THEMED = 500;
/** The start of a long comment is enough to theme it; the whole one is in the moderation queue. */
const EXCERPT_CHARACTERS = 600;

const counted = { state: { not: "hidden" } } as const;

async function requirePeriod(ctx: AppContext, access: WorkGroupAccess, periodId: string) {
  requirePermission(access, "comment:moderate");
  return found(
    await ctx.db.commentPeriod.findFirst({
      where: { id: periodId, workGroupId: access.workGroup.id },
      select: {
        id: true,
        title: true,
        finalDraft: true,
        changesSummary: true,
        responsePublicationId: true,
        sections: { orderBy: { number: "asc" }, select: { number: true, heading: true } },
      },
    }),
    "commentPeriod",
  );
}

/** "2 3" → ["Section 2: Heading", …]; "" → ["General"]. */
export function sectionLabels(sections: string, headings: ReadonlyMap<number, string>): string[] {
  const numbers = sections.split(" ").filter(Boolean).map(Number);
  if (numbers.length === 0) return ["General"];
  return numbers.map((n) => `Section ${n}: ${headings.get(n) ?? "(removed)"}`);
}

/**
 * Counts of a period's comments: exact for staff (`audience: "staff"`), small ones suppressed
 * for the response to comments, which the public reads.
 */
export async function commentCounts(
  ctx: Pick<AppContext, "db">,
  periodId: string,
  audience: "staff" | "public",
) {
  const exact = audience === "staff";
  const [comments, themes, sections] = await Promise.all([
    ctx.db.comment.findMany({
      where: { periodId, ...counted },
      select: { sections: true, stakeholderGroup: true, region: true, themeId: true },
    }),
    ctx.db.commentTheme.findMany({
      where: { periodId },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
    ctx.db.commentSection.findMany({
      where: { periodId },
      orderBy: { number: "asc" },
      select: { number: true, heading: true },
    }),
  ]);
  const headings = new Map(sections.map((s) => [s.number, s.heading]));
  const themeName = new Map(themes.map((t) => [t.id, t.name]));
  const sectionOrder = [
    ...sections.map((s) => sectionLabels(String(s.number), headings)[0]!),
    "General",
  ];
  return {
    total: comments.length,
    bySection: countTable(
      comments.flatMap((c) => sectionLabels(c.sections, headings)),
      sectionOrder,
      exact,
    ),
    byStakeholderGroup: countTable(
      comments.map((c) => c.stakeholderGroup),
      [],
      exact,
    ),
    byRegion: countTable(
      comments.map((c) => c.region),
      [],
      exact,
    ),
    themesByStakeholderGroup: crossTable(
      comments.map((c) => ({
        row: (c.themeId && themeName.get(c.themeId)) || NOT_THEMED,
        column: c.stakeholderGroup,
      })),
      [...themes.map((t) => t.name), NOT_THEMED],
      exact,
    ),
  };
}

const CARD = {
  id: true,
  trackingNumber: true,
  body: true,
  sections: true,
  stakeholderGroup: true,
  region: true,
} as const;

function card<C extends { body: string }>(comment: C): C {
  return comment.body.length > EXCERPT_CHARACTERS
    ? { ...comment, body: `${comment.body.slice(0, EXCERPT_CHARACTERS)}…` }
    : comment;
}

/** The analysis page: themes with their comments and responses, what is not themed, counts. */
export async function getCommentAnalysis(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
) {
  const period = await requirePeriod(ctx, access, periodId);
  const [themes, notThemed, notThemedCount, counts, response] = await Promise.all([
    ctx.db.commentTheme.findMany({
      where: { periodId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        name: true,
        response: true,
        _count: { select: { comments: { where: counted } } },
        comments: {
          where: counted,
          orderBy: { receivedAt: "asc" },
          take: LISTED_PER_THEME,
          select: CARD,
        },
      },
    }),
    ctx.db.comment.findMany({
      where: { periodId, themeId: null, ...counted },
      orderBy: { receivedAt: "asc" },
      take: LISTED_NOT_THEMED,
      select: CARD,
    }),
    ctx.db.comment.count({ where: { periodId, themeId: null, ...counted } }),
    commentCounts(ctx, periodId, "staff"),
    period.responsePublicationId
      ? ctx.db.publication.findUnique({
          where: { id: period.responsePublicationId },
          select: { id: true, title: true, publishedNumber: true },
        })
      : null,
  ]);
  return {
    period,
    themes: themes.map(({ _count, comments, ...theme }) => ({
      ...theme,
      count: _count.comments,
      comments: comments.map(card),
    })),
    notThemed: notThemed.map(card),
    notThemedCount,
    counts,
    response,
  };
}

/**
 * Suggested themes for the comments not yet themed: only shown, until staff accept one. Exact
 * copies are one text to the suggester (it merges equal texts), so a form-letter campaign
 * weighs as one voice in the grouping and all its copies land in the same theme.
 */
export async function suggestCommentThemes(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
) {
  await requirePeriod(ctx, access, periodId);
  const comments = await ctx.db.comment.findMany({
    where: { periodId, themeId: null, ...counted },
    orderBy: { receivedAt: "asc" },
    select: { id: true, body: true },
  });
  const { themes, by, model } = await suggestThemes(
    ctx,
    comments.map((c) => c.body),
  );
  return {
    by,
    model,
    suggestions: themes
      .map((theme) => ({
        label: theme.label,
        commentIds: theme.ideas.flatMap((index) => comments[index]?.id ?? []),
      }))
      .filter((s) => s.commentIds.length > 0),
  };
}

async function requireTheme(ctx: AppContext, periodId: string, themeId: string) {
  return found(
    await ctx.db.commentTheme.findFirst({
      where: { id: themeId, periodId },
      select: { id: true, name: true, response: true },
    }),
    "theme",
  );
}

const NAME_TAKEN = "staffAnalysis.errors.nameTaken";

/**
 * Runs one theming or response command; answers what happened as a catalogue message (its
 * key and values, theme names among them), for the page to say in the reader's language.
 */
export async function runCommentTheming(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  command: CommentThemingCommand,
): Promise<{ key: SayKey; values: Record<string, string | number> }> {
  await requirePeriod(ctx, access, periodId);
  // Only this period's comments that moderation kept can be moved.
  const movable = (ids: string[]) => ({ id: { in: ids }, periodId, ...counted });
  switch (command.intent) {
    case "create-theme": {
      try {
        await ctx.db.$transaction(async (tx) => {
          const last = await tx.commentTheme.findFirst({
            where: { periodId },
            orderBy: { position: "desc" },
            select: { position: true },
          });
          const theme = await tx.commentTheme.create({
            data: { periodId, name: command.name, position: (last?.position ?? -1) + 1 },
            select: { id: true },
          });
          if (command.commentIds?.length) {
            await tx.comment.updateMany({
              where: movable(command.commentIds),
              data: { themeId: theme.id },
            });
          }
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse(409, NAME_TAKEN);
        throw error;
      }
      return { key: "staffAnalysis.done.created", values: { theme: command.name } };
    }
    case "rename-theme": {
      await requireTheme(ctx, periodId, command.themeId);
      try {
        await ctx.db.commentTheme.update({
          where: { id: command.themeId },
          data: { name: command.name },
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse(409, NAME_TAKEN);
        throw error;
      }
      return { key: "staffAnalysis.done.renamed", values: { theme: command.name } };
    }
    case "move-comments": {
      const theme = command.themeId ? await requireTheme(ctx, periodId, command.themeId) : null;
      const { count } = await ctx.db.comment.updateMany({
        where: movable(command.commentIds),
        data: { themeId: theme?.id ?? null },
      });
      return theme
        ? { key: "staffAnalysis.done.moved", values: { count, theme: theme.name } }
        : { key: "staffAnalysis.done.movedOut", values: { count } };
    }
    case "merge-themes": {
      if (command.themeId === command.intoThemeId)
        throw refuse(400, "staffAnalysis.errors.mergeSame");
      const [from, into] = await Promise.all([
        requireTheme(ctx, periodId, command.themeId),
        requireTheme(ctx, periodId, command.intoThemeId),
      ]);
      await ctx.db.$transaction([
        ctx.db.comment.updateMany({ where: { themeId: from.id }, data: { themeId: into.id } }),
        // Neither response is lost: the merged theme keeps both, to be edited into one.
        ctx.db.commentTheme.update({
          where: { id: into.id },
          data: { response: [into.response, from.response].filter(Boolean).join("\n\n") },
        }),
        ctx.db.commentTheme.delete({ where: { id: from.id } }),
      ]);
      return { key: "staffAnalysis.done.merged", values: { from: from.name, into: into.name } };
    }
    case "delete-theme": {
      const theme = await requireTheme(ctx, periodId, command.themeId);
      // Its comments go back to "Not themed" (the relation sets their theme to null).
      await ctx.db.commentTheme.delete({ where: { id: theme.id } });
      return { key: "staffAnalysis.done.deleted", values: { theme: theme.name } };
    }
    case "respond": {
      const theme = await requireTheme(ctx, periodId, command.themeId);
      await ctx.db.commentTheme.update({
        where: { id: theme.id },
        data: { response: command.response },
      });
      return { key: "staffAnalysis.done.responded", values: { theme: theme.name } };
    }
    case "final-draft": {
      await ctx.db.commentPeriod.update({
        where: { id: periodId },
        data: { finalDraft: command.finalDraft, changesSummary: command.changesSummary },
      });
      return { key: "staffAnalysis.done.finalDraft", values: {} };
    }
  }
}
