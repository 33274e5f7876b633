import { createHmac, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { AppContext } from "../../utils/app-context.ts";

/**
 * Device cookies (OWASP's answer to lockout as a weapon): a browser that signed in to an
 * account gets a signed cookie naming that account and a random nonce. Failed sign-ins from
 * such a browser are counted for that browser alone, so a stranger who exhausts an account's
 * allowance from elsewhere locks out only browsers the account was never used in, while its
 * owner's still signs in. Signed with the session secret, so it cannot be forged; it names the
 * account by a keyed hash, so it does not show the email to whoever reads the cookie.
 */
const DEVICE_DAYS = 365;
/** Accounts one browser remembers (a family or classroom computer); the oldest goes first. */
const ACCOUNTS_PER_DEVICE = 5;

type Devices = Record<string, string>;

function deviceCookie(ctx: AppContext) {
  const production = ctx.config.env === "production";
  // __Host-, as the session cookie: a sibling subdomain can neither plant nor read it.
  return createCookie(production ? "__Host-convene-device" : "convene-device", {
    httpOnly: true,
    sameSite: "lax",
    secure: production,
    path: "/",
    secrets: [ctx.config.sessionSecret],
    maxAge: DEVICE_DAYS * 24 * 60 * 60,
  });
}

// Keyed with the secret, so whoever reads the cookie cannot test it against a guessed email.
const accountKey = (ctx: AppContext, email: string) =>
  createHmac("sha256", ctx.config.sessionSecret)
    .update(`device:${email}`)
    .digest("base64url")
    .slice(0, 22);

async function devicesOf(ctx: AppContext, request: Request): Promise<Devices> {
  const value: unknown = await deviceCookie(ctx).parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, nonce]) => typeof nonce === "string" && nonce.length <= 64)
      .slice(-ACCOUNTS_PER_DEVICE),
  ) as Devices;
}

/** This browser's nonce for the account, when it signed in to it before; else undefined. */
export async function knownDevice(ctx: AppContext, request: Request, email: string) {
  const devices = await devicesOf(ctx, request);
  const key = accountKey(ctx, email);
  return Object.hasOwn(devices, key) ? devices[key] : undefined;
}

/**
 * The Set-Cookie that makes this browser known for the account, after a sign-in or sign-up.
 * A new nonce each time, so failures counted against an earlier one do not follow it.
 */
export async function rememberDevice(ctx: AppContext, request: Request, email: string) {
  const { [accountKey(ctx, email)]: _earlier, ...others } = await devicesOf(ctx, request);
  const kept = Object.entries(others).slice(-(ACCOUNTS_PER_DEVICE - 1));
  const next = Object.fromEntries([
    ...kept,
    [accountKey(ctx, email), randomBytes(16).toString("base64url")],
  ]);
  return deviceCookie(ctx).serialize(next);
}
