import type { DbTransaction } from "../../../server/db.ts";
import type { AppContext } from "../../utils/app-context.ts";
import { http, refuse, say } from "../../utils/http.server.ts";
import type { LinkOrigin } from "../../utils/request.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { documentName } from "../documents/document-name.ts";
import { blocksUpdate, readStoredDocument } from "../documents/lexical-document.server.ts";
import { recordHistory } from "../history/history.server.ts";
import type { Locale } from "../i18n/i18n.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import type { Block } from "./content.ts";
import { reportDraft, responseDraft, summaryDraft } from "./drafts.server.ts";
import { notifyFollowers } from "./followers.server.ts";
import type { PublicationKind } from "./schema.ts";

/**
 * Session summaries and reports: a generated first draft that the roles with
 * "publication:edit" write together (the Lexical document publication:<id>), published as
 * numbered versions by the roles with "publication:publish". Every version is kept; the
 * public sees the one named by publishedNumber, and nothing once it is unpublished.
 */

/** Who did what to which summary or report, in the transaction that did it. */
function history(
  tx: DbTransaction,
  user: CurrentUser,
  access: WorkGroupAccess,
  id: string,
  summary: string,
) {
  return recordHistory(tx, {
    workGroupId: access.workGroup.id,
    actorId: user.id,
    subjectKind: "publication",
    subjectId: id,
    summary,
  });
}

async function requirePublication(ctx: AppContext, access: WorkGroupAccess, id: string) {
  const publication = await ctx.db.publication.findFirst({
    where: { id, workGroupId: access.workGroup.id },
    select: { id: true, title: true, kind: true, publishedNumber: true },
  });
  if (!publication) throw http(404, "We could not find that summary or report.");
  return publication;
}

/**
 * A new summary or report whose draft holds `blocks`. The generated draft is the document's
 * first stored update: whoever opens it first sees it, and no browser ever bootstraps it.
 */
export async function storeDraft(
  tx: DbTransaction,
  draft: {
    workGroupId: string;
    kind: PublicationKind;
    title: string;
    sessionId?: string;
    blocks: Block[];
  },
) {
  const publication = await tx.publication.create({
    data: {
      workGroupId: draft.workGroupId,
      kind: draft.kind,
      sessionId: draft.sessionId,
      title: draft.title,
    },
    select: { id: true },
  });
  await tx.documentUpdate.create({
    data: {
      docName: documentName.publication(publication.id),
      update: Buffer.from(blocksUpdate(draft.blocks)) as Uint8Array<ArrayBuffer>,
    },
  });
  return publication;
}

/** Stores `blocks` as the next version of a publication and makes it the public one. */
export async function storeVersion(
  tx: DbTransaction,
  publication: { id: string; title: string },
  blocks: Block[],
  publishedById: string | null,
) {
  const last = await tx.publicationVersion.findFirst({
    where: { publicationId: publication.id },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const number = (last?.number ?? 0) + 1;
  await tx.publicationVersion.create({
    data: {
      publicationId: publication.id,
      number,
      title: publication.title,
      content: JSON.stringify(blocks),
      publishedById,
    },
  });
  await tx.publication.update({ where: { id: publication.id }, data: { publishedNumber: number } });
  return number;
}

async function createDraft(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  draft: { kind: PublicationKind; title: string; sessionId?: string; blocks: Block[] },
) {
  return ctx.db.$transaction(async (tx) => {
    const publication = await storeDraft(tx, { ...draft, workGroupId: access.workGroup.id });
    await history(tx, user, access, publication.id, `Drafted “${draft.title}”`);
    return publication;
  });
}

/** Drafted in `locale`, the language of the staff member who asks: they edit it next. */
export async function createSummary(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  locale: Locale,
) {
  requirePermission(access, "publication:edit");
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    select: { id: true, title: true },
  });
  if (!session) throw http(404, "We could not find that session.");
  return createDraft(ctx, user, access, {
    kind: "summary",
    title: say(locale, "draft.summaryTitle", { session: session.title }),
    sessionId: session.id,
    blocks: await summaryDraft(ctx, session.id, locale),
  });
}

export async function createReport(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  title: string,
  locale: Locale,
) {
  requirePermission(access, "publication:edit");
  return createDraft(ctx, user, access, {
    kind: "report",
    title,
    blocks: await reportDraft(ctx, access.workGroup.id, locale),
  });
}

