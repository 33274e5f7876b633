import type { AppContext } from "../../utils/app-context.ts";
import { spreadsheetCsv } from "../../utils/csv.ts";
import { found, refuse } from "../../utils/http.server.ts";
import type { LinkOrigin } from "../../utils/request.server.ts";
import { spanishOrNull } from "../i18n/staff-text.ts";
import { zonedTimeToUtc } from "../session/time.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { type MailHearing, sendCancelledEvent, sendChanged } from "./mail.server.ts";
import {
  cancelRegistration,
  fillPlaces,
  HEARING_SELECT,
  REQUESTS_SELECT,
  requestsOf,
  tellPromoted,
} from "./registration.server.ts";
import {
  interpreterName,
  peopleIn,
  REGISTRANT_COLUMNS,
  type RegistrationState,
  readTeam,
  registrantRows,
  requestCounts,
  SPEAKER_COLUMNS,
  speakerList,
  speakerRows,
  teamRolesOf,
  wallClockIn,
} from "./registration.ts";
import type { HearingInput } from "./schema.ts";

/**
 * Hearings and webinars of a comment period, as staff run them: add, edit, delete; who
 * registered, who waits, cancel a registration, export the list. Reading needs
 * comment:moderate (recorders take attendance); changing needs comment-period:manage.
 * Times are entered as wall-clock times in the period's zone, like the period's own window.
 */

async function requirePeriod(ctx: AppContext, access: WorkGroupAccess, periodId: string) {
  return found(
    await ctx.db.commentPeriod.findFirst({
      where: { id: periodId, workGroupId: access.workGroup.id },
      select: { id: true, title: true, titleEs: true, timeZone: true, publishedAt: true },
    }),
    "commentPeriod",
  );
}

async function requireHearing(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  hearingId: string,
) {
  return found(
    await ctx.db.hearing.findFirst({
      where: { id: hearingId, periodId, period: { workGroupId: access.workGroup.id } },
      select: HEARING_SELECT,
    }),
    "hearing",
  );
}

function mailHearing(
  access: WorkGroupAccess,
  hearing: Omit<MailHearing, "slug"> & Record<string, unknown>,
): MailHearing {
  const { id, periodId, kind, title, startsAt, endsAt, timeZone, place, link } = hearing;
  return {
    id,
    periodId,
    kind,
    title,
    titleEs: hearing.titleEs ?? null,
    placeEs: hearing.placeEs ?? null,
    startsAt,
    endsAt,
    timeZone,
    place,
    link,
    slug: access.workGroup.slug,
  };
}

/** The instants of a hearing's wall-clock times, in the zone of its period. */
function timesOf(input: HearingInput, timeZone: string) {
  return {
    startsAt: zonedTimeToUtc(input.startsAt, timeZone),
    endsAt: zonedTimeToUtc(input.endsAt, timeZone),
  };
}

function fieldsOf(input: HearingInput, timeZone: string) {
  return {
    kind: input.kind,
    title: input.title,
    place: input.place,
    titleEs: spanishOrNull(input.titleEs),
    placeEs: spanishOrNull(input.placeEs),
    link: input.link,
    capacity: input.capacity ?? null,
    teamRoles: input.teamRoles,
    timeZone,
    ...timesOf(input, timeZone),
  };
}

type Counts = { registered: number; waitlisted: number; cancelled: number; people: number };

/** Registrations per state and the people holding places, per hearing. */
async function countsOf(ctx: AppContext, hearingIds: string[]) {
  const rows = await ctx.db.registration.findMany({
    where: { hearingId: { in: hearingIds } },
    select: { hearingId: true, status: true, team: true },
  });
  const counts = new Map<string, Counts>(
    hearingIds.map((id) => [id, { registered: 0, waitlisted: 0, cancelled: 0, people: 0 }]),
  );
  for (const row of rows) {
    const count = counts.get(row.hearingId)!;
    const state = row.status as RegistrationState;
    if (state in count) count[state]++;
    if (state === "registered") count.people += peopleIn(readTeam(row.team));
  }
  return counts;
}

