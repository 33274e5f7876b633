import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { Prisma } from "../../generated/sqlite/client.ts";
import type { AppContext } from "../../utils/app-context.ts";
import { spreadsheetCsv } from "../../utils/csv.ts";
import { found, refuse } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { documentName } from "../documents/document-name.ts";
import { i18nFor, type Locale } from "../i18n/i18n.ts";
import { zonedTimeToUtc } from "../session/time.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import {
  LIVE_DECISIONS_MS,
  type LiveDecision,
  putDecisions,
  type StateCounts,
} from "./moderation-doc.ts";
import {
  type CommentState,
  type decisionSchema,
  type Flag,
  GENERAL,
  QUEUE_FILTER_FIELDS,
  type QueueFilter,
} from "./schema.ts";
import { screenNewComments } from "./screening.server.ts";
import { ftsQuery, searchWords, tsQuery } from "./search.ts";

/**
 * What staff do with what the public sent: read it in a queue they filter, search and page
 * through, publish or hide it (with a reason, in a log), and export it. Several moderators
 * work at once and see each other's decisions live (moderation-doc.ts); each is logged.
 */

/** What staff see of a comment, on the page and in exports. */
const COMMENT_RECORD = {
  trackingNumber: true,
  receivedAt: true,
  name: true,
  email: true,
  stakeholderGroup: true,
  region: true,
  sections: true,
  body: true,
  state: true,
  hiddenReason: true,
  flags: true,
} as const;

async function requirePeriod(ctx: AppContext, access: WorkGroupAccess, periodId: string) {
  requirePermission(access, "comment:moderate");
  return found(
    await ctx.db.commentPeriod.findFirst({
      where: { id: periodId, workGroupId: access.workGroup.id },
      select: { id: true, title: true, timeZone: true },
    }),
    "commentPeriod",
  );
}

/**
 * Comments on one page of the queue: 25, as Regulations.gov lists a docket's, since a comment
 * may run to four printed pages; rendering them is most of a page's cost.
 */
export const QUEUE_PAGE = 25;
/** The most comments one "every matching comment" decision moves. */
export const MAX_BULK = 20_000;
/** Campaigns offered in the queue's filter, largest first; every other is a link on its comments. */
const CAMPAIGN_CHOICES = 50;

type Provider = AppContext["config"]["database"]["provider"];

/** The SQL condition of a filter, on the comments aliased c. */
function matchingSql(provider: Provider, periodId: string, filter: QueueFilter, timeZone: string) {
  const parts = [Prisma.sql`c."periodId" = ${periodId}`];
  if (filter.state) parts.push(Prisma.sql`c."state" = ${filter.state}`);
  if (filter.flag) parts.push(Prisma.sql`(' ' || c."flags" || ' ') LIKE ${`% ${filter.flag} %`}`);
  if (filter.section === GENERAL) parts.push(Prisma.sql`c."sections" = ''`);
  else if (filter.section !== undefined)
    parts.push(Prisma.sql`(' ' || c."sections" || ' ') LIKE ${`% ${filter.section} %`}`);
  if (filter.group) parts.push(Prisma.sql`c."stakeholderGroup" = ${filter.group}`);
  if (filter.region) parts.push(Prisma.sql`c."region" = ${filter.region}`);
  if (filter.campaign === "none") parts.push(Prisma.sql`c."campaignId" IS NULL`);
  else if (filter.campaign) parts.push(Prisma.sql`c."campaignId" = ${filter.campaign}`);
  // Days are the period's own: "December 3" means midnight to midnight where it is run.
  if (filter.from)
    parts.push(Prisma.sql`c."receivedAt" >= ${zonedTimeToUtc(`${filter.from}T00:00`, timeZone)}`);
  if (filter.to) {
    const end = zonedTimeToUtc(`${filter.to}T00:00`, timeZone);
    parts.push(Prisma.sql`c."receivedAt" < ${new Date(end.getTime() + 86_400_000)}`);
  }
  const words = searchWords(filter.q ?? "");
  if (words.length)
    parts.push(
      provider === "sqlite"
        ? Prisma.sql`c."id" IN (SELECT "commentId" FROM "CommentSearch" WHERE "CommentSearch" MATCH ${ftsQuery(words)})`
        : Prisma.sql`c."id" IN (SELECT "commentId" FROM "CommentSearch" WHERE "document" @@ to_tsquery('simple', ${tsQuery(words)}))`,
    );
  return Prisma.join(parts, " AND ");
}

