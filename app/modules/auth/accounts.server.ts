import { createHash, randomBytes } from "node:crypto";
import type { AppContext } from "../../utils/app-context.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";
import type { SaidValues } from "../../utils/http.server.ts";
import type { LinkOrigin } from "../../utils/request.server.ts";
import type { SayKey } from "../i18n/en.ts";
import { i18nFor, type Locale } from "../i18n/i18n.ts";
import { recordAccountEvent } from "./account-events.server.ts";
import { endAllSignIns } from "./auth-session.server.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server.ts";
import { requiredProviders } from "./sign-in-providers.server.ts";

const RESET_MINUTES = 60;

/** A refusal as a catalogue key and its values: the page says it in the reader's language. */
type Failure = {
  ok: false;
  field?: string;
  key: SayKey;
  values?: SaidValues;
  limited?: boolean;
  /** Seconds until a limited request may be tried again (Retry-After). */
  retryAfter?: number;
};
type Result<T> = ({ ok: true } & T) | Failure;

export function sha256(value: string) {
  return createHash("sha256").update(value).digest("hex");
}

/**
 * Makes an account (with `also`, e.g. its provider identity, in the same transaction). The
 * first account on a fresh install becomes the instance admin, however it was made.
 */
export async function newAccount(
  ctx: AppContext,
  input: { name: string; email: string; passwordHash?: string },
  also?: (
    tx: Parameters<Parameters<AppContext["db"]["$transaction"]>[0]>[0],
    userId: string,
  ) => Promise<unknown>,
) {
  const user = await ctx.db.$transaction(async (tx) => {
    const isFirst = (await tx.user.count()) === 0;
    const made = await tx.user.create({
      // No password hash: the account signs in only with its provider or an emailed link.
      data: {
        name: input.name,
        email: input.email,
        passwordHash: input.passwordHash ?? "",
        isAdmin: isFirst,
      },
      select: { id: true, isAdmin: true },
    });
    await also?.(tx, made.id);
    return made;
  });
  if (user.isAdmin)
    ctx.log.info("first account created: it is the instance admin", { userId: user.id });
  return user;
}

/** People at a domain that must sign in with its provider get this refusal, naming it. */
function providerRequired(ctx: AppContext, email: string, field?: string): Failure | undefined {
  const providers = requiredProviders(ctx, email);
  if (providers.length === 0) return undefined;
  return {
    ok: false,
    field,
    key: "signInProvider.errors.required",
    values: {
      domain: email.slice(email.lastIndexOf("@") + 1),
      provider: providers.map((p) => p.label).join(" / "),
    },
  };
}

export async function signUp(
  ctx: AppContext,
  input: { name: string; email: string; password: string; ip: string },
): Promise<Result<{ userId: string }>> {
  const required = providerRequired(ctx, input.email, "email");
  if (required) return required;
  const wait = await ctx.limiters.accountRequest(`ip:${input.ip}`);
  if (wait > 0) return { ok: false, limited: true, retryAfter: wait, ...tooMany(wait) };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await newAccount(ctx, { name: input.name, email: input.email, passwordHash });
    await recordAccountEvent(ctx, { kind: "account_created", method: "password", userId: user.id });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      return {
        ok: false,
        field: "email",
        key: "auth.errors.taken",
      };
    }
    throw error;
  }
}

/**
 * `device`: this browser's nonce for the account (device.server.ts), when it signed in to it
 * before. Failures are counted per account for browsers the account was never used in, and
 * per account and browser for the ones it was: a stranger's guesses then lock out only
 * browsers the owner never used, never the owner's own. The per-address count (one machine
 * trying many accounts) applies to unknown browsers; a known one can only try its account.
 */
