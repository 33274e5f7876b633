import {
  createCommentPeriod,
  replaceDraft,
  setCommentPeriodPublished,
} from "../../app/modules/comment-period/comment-period.server.ts";
import { issueFormToken } from "../../app/modules/comment-period/form-token.server.ts";
import type { AppContext } from "../../app/utils/app-context.ts";
import { COMMENT_ROUTE_ID } from "../../server/comment-intake-route.ts";
import type { Cast } from "./app.ts";

/** A draft in the MSIP 6 memo's words, cut into four sections. */
export const DRAFT = `The preliminary draft of the Comprehensive Guide to the Missouri School Improvement Program.

# Performance Standards
Academic achievement, subgroup achievement, and college and career readiness.

# Continuous Improvement
- Needs assessment
- Comprehensive school improvement plan

# Accreditation
Districts are accredited on performance and continuous improvement.`;

const wallClock = (at: Date) => at.toISOString().slice(0, 16);

/**
 * A published comment period of the cast's (published) work group, open from an hour ago
 * for `closesInMinutes`, with the draft above. Built through the same services staff use.
 */
export async function openCommentPeriod(
  ctx: AppContext,
  cast: Cast,
  options: { closesInMinutes?: number; opensInMinutes?: number; title?: string } = {},
) {
  await ctx.db.workGroup.update({
    where: { id: cast.workGroup.id },
    data: { publishedAt: new Date() },
  });
  const access = {
    workGroup: { id: cast.workGroup.id, slug: cast.workGroup.slug, name: cast.workGroup.name },
    role: "facilitator" as const,
  };
  const now = Date.now();
  const period = await createCommentPeriod(ctx, access, {
    title: options.title ?? "MSIP 6 Comprehensive Guide",
    instructions: "Share questions and feedback using the form below.",
    moderationPolicy: "Comments are read by staff before they are shown.",
    timeZone: "UTC",
    opensAt: wallClock(new Date(now + (options.opensInMinutes ?? -60) * 60_000)),
    closesAt: wallClock(new Date(now + (options.closesInMinutes ?? 60) * 60_000)),
  });
  await replaceDraft(ctx, access, period.id, DRAFT);
  await setCommentPeriodPublished(ctx, access, period.id, true);
  return { id: period.id, path: `/public/${cast.workGroup.slug}/comment-periods/${period.id}` };
}

/** A genuine form token as the page hands out, served `secondsAgo` ago. */
export function formToken(ctx: AppContext, periodId: string, secondsAgo = 30) {
  return issueFormToken(ctx.config.sessionSecret, periodId, Date.now() - secondsAgo * 1000);
}

/** Posts the feedback form as the page's script does (Remix's ?_data= request). */
export function postComment(
  baseUrl: string,
  path: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return fetch(`${baseUrl}${path}?_data=${encodeURIComponent(COMMENT_ROUTE_ID)}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}

/** A valid comment on section 2, from a parent in the Central region. */
export function aComment(token: string, overrides: Record<string, string | string[]> = {}) {
  return {
    token,
    website: "",
    name: "Dana Parent",
    email: "",
    stakeholderGroup: "Parents",
    region: "Central",
    sections: ["2"],
    comment: "Section 2 should say how growth is measured for small schools.",
    ...overrides,
  };
}
