import { randomUUID } from "node:crypto";
import type { DbTransaction } from "../../../server/db.ts";
import type { AppContext } from "../../utils/app-context.ts";
import { refuse, type SaidValues, say } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { isWholeGroupBoard } from "../board/knoster.ts";
import { sessionResults } from "../board/ratings.server.ts";
import { documentName } from "../documents/document-name.ts";
import { recordHistory } from "../history/history.server.ts";
import type { SayKey } from "../i18n/en.ts";
import { IN_ORDER } from "../recommendation/recommendation.server.ts";
import { resultsVisible } from "../session/phases.ts";
import { can } from "../work-group/roles.ts";
import type { WorkGroupAccess } from "../work-group/work-group.server.ts";
import type { ThemingCommand } from "./schema.ts";
import {
  inverseChange,
  isEmptyChange,
  linkKey,
  parseLinkKey,
  type ThemingChange,
  type ThemingNow,
} from "./theming-change.ts";
import { syncTheming, type ThemingState } from "./theming-doc.ts";

/** The session must belong to the work group the page was opened in (404 otherwise). */
export async function requireSession(
  ctx: Pick<AppContext, "db">,
  access: WorkGroupAccess,
  sessionId: string,
) {
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    select: { id: true, title: true, phase: true },
  });
  if (!session) throw refuse(404, "theming.errors.noSession");
  return session;
}

/** What the theming document is built from: the session's visible ideas and its themes. */
export async function loadThemingState(
  db: AppContext["db"] | DbTransaction,
  sessionId: string,
): Promise<ThemingState> {
  const [ideas, themes] = await Promise.all([
    db.idea.findMany({
      where: { board: { sessionId }, hiddenAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, text: true, column: true, boardId: true, themeId: true, createdAt: true },
    }),
    db.theme.findMany({
      where: { sessionId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, label: true, position: true },
    }),
  ]);
  return {
    ideas: ideas.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
    themes,
  };
}

/**
 * Everything the theming page shows besides the live document: where each idea came from
 * (board and breakout room), its rating once rating has closed, and which recommendations
 * each theme feeds.
 */
export async function getThemingPage(ctx: AppContext, access: WorkGroupAccess, sessionId: string) {
  const session = await requireSession(ctx, access, sessionId);
  const [state, boards, links] = await Promise.all([
    loadThemingState(ctx.db, sessionId),
    ctx.db.board.findMany({
      where: { sessionId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        areaOfFocusId: true,
        breakoutRoomId: true,
        breakoutRoom: { select: { name: true } },
      },
    }),
    ctx.db.recommendationTheme.findMany({
      where: { theme: { sessionId } },
      select: {
        themeId: true,
        recommendation: { select: { id: true, title: true, position: true } },
      },
    }),
  ]);
  const numbers = await recommendationNumbers(ctx, access.workGroup.id);
  const ratings: Record<string, { average: number | null; count: number }> = {};
  if (resultsVisible(session.phase)) {
    for (const board of await sessionResults(ctx, sessionId)) {
      for (const idea of board.ideas)
        ratings[idea.id] = { average: idea.average, count: idea.count };
    }
  }
  const feeds: Record<string, { id: string; number: number; title: string }[]> = {};
  for (const link of links) {
    const r = link.recommendation;
    const list = feeds[link.themeId] ?? [];
    list.push({ id: r.id, number: numbers.get(r.id) ?? 0, title: r.title });
    feeds[link.themeId] = list;
  }
  for (const list of Object.values(feeds)) list.sort((a, b) => a.number - b.number);
  return {
    session,
    state,
    boards: boards.map((b) => ({
      id: b.id,
      title: b.title,
      room: b.breakoutRoom?.name ?? null,
      wholeGroup: isWholeGroupBoard(b),
    })),
    ratings,
    feeds,
    canEdit: can(access.role, "theme:edit"),
  };
}

/** Recommendation numbers are positions in order, 1, 2, 3…, whatever gaps positions have. */
export async function recommendationNumbers(ctx: Pick<AppContext, "db">, workGroupId: string) {
  const all = await ctx.db.recommendation.findMany({
    where: { workGroupId },
    orderBy: IN_ORDER,
    select: { id: true },
  });
  return new Map(all.map((r, index) => [r.id, index + 1]));
}