/** Where a page of the queue starts: after (or before) one comment, in the queue's order. */
export type QueueCursor = { at: Date; id: string; direction: "after" | "before" };

export function encodeCursor(at: Date | string, id: string) {
  return Buffer.from(`${new Date(at).toISOString()}|${id}`).toString("base64url");
}

/** A cursor from the query string; a damaged one is refused (the page offers the first page). */
export function decodeCursor(value: string, direction: QueueCursor["direction"]): QueueCursor {
  const [at, id, ...rest] = Buffer.from(value, "base64url").toString().split("|");
  const when = new Date(at ?? "");
  if (rest.length || !id || !/^[\w-]{1,40}$/.test(id) || Number.isNaN(when.getTime()))
    throw refuse(400, "moderation.errors.page");
  return { at: when, id, direction };
}

type QueueRow = {
  id: string;
  trackingNumber: string;
  receivedAt: Date | string;
  name: string;
  email: string;
  stakeholderGroup: string;
  region: string;
  sections: string;
  body: string;
  state: string;
  hiddenReason: string;
  flags: string | null;
  campaignId: string | null;
  revision: number | bigint;
  language: string | null;
};

/**
 * One page of the moderation queue: the comments matching the filter, in the order asked,
 * QUEUE_PAGE at a time from a cursor (keyset paging: page 200 costs what page 1 does), with
 * exact counts. Staff see every count exactly; suppression is for what the public sees.
 */
export async function getModerationQueue(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  filter: QueueFilter,
  cursor: QueueCursor | null,
) {
  const period = await requirePeriod(ctx, access, periodId);
  await screenNewComments(ctx, periodId);
  const provider = ctx.config.database.provider;
  const where = matchingSql(provider, periodId, filter, period.timeZone);
  const newest = filter.order === "newest";
  // Reading backwards (the page before) walks the other way, then turns the page around.
  const forwards = (cursor?.direction ?? "after") === "after";
  const ascending = newest ? !forwards : forwards;
  const keyset = cursor
    ? ascending
      ? Prisma.sql`AND (c."receivedAt" > ${cursor.at} OR (c."receivedAt" = ${cursor.at} AND c."id" > ${cursor.id}))`
      : Prisma.sql`AND (c."receivedAt" < ${cursor.at} OR (c."receivedAt" = ${cursor.at} AND c."id" < ${cursor.id}))`
    : Prisma.empty;
  const order = ascending
    ? Prisma.sql`c."receivedAt" ASC, c."id" ASC`
    : Prisma.sql`c."receivedAt" DESC, c."id" DESC`;
  const filtered = QUEUE_FILTER_FIELDS.some(
    (field) => field !== "order" && filter[field] !== undefined,
  );
  const { stamp, facets } = await periodFacets(ctx, periodId);
  // Paging through one filter counts its comments once, until the period changes.
  const countKey = filtered
    ? `${periodId} ${stamp} ${JSON.stringify({ ...filter, order: "" })}`
    : "";
  const known = matchingCounts.get(countKey);
  const [rows, counted] = await Promise.all([
    ctx.db.$queryRaw<QueueRow[]>`
      SELECT c."id", c."trackingNumber", c."receivedAt", c."name", c."email",
             c."stakeholderGroup", c."region", c."sections", c."body", c."state",
             c."hiddenReason", c."flags", c."campaignId", c."revision", c."language"
      FROM "Comment" c WHERE ${where} ${keyset} ORDER BY ${order} LIMIT ${QUEUE_PAGE + 1}`,
    filtered && known === undefined
      ? ctx.db.$queryRaw<{ count: number | bigint }[]>`
          SELECT COUNT(*) AS "count" FROM "Comment" c WHERE ${where}`.then((r) =>
          Number(r[0]?.count ?? 0),
        )
      : known,
  ]);
  if (filtered && known === undefined) remember(matchingCounts, countKey, counted!);
  const more = rows.length > QUEUE_PAGE;
  const page = rows.slice(0, QUEUE_PAGE);
  if (!forwards) page.reverse();
  const campaignSize = new Map(facets.campaigns.map((c) => [c.id, c.count]));
  const [decidedBy, files] = await Promise.all([
    lastDecisions(
      ctx,
      page.map((row) => row.id),
    ),
    filesOf(
      ctx,
      page.map((row) => row.id),
    ),
  ]);
  const { counts } = facets;
  const first = page[0];
  const last = page.at(-1);
  return {
    period,
    sections: facets.sections,
    seenAt: new Date().toISOString(),
    pageSize: QUEUE_PAGE,
    comments: page.map((row) => ({
      ...row,
      receivedAt: new Date(row.receivedAt).toISOString(),
      revision: Number(row.revision),
      flags: row.flags ? row.flags.split(" ") : [],
      sections: row.sections ? row.sections.split(" ").map(Number) : [],
      campaignSize: row.campaignId ? (campaignSize.get(row.campaignId) ?? 1) : 0,
      decidedBy: decidedBy.get(row.id) ?? null,
      files: files.get(row.id) ?? [],
    })),
    // Both ways from this page: forwards there is more when the page overflowed, or when it
    // was reached backwards; backwards, when it was reached from a cursor at all.
    next: last && (forwards ? more : true) ? encodeCursor(last.receivedAt, last.id) : null,
    previous:
      first && cursor && (forwards ? true : more) ? encodeCursor(first.receivedAt, first.id) : null,
    matching: filtered ? counted! : counts.pending + counts.published + counts.hidden,
    counts,
    groups: facets.groups,
    regions: facets.regions,
    campaigns: facets.campaigns.slice(0, CAMPAIGN_CHOICES),
  };
}

