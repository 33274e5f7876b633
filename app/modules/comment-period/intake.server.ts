import { createHash } from "node:crypto";
import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import { flagsOf } from "./flags.ts";
import { checkFormToken } from "./form-token.server.ts";
import { type CommentChoices, type CommentInput, commentSchema, GENERAL } from "./schema.ts";
import { periodState } from "./window.ts";

/**
 * Taking one public comment: the period must be published and open, the form genuine and
 * filled by a person, the sender within the rate limits; then the comment is stored (in a
 * group commit) and only then is its receipt given. A refusal names a catalogue key, so the
 * reader sees it in their language, and never loses what they typed.
 */

export type Receipt = {
  trackingNumber: string;
  receivedAt: string;
  sections: string[];
  emailed: boolean;
};

export type IntakeRefusal = {
  ok: false;
  status: number;
  problem:
    | "comment.notOpenYet"
    | "comment.closed"
    | "comment.expired"
    | "comment.tooFast"
    | "comment.automated"
    | "comment.tooMany"
    | "comment.busy";
  retryAfter?: number;
};

/** A published period of a published work group, with what its form may name. */
export async function intakePeriod(ctx: AppContext, slug: string, periodId: string) {
  const period = await ctx.db.commentPeriod.findFirst({
    where: {
      id: periodId,
      publishedAt: { not: null },
      workGroup: { slug, publishedAt: { not: null } },
    },
    select: {
      id: true,
      title: true,
      opensAt: true,
      closesAt: true,
      timeZone: true,
      sections: { select: { number: true }, orderBy: { number: "asc" } },
      workGroup: {
        select: {
          stakeholderGroups: { select: { name: true }, orderBy: { position: "asc" } },
          regions: { select: { name: true }, orderBy: { position: "asc" } },
        },
      },
    },
  });
  if (!period) throw http(404, "We could not find that page. It may not be published.");
  const choices: CommentChoices = {
    stakeholderGroups: period.workGroup.stakeholderGroups.map((g) => g.name),
    regions: period.workGroup.regions.map((r) => r.name),
    sectionNumbers: period.sections.map((s) => s.number),
  };
  return { ...period, choices, schema: commentSchema(choices) };
}
export type IntakePeriod = Awaited<ReturnType<typeof intakePeriod>>;

/**
 * One filling of the form with one content: a double click, a reload of the receipt page or a
 * retry after a lost answer all carry the same token and text, so they find the same comment.
 */
function submissionKey(filling: string, input: CommentInput) {
  const { token: _token, website: _website, ...content } = input;
  return createHash("sha256")
    .update(JSON.stringify([filling, content]))
    .digest("base64url");
}

export async function acceptComment(
  ctx: AppContext,
  period: IntakePeriod,
  input: CommentInput,
  clientKey: string,
  now = new Date(),
): Promise<{ ok: true; receipt: Receipt } | IntakeRefusal> {
  const state = periodState(period, now);
  if (state !== "open")
    return {
      ok: false,
      status: 403,
      problem: state === "scheduled" ? "comment.notOpenYet" : "comment.closed",
    };
  const token = checkFormToken(ctx.config.sessionSecret, period.id, input.token, now.getTime());
  if (!token.ok)
    return {
      ok: false,
      status: 400,
      problem: token.problem === "too-fast" ? "comment.tooFast" : "comment.expired",
    };
  const key = submissionKey(token.filling, input);
  const sections = input.sections.filter((s) => s !== GENERAL);

  const existing = await ctx.db.comment.findUnique({
    where: { submissionKey: key },
    select: { trackingNumber: true, receivedAt: true, email: true },
  });
  if (existing) return { ok: true, receipt: receiptOf(ctx, existing, sections) };

  const wait = await ctx.limiters.comment(clientKey);
  if (wait > 0) return { ok: false, status: 429, problem: "comment.tooMany", retryAfter: wait };
  if (ctx.intake.full) return { ok: false, status: 429, problem: "comment.busy", retryAfter: 5 };

  let stored: Awaited<ReturnType<AppContext["intake"]["store"]>>;
  try {
    stored = await ctx.intake.store({
      periodId: period.id,
      submissionKey: key,
      name: input.name,
      email: input.email,
      stakeholderGroup: input.stakeholderGroup,
      region: input.region,
      sections: sections.join(" "),
      body: input.comment,
      flags: flagsOf(`${input.name}\n${input.comment}`).join(" "),
    });
  } catch {
    // The database refused the write (it is restarting, or the disk is full): nothing was
    // stored and no receipt is given; the page keeps the text for a retry.
    return { ok: false, status: 503, problem: "comment.busy", retryAfter: 10 };
  }
  if (input.email) void sendReceipt(ctx, period, input.email, stored.trackingNumber);
  return { ok: true, receipt: receiptOf(ctx, { ...stored, email: input.email }, sections) };
}

function receiptOf(
  ctx: AppContext,
  stored: { trackingNumber: string; receivedAt: Date; email: string },
  sections: string[],
): Receipt {
  return {
    trackingNumber: stored.trackingNumber,
    receivedAt: stored.receivedAt.toISOString(),
    sections,
    emailed: stored.email !== "" && ctx.config.smtp !== undefined,
  };
}

/** The emailed copy of the receipt: sent after the comment is stored; a failure is logged. */
async function sendReceipt(
  ctx: AppContext,
  period: IntakePeriod,
  email: string,
  trackingNumber: string,
) {
  if (!ctx.config.smtp) return;
  try {
    await ctx.mailer.send({
      to: email,
      subject: `Comment received: ${trackingNumber}`,
      text: `Thank you. Your comment on "${period.title}" was received and stored.\n\nTracking number: ${trackingNumber}\n\nKeep this number: it identifies your comment in the record of this comment period.`,
    });
  } catch (error) {
    ctx.log.warn("comment receipt: the email could not be sent", {
      trackingNumber,
      error: String(error),
    });
  }
}
