import type { AppContext } from "../../utils/app-context.ts";
import { found, refuse } from "../../utils/http.server.ts";
import { spanishOrNull } from "../i18n/staff-text.ts";
import { notPublished } from "../publication/public-site.server.ts";
import { zonedTimeToUtc } from "../session/time.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { issueFormToken } from "./form-token.server.ts";
import { forgetIntakePeriod } from "./intake.server.ts";
import { CHOICES_SELECT, choicesOf, publicPeriodWhere } from "./public-period.server.ts";
import { splitDraft } from "./sections.ts";
import { periodState } from "./window.ts";

/**
 * Comment periods as staff run them (create, draft, window, extension, publish) and as the
 * public reads them. Public readers name the published condition in every query, so a period
 * that is not published answers 404, like the rest of the public site.
 */

type PeriodFields = {
  title: string;
  instructions: string;
  moderationPolicy: string;
  /** Spanish versions, for Spanish pages; empty or absent: none. */
  titleEs?: string;
  instructionsEs?: string;
  moderationPolicyEs?: string;
  timeZone: string;
  opensAt: string;
  closesAt: string;
};

function windowOf(fields: PeriodFields) {
  return {
    opensAt: zonedTimeToUtc(fields.opensAt, fields.timeZone),
    closesAt: zonedTimeToUtc(fields.closesAt, fields.timeZone),
  };
}

/** A period's words as stored: a Spanish version left empty is none. */
function wordsOf(fields: PeriodFields) {
  return {
    title: fields.title,
    instructions: fields.instructions,
    moderationPolicy: fields.moderationPolicy,
    titleEs: spanishOrNull(fields.titleEs),
    instructionsEs: spanishOrNull(fields.instructionsEs),
    moderationPolicyEs: spanishOrNull(fields.moderationPolicyEs),
    timeZone: fields.timeZone,
  };
}

export async function listCommentPeriods(ctx: AppContext, access: WorkGroupAccess) {
  const periods = await ctx.db.commentPeriod.findMany({
    where: { workGroupId: access.workGroup.id },
    orderBy: { opensAt: "desc" },
    select: {
      id: true,
      title: true,
      titleEs: true,
      opensAt: true,
      closesAt: true,
      timeZone: true,
      publishedAt: true,
      _count: { select: { comments: true } },
    },
  });
  return periods.map(({ _count, ...period }) => ({
    ...period,
    state: periodState(period),
    comments: _count.comments,
  }));
}

export async function createCommentPeriod(
  ctx: AppContext,
  access: WorkGroupAccess,
  fields: PeriodFields,
) {
  requirePermission(access, "comment-period:manage");
  return ctx.db.commentPeriod.create({
    data: { ...wordsOf(fields), ...windowOf(fields), workGroupId: access.workGroup.id },
    select: { id: true },
  });
}

async function requirePeriod(ctx: AppContext, access: WorkGroupAccess, periodId: string) {
  return found(
    await ctx.db.commentPeriod.findFirst({
      where: { id: periodId, workGroupId: access.workGroup.id },
      select: { id: true, opensAt: true, closesAt: true, timeZone: true },
    }),
    "commentPeriod",
  );
}

export async function getCommentPeriod(ctx: AppContext, access: WorkGroupAccess, periodId: string) {
  const period = found(
    await ctx.db.commentPeriod.findFirst({
      where: { id: periodId, workGroupId: access.workGroup.id },
      include: {
        sections: { orderBy: { number: "asc" } },
        notices: { orderBy: { createdAt: "asc" } },
        hearings: { orderBy: { startsAt: "asc" } },
      },
    }),
    "commentPeriod",
  );
  return { ...period, state: periodState(period) };
}

export async function updateCommentPeriod(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  fields: PeriodFields,
) {
  requirePermission(access, "comment-period:manage");
  await requirePeriod(ctx, access, periodId);
  await ctx.db.commentPeriod.update({
    where: { id: periodId },
    data: { ...wordsOf(fields), ...windowOf(fields) },
  });
  forgetIntakePeriod(periodId);
}

/**
 * Replaces the draft's sections. Once comments name sections, renumbering them would point
 * those comments at the wrong text, so the draft is then fixed (409). A Spanish draft gives
 * each section its Spanish heading and text, section for section (draftSchema checks that the
 * two have as many; one that does not is left out rather than put beside the wrong section).
 */
export async function replaceDraft(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  draft: string,
  draftEs?: string,
) {
  requirePermission(access, "comment-period:manage");
  await requirePeriod(ctx, access, periodId);
  const spanish = draftEs?.trim() ? splitDraft(draftEs) : [];
  const english = splitDraft(draft);
  const matched = spanish.length === english.length;
  const sections = english.map((section, index) => ({
    ...section,
    headingEs: matched ? (spanish[index]?.heading ?? null) : null,
    bodyEs: matched ? (spanish[index]?.body ?? null) : null,
  }));
  await ctx.db.$transaction(async (tx) => {
    const comments = await tx.comment.count({ where: { periodId } });
    if (comments > 0) throw refuse(409, "staffPeriod.errors.draftFixed");
    await tx.commentSection.deleteMany({ where: { periodId } });
    await tx.commentSection.createMany({ data: sections.map((s) => ({ ...s, periodId })) });
  });
  forgetIntakePeriod(periodId);
  return sections.length;
}