type Facets = {
  sections: { number: number; heading: string }[];
  counts: StateCounts & { flagged: number };
  groups: { label: string; count: number }[];
  regions: { label: string; count: number }[];
  campaigns: Awaited<ReturnType<typeof campaignsOf>>;
};

/** How long a period's facets are trusted without a change seen, at most. */
const FACETS_TTL_MS = 30_000;
const facetCache = new Map<string, { stamp: string; at: number; facets: Promise<Facets> }>();

/**
 * What the queue's filters offer and count (states, groups, regions, campaigns, sections),
 * read afresh only when the period's comments changed: each decision bumps a comment's
 * revision and each new comment the count, so their sum and count, read from one index, say
 * whether the facets kept here still hold. Every process checks against the database, so one
 * never shows another's stale counts for longer than a page load; scanning 10,000 comments
 * five times for each page was most of its cost.
 */
async function periodFacets(ctx: AppContext, periodId: string) {
  const [row] = await ctx.db.$queryRaw<{ n: number | bigint; r: number | bigint | null }[]>`
    SELECT COUNT(*) AS "n", SUM("revision") AS "r" FROM "Comment" WHERE "periodId" = ${periodId}`;
  const stamp = `${row?.n ?? 0}:${row?.r ?? 0}`;
  const cached = facetCache.get(periodId);
  if (cached && cached.stamp === stamp && Date.now() - cached.at < FACETS_TTL_MS)
    return { stamp, facets: await cached.facets };
  const facets = readFacets(ctx, periodId);
  facets.catch(() => facetCache.delete(periodId));
  remember(facetCache, periodId, { stamp, at: Date.now(), facets });
  return { stamp, facets: await facets };
}

/** Exact counts of the filters moderators page through, by period, stamp and filter. */
const matchingCounts = new Map<string, number>();

/** Keeps a value in a cache of at most 500 entries, the oldest going first. */
function remember<V>(cache: Map<string, V>, key: string, value: V) {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > 500) cache.delete(cache.keys().next().value!);
}

async function readFacets(ctx: AppContext, periodId: string): Promise<Facets> {
  const [byState, flagged, groups, regions, campaigns, sections] = await Promise.all([
    ctx.db.comment.groupBy({ by: ["state"], where: { periodId }, _count: { _all: true } }),
    ctx.db.comment.count({ where: { periodId, flags: { not: "" } } }),
    ctx.db.comment.groupBy({
      by: ["stakeholderGroup"],
      where: { periodId },
      _count: { _all: true },
      orderBy: { stakeholderGroup: "asc" },
    }),
    ctx.db.comment.groupBy({
      by: ["region"],
      where: { periodId },
      _count: { _all: true },
      orderBy: { region: "asc" },
    }),
    campaignsOf(ctx, periodId),
    ctx.db.commentSection.findMany({
      where: { periodId },
      orderBy: { number: "asc" },
      select: { number: true, heading: true },
    }),
  ]);
  return {
    sections,
    counts: { ...stateCounts(byState), flagged },
    groups: groups.map((g) => ({ label: g.stakeholderGroup, count: g._count._all })),
    regions: regions.map((r) => ({ label: r.region, count: r._count._all })),
    campaigns,
  };
}