/**
 * The response to comments of a comment period, drafted once from its themes, responses,
 * counts and final draft, then written and published like any report. Asked again, it is
 * the same publication: the draft already holds what staff wrote since.
 */
export async function createResponseToComments(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  periodId: string,
  locale: Locale,
) {
  requirePermission(access, "publication:edit");
  const period = await ctx.db.commentPeriod.findFirst({
    where: { id: periodId, workGroupId: access.workGroup.id },
    select: { id: true, title: true, responsePublicationId: true },
  });
  if (!period) throw http(404, "We could not find that comment period.");
  const existing = period.responsePublicationId
    ? await ctx.db.publication.findUnique({
        where: { id: period.responsePublicationId },
        select: { id: true },
      })
    : null;
  if (existing) return existing;
  const title = say(locale, "draft.responseTitle", { period: period.title }).slice(0, 200);
  const blocks = await responseDraft(ctx, period.id, locale);
  return ctx.db.$transaction(async (tx) => {
    const publication = await storeDraft(tx, {
      workGroupId: access.workGroup.id,
      kind: "response",
      title,
      blocks,
    });
    // Two staff asking at once: the second finds the link already set and its draft is undone.
    const { count } = await tx.commentPeriod.updateMany({
      where: { id: period.id, responsePublicationId: period.responsePublicationId },
      data: { responsePublicationId: publication.id },
    });
    if (count === 0) throw refuse(409, "staffAnalysis.errors.draftedMeanwhile");
    await history(tx, user, access, publication.id, `Drafted “${title}”`);
    return publication;
  });
}

export async function renamePublication(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  id: string,
  title: string,
) {
  requirePermission(access, "publication:edit");
  const publication = await requirePublication(ctx, access, id);
  await ctx.db.$transaction(async (tx) => {
    await tx.publication.update({ where: { id }, data: { title } });
    await history(tx, user, access, id, `Renamed “${publication.title}” to “${title}”`);
  });
}

/** The draft as it stands: stored updates, once the live copy (if open here) is stored. */
async function currentDraft(ctx: AppContext, id: string): Promise<Block[]> {
  const name = documentName.publication(id);
  await ctx.live.stored(name);
  return readStoredDocument(ctx, name);
}

/** Publishes the draft as it stands as the next version; the public sees it at once. */
export async function publishPublication(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  id: string,
  origin: LinkOrigin,
) {
  requirePermission(access, "publication:publish");
  const publication = await requirePublication(ctx, access, id);
  const blocks = await currentDraft(ctx, id);
  if (blocks.length === 0) throw refuse(409, "editor.errors.emptyDraft");
  const number = await ctx.db.$transaction(async (tx) => {
    const number = await storeVersion(tx, publication, blocks, user.id);
    await history(tx, user, access, id, `Published version ${number} of “${publication.title}”`);
    return number;
  });
  void notifyFollowers(
    ctx,
    { workGroupId: access.workGroup.id, id, title: publication.title, number },
    origin,
  );
  return { number };
}

/** Takes it off the public site (its address answers 404); the versions are kept. */
export async function unpublishPublication(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  id: string,
) {
  requirePermission(access, "publication:publish");
  const publication = await requirePublication(ctx, access, id);
  if (publication.publishedNumber === null) return;
  await ctx.db.$transaction(async (tx) => {
    await tx.publication.update({ where: { id }, data: { publishedNumber: null } });
    await history(tx, user, access, id, `Unpublished “${publication.title}”`);
  });
}

export async function listPublications(ctx: AppContext, access: WorkGroupAccess) {
  const publications = await ctx.db.publication.findMany({
    where: { workGroupId: access.workGroup.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      title: true,
      publishedNumber: true,
      session: { select: { title: true } },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, publishedAt: true },
      },
    },
  });
  return publications.map(({ versions, ...p }) => ({ ...p, lastVersion: versions[0] ?? null }));
}

export async function getPublicationForStaff(ctx: AppContext, access: WorkGroupAccess, id: string) {
  const publication = await ctx.db.publication.findFirst({
    where: { id, workGroupId: access.workGroup.id },
    select: {
      id: true,
      kind: true,
      title: true,
      publishedNumber: true,
      session: { select: { id: true, title: true } },
      versions: {
        orderBy: { number: "desc" },
        select: { number: true, title: true, publishedAt: true },
      },
    },
  });
  if (!publication) throw http(404, "We could not find that summary or report.");
  return publication;
}