/** AUTH for every theming write and for suggestions: "theme:edit" on a session of this group. */
export async function requireThemingAccess(
  ctx: Pick<AppContext, "db">,
  access: WorkGroupAccess,
  sessionId: string,
) {
  if (!can(access.role, "theme:edit")) {
    throw refuse(403, "theming.errors.notAllowed", { role: access.role });
  }
  return requireSession(ctx, access, sessionId);
}

/**
 * A sentence the theming page shows, as a catalogue key and its values: the route says it in
 * the reader's language, history keeps it in English.
 */
export type Said = { key: SayKey; values: SaidValues };

/** The values of a Said that are text people wrote (theme names, a stored history sentence). */
export const WRITTEN_VALUES = ["label", "from", "summary"] as const;

/**
 * A planned change and what it did, in sentences: the first is its history entry, and any
 * more follow it on the page (what was left as it was).
 */
type Planned = { change: ThemingChange; said: Said[]; subjectId: string };

/** The sentences of a command's outcome, in English: the history entry and the API's message. */
export const inEnglish = (said: Said[]) => said.map((s) => say("en", s.key, s.values)).join(". ");

/**
 * Runs one theming command. AUTH: "theme:edit" in the session's work group. It reads the
 * session's theming and plans a ThemingChange inside one transaction that first bumps the
 * session's themingVersion (on PostgreSQL, a row lock: two facilitators' commands on one
 * session run one after the other and each plans from what the other left). The change and
 * its history entry are stored together; then every open theming page is brought up to date.
 */
export async function runThemingCommand(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  command: ThemingCommand,
): Promise<{ message: string; said: Said[] }> {
  await requireThemingAccess(ctx, access, sessionId);
  const result = await ctx.db.$transaction(async (tx) => {
    await tx.session.update({
      where: { id: sessionId },
      data: { themingVersion: { increment: 1 } },
      select: { id: true },
    });
    const now = await readNow(tx, sessionId);
    if (command.intent === "undo") return undoLast(tx, user, access, sessionId, now);
    const planned = plan(sessionId, now, command);
    const [first] = planned.said;
    if (isEmptyChange(planned.change) || !first) {
      return outcome([{ key: "theming.done.nothing", values: {} }]);
    }
    await applyChange(tx, sessionId, planned.change);
    await recordHistory(tx, {
      workGroupId: access.workGroup.id,
      sessionId,
      actorId: user.id,
      subjectKind: "theme",
      subjectId: planned.subjectId,
      summary: inEnglish([first]),
      change: JSON.stringify(planned.change),
    });
    return outcome(planned.said);
  });
  await publishTheming(ctx, sessionId);
  return result;
}

/** Brings every open theming page of the session up to date with the database. */
export async function publishTheming(ctx: AppContext, sessionId: string) {
  const state = await loadThemingState(ctx.db, sessionId);
  await ctx.live
    .change(documentName.theming(sessionId), (doc) => syncTheming(doc, state))
    .catch((error) =>
      ctx.log.error("a theming change could not be published live", {
        sessionId,
        error: String(error),
      }),
    );
}

async function readNow(tx: DbTransaction, sessionId: string): Promise<ThemingNow> {
  const [themes, ideas, links] = await Promise.all([
    tx.theme.findMany({
      where: { sessionId },
      select: { id: true, label: true, position: true },
    }),
    tx.idea.findMany({
      where: { board: { sessionId }, hiddenAt: null },
      select: { id: true, themeId: true },
    }),
    tx.recommendationTheme.findMany({
      where: { theme: { sessionId } },
      select: { recommendationId: true, themeId: true },
    }),
  ]);
  return {
    themes: new Map(themes.map((t) => [t.id, { label: t.label, position: t.position }])),
    placements: new Map(ideas.map((i) => [i.id, i.themeId])),
    links: new Set(links.map((l) => linkKey(l.recommendationId, l.themeId))),
  };
}

const outcome = (said: Said[]) => ({ message: inEnglish(said), said });

function themeOf(now: ThemingNow, themeId: string) {
  const theme = now.themes.get(themeId);
  if (!theme) throw refuse(409, "theming.errors.gone");
  return theme;
}

/** Ideas still in the session; one withdrawn or hidden since the page loaded is a 409. */
function requireIdeas(now: ThemingNow, ideaIds: string[]) {
  const missing = ideaIds.filter((id) => !now.placements.has(id));
  if (missing.length > 0) {
    throw refuse(409, "theming.errors.ideasGone", { count: missing.length });
  }
}

