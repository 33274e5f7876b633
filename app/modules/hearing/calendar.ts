/**
 * A calendar file (RFC 5545, iCalendar) for one hearing or webinar, so people can put it in
 * Outlook, Google Calendar or Apple Calendar in one step. Small enough to write here rather than
 * add a dependency: one VEVENT, times in UTC, text escaped, lines folded at 75 octets.
 */

export type CalendarEvent = {
  /** Globally unique and stable for the event, so a second import updates it. */
  uid: string;
  /** When this file was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  /** The event's page. */
  url?: string;
};

const CRLF = "\r\n";
/** The longest line, in octets, not counting its CRLF (RFC 5545 section 3.1). */
const MAX_OCTETS = 75;

/** 2026-12-01T15:00:00.000Z → 20261201T150000Z (a UTC DATE-TIME, "form #2"). */
export function utcDateTime(at: Date) {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n (section 3.3.11). */
export function escapeText(text: string) {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * One content line folded so no physical line passes 75 octets: each continuation starts with
 * a space (which counts). Never splits a UTF-8 character, so "ñ" or an emoji survives.
 */
export function foldLine(line: string) {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ` ${char}`;
      octets = 1 + size;
    } else {
      current += char;
      octets += size;
    }
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** Control characters other than line breaks have no place in a calendar file. */
const stripControls = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");

/** A URI value is not escaped, but it must not break the line it is on. */
const uri = (value: string) => stripControls(value).replace(/[\r\n]/g, "");

export function calendarFile(event: CalendarEvent, productId = "-//Convene//Hearings//EN") {
  const text = (value: string) => escapeText(stripControls(value));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${text(productId)}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${text(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SUMMARY:${text(event.summary)}`,
    ...(event.location ? [`LOCATION:${text(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${text(event.description)}`] : []),
    ...(event.url ? [`URL:${uri(event.url)}`] : []),
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join(CRLF)}${CRLF}`;
}