/** A later close, with the public notice that says so. Shortening a period is not an extension. */
export async function extendCommentPeriod(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  input: { closesAt: string; notice: string },
) {
  requirePermission(access, "comment-period:manage");
  const period = await requirePeriod(ctx, access, periodId);
  const closesAt = zonedTimeToUtc(input.closesAt, period.timeZone);
  if (closesAt <= period.closesAt) throw refuse(400, "staffPeriod.errors.extendLater");
  await ctx.db.$transaction([
    ctx.db.commentPeriod.update({ where: { id: periodId }, data: { closesAt } }),
    ctx.db.commentPeriodNotice.create({ data: { periodId, text: input.notice } }),
  ]);
  forgetIntakePeriod(periodId);
}

export async function setCommentPeriodPublished(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  publish: boolean,
) {
  requirePermission(access, "comment-period:manage");
  await requirePeriod(ctx, access, periodId);
  await ctx.db.commentPeriod.update({
    where: { id: periodId },
    data: { publishedAt: publish ? new Date() : null },
  });
  forgetIntakePeriod(periodId);
}

export async function setShowComments(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  show: boolean,
) {
  requirePermission(access, "comment-period:manage");
  await requirePeriod(ctx, access, periodId);
  await ctx.db.commentPeriod.update({ where: { id: periodId }, data: { showComments: show } });
}

/** Published periods of a published work group, for its public home. */
export async function listPublicCommentPeriods(ctx: AppContext, workGroupId: string) {
  const periods = await ctx.db.commentPeriod.findMany({
    where: { workGroupId, publishedAt: { not: null } },
    orderBy: { opensAt: "desc" },
    select: {
      id: true,
      title: true,
      titleEs: true,
      opensAt: true,
      closesAt: true,
      timeZone: true,
    },
  });
  return periods.map((period) => ({ ...period, state: periodState(period) }));
}

/** The public page of a period: draft, dates, how to comment, hearings and the form's lists. */
export async function getPublicCommentPeriod(ctx: AppContext, slug: string, periodId: string) {
  const period = await ctx.db.commentPeriod.findFirst({
    where: publicPeriodWhere(slug, periodId),
    select: {
      ...CHOICES_SELECT,
      id: true,
      title: true,
      titleEs: true,
      instructions: true,
      instructionsEs: true,
      moderationPolicy: true,
      moderationPolicyEs: true,
      opensAt: true,
      closesAt: true,
      timeZone: true,
      showComments: true,
      responsePublicationId: true,
      sections: {
        orderBy: { number: "asc" },
        select: { number: true, heading: true, body: true, headingEs: true, bodyEs: true },
      },
      notices: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
      hearings: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          kind: true,
          title: true,
          titleEs: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          place: true,
          placeEs: true,
          link: true,
        },
      },
    },
  });
  if (!period) throw notPublished();
  const comments = period.showComments
    ? await ctx.db.comment.findMany({
        where: { periodId, state: "published" },
        orderBy: { receivedAt: "asc" },
        take: 500,
        select: {
          id: true,
          receivedAt: true,
          stakeholderGroup: true,
          sections: true,
          body: true,
          language: true,
          trackingNumber: true,
          attachments: {
            orderBy: { position: "asc" },
            select: { position: true, name: true, type: true, size: true },
          },
        },
      })
    : [];
  // The response to comments, once it is public (publication/publication.server.ts).
  const response = period.responsePublicationId
    ? await ctx.db.publication.findFirst({
        where: { id: period.responsePublicationId, publishedNumber: { not: null } },
        select: { id: true, title: true },
      })
    : null;
  const { workGroup: _lists, responsePublicationId: _response, ...rest } = period;
  return {
    period: { ...rest, state: periodState(period) },
    response,
    slug,
    choices: choicesOf(period),
    comments,
    token: issueFormToken(ctx.config.sessionSecret, period.id),
  };
}

/**
 * A file of a published comment, for the public: only while the period is public, shows its
 * comments and the comment is published (moderation decided). Downloaded, never shown inline.
 */
export async function getPublicCommentFile(
  ctx: AppContext,
  slug: string,
  periodId: string,
  trackingNumber: string,
  position: number,
) {
  const file = await ctx.db.commentAttachment.findFirst({
    where: {
      position,
      comment: {
        trackingNumber,
        state: "published",
        period: { ...publicPeriodWhere(slug, periodId), showComments: true },
      },
    },
    select: { name: true, type: true, bytes: true },
  });
  if (!file) throw notPublished();
  return file;
}