function moves(now: ThemingNow, ideaIds: string[], to: string | null) {
  return ideaIds
    .filter((ideaId) => now.placements.get(ideaId) !== to)
    .map((ideaId) => ({ ideaId, before: now.placements.get(ideaId) ?? null, after: to }));
}

function nextPosition(now: ThemingNow) {
  return Math.max(0, ...[...now.themes.values()].map((t) => t.position)) + 1;
}

/** Plans the change a command makes; refusals (409) name what changed under the person. */
function plan(
  sessionId: string,
  now: ThemingNow,
  command: Exclude<ThemingCommand, { intent: "undo" }>,
): Planned {
  const empty: ThemingChange = { themes: [], placements: [], links: [] };
  switch (command.intent) {
    case "create-theme":
    case "accept-suggestion": {
      const id = newId();
      const wanted = command.ideaIds ?? [];
      requireIdeas(now, wanted);
      // A suggestion only takes ideas nobody has themed since it was made.
      const ideaIds =
        command.intent === "accept-suggestion"
          ? wanted.filter((ideaId) => now.placements.get(ideaId) === null)
          : wanted;
      const skipped = wanted.length - ideaIds.length;
      const after = { label: command.label, position: nextPosition(now) };
      const splitFrom = commonTheme(now, ideaIds);
      const label = command.label;
      const count = ideaIds.length;
      const done: Said = splitFrom
        ? {
            key: "theming.done.split",
            values: { count, from: themeOf(now, splitFrom).label, label },
          }
        : count
          ? { key: "theming.done.createdWith", values: { count, label } }
          : { key: "theming.done.created", values: { label } };
      return {
        change: {
          ...empty,
          themes: [{ id, before: null, after }],
          placements: moves(now, ideaIds, id),
        },
        said: skipped
          ? [done, { key: "theming.done.skipped", values: { count: skipped } }]
          : [done],
        subjectId: id,
      };
    }
    case "rename-theme": {
      const before = themeOf(now, command.themeId);
      if (before.label === command.label) return { change: empty, said: [], subjectId: "" };
      return {
        change: {
          ...empty,
          themes: [{ id: command.themeId, before, after: { ...before, label: command.label } }],
        },
        said: [
          { key: "theming.done.renamed", values: { from: before.label, label: command.label } },
        ],
        subjectId: command.themeId,
      };
    }
    case "move-ideas": {
      requireIdeas(now, command.ideaIds);
      const to = command.themeId || null;
      const label = to ? themeOf(now, to).label : null;
      const placements = moves(now, command.ideaIds, to);
      const count = placements.length;
      return {
        change: { ...empty, placements },
        said: [
          label === null
            ? { key: "theming.done.movedOut", values: { count } }
            : { key: "theming.done.moved", values: { count, label } },
        ],
        subjectId: to ?? sessionId,
      };
    }
    case "merge-themes": {
      if (command.themeId === command.intoThemeId) {
        throw refuse(400, "theming.errors.mergeSame");
      }
      const source = themeOf(now, command.themeId);
      const target = themeOf(now, command.intoThemeId);
      const ideaIds = [...now.placements].filter(([, t]) => t === command.themeId).map(([i]) => i);
      return {
        change: {
          themes: [{ id: command.themeId, before: source, after: null }],
          placements: moves(now, ideaIds, command.intoThemeId),
          // The merged theme's links to recommendations now come from the theme it joined.
          links: relink(now, command.themeId, command.intoThemeId),
        },
        said: [{ key: "theming.done.merged", values: { from: source.label, label: target.label } }],
        subjectId: command.intoThemeId,
      };
    }
    case "delete-theme": {
      const theme = themeOf(now, command.themeId);
      const linked = [...now.links].filter((key) => key.endsWith(` ${command.themeId}`));
      const ideaIds = [...now.placements].filter(([, t]) => t === command.themeId).map(([i]) => i);
      const values = { count: ideaIds.length, from: theme.label };
      let links: ThemingChange["links"] = [];
      let done: Said = { key: "theming.done.deleted", values };
      if (linked.length > 0) {
        if (command.link === "") {
          throw refuse(409, "theming.errors.feeds", {
            count: linked.length,
            label: theme.label,
          });
        }
        if (command.link === "move") {
          const to = command.linkToThemeId;
          if (!to || to === command.themeId) throw refuse(400, "theming.errors.linkTarget");
          links = relink(now, command.themeId, to);
          done = {
            key: "theming.done.deletedMoved",
            values: { ...values, label: themeOf(now, to).label },
          };
        } else {
          links = linked.map((key) => ({
            ...parseLinkKey(key),
            before: true,
            after: false,
          }));
          done = { key: "theming.done.deletedDropped", values };
        }
      }
      return {
        change: {
          themes: [{ id: command.themeId, before: theme, after: null }],
          placements: moves(now, ideaIds, null),
          links,
        },
        said: [done],
        subjectId: command.themeId,
      };
    }
  }
}

