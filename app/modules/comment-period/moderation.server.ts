import type { AppContext } from "../../utils/app-context.ts";
import { spreadsheetCsv } from "../../utils/csv.ts";
import { found, http } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { addressesWithManyNames, groupCampaigns } from "./campaigns.ts";
import { flagsOf } from "./flags.ts";
import type { CommentState } from "./schema.ts";

/**
 * What staff do with what the public sent: read it with flags and campaigns, publish or hide
 * it (with a reason, in a log), and export it. Several moderators may work at once: a
 * decision applies to the comments as they are when it is stored, and each is logged.
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
    "comment period",
  );
}

/**
 * Flags comments intake left unchecked (it leaves them, to give receipts sooner). Stored in
 * one update per distinct set of flags.
 */
async function flagUnchecked(ctx: AppContext, periodId: string) {
  const unchecked = await ctx.db.comment.findMany({
    where: { periodId, flags: null },
    select: { id: true, name: true, body: true, sentFast: true },
    take: 5_000,
  });
  const byFlags = new Map<string, string[]>();
  for (const comment of unchecked) {
    const flags = flagsOf(`${comment.name}\n${comment.body}`, comment.sentFast).join(" ");
    byFlags.set(flags, [...(byFlags.get(flags) ?? []), comment.id]);
  }
  for (const [flags, ids] of byFlags) {
    await ctx.db.comment.updateMany({ where: { id: { in: ids } }, data: { flags } });
  }
}

export async function getCommentReview(ctx: AppContext, access: WorkGroupAccess, periodId: string) {
  const period = await requirePeriod(ctx, access, periodId);
  await flagUnchecked(ctx, periodId);
  const comments = await ctx.db.comment.findMany({
    where: { periodId },
    orderBy: { receivedAt: "asc" },
    select: { id: true, ...COMMENT_RECORD },
  });
  const groups = groupCampaigns(comments.map((c) => c.body));
  const campaigns = groups
    .filter((group) => group.length > 1)
    .map((group) => ({ count: group.length, representative: comments[group[0]!]! }));
  const inCampaigns = campaigns.reduce((sum, c) => sum + c.count, 0);
  return {
    period,
    comments,
    counts: {
      total: comments.length,
      unique: comments.length - inCampaigns,
      inCampaigns,
      pending: comments.filter((c) => c.state === "pending").length,
      flagged: comments.filter((c) => c.flags).length,
    },
    campaigns,
    sharedAddresses: addressesWithManyNames(comments),
    log: await ctx.db.commentModeration.findMany({
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
  };
}

export async function moderateComments(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  periodId: string,
  input: { commentIds: string[]; state: CommentState; reason: string },
) {
  await requirePeriod(ctx, access, periodId);
  if (input.state === "hidden" && !input.reason)
    throw http(400, "Say why these comments are hidden: the reason is kept in the log.");
  return ctx.db.$transaction(async (tx) => {
    const comments = await tx.comment.findMany({
      where: { id: { in: input.commentIds }, periodId, state: { not: input.state } },
      select: { id: true, state: true },
    });
    await tx.comment.updateMany({
      where: { id: { in: comments.map((c) => c.id) } },
      data: { state: input.state, hiddenReason: input.state === "hidden" ? input.reason : "" },
    });
    await tx.commentModeration.createMany({
      data: comments.map((c) => ({
        periodId,
        commentId: c.id,
        moderatorId: user.id,
        fromState: c.state,
        toState: input.state,
        reason: input.reason,
      })),
    });
    return comments.length;
  });
}

/** Every comment with its tracking number and moderation state (staff only: names, emails). */
export async function exportComments(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  format: "csv" | "json",
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
  return spreadsheetCsv(
    [
      "Tracking number",
      "Received (UTC)",
      "Name",
      "Email",
      "Stakeholder group",
      "Region",
      "Sections",
      "Comment",
      "State",
      "Hidden because",
      "Flags",
      "Theme",
    ],
    rows.map((r) => [
      r.trackingNumber,
      r.receivedAt,
      r.name,
      r.email,
      r.stakeholderGroup,
      r.region,
      r.sections.length ? r.sections.join(" ") : "general",
      r.body,
      r.state,
      r.hiddenReason,
      r.flags.join(" "),
      r.theme,
    ]),
  );
}
