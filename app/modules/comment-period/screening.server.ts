import { Prisma } from "../../generated/sqlite/client.ts";
import type { AppContext } from "../../utils/app-context.ts";
import { textLanguage } from "../i18n/text-language.server.ts";
import { alike, BUCKET_PEERS, phrases, sketchOf } from "./campaigns.ts";
import { flagsOf } from "./flags.ts";
import { searchableText } from "./search.ts";

/**
 * Screening: what happens to a public comment after its receipt, off the path to it. Each new
 * comment gets its flags (flags.ts) and its language, joins the campaign of the form letter it copies
 * (campaigns.ts) and goes into the search index. It runs before the moderation queue is read,
 * a batch at a time, so reading the queue never regroups the whole period: with 10,000
 * comments that took six seconds.
 *
 * A comment's campaign is found from the comments that share one of its sketch's phrase
 * hashes (CommentPhrase), BUCKET_PEERS of them per hash, as groupCampaigns does in memory.
 * A comment is unscreened while its flags are null.
 */

const BATCH = 500;
/**
 * Reading a comment's phrases and comparing it costs about a millisecond: the event loop is
 * given back every few comments, so a batch never holds up the pages and receipts of others
 * (a late event loop also turns new visitors away, server/load-shedding.ts).
 */
const YIELD_EVERY = 10;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

type Screened = {
  id: string;
  flags: string;
  language: string | null;
  campaignId: string | null;
  sketch: number[];
};

const running = new Map<string, Promise<number>>();

/** What a campaign is told by: the comment, and the words of the files sent with it. */
type Letter = { body: string; attachments: { text: string }[] };

/**
 * Campaigns often arrive as the same letter attached under a line of "see attached": the
 * files' words count with the comment's. Only their start: a form letter is a page or two,
 * and a 200-page report must not cost a second of screening.
 */
const LETTER_CHARS_FROM_FILES = 20_000;

function letterOf(comment: Letter) {
  const files = comment.attachments
    .map((a) => a.text)
    .join("\n")
    .slice(0, LETTER_CHARS_FROM_FILES);
  return files ? `${comment.body}\n${files}` : comment.body;
}

/**
 * Screens the period's unscreened comments; resolves to how many. Page loads in one process
 * share a run. Two processes screening at once write the same flags and search rows (both
 * idempotent); at worst a campaign is found in two parts, joined again by the next copy.
 */
export function screenNewComments(ctx: AppContext, periodId: string): Promise<number> {
  const current = running.get(periodId);
  if (current) return current;
  const run = screenAll(ctx, periodId).finally(() => running.delete(periodId));
  running.set(periodId, run);
  return run;
}

async function screenAll(ctx: AppContext, periodId: string) {
  let total = 0;
  for (;;) {
    const batch = await ctx.db.comment.findMany({
      where: { periodId, flags: null },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        email: true,
        body: true,
        sentFast: true,
        attachments: { select: { text: true }, orderBy: { position: "asc" } },
      },
      take: BATCH,
    });
    if (batch.length === 0) return total;
    await screenBatch(ctx, periodId, batch);
    total += batch.length;
    if (batch.length < BATCH) return total;
  }
}

