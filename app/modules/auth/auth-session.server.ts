import { randomBytes, timingSafeEqual } from "node:crypto";
import { createCookieSessionStorage, redirect, type Session } from "@remix-run/node";
import type { AppContext, AuthSessionData } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";

const SESSION_DAYS = 30;

export function createAuthSessionStorage(secret: string, production: boolean) {
  return createCookieSessionStorage<AuthSessionData>({
    cookie: {
      // __Host- makes browsers refuse the cookie unless it is Secure, host-only and Path=/,
      // so a sibling subdomain cannot plant or read it.
      name: production ? "__Host-convene" : "convene",
      httpOnly: true,
      sameSite: "lax",
      secure: production,
      path: "/",
      secrets: [secret],
      maxAge: SESSION_DAYS * 24 * 60 * 60,
    },
  });
}

export function getAuthSession(ctx: AppContext, request: Request) {
  return ctx.authSessions.getSession(request.headers.get("Cookie"));
}

export type CurrentUser = { id: string; name: string; email: string; isAdmin: boolean };

/**
 * The person a session belongs to, or null when there is none, the account is gone, or the
 * session was revoked (its version is older than the account's: a password reset bumps it).
 * Used by pages and by the websocket upgrade alike.
 */
export async function sessionUser(
  db: AppContext["db"],
  session: Session<AuthSessionData>,
): Promise<CurrentUser | null> {
  const userId = session.get("userId");
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, isAdmin: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== (session.get("version") ?? 0)) return null;
  const { sessionVersion: _, ...current } = user;
  return current;
}

export async function getUser(ctx: AppContext, request: Request): Promise<CurrentUser | null> {
  return sessionUser(ctx.db, await getAuthSession(ctx, request));
}

/** Sends people who are not signed in to the sign-in page, and back here afterwards. */
export async function requireUser(ctx: AppContext, request: Request): Promise<CurrentUser> {
  const user = await getUser(ctx, request);
  if (user) return user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/** The token every form carries (see readForm); made once per browser session. */
export async function csrfToken(ctx: AppContext, request: Request) {
  const session = await getAuthSession(ctx, request);
  let token = session.get("csrf");
  let setCookie: string | undefined;
  if (!token) {
    token = randomBytes(24).toString("base64url");
    session.set("csrf", token);
    setCookie = await ctx.authSessions.commitSession(session);
  }
  return { token, setCookie };
}

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The one way an action reads a form: it refuses a post whose token does not match the
 * session's (a cross-site form post cannot know it) before anything else looks at the fields.
 */
export async function readForm(ctx: AppContext, request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw http(400, "That request could not be read as a form.");
  }
  const session = await getAuthSession(ctx, request);
  const expected = session.get("csrf");
  const given = form.get("csrf");
  if (!expected || typeof given !== "string" || !sameToken(expected, given)) {
    throw http(
      403,
      "This form has expired or came from another site. Reload the page and try again.",
    );
  }
  return form;
}

export async function signInSession(ctx: AppContext, request: Request, userId: string) {
  const session = await getAuthSession(ctx, request);
  const { sessionVersion } = await ctx.db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { sessionVersion: true },
  });
  session.set("userId", userId);
  session.set("version", sessionVersion);
  // A new token on sign-in, so one planted before sign-in is useless afterwards.
  session.set("csrf", randomBytes(24).toString("base64url"));
  return ctx.authSessions.commitSession(session);
}

export async function signOutSession(ctx: AppContext, request: Request) {
  const session = await getAuthSession(ctx, request);
  return ctx.authSessions.destroySession(session);
}
