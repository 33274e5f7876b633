import { randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import { GUESTS_PER_SESSION } from "../../../server/limiters.ts";
import { Prisma } from "../../generated/sqlite/client.ts";
import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import { clientAddress } from "../../utils/request.server.ts";
import {
  endAllSignIns,
  getAuthSession,
  getPerson,
  type SignedInPerson,
  startSignIn,
} from "../auth/auth-session.server.ts";
import { audit, requireMembership, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import type { GuestJoin } from "./guest-schema.ts";
import { participantBoardPath } from "./join-code.server.ts";

/**
 * Guests: people without an account in one session (a community forum, a town hall), when its
 * facilitator lets them in. A guest is a User (so their ideas and ratings are stored, counted and
 * kept anonymous exactly as a member's) with no password and no email, and a Guest row naming
 * the one session they may use. They hold no Membership, so every work group page and command
 * (requireMembership) treats them as a stranger; only the session participant view, its boards
 * and its live state let them in, through requireSessionParticipant and roleInSession below.
 */

/**
 * SQL: the role of `user` in the session aliased `s`: their work group role, or 'guest' for a
 * guest of this very session who was not removed; NULL for anyone else. Every query that
 * authorizes a board, an idea or a session's live state reads the role through this.
 */
export function roleInSession(user: Prisma.Sql | string) {
  const who = typeof user === "string" ? Prisma.sql`${user}` : user;
  return Prisma.sql`COALESCE(
    (SELECT m."role" FROM "Membership" m WHERE m."workGroupId" = s."workGroupId" AND m."userId" = ${who}),
    (SELECT 'guest' FROM "Guest" g WHERE g."sessionId" = s."id" AND g."userId" = ${who} AND g."removedAt" IS NULL))`;
}

/** A member's access to the work group, or a guest's to one session of it. */
export type SessionAccess =
  | WorkGroupAccess
  | { workGroup: { id: string; slug: string; name: string }; role: "guest" };

/**
 * The gate of the session participant view: a member of the work group, or a guest of this
 * session. Anyone else (a guest of another session, a removed guest) gets 404, as for any
 * work group page.
 */
export async function requireSessionParticipant(
  ctx: AppContext,
  request: Request,
  slug: string | undefined,
  sessionId: string | undefined,
): Promise<{ user: SignedInPerson; access: SessionAccess }> {
  const user = await getPerson(ctx, request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
  }
  if (!user.guest) {
    return { user, access: await requireMembership(ctx, user.id, { slug: slug ?? "" }) };
  }
  const workGroup = await guestWorkGroup(ctx, request, user.id, slug ?? "", sessionId ?? "");
  if (!workGroup) throw http(404, "We could not find that work group.");
  return { user, access: { workGroup, role: "guest" } };
}

/**
 * The work group of the guest's session, if the guest is still in it, asked once per request:
 * the layout and the page loader of the participant view both ask.
 */
const guestWorkGroups = new WeakMap<Request, Promise<SessionAccess["workGroup"] | null>>();
function guestWorkGroup(
  ctx: AppContext,
  request: Request,
  userId: string,
  slug: string,
  sessionId: string,
) {
  let found = guestWorkGroups.get(request);
  if (!found) {
    found = ctx.db.guest
      .findFirst({
        where: { userId, sessionId, removedAt: null, session: { workGroup: { slug } } },
        select: {
          session: { select: { workGroup: { select: { id: true, slug: true, name: true } } } },
        },
      })
      .then((guest) => guest?.session.workGroup ?? null);
    guestWorkGroups.set(request, found);
  }
  return found;
}

/** For the join link: a member of the session's work group, or a guest of it still in it. */
export async function mayEnterSession(
  ctx: Pick<AppContext, "db">,
  session: { id: string; workGroup: { id: string } },
  person: { id: string; guest: boolean },
) {
  const count = person.guest
    ? await ctx.db.guest.count({
        where: { userId: person.id, sessionId: session.id, removedAt: null },
      })
    : await ctx.db.membership.count({
        where: { workGroupId: session.workGroup.id, userId: person.id },
      });
  return count > 0;
}

/** Where a guest's session is, for the home page to send them back to it; null once removed. */
export async function guestSessionPath(ctx: Pick<AppContext, "db">, userId: string) {
  const guest = await ctx.db.guest.findUnique({
    where: { userId },
    select: {
      removedAt: true,
      session: { select: { id: true, workGroup: { select: { slug: true } } } },
    },
  });
  if (!guest || guest.removedAt) return null;
  return participantBoardPath(ctx, guest.session, userId);
}

/** What the guest form offers: the work group's groups and regions, and whether boards are named. */
export async function guestJoinOptions(ctx: Pick<AppContext, "db">, workGroupId: string) {
  const workGroup = await ctx.db.workGroup.findUniqueOrThrow({
    where: { id: workGroupId },
    select: {
      namedBoards: true,
      stakeholderGroups: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, nameEs: true },
      },
      regions: { orderBy: { position: "asc" }, select: { id: true, name: true, nameEs: true } },
    },
  });
  return {
    named: workGroup.namedBoards,
    groups: workGroup.stakeholderGroups,
    regions: workGroup.regions,
  };
}

