import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import type { LinkOrigin } from "../../utils/request.server.ts";
import { sha256 } from "../auth/accounts.server.ts";
import { requirePublicWorkGroup } from "./public-site.server.ts";

/**
 * Following a work group by email: offered only when SMTP is configured. Double opt-in (the
 * address confirms before it gets anything, so nobody can sign up someone else), one click to
 * unsubscribe from every message, and the same answer whether or not an address already
 * follows, so the form cannot be used to learn who follows.
 */

export function emailUpdatesOffered(ctx: AppContext) {
  return ctx.config.smtp !== undefined;
}

function siteAddress(origin: LinkOrigin, slug: string) {
  return `${origin}/public/${slug}`;
}

/** The unsubscribe link's proof: derived from the follower's id, so no token needs storing. */
function unfollowProof(ctx: AppContext, followerId: string) {
  return createHmac("sha256", ctx.config.sessionSecret)
    .update(`unfollow:${followerId}`)
    .digest("base64url");
}

export async function requestFollow(
  ctx: AppContext,
  input: { slug: string; email: string; clientKey: string; origin: LinkOrigin },
) {
  if (!emailUpdatesOffered(ctx)) throw http(404, "Email updates are not offered here.");
  const workGroup = await requirePublicWorkGroup(ctx, input.slug);
  const wait = await ctx.limiters.accountRequest(`follow:${input.clientKey}`);
  if (wait > 0)
    throw http(429, "Too many requests from this address.", { "Retry-After": String(wait) });
  const email = input.email.toLowerCase();
  const existing = await ctx.db.follower.findUnique({
    where: { workGroupId_email: { workGroupId: workGroup.id, email } },
    select: { confirmedAt: true },
  });
  if (existing?.confirmedAt) return; // Already following: nothing to send, and the same answer.
  const token = randomBytes(24).toString("base64url");
  await ctx.db.follower.upsert({
    where: { workGroupId_email: { workGroupId: workGroup.id, email } },
    create: { workGroupId: workGroup.id, email, tokenHash: sha256(token) },
    update: { tokenHash: sha256(token) },
  });
  await ctx.mailer.send({
    to: email,
    subject: `Confirm: updates from the ${workGroup.name}`,
    text: `Someone (we hope you) asked for an email whenever the ${workGroup.name} publishes a summary or report.\n\nTo confirm, open this link and press Confirm:\n${siteAddress(input.origin, workGroup.slug)}/follow/${token}\n\nIf it was not you, ignore this message: you will get nothing more.`,
  });
}

export async function confirmFollow(ctx: AppContext, slug: string, token: string) {
  const workGroup = await requirePublicWorkGroup(ctx, slug);
  const { count } = await ctx.db.follower.updateMany({
    where: { workGroupId: workGroup.id, tokenHash: sha256(token) },
    data: { confirmedAt: new Date() },
  });
  if (count === 0) throw http(404, "This confirmation link is not valid any more.");
}

export async function unfollow(ctx: AppContext, slug: string, followerId: string, proof: string) {
  const workGroup = await requirePublicWorkGroup(ctx, slug);
  const expected = Buffer.from(unfollowProof(ctx, followerId));
  const given = Buffer.from(proof);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw http(404, "This unsubscribe link is not valid.");
  }
  await ctx.db.follower.deleteMany({ where: { id: followerId, workGroupId: workGroup.id } });
}

/**
 * Tells every confirmed follower about a new publication or version. Runs after the publish
 * is stored and answered: a slow or failing mail server never holds up or undoes a publish;
 * each failure is logged once with the address's follower id (never the address).
 */
export async function notifyFollowers(
  ctx: AppContext,
  publication: { workGroupId: string; id: string; title: string; number: number },
  origin: LinkOrigin,
) {
  if (!emailUpdatesOffered(ctx)) return;
  const workGroup = await ctx.db.workGroup.findUniqueOrThrow({
    where: { id: publication.workGroupId },
    select: { slug: true, name: true, publishedAt: true },
  });
  if (!workGroup.publishedAt) return;
  const followers = await ctx.db.follower.findMany({
    where: { workGroupId: publication.workGroupId, confirmedAt: { not: null } },
    select: { id: true, email: true },
  });
  const site = siteAddress(origin, workGroup.slug);
  for (const follower of followers) {
    try {
      await ctx.mailer.send({
        to: follower.email,
        subject: `${publication.number > 1 ? "Updated" : "Published"}: ${publication.title}`,
        text: `The ${workGroup.name} ${publication.number > 1 ? "updated" : "published"} “${publication.title}”.\n\nRead it: ${site}/publications/${publication.id}\n\nTo stop these emails: ${site}/unfollow/${follower.id}.${unfollowProof(ctx, follower.id)}`,
      });
    } catch (error) {
      ctx.log.error("follower email failed", { followerId: follower.id, error: String(error) });
    }
  }
}
