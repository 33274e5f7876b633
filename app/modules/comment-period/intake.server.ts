import { createHash } from "node:crypto";
import type { AppContext } from "../../utils/app-context.ts";
import { ownFields, parseSubmission } from "../../utils/form-fields.ts";
import { notPublished } from "../publication/public-site.server.ts";
import { type AttachmentProblem, checkAttachments, sentFiles } from "./attachments.server.ts";
import { checkFormToken, issueFormToken } from "./form-token.server.ts";
import { CHOICES_SELECT, choicesOf, publicPeriodWhere } from "./public-period.server.ts";
import { type CommentInput, commentSchema, GENERAL } from "./schema.ts";

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
  /** The files stored with the comment, as the receipt lists them. */
  files: { name: string; size: number; sha256: string }[];
};

export type IntakeRefusal = {
  ok: false;
  status: number;
  problem:
    | "comment.notOpenYet"
    | "comment.closed"
    | "comment.expired"
    | "comment.automated"
    | "comment.tooMany"
    | "comment.busy"
    | "comment.tokenUsed"
    | AttachmentProblem;
  retryAfter?: number;
  /** The file a refusal is about. */
  file?: string;
  /** In place of a form token already used for another comment: same page, same age. */
  freshToken?: string;
};

/**
 * A period as intake sees it (published or not, its window, what its form may name, and the
 * schema built from that), kept per process for a second. In a flash crowd every comment
 * asks, and reading it costs more than storing the comment. The window is kept as instants,
 * so opening and closing happen exactly on time; only a staff change (publish, withdraw,
 * extend, new choices) takes up to a second to reach other processes, and none in this one
 * (staff services call forgetIntakePeriod).
 */
const PERIOD_KEPT_MS = 1_000;
type KeptPeriod = { until: number; period: Awaited<ReturnType<typeof readIntakePeriod>> };
const kept = new Map<string, KeptPeriod>();

export function forgetIntakePeriod(periodId: string) {
  for (const key of kept.keys()) if (key.endsWith(`/${periodId}`)) kept.delete(key);
}

async function readIntakePeriod(ctx: AppContext, slug: string, periodId: string) {
  const period = await ctx.db.commentPeriod.findFirst({
    where: publicPeriodWhere(slug, periodId),
    select: {
      id: true,
      title: true,
      opensAt: true,
      closesAt: true,
      timeZone: true,
      ...CHOICES_SELECT,
    },
  });
  if (!period) return null;
  const { sections: _sections, workGroup: _lists, ...rest } = period;
  const choices = choicesOf(period);
  return { ...rest, choices, schema: commentSchema(choices) };
}

/** A published period of a published work group, with what its form may name; else 404. */
export async function intakePeriod(ctx: AppContext, slug: string, periodId: string) {
  const key = `${slug}/${periodId}`;
  let entry = kept.get(key);
  if (!entry || entry.until <= Date.now()) {
    entry = {
      until: Date.now() + PERIOD_KEPT_MS,
      period: await readIntakePeriod(ctx, slug, periodId),
    };
    kept.delete(key);
    kept.set(key, entry);
    if (kept.size > 1_000) kept.delete(kept.keys().next().value!);
  }
  if (!entry.period) throw notPublished();
  return entry.period;
}
export type IntakePeriod = Awaited<ReturnType<typeof intakePeriod>>;

/**
 * One filling of the form names one comment: a double click, a reload of the receipt page or a
 * retry after a lost answer all carry the same token, so they find the same comment (and its
 * receipt, when the text is the same too). The key is unique in the database, so a token can
 * never be stored with a second, different comment, not even by two processes at once.
 */
function submissionKey(filling: string) {
  return createHash("sha256").update(`comment-filling:${filling}`).digest("base64url");
}