function stateCounts(rows: { state: string; _count: { _all: number } }[]): StateCounts {
  const counts: StateCounts = { pending: 0, published: 0, hidden: 0 };
  for (const row of rows)
    if (row.state in counts) counts[row.state as CommentState] = row._count._all;
  return counts;
}

/** The period's campaigns, largest first, each with its first comment's tracking number. */
async function campaignsOf(ctx: AppContext, periodId: string) {
  const groups = await ctx.db.comment.groupBy({
    by: ["campaignId"],
    where: { periodId, campaignId: { not: null } },
    _count: { _all: true },
  });
  groups.sort((a, b) => b._count._all - a._count._all);
  const firsts = await ctx.db.comment.findMany({
    where: { id: { in: groups.map((g) => g.campaignId!) } },
    select: { id: true, trackingNumber: true, body: true },
  });
  const byId = new Map(firsts.map((c) => [c.id, c]));
  return groups.map((g) => ({
    id: g.campaignId!,
    count: g._count._all,
    trackingNumber: byId.get(g.campaignId!)?.trackingNumber ?? "",
    opening: byId.get(g.campaignId!)?.body.slice(0, 80) ?? "",
  }));
}

/** The files sent with each of these comments, in the order sent (not their bytes). */
export async function filesOf(ctx: Pick<AppContext, "db">, commentIds: string[]) {
  const rows = commentIds.length
    ? await ctx.db.commentAttachment.findMany({
        where: { commentId: { in: commentIds } },
        orderBy: { position: "asc" },
        select: { commentId: true, position: true, name: true, type: true, size: true },
      })
    : [];
  const byComment = new Map<string, Omit<(typeof rows)[number], "commentId">[]>();
  for (const { commentId, ...file } of rows)
    byComment.set(commentId, [...(byComment.get(commentId) ?? []), file]);
  return byComment;
}

/**
 * One file of a comment, for staff to download: never shown inline, so a hostile file is
 * saved, not rendered, whatever the browser would make of it.
 */
export async function getCommentFile(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  commentId: string,
  position: number,
) {
  await requirePeriod(ctx, access, periodId);
  return found(
    await ctx.db.commentAttachment.findFirst({
      where: { commentId, position, comment: { periodId } },
      select: { name: true, type: true, bytes: true },
    }),
    "file",
  );
}

/** Who made the latest decision on each of these comments, and when. */
async function lastDecisions(ctx: AppContext, commentIds: string[]) {
  const entries = commentIds.length
    ? await ctx.db.commentModeration.findMany({
        where: { commentId: { in: commentIds } },
        orderBy: { createdAt: "desc" },
        select: { commentId: true, createdAt: true, moderator: { select: { name: true } } },
      })
    : [];
  const latest = new Map<string, { by: string; at: string }>();
  for (const entry of entries)
    if (!latest.has(entry.commentId))
      latest.set(entry.commentId, {
        by: entry.moderator?.name ?? "",
        at: entry.createdAt.toISOString(),
      });
  return latest;
}

/**
 * The period at a glance for its staff page: exact counts, campaigns and addresses behind
 * several names, read from what screening stored (nothing is regrouped here).
 */