export async function listHearings(ctx: AppContext, access: WorkGroupAccess, periodId: string) {
  const period = await requirePeriod(ctx, access, periodId);
  const hearings = await ctx.db.hearing.findMany({
    where: { periodId },
    orderBy: { startsAt: "asc" },
    select: HEARING_SELECT,
  });
  const counts = await countsOf(
    ctx,
    hearings.map((h) => h.id),
  );
  return {
    period,
    hearings: hearings.map(({ teamRoles, ...hearing }) => ({
      ...hearing,
      roles: teamRolesOf(teamRoles),
      ...counts.get(hearing.id)!,
    })),
  };
}

export async function createHearing(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  input: HearingInput,
) {
  requirePermission(access, "comment-period:manage");
  const period = await requirePeriod(ctx, access, periodId);
  return ctx.db.hearing.create({
    data: { periodId, ...fieldsOf(input, period.timeZone) },
    select: { id: true },
  });
}

/** One hearing for staff: its details (and the edit form's values), and every registration. */
export async function getHearing(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  hearingId: string,
) {
  const period = await requirePeriod(ctx, access, periodId);
  const hearing = await requireHearing(ctx, access, periodId, hearingId);
  const [registrations, counts] = await Promise.all([
    ctx.db.registration.findMany({
      where: { hearingId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        email: true,
        organization: true,
        team: true,
        status: true,
        createdAt: true,
        ...REQUESTS_SELECT,
      },
    }),
    countsOf(ctx, [hearingId]),
  ]);
  let waiting = 0;
  const read = registrations.map(({ accommodations, ...r }) => ({
    ...r,
    ...requestsOf({ ...r, accommodations }),
    team: readTeam(r.team),
    position: r.status === "waitlisted" ? ++waiting : null,
  }));
  return {
    period,
    hearing: {
      ...hearing,
      roles: teamRolesOf(hearing.teamRoles),
      ...counts.get(hearingId)!,
    },
    form: {
      kind: hearing.kind,
      title: hearing.title,
      titleEs: hearing.titleEs ?? "",
      startsAt: wallClockIn(hearing.startsAt, period.timeZone),
      endsAt: wallClockIn(hearing.endsAt, period.timeZone),
      place: hearing.place,
      placeEs: hearing.placeEs ?? "",
      link: hearing.link,
      capacity: hearing.capacity === null ? "" : String(hearing.capacity),
      teamRoles: hearing.teamRoles,
    },
    registrations: read,
    requests: requestCounts(read),
    speakers: speakerList(read),
  };
}

/**
 * Saves a hearing. A raised capacity moves people up from the waitlist at once; a lowered one
 * takes no place from anyone already registered. Registrants are told by email when the time
 * or place changed.
 */
