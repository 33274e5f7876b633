import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createCookieSessionStorage, redirect, type Session } from "@remix-run/node";
import type { AppContext, AuthSessionData } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";

const SESSION_DAYS = 30;

/** The session cookie's name: __Host- makes browsers refuse it unless Secure, host-only, Path=/. */
export function authCookieName(production: boolean) {
  return production ? "__Host-convene" : "convene";
}

export function createAuthSessionStorage(secret: string, production: boolean) {
  return createCookieSessionStorage<AuthSessionData>({
    cookie: {
      // A sibling subdomain can neither plant nor read a __Host- cookie.
      name: authCookieName(production),
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
/** The person and the one signed-in browser (sign-in record) a request or a socket came from. */
export type SignedInUser = CurrentUser & { signInId: string };
/** Anyone signed in to this browser: a member, or a guest of one session (`guest`). */
export type SignedInPerson = SignedInUser & { guest: boolean; locale: string | null };

/** A sign-in token is stored only as this hash: a copy of the table signs nobody in. */
export function signInTokenHash(token: string) {
  return createHash("sha256").update(token).digest("base64url");
}

/** "Last used" is refreshed at most this often, so reading a page writes nothing most times. */
const LAST_USED_EVERY_MS = 60 * 60 * 1000;

/**
 * The person a session belongs to, or null when there is none, it has expired, or it was ended
 * on the server (signed out here or everywhere, a password reset): the cookie names a sign-in
 * record, and a cookie whose record is gone signs nobody in, however long it was kept.
 * Guests are included: only the session participant view and the header ask for this.
 */
export async function sessionPerson(
  db: AppContext["db"],
  session: Session<AuthSessionData>,
): Promise<SignedInPerson | null> {
  const token = session.get("signIn");
  if (typeof token !== "string" || token.length === 0) return null;
  const signIn = await db.signIn.findUnique({
    where: { tokenHash: signInTokenHash(token) },
    select: {
      id: true,
      expiresAt: true,
      lastUsedAt: true,
      user: {
        select: { id: true, name: true, email: true, isAdmin: true, guest: true, locale: true },
      },
    },
  });
  const now = Date.now();
  if (!signIn || signIn.expiresAt.getTime() <= now) return null;
  if (now - signIn.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.signIn.updateMany({ where: { id: signIn.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { ...signIn.user, signInId: signIn.id };
}

/** A member's account as pages use it; null for nobody and for a guest. */
function accountOf(person: SignedInPerson | null): SignedInUser | null {
  if (!person || person.guest) return null;
  const { guest: _, locale: __, ...user } = person;
  return user;
}

/**
 * Who sent each request, asked once: the root, layout and page loaders of one page all ask,
 * and each answer is a cookie check and a query. Keyed by the request object itself, so it
 * lives exactly as long as the request.
 */
const peopleOfRequests = new WeakMap<Request, Promise<SignedInPerson | null>>();

/** Anyone signed in to this browser, guests included (see sessionPerson). */
export function getPerson(ctx: AppContext, request: Request): Promise<SignedInPerson | null> {
  let person = peopleOfRequests.get(request);
  if (!person) {
    person = getAuthSession(ctx, request).then((session) => sessionPerson(ctx.db, session));
    peopleOfRequests.set(request, person);
  }
  return person;
}

/**
 * The signed-in member, or null. A guest is nobody here: every page and command that asks for
 * a user is closed to guests by default, and only the session participant view lets them in
 * (requireSessionParticipant).
 */
export async function getUser(ctx: AppContext, request: Request): Promise<SignedInUser | null> {
  return accountOf(await getPerson(ctx, request));
}

/**
 * Sends people who are not signed in to the sign-in page, and back here afterwards. A guest
 * gets 404: to them every page but their session's looks as if it did not exist.
 */
export async function requireUser(ctx: AppContext, request: Request): Promise<SignedInUser> {
  const person = await getPerson(ctx, request);
  if (person?.guest) throw http(404, "We could not find that page.");
  const user = accountOf(person);
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

/** The token this browser's session already holds, or "": reading it sets no cookie. */
export async function existingCsrfToken(ctx: AppContext, request: Request) {
  return (await getAuthSession(ctx, request)).get("csrf") ?? "";
}

/**
 * For a public page with a form that readForm() checks (following by email): the token for
 * the page's loader data (useCsrfToken finds it there), and the cookie that carries it when
 * the browser had none. The rest of the public site sets no cookie for reading it.
 */
export async function publicFormCsrf(ctx: AppContext, request: Request) {
  const { token, setCookie } = await csrfToken(ctx, request);
  return { csrf: token, headers: setCookie ? { "Set-Cookie": setCookie } : undefined };
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

/**
 * Records a new signed-in browser and puts its token in the cookie. A new csrf token too, so
 * one planted before sign-in is useless afterwards.
 */
export async function signInSession(
  ctx: AppContext,
  request: Request,
  userId: string,
  /** The OpenID provider signed in through: signing out offers its own sign-out. */
  provider?: string,
) {
  const session = await getAuthSession(ctx, request);
  // Signing in over an existing session (another account, say) ends that one first.
  await endSignIn(ctx, session);
  const userAgent = request.headers.get("User-Agent") ?? "";
  session.set("signIn", await startSignIn(ctx, userId, userAgent, provider));
  session.set("csrf", randomBytes(24).toString("base64url"));
  // A provider sign-in in progress, or waiting to be confirmed, is over once someone is in.
  session.unset("providerSignIn");
  session.unset("providerLink");
  return ctx.authSessions.commitSession(session);
}

/** A sign-in record for this person; the token (only its hash is stored) goes in the cookie. */
export async function startSignIn(
  ctx: AppContext,
  userId: string,
  userAgent = "",
  provider?: string,
) {
  const token = randomBytes(32).toString("base64url");
  await ctx.db.signIn.create({
    data: {
      userId,
      tokenHash: signInTokenHash(token),
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
      userAgent: userAgent.slice(0, 300),
      provider: provider ?? null,
    },
  });
  return token;
}

/** Ends this browser's sign-in; answers the provider it was made through, if any. */
async function endSignIn(ctx: AppContext, session: Session<AuthSessionData>) {
  const token = session.get("signIn");
  if (typeof token !== "string" || !token) return null;
  const signIn = await ctx.db.signIn.findUnique({
    where: { tokenHash: signInTokenHash(token) },
    select: { id: true, provider: true },
  });
  if (!signIn) return null;
  await ctx.db.signIn.deleteMany({ where: { id: signIn.id } });
  ctx.live.disconnectSignIns([signIn.id]);
  return signIn.provider;
}

/**
 * Signs this browser out: its sign-in record is deleted, so a copied cookie is dead too.
 * Answers the cookie to send and the OpenID provider the sign-in came through, if any.
 */
export async function signOutSession(ctx: AppContext, request: Request) {
  const session = await getAuthSession(ctx, request);
  const provider = await endSignIn(ctx, session);
  return { setCookie: await ctx.authSessions.destroySession(session), provider };
}

/**
 * Ends every sign-in of this person (sign out everywhere, a password reset) and closes their
 * open live connections; `keep` spares the browser asking, when it should stay signed in.
 */
export async function endAllSignIns(ctx: AppContext, userId: string, keep?: string) {
  const ended = await ctx.db.signIn.findMany({
    where: { userId, ...(keep ? { id: { not: keep } } : {}) },
    select: { id: true },
  });
  await ctx.db.signIn.deleteMany({ where: { id: { in: ended.map((s) => s.id) } } });
  ctx.live.disconnectSignIns(ended.map((s) => s.id));
  return ended.length;
}

/** This person's signed-in browsers, newest first, for the account page. */
export async function listSignIns(ctx: AppContext, userId: string) {
  return ctx.db.signIn.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { lastUsedAt: "desc" },
    select: { id: true, createdAt: true, lastUsedAt: true, userAgent: true },
  });
}