export async function getCommentReview(ctx: AppContext, access: WorkGroupAccess, periodId: string) {
  const period = await requirePeriod(ctx, access, periodId);
  await screenNewComments(ctx, periodId);
  // The same counts and campaigns the queue offers (periodFacets), read once per change.
  const [{ facets }, sharedAddresses, log] = await Promise.all([
    periodFacets(ctx, periodId),
    ctx.db.$queryRaw<{ email: string; names: number | bigint }[]>`
      SELECT lower("email") AS "email", COUNT(DISTINCT lower(trim("name"))) AS "names"
      FROM "Comment" WHERE "periodId" = ${periodId} AND "email" <> ''
      GROUP BY lower("email") HAVING COUNT(DISTINCT lower(trim("name"))) > 1
      ORDER BY 2 DESC LIMIT 50`,
    ctx.db.commentModeration.findMany({
      where: { periodId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        fromState: true,
        toState: true,
        reason: true,
        createdAt: true,
        moderator: { select: { name: true } },
        comment: { select: { trackingNumber: true } },
      },
    }),
  ]);
  const { counts, campaigns } = facets;
  const total = counts.pending + counts.published + counts.hidden;
  const inCampaigns = campaigns.reduce((sum, c) => sum + c.count, 0);
  return {
    period,
    counts: { total, unique: total - inCampaigns, inCampaigns, ...counts },
    campaigns: campaigns.slice(0, 20),
    campaignCount: campaigns.length,
    sharedAddresses: sharedAddresses.map((a) => ({ email: a.email, names: Number(a.names) })),
    log,
  };
}

export type DecisionInput = z.infer<typeof decisionSchema> & { filter?: QueueFilter };

/**
 * A moderator's decision: publish, hide (with a reason, which the log keeps) or back to
 * pending, on the comments ticked or on every one matching the filter. Another moderator's
 * decision is never silently undone: a ticked comment changed since the page showed it
 * (its revision moved on), or a matching one decided after the page loaded, is left as it is
 * and counted as skipped; when the only comment asked for is skipped, the answer is a 409
 * that says who decided it.
 */
export async function decideComments(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  periodId: string,
  input: DecisionInput,
) {
  const period = await requirePeriod(ctx, access, periodId);
  if (input.state === "hidden" && !input.reason) throw refuse(400, "moderation.errors.reason");
  const provider = ctx.config.database.provider;
  const now = new Date();
  const result = await ctx.db.$transaction(async (tx) => {
    let chosen: { id: string; state: string; revision: number | bigint }[];
    let asked: number;
    if (input.matching === "yes") {
      if (!input.seenAt || !input.filter) throw refuse(400, "moderation.errors.reload");
      const where = matchingSql(provider, periodId, input.filter, period.timeZone);
      const lock = provider === "sqlite" ? Prisma.empty : Prisma.sql`FOR UPDATE`;
      const rows = await tx.$queryRaw<
        { id: string; state: string; revision: number | bigint; decidedAt: Date | string | null }[]
      >`
        SELECT c."id", c."state", c."revision", c."decidedAt" FROM "Comment" c
        WHERE ${where} AND c."state" <> ${input.state}
        LIMIT ${MAX_BULK + 1} ${lock}`;
      if (rows.length > MAX_BULK) throw refuse(400, "moderation.errors.tooManyMatching");
      const seen = input.seenAt.getTime();
      chosen = rows.filter((r) => !r.decidedAt || new Date(r.decidedAt).getTime() <= seen);
      asked = rows.length;
    } else {
      const wanted = new Map(
        input.comments.map((pair) => {
          const [id, revision] = pair.split(":");
          return [id!, Number(revision)];
        }),
      );
      if (wanted.size === 0) throw refuse(400, "moderation.errors.choose");
      const rows = await tx.comment.findMany({
        where: { id: { in: [...wanted.keys()] }, periodId },
        select: { id: true, state: true, revision: true },
      });
      if (wanted.size === 1 && rows[0] && rows[0].revision !== wanted.get(rows[0].id)) {
        const by = (await lastDecisions(ctx, [rows[0].id])).get(rows[0].id);
        throw refuse(409, "moderation.errors.decidedMeanwhile", {
          name: by?.by || "—",
          commentState: rows[0].state,
        });
      }
      chosen = rows.filter((r) => r.revision === wanted.get(r.id) && r.state !== input.state);
      asked = wanted.size;
    }
    const reason = input.reason ?? "";
    for (let i = 0; i < chosen.length; i += 500) {
      const chunk = chosen.slice(i, i + 500);
      const ids = chunk.map((c) => c.id);
      await tx.$executeRaw`
        INSERT INTO "CommentModeration"
          ("id", "periodId", "commentId", "moderatorId", "fromState", "toState", "reason", "createdAt")
        VALUES ${Prisma.join(
          chunk.map(
            (c) =>
              Prisma.sql`(${randomUUID()}, ${periodId}, ${c.id}, ${user.id}, ${c.state}, ${input.state}, ${reason}, ${now})`,
          ),
        )}`;
      await tx.comment.updateMany({
        where: { id: { in: ids } },
        data: {
          state: input.state,
          hiddenReason: input.state === "hidden" ? reason : "",
          revision: { increment: 1 },
          decidedAt: now,
        },
      });
    }
    const byState = await tx.comment.groupBy({
      by: ["state"],
      where: { periodId },
      _count: { _all: true },
    });
    return { chosen, asked, counts: stateCounts(byState) };
  });
  const decision = (revision: number | bigint): LiveDecision => ({
    state: input.state,
    reason: input.state === "hidden" ? (input.reason ?? "") : "",
    revision: Number(revision) + 1,
    by: user.name,
    at: now.toISOString(),
  });
  await ctx.live.change(documentName.moderation(periodId), (doc) =>
    putDecisions(
      doc,
      result.chosen.map((c) => [c.id, decision(c.revision)]),
      result.counts,
    ),
  );
  return {
    moved: result.chosen.length,
    skipped: result.asked - result.chosen.length,
    decisions: Object.fromEntries(result.chosen.map((c) => [c.id, decision(c.revision)])),
  };
}

