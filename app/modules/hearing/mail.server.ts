import type { AppContext } from "../../utils/app-context.ts";
import type { LinkOrigin } from "../../utils/request.server.ts";
import { formatSessionTime } from "../session/time.ts";
import type { TeamMember } from "./registration.ts";

/**
 * What registrants are told by email, when SMTP is configured: their confirmation (with the
 * link to cancel and the calendar file), a place freed for them, a changed time or place, a
 * cancelled event. Sent after the change is stored; a failure is logged (with the
 * registration's id, never the address) and undoes nothing.
 */

export type MailHearing = {
  id: string;
  periodId: string;
  kind: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string;
  link: string;
  slug: string;
};

export type Recipient = { id: string; name: string; email: string };

export function hearingPath(slug: string, periodId: string, hearingId: string) {
  return `/public/${slug}/comment-periods/${periodId}/hearings/${hearingId}`;
}

export function cancelPath(slug: string, token: string) {
  return `/public/${slug}/hearings/cancel/${token}`;
}

const kindName = (kind: string) => (kind === "webinar" ? "Webinar" : "Public hearing");

function details(hearing: MailHearing, base: string) {
  const page = `${base}${hearingPath(hearing.slug, hearing.periodId, hearing.id)}`;
  return [
    `${kindName(hearing.kind)}: ${hearing.title}`,
    `When: ${formatSessionTime(hearing.startsAt, hearing.timeZone)} to ${formatSessionTime(hearing.endsAt, hearing.timeZone)}`,
    ...(hearing.place ? [`Where: ${hearing.place}`] : []),
    ...(hearing.link ? [`Join online: ${hearing.link}`] : []),
    `Details: ${page}`,
    `Add it to your calendar: ${page}/calendar.ics`,
  ].join("\n");
}

async function send(
  ctx: AppContext,
  recipient: Recipient,
  subject: string,
  text: string,
  what: string,
) {
  if (!ctx.config.smtp) return;
  try {
    await ctx.mailer.send({ to: recipient.email, subject, text });
  } catch (error) {
    ctx.log.warn(`hearing ${what}: the email could not be sent`, {
      registrationId: recipient.id,
      error: String(error),
    });
  }
}

export function sendConfirmation(
  ctx: AppContext,
  input: {
    hearing: MailHearing;
    recipient: Recipient;
    team: TeamMember[];
    state: "registered" | "waitlisted";
    position: number | null;
    /** The cancel link's token; null when this address registered before (see `again`). */
    token: string | null;
    origin: LinkOrigin;
    again?: boolean;
  },
) {
  const base = input.origin;
  const { hearing, recipient, state } = input;
  const status =
    state === "registered"
      ? "Your place is confirmed."
      : `All places are taken, so you are on the waitlist (number ${input.position ?? "?"}). If a place is freed, the first person waiting gets it, and we will email you if it is yours.`;
  const team = input.team.length
    ? `\n\nYour team:\n${input.team.map((m) => `- ${m.role}: ${m.name}`).join("\n")}`
    : "";
  // A repeat is told only to the address's owner, and their cancel link stays as it was: the
  // form's sender may be someone else, who must neither learn of the registration nor void it.
  const again = input.again
    ? "\n\nSomeone asked to register again with this address. Your registration stands as it was, and nothing new was stored."
    : "";
  const cancel = input.token
    ? `\n\nCannot come? Cancel here, so someone else can have your place:\n${base}${cancelPath(hearing.slug, input.token)}\n\nKeep this email: the link is the only way to cancel without contacting the organizers.`
    : "\n\nCannot come? Use the link in the first email we sent you, so someone else can have your place.";
  return send(
    ctx,
    recipient,
    `${state === "registered" ? "Registered" : "Waitlisted"}: ${hearing.title}`,
    `Hello ${recipient.name},\n\n${status}${again}\n\n${details(hearing, base)}${team}${cancel}`,
    "confirmation",
  );
}

export function sendPlaceFreed(
  ctx: AppContext,
  hearing: MailHearing,
  recipient: Recipient,
  origin: LinkOrigin,
) {
  return send(
    ctx,
    recipient,
    `A place is yours: ${hearing.title}`,
    `Hello ${recipient.name},\n\nA place was freed and it is yours: you are now registered.\n\n${details(hearing, origin)}\n\nCannot come after all? Use the cancel link in your first email.`,
    "place freed",
  );
}

export function sendChanged(
  ctx: AppContext,
  hearing: MailHearing,
  recipient: Recipient,
  origin: LinkOrigin,
) {
  return send(
    ctx,
    recipient,
    `Changed: ${hearing.title}`,
    `Hello ${recipient.name},\n\nThe organizers changed the time or place of an event you registered for. It now reads:\n\n${details(hearing, origin)}\n\nIf you added it to your calendar, open the calendar file again to update it.`,
    "change",
  );
}

export function sendCancelledEvent(ctx: AppContext, hearing: MailHearing, recipient: Recipient) {
  return send(
    ctx,
    recipient,
    `Cancelled: ${hearing.title}`,
    `Hello ${recipient.name},\n\nThe organizers cancelled this event, which you registered for:\n\n${kindName(hearing.kind)}: ${hearing.title}\nIt was to start ${formatSessionTime(hearing.startsAt, hearing.timeZone)}.\n\nWe are sorry for the trouble.`,
    "cancelled event",
  );
}