export async function signIn(
  ctx: AppContext,
  input: {
    email: string;
    password: string;
    ip: string;
    device?: string;
    /**
     * Confirming that a provider account may be linked to this one: allowed where the domain
     * requires its provider, since the person has just signed in there.
     */
    confirmingLink?: boolean;
  },
): Promise<Result<{ userId: string }>> {
  if (!input.confirmingLink) {
    const required = providerRequired(ctx, input.email);
    if (required) return required;
  }
  const keys = input.device
    ? [`device:${input.email}:${input.device}`]
    : [`ip:${input.ip}`, `email:${input.email}`];
  const wait = await ctx.limiters.signIn.attempt(keys);
  if (wait > 0) {
    return {
      ok: false,
      limited: true,
      retryAfter: wait,
      key: "auth.errors.signInLimited",
      values: { count: inMinutes(wait) },
    };
  }
  const user = await ctx.db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  const valid = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !valid) {
    return { ok: false, key: "auth.errors.wrongPassword" };
  }
  await ctx.limiters.signIn.succeeded(keys);
  if (!input.confirmingLink) {
    await recordAccountEvent(ctx, { kind: "signed_in", method: "password", userId: user.id });
  }
  return { ok: true, userId: user.id };
}

/**
 * Always answers the same way, whether or not the email has an account. The link goes by
 * email when SMTP is configured, and to the server log otherwise (a fresh install has no mail).
 */
export async function requestPasswordReset(
  ctx: AppContext,
  input: { email: string; origin: LinkOrigin; ip: string; locale: Locale },
): Promise<Result<object>> {
  const required = providerRequired(ctx, input.email, "email");
  if (required) return required;
  for (const key of [`ip:${input.ip}`, `reset:${input.email}`]) {
    const wait = await ctx.limiters.accountRequest(key);
    if (wait > 0) return { ok: false, limited: true, retryAfter: wait, ...tooMany(wait) };
  }
  const user = await ctx.db.user.findUnique({
    where: { email: input.email },
    select: { id: true },
  });
  if (!user) return { ok: true };
  const token = randomBytes(32).toString("base64url");
  await ctx.db.passwordReset.create({
    data: {
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
    },
  });
  const link = `${input.origin}/reset-password/${token}`;
  const { t } = i18nFor(input.locale);
  // Not awaited: answering only after the mail server did would tell who has an account.
  ctx.mailer
    .send({
      to: input.email,
      subject: t("email.reset.subject"),
      text: t("email.reset.text", { minutes: RESET_MINUTES, link }),
    })
    .catch((error) =>
      ctx.log.error("password reset email failed", { to: input.email, error: String(error) }),
    );
  return { ok: true };
}

/** A wait said in whole minutes, rounded up: "try again in 0 minutes" would be a lie. */
export function inMinutes(seconds: number) {
  return Math.ceil(seconds / 60);
}

function tooMany(seconds: number) {
  return { key: "auth.errors.tooMany", values: { count: inMinutes(seconds) } } as const;
}

export async function findValidReset(ctx: AppContext, token: string) {
  const reset = await ctx.db.passwordReset.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true },
  });
  if (!reset || reset.usedAt || reset.expiresAt < new Date()) return null;
  return reset;
}

export async function resetPassword(
  ctx: AppContext,
  input: { token: string; password: string },
): Promise<Result<{ userId: string }>> {
  const reset = await findValidReset(ctx, input.token);
  if (!reset) {
    return { ok: false, key: "auth.errors.resetGone" };
  }
  const passwordHash = await hashPassword(input.password);
  // usedAt: null in the where makes the link single-use even when two requests race.
  const claimed = await ctx.db.passwordReset.updateMany({
    where: { id: reset.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) {
    return { ok: false, key: "auth.errors.resetGone" };
  }
  // A new password voids any other reset link still out there and signs out every browser,
  // closing their live connections: whoever knew the old password is out.
  await ctx.db.$transaction([
    ctx.db.user.update({ where: { id: reset.userId }, data: { passwordHash } }),
    ctx.db.passwordReset.updateMany({
      where: { userId: reset.userId, usedAt: null },
      data: { usedAt: new Date() },
    }),
  ]);
  await endAllSignIns(ctx, reset.userId);
  return { ok: true, userId: reset.userId };
}