/** The live moderation document as the database has it (the decisions of the last minutes). */
export async function loadLiveModeration(ctx: Pick<AppContext, "db">, periodId: string) {
  const since = new Date(Date.now() - LIVE_DECISIONS_MS);
  const [recent, byState] = await Promise.all([
    ctx.db.comment.findMany({
      where: { periodId, decidedAt: { gte: since } },
      orderBy: { decidedAt: "desc" },
      take: 5_000,
      select: {
        id: true,
        state: true,
        hiddenReason: true,
        revision: true,
        decidedAt: true,
        moderation: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { moderator: { select: { name: true } } },
        },
      },
    }),
    ctx.db.comment.groupBy({ by: ["state"], where: { periodId }, _count: { _all: true } }),
  ]);
  return {
    decisions: recent.map((c): [string, LiveDecision] => [
      c.id,
      {
        state: c.state as CommentState,
        reason: c.hiddenReason,
        revision: c.revision,
        by: c.moderation[0]?.moderator?.name ?? "",
        at: c.decidedAt!.toISOString(),
      },
    ]),
    counts: stateCounts(byState),
  };
}

/**
 * Every comment with its tracking number and moderation state (staff only: names, emails).
 * The CSV is for people, in the reader's language; the JSON for programs, in stable codes.
 */
export async function exportComments(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  format: "csv" | "json",
  locale: Locale,
) {
  const period = await requirePeriod(ctx, access, periodId);
  const comments = await ctx.db.comment.findMany({
    where: { periodId },
    orderBy: { receivedAt: "asc" },
    select: { ...COMMENT_RECORD, theme: { select: { name: true } } },
  });
  const rows = comments.map(({ theme, receivedAt, sections, flags, ...c }) => ({
    ...c,
    receivedAt: receivedAt.toISOString(),
    sections: sections ? sections.split(" ").map(Number) : [],
    flags: flags ? flags.split(" ") : [],
    theme: theme?.name ?? "",
  }));
  if (format === "json") return { period: period.title, comments: rows };
  const { t } = i18nFor(locale);
  return spreadsheetCsv(
    (
      [
        "csv.comments.trackingNumber",
        "csv.comments.received",
        "csv.comments.name",
        "csv.comments.email",
        "csv.comments.group",
        "csv.comments.region",
        "csv.comments.sections",
        "csv.comments.comment",
        "csv.comments.state",
        "csv.comments.hiddenBecause",
        "csv.comments.flags",
        "csv.comments.theme",
      ] as const
    ).map((key) => t(key)),
    rows.map((r) => [
      r.trackingNumber,
      r.receivedAt,
      r.name,
      r.email,
      r.stakeholderGroup,
      r.region,
      r.sections.length ? r.sections.join(" ") : t("csv.comments.general"),
      r.body,
      t(`moderation.states.${r.state as CommentState}`),
      r.hiddenReason,
      r.flags.map((flag) => t(`moderation.flags.${flag as Flag}`)).join("; "),
      r.theme,
    ]),
  );
}
