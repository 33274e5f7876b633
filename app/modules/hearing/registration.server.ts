import { createHmac, randomBytes } from "node:crypto";
import type { DbTransaction } from "../../../server/db.ts";
import type { AppContext } from "../../utils/app-context.ts";
import { ownFields, parseSubmission } from "../../utils/form-fields.ts";
import { http } from "../../utils/http.server.ts";
import type { LinkOrigin } from "../../utils/request.server.ts";
import { sha256 } from "../auth/accounts.server.ts";
import { checkFormToken, issueFormToken } from "../comment-period/form-token.server.ts";
import { publicPeriodWhere } from "../comment-period/public-period.server.ts";
import type { Locale } from "../i18n/i18n.ts";
import { notPublished } from "../publication/public-site.server.ts";
import { calendarFile } from "./calendar.ts";
import {
  cancelPath,
  hearingPath,
  type MailHearing,
  sendConfirmation,
  sendPlaceFreed,
} from "./mail.server.ts";
import {
  placesLeft,
  placesToFill,
  type Requests,
  readAccommodations,
  readTeam,
  stateFor,
  type TeamMember,
  teamOf,
  teamRolesOf,
} from "./registration.ts";
import { registrationFields, registrationSchema } from "./schema.ts";

/**
 * Registering for a hearing or webinar, as the public does it: no account, a signed form
 * token and a honeypot instead of a session (the comment form's, form-token.server.ts), a
 * per-address limit, one place per registration, the waitlist when full, a secret link to
 * cancel (only its hash is stored) that moves the first person waiting up.
 *
 * Capacity holds under concurrent registrations: the count and the insert run in one
 * transaction that first takes the hearing's row lock (an UPDATE of its own row). PostgreSQL
 * makes a second registration for the same hearing wait there until the first commits; SQLite
 * has one writer at a time anyway (and Prisma's SQLite adapter runs one transaction at a time).
 */

const TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

/** The form token's scope: the comment form's tokens, for a hearing instead of a period. */
export function formScope(hearingId: string) {
  return `hearing:${hearingId}`;
}

/** Everyone registering or cancelling for this hearing waits here until the one before commits. */
async function lockHearing(tx: DbTransaction, hearingId: string) {
  const rows =
    await tx.$executeRaw`UPDATE "Hearing" SET "capacity" = "capacity" WHERE "id" = ${hearingId}`;
  if (rows === 0) throw notPublished();
}

const ACTIVE = { in: ["registered", "waitlisted"] };
const WAITING_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** A waiting registration's place in the line, counting from 1. */
async function waitlistPosition(
  tx: DbTransaction | AppContext["db"],
  registration: { id: string; hearingId: string; createdAt: Date },
) {
  return tx.registration.count({
    where: {
      hearingId: registration.hearingId,
      status: "waitlisted",
      OR: [
        { createdAt: { lt: registration.createdAt } },
        { createdAt: registration.createdAt, id: { lte: registration.id } },
      ],
    },
  });
}

/**
 * Gives the free places to the registrations waiting longest; returns who moved up (to tell
 * them). Runs inside the transaction that freed the place or raised the capacity.
 */
export async function fillPlaces(tx: DbTransaction, hearingId: string) {
  const hearing = await tx.hearing.findUniqueOrThrow({
    where: { id: hearingId },
    select: { capacity: true },
  });
  const [registered, waiting] = await Promise.all([
    tx.registration.count({ where: { hearingId, status: "registered" } }),
    tx.registration.count({ where: { hearingId, status: "waitlisted" } }),
  ]);
  const free = placesToFill(hearing.capacity, registered, waiting);
  if (free === 0) return [];
  const movers = await tx.registration.findMany({
    where: { hearingId, status: "waitlisted" },
    orderBy: WAITING_ORDER,
    take: free,
    select: { id: true, name: true, email: true },
  });
  await tx.registration.updateMany({
    where: { id: { in: movers.map((m) => m.id) }, status: "waitlisted" },
    data: { status: "registered" },
  });
  return movers;
}