/** Why a guest could not join, as a catalogue key (the page says it in the reader's language). */
export type GuestRefusal =
  | { key: "guest.closed" }
  | { key: "guest.full" }
  | { key: "guest.slowDown"; seconds: number }
  | { key: "guest.removed" }
  | { key: "guest.signedIn" };

/**
 * Makes this browser a guest of the session: a guest User, its Guest row and a sign-in, in one
 * transaction (nothing half made), after the session's choice and both caps. Returns the
 * cookie to set, or why not. Whoever was signed in to this browser before is signed out of it.
 */
export async function joinAsGuest(
  ctx: AppContext,
  request: Request,
  session: { id: string; workGroupId: string },
  input: GuestJoin,
  /** What the form offered (guestJoinOptions), as the route already read it to check the form. */
  options: Awaited<ReturnType<typeof guestJoinOptions>>,
): Promise<
  | { ok: true; userId: string; setCookie: string }
  | { ok: false; status: number; refusal: GuestRefusal }
> {
  const current = await getPerson(ctx, request);
  if (current && !current.guest)
    return { ok: false, status: 409, refusal: { key: "guest.signedIn" } };
  if (current?.guest) {
    const before = await ctx.db.guest.findUnique({
      where: { userId: current.id },
      select: { removedAt: true, sessionId: true },
    });
    // A removed guest does not come back by filling the form again in the same browser.
    if (before?.removedAt && before.sessionId === session.id)
      return { ok: false, status: 403, refusal: { key: "guest.removed" } };
  }
  const settings = await ctx.db.session.findUniqueOrThrow({
    where: { id: session.id },
    select: { guestsAllowed: true, _count: { select: { guests: { where: { removedAt: null } } } } },
  });
  if (!settings.guestsAllowed) return { ok: false, status: 403, refusal: { key: "guest.closed" } };
  if (settings._count.guests >= GUESTS_PER_SESSION)
    return { ok: false, status: 409, refusal: { key: "guest.full" } };
  const wait = await ctx.limiters.guestJoin(clientAddress(request));
  if (wait > 0)
    return { ok: false, status: 429, refusal: { key: "guest.slowDown", seconds: wait } };

  const ownGroup = options.groups.some((g) => g.id === input.stakeholderGroupId);
  const ownRegion = options.regions.some((r) => r.id === input.regionId);
  const id = randomBytes(12).toString("hex");
  const userId = await ctx.db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        // Unique and undeliverable: a guest has no email and can never sign in by one.
        email: `guest-${id}@guests.invalid`,
        name: options.named && input.name ? input.name : "",
        passwordHash: "",
        guest: true,
      },
      select: { id: true },
    });
    await tx.guest.create({
      data: {
        sessionId: session.id,
        userId: user.id,
        stakeholderGroupId: ownGroup ? (input.stakeholderGroupId ?? null) : null,
        regionId: ownRegion ? (input.regionId ?? null) : null,
      },
    });
    return user.id;
  });
  const cookieSession = await getAuthSession(ctx, request);
  // The browser's earlier guest (of another session, say) is left behind, signed out.
  if (current) await endAllSignIns(ctx, current.id);
  cookieSession.set(
    "signIn",
    await startSignIn(ctx, userId, request.headers.get("User-Agent") ?? ""),
  );
  cookieSession.set("csrf", randomBytes(24).toString("base64url"));
  return { ok: true, userId, setCookie: await ctx.authSessions.commitSession(cookieSession) };
}

/** The session's guests for its facilitators: how many are in, and each to remove one. */
export async function listGuests(ctx: Pick<AppContext, "db">, sessionId: string) {
  const guests = await ctx.db.guest.findMany({
    where: { sessionId, removedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      user: { select: { name: true } },
      stakeholderGroup: { select: { name: true } },
      region: { select: { name: true } },
    },
  });
  return guests.map((g, index) => ({
    id: g.id,
    // Numbered by arrival, so "guest 12" can be found again in the list; named where boards are.
    number: index + 1,
    name: g.user.name,
    group: g.stakeholderGroup?.name ?? null,
    region: g.region?.name ?? null,
    joinedAt: g.createdAt.toISOString(),
  }));
}

/** The facilitator's switch: may people without an account join this session by its code? */
export async function setGuestsAllowed(
  ctx: AppContext,
  actor: { id: string },
  access: { workGroup: { id: string } },
  sessionId: string,
  allowed: boolean,
) {
  const changed = await ctx.db.session.updateMany({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    data: { guestsAllowed: allowed },
  });
  if (changed.count === 0) throw http(404, "We could not find that session.");
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: allowed ? "session.guests-on" : "session.guests-off",
  });
}

/**
 * Removes a guest: they are signed out at once (their open boards close) and cannot post, rate
 * or come back from that browser. What they posted stays, as a member's does when they leave.
 */
export async function removeGuest(
  ctx: AppContext,
  actor: { id: string },
  access: { workGroup: { id: string } },
  sessionId: string,
  guestId: string,
) {
  const guest = await ctx.db.guest.findFirst({
    where: { id: guestId, sessionId, session: { workGroupId: access.workGroup.id } },
    select: { id: true, userId: true, removedAt: true },
  });
  if (!guest) throw http(404, "We could not find that guest.");
  if (!guest.removedAt) {
    await ctx.db.guest.update({ where: { id: guest.id }, data: { removedAt: new Date() } });
  }
  await endAllSignIns(ctx, guest.userId);
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "session.guest-remove",
  });
}