async function acceptComment(
  ctx: AppContext,
  period: IntakePeriod,
  input: CommentInput,
  clientKey: string,
  files: File[],
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
  if (!token.ok) return { ok: false, status: 400, problem: "comment.expired" };
  const key = submissionKey(token.filling);
  const sections = input.sections.filter((s) => s !== GENERAL);

  const wait = await ctx.limiters.comment(clientKey);
  if (wait > 0) return { ok: false, status: 429, problem: "comment.tooMany", retryAfter: wait };
  if (ctx.intake.full) return { ok: false, status: 429, problem: "comment.busy", retryAfter: 5 };
  // Files are read after the cheap checks: reading a PDF costs far more than the rest.
  const checked = files.length ? await checkAttachments(files) : { ok: true as const, files: [] };
  if (!checked.ok)
    return {
      ok: false,
      status: checked.problem === "comment.files.tooLarge" ? 413 : 400,
      problem: checked.problem,
      file: checked.name,
    };

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
      // Sent within seconds of the page: pasted, or a robot's. Taken, and flagged for
      // moderation: refusing it turned away people who prepared their comment beforehand.
      sentFast: token.fast,
      attachments: checked.files,
    });
  } catch {
    // The database refused the write (it is restarting, or the disk is full): nothing was
    // stored and no receipt is given; the page keeps the text for a retry.
    return { ok: false, status: 503, problem: "comment.busy", retryAfter: 10 };
  }
  // A different comment under a used token (the back button, an edited retry) is not stored:
  // the page keeps the text and gets a token of its own, as old as the page, to send it with.
  if (!stored.stored)
    return {
      ok: false,
      status: 409,
      problem: "comment.tokenUsed",
      freshToken: issueFormToken(ctx.config.sessionSecret, period.id, token.servedAt),
    };
  // A retry of a stored submission gets its receipt again, but not a second email.
  if (input.email && stored.firstTime)
    void sendReceipt(ctx, period, input.email, stored.trackingNumber);
  const receipt = receiptOf(ctx, { ...stored, email: input.email }, sections);
  receipt.files = checked.files.map(({ name, size, sha256 }) => ({ name, size, sha256 }));
  return { ok: true, receipt };
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
    files: [],
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

/** What the feedback form's POST answers, with or without JavaScript. */
export type IntakeAnswer = {
  status: number;
  headers?: Record<string, string>;
  body: {
    receipt: Receipt | null;
    problem: IntakeRefusal["problem"] | "comment.problem" | null;
    retryAfter: number;
    /** The file a refusal is about, for the message to name it. */
    file?: string;
    /**
     * The token to send next: kept while genuine, so a retry ages from the first view; a new
     * one after a receipt (for another comment) and in place of one used for another comment.
     */
    token: string | null;
    reply: unknown;
  };
};

/**
 * One submission of the feedback form, from parsing to receipt. Both ways in call it: the
 * Remix action (a form posted without JavaScript, answered with the page) and the fast path
 * in server/comment-intake-route.ts (the page's script, answered with this body as JSON).
 * Throws 404 (a Response) for a period that is not published.
 */
export async function submitCommentForm(
  ctx: AppContext,
  input: { slug: string; periodId: string; form: FormData | URLSearchParams; clientKey: string },
): Promise<IntakeAnswer> {
  const period = await intakePeriod(ctx, input.slug, input.periodId);
  // Only the form's own fields are read: anything else a request carries is dropped unread.
  const submission = parseSubmission(
    ownFields(input.form, Object.keys(period.schema.shape)).form,
    period.schema,
  );
  if (submission.status !== "success") {
    const token = input.form.get("token");
    return {
      status: 400,
      body: {
        receipt: null,
        problem: "comment.problem",
        retryAfter: 0,
        token: typeof token === "string" ? token.slice(0, 300) : null,
        reply: submission.reply(),
      },
    };
  }
  const files = input.form instanceof FormData ? sentFiles(input.form) : [];
  const result = await acceptComment(ctx, period, submission.value, input.clientKey, files);
  if (!result.ok) {
    return {
      status: result.status,
      headers: result.retryAfter ? { "Retry-After": String(result.retryAfter) } : undefined,
      body: {
        receipt: null,
        problem: result.problem,
        retryAfter: result.retryAfter ?? 0,
        file: result.file,
        token:
          result.freshToken ??
          (result.problem === "comment.expired" ? null : submission.value.token),
        reply: submission.reply(),
      },
    };
  }
  return {
    status: 200,
    body: {
      receipt: result.receipt,
      problem: null,
      retryAfter: 0,
      // "Write another comment" brings the form back in place: the next comment needs a
      // token of its own, as this one now names the comment just stored.
      token: issueFormToken(ctx.config.sessionSecret, period.id),
      reply: submission.reply({ resetForm: true }),
    },
  };
}
