import { dateTimeFormat } from "../../utils/intl.ts";

/**
 * Wall-clock time in an IANA zone to an instant. Two passes settle the offset on the far side
 * of a daylight-saving change.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const [datePart, timePart] = local.split("T") as [string, string];
  const [y, mo, d] = datePart.split("-").map(Number) as [number, number, number];
  const [h, mi] = timePart.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * "Wednesday, March 30, 2022 at 9:00 AM (CDT)": a session time in its own zone, in the
 * reader's language where the page gives it ("miércoles, 30 de marzo de 2022, 9:00 a. m.").
 */
export function formatSessionTime(at: Date | string, timeZone: string, locale = "en-US"): string {
  const when = new Date(at);
  const local = dateTimeFormat(locale, { timeZone, dateStyle: "full", timeStyle: "short" }).format(
    when,
  );
  return `${local} (${shortZone(when, timeZone, locale)})`;
}

/**
 * Each agenda item's clock time: it starts when the items before it are done (an item with no
 * time box takes none), and ends after its own time box, if it has one.
 */
export function agendaTimes(startsAt: Date | string, items: { minutes: number | null }[]) {
  let at = new Date(startsAt).getTime();
  return items.map((item) => {
    const start = new Date(at);
    if (!item.minutes) return { start, end: null };
    at += item.minutes * 60_000;
    return { start, end: new Date(at) };
  });
}

/**
 * A time zone as people say it, in their language, with its IANA name for the unambiguous
 * part: "Central Time (America/Chicago)", "hora central (America/Chicago)".
 */
export function zoneLabel(timeZone: string, locale = "en-US") {
  const name = dateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(new Date(0))
    .find((p) => p.type === "timeZoneName")?.value;
  return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
}

function shortZone(at: Date, timeZone: string, locale: string) {
  return (
    dateTimeFormat(locale, { timeZone, timeZoneName: "short" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone
  );
}