/** Moves a theme's recommendation links to another theme (ones it already has are kept). */
function relink(now: ThemingNow, from: string, to: string): ThemingChange["links"] {
  const links: ThemingChange["links"] = [];
  for (const key of now.links) {
    const { recommendationId, themeId } = parseLinkKey(key);
    if (themeId !== from) continue;
    links.push({ recommendationId, themeId: from, before: true, after: false });
    if (!now.links.has(linkKey(recommendationId, to))) {
      links.push({ recommendationId, themeId: to, before: false, after: true });
    }
  }
  return links;
}

/** The one theme all these ideas are in, if they share one: taking them out is a split. */
function commonTheme(now: ThemingNow, ideaIds: string[]) {
  const themes = new Set(ideaIds.map((id) => now.placements.get(id) ?? null));
  const [only] = themes;
  return themes.size === 1 && only ? only : null;
}

/**
 * Writes a change, the one way theming is ever written: new themes first (ideas move into
 * them), then renames, placements and links, and deleted themes last (their ideas have moved).
 */
async function applyChange(tx: DbTransaction, sessionId: string, change: ThemingChange) {
  for (const t of change.themes) {
    if (t.before === null && t.after !== null) {
      await tx.theme.create({ data: { id: t.id, sessionId, ...t.after }, select: { id: true } });
    } else if (t.before !== null && t.after !== null) {
      await tx.theme.update({ where: { id: t.id }, data: t.after, select: { id: true } });
    }
  }
  const byTarget = new Map<string | null, string[]>();
  for (const p of change.placements) {
    byTarget.set(p.after, [...(byTarget.get(p.after) ?? []), p.ideaId]);
  }
  for (const [themeId, ideaIds] of byTarget) {
    await tx.idea.updateMany({ where: { id: { in: ideaIds } }, data: { themeId } });
  }
  for (const l of change.links) {
    const where = { recommendationId: l.recommendationId, themeId: l.themeId };
    if (l.after && !l.before) {
      // A recommendation deleted since: nothing to link.
      const recommendation = await tx.recommendation.findUnique({
        where: { id: l.recommendationId },
        select: { id: true },
      });
      if (recommendation) {
        await tx.recommendationTheme.upsert({
          where: { recommendationId_themeId: where },
          create: where,
          update: {},
        });
      }
    } else if (l.before && !l.after) {
      await tx.recommendationTheme.deleteMany({ where });
    }
  }
  const deleted = change.themes.filter((t) => t.after === null).map((t) => t.id);
  if (deleted.length > 0) await tx.theme.deleteMany({ where: { id: { in: deleted } } });
}

/**
 * Undo: the person's own last theming change in this session that is not undone yet, reversed
 * as far as nobody has changed things since (theming-change.ts).
 */
async function undoLast(
  tx: DbTransaction,
  user: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  now: ThemingNow,
) {
  const last = await tx.historyEntry.findFirst({
    where: {
      sessionId,
      actorId: user.id,
      subjectKind: "theme",
      undoneAt: null,
      change: { not: null },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, summary: true, subjectId: true, change: true },
  });
  if (!last?.change) throw refuse(409, "theming.errors.nothingToUndo");
  const inverse = inverseChange(JSON.parse(last.change) as ThemingChange, now);
  await applyChange(tx, sessionId, inverse);
  await tx.historyEntry.update({ where: { id: last.id }, data: { undoneAt: new Date() } });
  // The entry undone is a stored English sentence: the page shows it as it was written.
  const said: Said[] = [{ key: "theming.done.undid", values: { summary: last.summary } }];
  await recordHistory(tx, {
    workGroupId: access.workGroup.id,
    sessionId,
    actorId: user.id,
    subjectKind: "theme",
    subjectId: last.subjectId,
    summary: inEnglish(said),
  });
  return outcome(said);
}

/** Ids the server gives new themes itself, so a change (and its undo) can name them. */
function newId() {
  return randomUUID().replaceAll("-", "");
}
