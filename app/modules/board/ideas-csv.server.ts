import type { AppContext } from "../../utils/app-context.ts";
import { spreadsheetCsv } from "../../utils/csv.ts";
import type { MessageKey } from "../i18n/en.ts";
import { i18nFor, type Locale } from "../i18n/i18n.ts";
import { can } from "../work-group/roles.ts";
import type { WorkGroupAccess } from "../work-group/work-group.server.ts";
import { rankIdeas, starsOf } from "./ranking.ts";

const HEADER = [
  "csv.ideas.session",
  "csv.ideas.date",
  "csv.ideas.room",
  "csv.ideas.board",
  "csv.ideas.column",
  "csv.ideas.theme",
  "csv.ideas.idea",
  "csv.ideas.average",
  "csv.ideas.ratings",
  "csv.ideas.hidden",
] as const satisfies MessageKey[];

/**
 * Every idea of the work group with its session, room, Knoster column, theme and rating, as a
 * spreadsheet file for the work group's staff. Never the author: boards are anonymous. Hidden
 * ideas are in facilitators' file, marked, since it is the record of the sessions; a recorder's
 * file leaves them out, as their pages do (hiding is a facilitator's decision, and a hidden idea
 * may name someone).
 */
export async function ideasCsv(ctx: AppContext, access: WorkGroupAccess, locale: Locale) {
  const { t } = i18nFor(locale);
  const withHidden = can(access.role, "session:facilitate");
  const ideas = await ctx.db.idea.findMany({
    where: {
      board: { session: { workGroupId: access.workGroup.id } },
      ...(withHidden ? {} : { hiddenAt: null }),
    },
    orderBy: [{ board: { session: { startsAt: "asc" } } }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      text: true,
      column: true,
      hiddenAt: true,
      theme: { select: { label: true } },
      // Unfiltered: see starsOf (a filtered relation exceeds SQLite's parameter limit).
      ratings: { select: { stars: true } },
      board: {
        select: {
          title: true,
          breakoutRoom: { select: { name: true } },
          session: { select: { title: true, startsAt: true } },
        },
      },
    },
  });
  const ranked = new Map(
    rankIdeas(ideas.map((i) => ({ id: i.id, stars: starsOf(i.ratings) }))).map((r) => [r.id, r]),
  );
  const rows = ideas.map((idea) => {
    const rating = ranked.get(idea.id);
    return [
      idea.board.session.title,
      idea.board.session.startsAt.toISOString().slice(0, 10),
      idea.board.breakoutRoom?.name ?? t("csv.ideas.wholeGroup"),
      idea.board.title,
      t(`knoster.${idea.column}` as MessageKey),
      idea.theme?.label ?? "",
      idea.text,
      rating?.average == null ? "" : rating.average.toFixed(2),
      String(rating?.count ?? 0),
      idea.hiddenAt ? t("csv.yes") : "",
    ];
  });
  return spreadsheetCsv(
    HEADER.map((key) => t(key)),
    rows,
  );
}
