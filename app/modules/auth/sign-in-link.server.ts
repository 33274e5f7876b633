import { randomBytes } from "node:crypto";
import type { AppContext } from "../../utils/app-context.ts";
import type { LinkOrigin } from "../../utils/request.server.ts";
import { i18nFor, type Locale } from "../i18n/i18n.ts";
import { sha256 } from "./accounts.server.ts";
import { samePagePath } from "./schema.ts";
import { requiredProviders } from "./sign-in-providers.server.ts";

/** How long an emailed sign-in link works: long enough to open the mail on the same phone. */
export const SIGN_IN_LINK_MINUTES = 15;

/**
 * "Email me a sign-in link": a member on a phone signs in without a password. Answers the same
 * whether or not the address has an account; the link goes by email, or to the server log
 * where no SMTP is configured (the mailer does that). Limited per address and per email, as
 * reset requests are: each sends a mail.
 */
export async function requestSignInLink(
  ctx: AppContext,
  input: {
    email: string;
    origin: LinkOrigin;
    ip: string;
    redirectTo: string;
    locale: Locale;
    /** Confirming a provider account's link (provider-accounts.server.ts): allowed anywhere. */
    confirmingLink?: boolean;
  },
): Promise<
  | { ok: true }
  | { ok: false; retryAfter: number }
  | { ok: false; retryAfter?: undefined; providers: string; domain: string }
> {
  if (!input.confirmingLink) {
    // People at a domain that requires its provider sign in there, not by email.
    const providers = requiredProviders(ctx, input.email);
    if (providers.length > 0) {
      return {
        ok: false,
        providers: providers.map((p) => p.label).join(" / "),
        domain: input.email.slice(input.email.lastIndexOf("@") + 1),
      };
    }
  }
  for (const key of [`ip:${input.ip}`, `link:${input.email}`]) {
    const wait = await ctx.limiters.accountRequest(key);
    if (wait > 0) return { ok: false, retryAfter: wait };
  }
  const user = await ctx.db.user.findUnique({
    where: { email: input.email },
    select: { id: true },
  });
  if (!user) return { ok: true };
  const token = randomBytes(32).toString("base64url");
  await ctx.db.signInLink.create({
    data: {
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
    },
  });
  const back = samePagePath(input.redirectTo);
  const link = `${input.origin}/login/link/${token}${back === "/" ? "" : `?redirectTo=${encodeURIComponent(back)}`}`;
  // In the language of the page that asked: the person reads the mail right after.
  const { t } = i18nFor(input.locale);
  // Not awaited: answering only after the mail server did would tell who has an account.
  ctx.mailer
    .send({
      to: input.email,
      subject: t("email.signInLink.subject"),
      text: t("email.signInLink.text", { minutes: SIGN_IN_LINK_MINUTES, link }),
    })
    .catch((error) =>
      ctx.log.error("sign-in link email failed", { to: input.email, error: String(error) }),
    );
  return { ok: true };
}

/** The account a link would sign in, for the page that asks "sign in as …?"; null if it cannot. */
export async function findSignInLink(ctx: AppContext, token: string) {
  if (!token || token.length > 100) return null;
  const link = await ctx.db.signInLink.findUnique({
    where: { tokenHash: sha256(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { name: true, email: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= new Date()) return null;
  return link.user;
}

/**
 * Uses the link: once, before it expires, even when two requests race (the claim is one
 * conditional update). Returns the account to sign in, or null.
 */
export async function redeemSignInLink(ctx: AppContext, token: string) {
  if (!token || token.length > 100) return null;
  const tokenHash = sha256(token);
  const claimed = await ctx.db.signInLink.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) return null;
  const link = await ctx.db.signInLink.findUniqueOrThrow({
    where: { tokenHash },
    select: { user: { select: { id: true, email: true } } },
  });
  return link.user;
}