/**
 * Cancels one registration of a hearing and gives its place to the first person waiting.
 * Already cancelled: nothing changes (`already`).
 */
export async function cancelRegistration(
  ctx: AppContext,
  hearingId: string,
  registrationId: string,
) {
  return ctx.db.$transaction(async (tx) => {
    await lockHearing(tx, hearingId);
    const { count } = await tx.registration.updateMany({
      where: { id: registrationId, hearingId, status: ACTIVE },
      data: { status: "cancelled" },
    });
    if (count === 0) {
      const exists = await tx.registration.count({ where: { id: registrationId, hearingId } });
      if (!exists) throw http(404, "We could not find that registration.");
      return { already: true, promoted: [] };
    }
    return { already: false, promoted: await fillPlaces(tx, hearingId) };
  }, TRANSACTION);
}

export function tellPromoted(
  ctx: AppContext,
  hearing: MailHearing,
  promoted: { id: string; name: string; email: string }[],
  origin: LinkOrigin,
) {
  for (const recipient of promoted) void sendPlaceFreed(ctx, hearing, recipient, origin);
}

/** What staff and the public pages read of a hearing or webinar. */
export const HEARING_SELECT = {
  id: true,
  periodId: true,
  kind: true,
  title: true,
  titleEs: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  place: true,
  placeEs: true,
  link: true,
  capacity: true,
  teamRoles: true,
};

const PUBLIC_HEARING_SELECT = {
  ...HEARING_SELECT,
  period: {
    select: { title: true, titleEs: true, workGroup: { select: { slug: true, name: true } } },
  },
};

/** A hearing of a published period of a published work group; anything else is 404. */
async function publicHearing(ctx: AppContext, slug: string, periodId: string, hearingId: string) {
  const hearing = await ctx.db.hearing.findFirst({
    where: { id: hearingId, periodId, period: publicPeriodWhere(slug, periodId) },
    select: PUBLIC_HEARING_SELECT,
  });
  if (!hearing) throw notPublished();
  return hearing;
}
type PublicHearing = Awaited<ReturnType<typeof publicHearing>>;

function mailHearing(hearing: PublicHearing): MailHearing {
  const { period, capacity: _c, teamRoles: _t, ...rest } = hearing;
  return { ...rest, slug: period.workGroup.slug };
}

/** Registration closes when the event ends. */
const ended = (hearing: { endsAt: Date }, now = new Date()) => now >= hearing.endsAt;

/** The public page of one hearing: details, places left, the registration form's token. */
export async function getPublicHearing(
  ctx: AppContext,
  input: { slug: string; periodId: string; hearingId: string },
) {
  const hearing = await publicHearing(ctx, input.slug, input.periodId, input.hearingId);
  const registered = await ctx.db.registration.count({
    where: { hearingId: hearing.id, status: "registered" },
  });
  const { period, teamRoles, capacity, ...rest } = hearing;
  return {
    slug: input.slug,
    period: { id: hearing.periodId, title: period.title, titleEs: period.titleEs },
    hearing: {
      ...rest,
      roles: teamRolesOf(teamRoles),
      limited: capacity !== null,
      placesLeft: placesLeft(capacity, registered),
      ended: ended(hearing),
    },
    token: issueFormToken(ctx.config.sessionSecret, formScope(hearing.id)),
  };
}

/**
 * The cancel link's token. Derived from this filling of the form, the hearing and the address,
 * so a double click or a resent form finds the registration it made and shows the same link.
 */
function cancelToken(ctx: AppContext, filling: string, hearingId: string, email: string) {
  return createHmac("sha256", ctx.config.sessionSecret)
    .update(`hearing-cancel:${filling}:${hearingId}:${email}`)
    .digest("base64url");
}

export type RegistrationDone = {
  /**
   * Mail is configured: the answer only says "check your email", the same for a new
   * registration and for an address that was registered before, so the form tells whoever
   * sent it nothing about someone else's address. The place, team and link go to the address.
   */
  checkEmail: boolean;
  state: "registered" | "waitlisted" | null;
  position: number | null;
  emailed: boolean;
  /** Shown only without mail, to whoever made this registration. */
  cancelPath: string | null;
  team: TeamMember[];
  /** What this registration asks for; shown, like the team, only without mail. */
  requests: Requests | null;
};