export async function updateHearing(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  hearingId: string,
  input: HearingInput,
  origin: LinkOrigin,
) {
  requirePermission(access, "comment-period:manage");
  const period = await requirePeriod(ctx, access, periodId);
  const before = await requireHearing(ctx, access, periodId, hearingId);
  const data = fieldsOf(input, period.timeZone);
  const promoted = await ctx.db.$transaction(
    async (tx) => {
      await tx.hearing.update({ where: { id: hearingId }, data });
      return fillPlaces(tx, hearingId);
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
  const after = mailHearing(access, { ...before, ...data });
  tellPromoted(ctx, after, promoted, origin);
  const moved =
    before.startsAt.getTime() !== data.startsAt.getTime() ||
    before.endsAt.getTime() !== data.endsAt.getTime() ||
    before.place !== data.place ||
    before.link !== data.link;
  if (moved && ctx.config.smtp) {
    const promotedIds = new Set(promoted.map((p) => p.id));
    const registrants = await ctx.db.registration.findMany({
      where: { hearingId, status: { in: ["registered", "waitlisted"] } },
      select: { id: true, name: true, email: true },
    });
    for (const recipient of registrants)
      if (!promotedIds.has(recipient.id)) void sendChanged(ctx, after, recipient, origin);
  }
  return { promoted: promoted.length, told: moved };
}

/** Deletes a hearing and its registrations; everyone still registered or waiting is told. */
export async function deleteHearing(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  hearingId: string,
) {
  requirePermission(access, "comment-period:manage");
  const hearing = await requireHearing(ctx, access, periodId, hearingId);
  const registrants = await ctx.db.registration.findMany({
    where: { hearingId, status: { in: ["registered", "waitlisted"] } },
    select: { id: true, name: true, email: true },
  });
  await ctx.db.hearing.delete({ where: { id: hearingId } });
  // Only an event still to come is worth a message.
  if (hearing.endsAt > new Date())
    for (const recipient of registrants)
      void sendCancelledEvent(ctx, mailHearing(access, hearing), recipient);
}

/** Staff cancel a registration (someone phoned); the first person waiting moves up. */
export async function cancelRegistrationAsStaff(
  ctx: AppContext,
  access: WorkGroupAccess,
  input: { periodId: string; hearingId: string; registrationId: string; origin: LinkOrigin },
) {
  requirePermission(access, "comment-period:manage");
  const hearing = await requireHearing(ctx, access, input.periodId, input.hearingId);
  const result = await cancelRegistration(ctx, hearing.id, input.registrationId);
  if (result.already) throw refuse(409, "staffHearing.errors.alreadyCancelled");
  tellPromoted(ctx, mailHearing(access, hearing), result.promoted, input.origin);
  return { promoted: result.promoted.length };
}

/** The registrant list: CSV with one row per person, or JSON with one entry per registration. */
export async function exportRegistrants(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  hearingId: string,
  format: "csv" | "json",
) {
  const { hearing, registrations } = await getHearing(ctx, access, periodId, hearingId);
  if (format === "csv")
    return {
      format,
      csv: spreadsheetCsv(REGISTRANT_COLUMNS, registrantRows(registrations)),
    } as const;
  return {
    format,
    json: {
      hearing: {
        id: hearing.id,
        kind: hearing.kind,
        title: hearing.title,
        startsAt: hearing.startsAt.toISOString(),
        endsAt: hearing.endsAt.toISOString(),
        timeZone: hearing.timeZone,
        place: hearing.place,
        link: hearing.link,
        capacity: hearing.capacity,
        roles: hearing.roles,
      },
      registrations: registrations.map((r) => ({
        id: r.id,
        status: r.status,
        waitlistPosition: r.position,
        registeredAt: r.createdAt.toISOString(),
        name: r.name,
        email: r.email,
        organization: r.organization,
        team: r.team,
        accommodations: r.accommodations,
        accommodationOther: r.accommodationOther,
        // The language's English name, and its code when it is one of the list's.
        interpreter: interpreterName(r) || null,
        interpreterLanguage: r.interpreter && r.interpreter !== "other" ? r.interpreter : null,
        wishesToSpeak: r.wishesToSpeak,
        speakingTopic: r.speakingTopic,
      })),
    },
  } as const;
}

/**
 * The speaker list, in the order people registered (the order they are called): CSV or JSON.
 * Cancelled registrations are not on it.
 */
export async function exportSpeakers(
  ctx: AppContext,
  access: WorkGroupAccess,
  periodId: string,
  hearingId: string,
  format: "csv" | "json",
) {
  const { hearing, speakers } = await getHearing(ctx, access, periodId, hearingId);
  if (format === "csv")
    return { format, csv: spreadsheetCsv(SPEAKER_COLUMNS, speakerRows(speakers)) } as const;
  return {
    format,
    json: {
      hearing: {
        id: hearing.id,
        kind: hearing.kind,
        title: hearing.title,
        startsAt: hearing.startsAt.toISOString(),
        endsAt: hearing.endsAt.toISOString(),
        timeZone: hearing.timeZone,
      },
      speakers: speakers.map((s) => ({
        order: s.number,
        name: s.name,
        organization: s.organization,
        topic: s.topic,
        status: s.status,
        registeredAt: new Date(s.createdAt).toISOString(),
        email: s.email,
        registration: s.id,
      })),
    },
  } as const;
}
