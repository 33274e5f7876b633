import type { AppContext } from "../../utils/app-context.ts";
import type { LinkOrigin } from "../../utils/request.server.ts";
import { formatInZone, i18nFor, isLocale } from "../i18n/i18n.ts";
import { staffTextIn } from "../i18n/staff-text.ts";
import { formatSessionTime } from "../session/time.ts";
import type { Accommodation, InterpreterLanguage, Requests, TeamMember } from "./registration.ts";

/**
 * What registrants are told by email, when SMTP is configured: their confirmation (with the
 * link to cancel and the calendar file), a place freed for them, a changed time or place, a
 * cancelled event. Sent after the change is stored; a failure is logged (with the
 * registration's id, never the address) and undoes nothing. The confirmation is written in
 * the language of the page the person registered on (the catalogues' hearingMail.* words).
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
  /** The title and place in Spanish, where staff gave them: the Spanish mail says them. */
  titleEs?: string | null;
  placeEs?: string | null;
};

export type Recipient = { id: string; name: string; email: string };

export function hearingPath(slug: string, periodId: string, hearingId: string) {
  return `/public/${slug}/comment-periods/${periodId}/hearings/${hearingId}`;
}

export function cancelPath(slug: string, token: string) {
  return `/public/${slug}/hearings/cancel/${token}`;
}

const kindName = (kind: string) => (kind === "webinar" ? "Webinar" : "Public hearing");

/** The event's details for the mails still written in English only. */
function details(hearing: MailHearing, base: string) {
  return detailsIn("en", hearing, base);
}

/** The event's details in the registrant's language, for the confirmation. */
function detailsIn(locale: string, hearing: MailHearing, base: string) {
  const lang = isLocale(locale) ? locale : "en";
  const { t } = i18nFor(lang);
  const page = `${base}${hearingPath(hearing.slug, hearing.periodId, hearing.id)}`;
  const title = staffTextIn(lang, hearing.title, hearing.titleEs).text;
  const place = hearing.place ? staffTextIn(lang, hearing.place, hearing.placeEs).text : "";
  return [
    `${t(`hearing.kind.${hearing.kind === "webinar" ? "webinar" : "hearing"}`)}: ${title}`,
    t("hearingMail.when", {
      start: formatInZone(lang, hearing.startsAt, hearing.timeZone),
      end: formatInZone(lang, hearing.endsAt, hearing.timeZone),
    }),
    ...(place ? [t("hearingMail.where", { place })] : []),
    ...(hearing.link ? [t("hearingMail.online", { link: hearing.link })] : []),
    t("hearingMail.details", { link: page }),
    t("hearingMail.calendar", { link: `${page}/calendar.ics` }),
  ].join("\n");
}

/**
 * What the registration asks the organizers for, to read back to the person: each ticked
 * accommodation, what they wrote, the interpreter, and the speaker sign-up.
 */
function requestsIn(locale: string, requests: Requests) {
  const { t } = i18nFor(isLocale(locale) ? locale : "en");
  const language =
    requests.interpreter === "other"
      ? requests.interpreterOther
      : requests.interpreter
        ? t(`hearing.language.${requests.interpreter as InterpreterLanguage}`)
        : "";
  const asked = [
    ...requests.accommodations.map((code: Accommodation) => t(`hearing.accommodation.${code}`)),
    ...(requests.accommodationOther ? [requests.accommodationOther] : []),
    ...(language ? [t("hearing.interpreterIn", { language })] : []),
  ];
  const parts: string[] = [];
  if (asked.length)
    parts.push(
      `${t("hearingMail.requests")}\n${asked.map((line) => `- ${line}`).join("\n")}\n\n${t("hearingMail.requestsNote")}`,
    );
  if (requests.wishesToSpeak)
    parts.push(
      [
        t("hearingMail.speaker"),
        ...(requests.speakingTopic
          ? [t("hearingMail.speakerTopic", { topic: requests.speakingTopic })]
          : []),
      ].join("\n"),
    );
  return parts.map((part) => `\n\n${part}`).join("");
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
    requests: Requests;
    /** The language the registration was made in. */
    locale: string;
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
  const { t } = i18nFor(isLocale(input.locale) ? input.locale : "en");
  const status =
    state === "registered"
      ? t("hearingMail.confirmed")
      : t("hearingMail.waitlisted", { position: input.position ?? "?" });
  const team = input.team.length
    ? `\n\n${t("hearingMail.team")}\n${input.team.map((m) => `- ${m.role}: ${m.name}`).join("\n")}`
    : "";
  // A repeat is told only to the address's owner, and their cancel link stays as it was: the
  // form's sender may be someone else, who must neither learn of the registration nor void it.
  // What it asks for is the stored registration's, not the new form's.
  const again = input.again ? `\n\n${t("hearingMail.again")}` : "";
  const cancel = input.token
    ? `\n\n${t("hearingMail.cancel")}\n${base}${cancelPath(hearing.slug, input.token)}\n\n${t("hearingMail.keep")}`
    : `\n\n${t("hearingMail.useFirstLink")}`;
  return send(
    ctx,
    recipient,
    t(state === "registered" ? "hearingMail.subjectRegistered" : "hearingMail.subjectWaitlisted", {
      title: staffTextIn(
        isLocale(input.locale) ? input.locale : "en",
        hearing.title,
        hearing.titleEs,
      ).text,
    }),
    `${t("hearingMail.hello", { name: recipient.name })}\n\n${status}${again}\n\n${detailsIn(input.locale, hearing, base)}${team}${requestsIn(input.locale, input.requests)}${cancel}`,
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