export type RegistrationProblem =
  | "hearing.problem"
  | "hearing.automated"
  | "hearing.teamInvalid"
  | "hearing.closed"
  | "hearing.expired"
  | "hearing.tooFast"
  | "hearing.tooMany"
  | "hearing.busy";

export type RegistrationAnswer = {
  status: number;
  headers?: Record<string, string>;
  body: {
    done: RegistrationDone | null;
    problem: RegistrationProblem | null;
    retryAfter: number;
    /** The token to send again; null for a fresh one from the page. */
    token: string | null;
    reply: unknown;
  };
};

/**
 * One submission of the registration form, from parsing to answer. Throws 404 (a Response)
 * for a hearing the public may not see.
 */
export async function submitRegistrationForm(
  ctx: AppContext,
  input: {
    slug: string;
    periodId: string;
    hearingId: string;
    form: FormData;
    clientKey: string;
    origin: LinkOrigin;
    /** The language of the page: the registrant's emails are written in it. */
    locale: Locale;
  },
): Promise<RegistrationAnswer> {
  const hearing = await publicHearing(ctx, input.slug, input.periodId, input.hearingId);
  const roles = teamRolesOf(hearing.teamRoles);
  const own = ownFields(input.form, registrationFields(roles.length));
  const submission = parseSubmission(own.form, registrationSchema(roles.length));
  const refuse = (
    status: number,
    problem: RegistrationProblem,
    options: { keepToken?: boolean; retryAfter?: number } = {},
  ): RegistrationAnswer => {
    const token = input.form.get("token");
    return {
      status,
      headers: options.retryAfter ? { "Retry-After": String(options.retryAfter) } : undefined,
      body: {
        done: null,
        problem,
        retryAfter: options.retryAfter ?? 0,
        token: options.keepToken && typeof token === "string" ? token.slice(0, 300) : null,
        reply: submission.reply(),
      },
    };
  };
  // A name for a role this hearing does not have: refused, not dropped.
  if (own.stray.some((name) => name.startsWith("team")))
    return refuse(400, "hearing.teamInvalid", { keepToken: true });
  if (submission.status !== "success") {
    // The honeypot's field is hidden, so its refusal is said above the form.
    const automated = Boolean(submission.error?.website?.length);
    return refuse(400, automated ? "hearing.automated" : "hearing.problem", { keepToken: true });
  }
  const now = new Date();
  if (ended(hearing, now)) return refuse(403, "hearing.closed");
  const value = submission.value;
  const checked = checkFormToken(
    ctx.config.sessionSecret,
    formScope(hearing.id),
    value.token,
    now.getTime(),
  );
  if (!checked.ok) return refuse(400, "hearing.expired");
  // A registration is a few fields: filled in under 3 seconds, it is a robot's.
  if (checked.fast) return refuse(400, "hearing.tooFast", { keepToken: true });
  const wait = await ctx.limiters.registration(input.clientKey);
  if (wait > 0) return refuse(429, "hearing.tooMany", { keepToken: true, retryAfter: wait });

  const team = teamOf(roles, value.team);
  const token = cancelToken(ctx, checked.filling, hearing.id, value.email);
  const mailing = ctx.config.smtp !== undefined;
  let placed: Awaited<ReturnType<typeof place>>;
  try {
    placed = await place(ctx, {
      hearingId: hearing.id,
      name: value.name,
      email: value.email,
      organization: value.organization,
      team,
      requests: {
        accommodations: value.accommodations,
        accommodationOther: value.accommodationOther,
        interpreter: value.interpreter,
        interpreterOther: value.interpreterOther,
        wishesToSpeak: value.wishesToSpeak,
        speakingTopic: value.speakingTopic,
      },
      locale: input.locale,
      token,
      oneAddressOneRegistration: mailing,
    });
  } catch (error) {
    if (error instanceof Response) throw error;
    ctx.log.warn("hearing registration: not stored", { error: String(error) });
    return refuse(503, "hearing.busy", { keepToken: true, retryAfter: 10 });
  }
  const { registration } = placed;
  const state = registration.status === "registered" ? "registered" : "waitlisted";
  const position = state === "waitlisted" ? await waitlistPosition(ctx.db, registration) : null;
  // A new registration, or a repeated address (told, without a new link): mail it. A double
  // click or a resent form (`replay`) was mailed the first time.
  if (placed.outcome !== "replay" && mailing) {
    void sendConfirmation(ctx, {
      hearing: mailHearing(hearing),
      recipient: registration,
      team: readTeam(registration.team),
      requests: requestsOf(registration),
      // A repeat is told in the language its owner registered in, not the sender's.
      locale: placed.outcome === "repeated" ? registration.locale : input.locale,
      state,
      position,
      token: placed.mailToken,
      origin: input.origin,
      again: placed.outcome === "repeated",
    });
  }
  const done: RegistrationDone = mailing
    ? {
        checkEmail: true,
        state: null,
        position: null,
        emailed: true,
        cancelPath: null,
        team: [],
        requests: null,
      }
    : {
        // Without mail the page is the only way to give the place and the link; it is this
        // form's own registration (place() makes no repeats without mail).
        checkEmail: false,
        state,
        position,
        emailed: false,
        cancelPath: cancelPath(hearing.period.workGroup.slug, placed.mailToken ?? token),
        team: readTeam(registration.team),
        requests: requestsOf(registration),
      };
  return {
    status: 200,
    body: {
      done,
      problem: null,
      retryAfter: 0,
      token: null,
      reply: submission.reply({ resetForm: true }),
    },
  };
}