async function screenBatch(
  ctx: AppContext,
  periodId: string,
  batch: (Letter & { id: string; name: string; email: string; sentFast: boolean })[],
) {
  const phraseSets = new Map<string, Set<number>>();
  for (const [index, comment] of batch.entries()) {
    phraseSets.set(comment.id, phrases(letterOf(comment)));
    if (index % YIELD_EVERY === 0) await yieldToOthers();
  }
  const sketches = new Map(batch.map((c) => [c.id, sketchOf(phraseSets.get(c.id)!)]));
  const keys = [...new Set([...sketches.values()].flat())];

  // The comments screened before that share a phrase hash with this batch, a few per hash.
  const peers = keys.length
    ? await ctx.db.$queryRaw<{ phrase: number; commentId: string }[]>`
        SELECT "phrase", "commentId" FROM (
          SELECT "phrase", "commentId",
                 ROW_NUMBER() OVER (PARTITION BY "phrase" ORDER BY "commentId") AS "rank"
          FROM "CommentPhrase"
          WHERE "periodId" = ${periodId} AND "phrase" IN (${Prisma.join(keys)})
        ) AS "ranked"
        WHERE "rank" <= ${BUCKET_PEERS}`
    : [];
  const buckets = new Map<number, string[]>();
  for (const peer of peers) {
    const bucket = buckets.get(Number(peer.phrase)) ?? [];
    bucket.push(peer.commentId);
    buckets.set(Number(peer.phrase), bucket);
  }
  const earlier = await ctx.db.comment.findMany({
    where: { id: { in: [...new Set(peers.map((p) => p.commentId))] } },
    select: {
      id: true,
      body: true,
      campaignId: true,
      attachments: { select: { text: true }, orderBy: { position: "asc" } },
    },
  });
  const campaignOf = new Map<string, string | null>();
  for (const [index, comment] of earlier.entries()) {
    phraseSets.set(comment.id, phrases(letterOf(comment)));
    campaignOf.set(comment.id, comment.campaignId);
    if (index % YIELD_EVERY === 0) await yieldToOthers();
  }

  // Campaigns joined into one by a comment like both: every member moves to the first.
  const merged = new Map<string, string>();
  const rootOf = (id: string) => campaignOf.get(id) ?? id;
  const screened: Screened[] = [];
  for (const [index, comment] of batch.entries()) {
    if (index % YIELD_EVERY === 0) await yieldToOthers();
    const sketch = sketches.get(comment.id)!;
    const own = phraseSets.get(comment.id)!;
    const roots = new Set<string>();
    const seen = new Set<string>();
    for (const key of sketch) {
      const bucket = buckets.get(key) ?? [];
      for (const peer of bucket) {
        // A comment screened again (a migration asks for it) finds itself among its peers.
        if (peer === comment.id || seen.has(peer)) continue;
        seen.add(peer);
        if (alike(own, phraseSets.get(peer)!)) {
          const root = rootOf(peer);
          // A peer like no other until now starts the campaign it and this comment share.
          if (!campaignOf.get(peer)) campaignOf.set(peer, root);
          roots.add(root);
        }
      }
      if (bucket.length < BUCKET_PEERS) buckets.set(key, [...bucket, comment.id]);
    }
    const [campaign, ...others] = [...roots];
    for (const other of others) {
      merged.set(other, campaign!);
      for (const [id, root] of campaignOf) if (root === other) campaignOf.set(id, campaign!);
    }
    campaignOf.set(comment.id, campaign ?? null);
    const flags = flagsOf(`${comment.name}\n${comment.body}`, comment.sentFast).join(" ");
    screened.push({
      id: comment.id,
      flags,
      language: textLanguage(comment.body),
      campaignId: campaign ?? null,
      sketch,
    });
  }
  // A comment screened before a later one joined it to a campaign, or before its campaign
  // merged into another, takes where it ended up.
  for (const row of screened) row.campaignId = campaignOf.get(row.id) ?? null;
  // Earlier comments like no other until this batch now start a campaign.
  const started = earlier
    .filter((comment) => !comment.campaignId && campaignOf.get(comment.id))
    .map((comment) => [comment.id, campaignOf.get(comment.id)!] as const);
  await ctx.db.$transaction(async (tx) => {
    // Only the comments still unscreened: another process may have screened this batch.
    const open = new Set(
      (
        await tx.comment.findMany({
          where: { id: { in: batch.map((c) => c.id) }, flags: null },
          select: { id: true },
        })
      ).map((c) => c.id),
    );
    const rows = screened.filter((row) => open.has(row.id));
    for (const [from, to] of merged)
      await tx.comment.updateMany({
        where: { periodId, campaignId: from },
        data: { campaignId: to },
      });
    for (const [id, root] of started)
      await tx.comment.updateMany({
        where: { id, campaignId: null },
        data: { campaignId: root },
      });
    const byOutcome = new Map<string, string[]>();
    for (const row of rows) {
      const key = JSON.stringify([row.flags, row.campaignId, row.language]);
      byOutcome.set(key, [...(byOutcome.get(key) ?? []), row.id]);
    }
    for (const [key, ids] of byOutcome) {
      const [flags, campaignId, language] = JSON.parse(key) as [
        string,
        string | null,
        string | null,
      ];
      await tx.comment.updateMany({
        where: { id: { in: ids } },
        data: { flags, campaignId, language },
      });
    }
    const phraseRows = rows.flatMap((row) =>
      row.sketch.map((phrase) => Prisma.sql`(${periodId}, ${phrase}, ${row.id})`),
    );
    if (phraseRows.length)
      await tx.$executeRaw`
        INSERT INTO "CommentPhrase" ("periodId", "phrase", "commentId")
        VALUES ${Prisma.join(phraseRows)} ON CONFLICT DO NOTHING`;
    const byId = new Map(batch.map((c) => [c.id, c]));
    // Letters sent as files are found by their words too.
    const attached = new Map<string, string>();
    for (const file of await tx.commentAttachment.findMany({
      where: { commentId: { in: rows.map((row) => row.id) }, text: { not: "" } },
      select: { commentId: true, text: true },
    }))
      attached.set(file.commentId, `${attached.get(file.commentId) ?? ""} ${file.text}`);
    const documents = rows.map((row) => {
      const c = byId.get(row.id)!;
      return {
        id: row.id,
        text: searchableText(`${c.name} ${c.email} ${c.body} ${attached.get(row.id) ?? ""}`),
      };
    });
    if (documents.length === 0) return;
    if (ctx.config.database.provider === "sqlite") {
      // A comment screened again keeps one search row (PostgreSQL's key sees to it there).
      await tx.$executeRaw`
        DELETE FROM "CommentSearch" WHERE "commentId" IN (${Prisma.join(documents.map((d) => d.id))})`;
      await tx.$executeRaw`
        INSERT INTO "CommentSearch" ("commentId", "text")
        VALUES ${Prisma.join(documents.map((d) => Prisma.sql`(${d.id}, ${d.text})`))}`;
    } else
      await tx.$executeRaw`
        INSERT INTO "CommentSearch" ("commentId", "document")
        VALUES ${Prisma.join(
          documents.map((d) => Prisma.sql`(${d.id}, to_tsvector('simple', ${d.text}))`),
        )}
        ON CONFLICT DO NOTHING`;
  });
}