/**
 * Stores a registration, or finds the one this address already holds for this hearing: the
 * lock, the duplicate check, the count and the insert in one transaction.
 */
async function place(
  ctx: AppContext,
  input: {
    hearingId: string;
    name: string;
    email: string;
    organization: string;
    team: TeamMember[];
    requests: Requests;
    locale: Locale;
    token: string;
    oneAddressOneRegistration: boolean;
  },
) {
  return ctx.db.$transaction(async (tx) => {
    await lockHearing(tx, input.hearingId);
    const select = {
      id: true,
      hearingId: true,
      name: true,
      email: true,
      team: true,
      status: true,
      createdAt: true,
      tokenHash: true,
      locale: true,
      ...REQUESTS_SELECT,
    };
    // The same form again (a double click, a resend): its cancel token names it.
    const replay = await tx.registration.findFirst({
      where: { hearingId: input.hearingId, tokenHash: sha256(input.token), status: ACTIVE },
      select,
    });
    if (replay) return { outcome: "replay" as const, registration: replay, mailToken: null };
    // Another form with an address already registered. With mail, that registration stands
    // and its owner is told, and its cancel link too (replacing it would let anyone who knows
    // the address void the owner's link). Without mail nobody can prove an address is theirs,
    // so it identifies nothing: each form is its own registration, and the answer says nothing
    // about anyone else's.
    if (input.oneAddressOneRegistration) {
      const existing = await tx.registration.findFirst({
        where: { hearingId: input.hearingId, email: input.email, status: ACTIVE },
        orderBy: { createdAt: "asc" },
        select,
      });
      if (existing)
        return { outcome: "repeated" as const, registration: existing, mailToken: null };
    }
    const hearing = await tx.hearing.findUniqueOrThrow({
      where: { id: input.hearingId },
      select: { capacity: true },
    });
    const registered = await tx.registration.count({
      where: { hearingId: input.hearingId, status: "registered" },
    });
    // The same form sent again after its registration was cancelled: a new registration, with
    // a new link (the old one still names the cancelled one).
    const taken = await tx.registration.count({ where: { tokenHash: sha256(input.token) } });
    const token = taken ? randomBytes(24).toString("base64url") : input.token;
    const registration = await tx.registration.create({
      data: {
        hearingId: input.hearingId,
        name: input.name,
        email: input.email,
        organization: input.organization,
        team: JSON.stringify(input.team),
        ...input.requests,
        accommodations: JSON.stringify(input.requests.accommodations),
        locale: input.locale,
        status: stateFor(hearing.capacity, registered),
        tokenHash: sha256(token),
      },
      select,
    });
    return { outcome: "new" as const, registration, mailToken: token };
  }, TRANSACTION);
}

/** What a stored registration asks for, read back. */
export const REQUESTS_SELECT = {
  accommodations: true,
  accommodationOther: true,
  interpreter: true,
  interpreterOther: true,
  wishesToSpeak: true,
  speakingTopic: true,
};

export function requestsOf(row: Omit<Requests, "accommodations"> & { accommodations: string }) {
  return {
    accommodations: readAccommodations(row.accommodations),
    accommodationOther: row.accommodationOther,
    interpreter: row.interpreter,
    interpreterOther: row.interpreterOther,
    wishesToSpeak: row.wishesToSpeak,
    speakingTopic: row.speakingTopic,
  };
}

/** The registration a cancel link names, for the page that asks "cancel?"; else 404. */
async function registrationByToken(ctx: AppContext, slug: string, token: string) {
  if (!token || token.length > 100) throw http(404, "This link is not valid.");
  // The same rule as every public page: a published period of this published work group.
  const registration = await ctx.db.registration.findFirst({
    where: {
      tokenHash: sha256(token),
      hearing: {
        period: { publishedAt: { not: null }, workGroup: { slug, publishedAt: { not: null } } },
      },
    },
    select: { id: true, name: true, status: true, hearing: { select: PUBLIC_HEARING_SELECT } },
  });
  if (!registration) throw http(404, "This link is not valid.");
  return registration;
}

export async function getCancellation(ctx: AppContext, slug: string, token: string) {
  const registration = await registrationByToken(ctx, slug, token);
  const { hearing } = registration;
  return {
    name: registration.name,
    status: registration.status,
    hearing: {
      id: hearing.id,
      periodId: hearing.periodId,
      kind: hearing.kind,
      title: hearing.title,
      startsAt: hearing.startsAt,
      timeZone: hearing.timeZone,
      ended: ended(hearing),
    },
  };
}

/**
 * Cancels by the secret link (a POST: opening the link cancels nothing, so mail scanners that
 * follow links do no harm). After the event, there is nothing to cancel (409).
 */
export async function cancelByLink(
  ctx: AppContext,
  slug: string,
  token: string,
  origin: LinkOrigin,
) {
  const registration = await registrationByToken(ctx, slug, token);
  const hearing = registration.hearing;
  if (ended(hearing)) throw http(409, "This event has already taken place.");
  const result = await cancelRegistration(ctx, hearing.id, registration.id);
  const { period, capacity: _c, teamRoles: _t, ...rest } = hearing;
  tellPromoted(ctx, { ...rest, slug: period.workGroup.slug }, result.promoted, origin);
  return { already: result.already };
}

/** The hearing as a calendar file (.ics) for the public. */
export async function hearingCalendar(
  ctx: AppContext,
  input: { slug: string; periodId: string; hearingId: string; origin: LinkOrigin },
) {
  const hearing = await publicHearing(ctx, input.slug, input.periodId, input.hearingId);
  const base = input.origin;
  const page = `${base}${hearingPath(input.slug, hearing.periodId, hearing.id)}`;
  const kind = hearing.kind === "webinar" ? "Webinar" : "Public hearing";
  const description = [
    `${kind} of the comment period "${hearing.period.title}" (${hearing.period.workGroup.name}).`,
    ...(hearing.place ? [`Where: ${hearing.place}`] : []),
    ...(hearing.link ? [`Join online: ${hearing.link}`] : []),
    `Details and registration: ${page}`,
  ].join("\n");
  let host = "convene";
  try {
    host = new URL(base).hostname || host;
  } catch {}
  return calendarFile({
    uid: `hearing-${hearing.id}@${host}`,
    stamp: new Date(),
    start: hearing.startsAt,
    end: hearing.endsAt,
    summary: hearing.title,
    location: hearing.place || hearing.link,
    description,
    url: page,
  });
}
