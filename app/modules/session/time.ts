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
  const local = formatter(locale, timeZone, "full").format(when);
  return `${local} (${shortZone(when, timeZone, locale)})`;
}

/**
 * Formatters by language, zone and kind, made once: building an Intl.DateTimeFormat costs far
 * more than using one, and every session page and list shows these times.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, kind: "full" | "zone") {
  const key = `${locale} ${timeZone} ${kind}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(
      locale,
      kind === "full"
        ? { timeZone, dateStyle: "full", timeStyle: "short" }
        : { timeZone, timeZoneName: "short" },
    );
    // Zones and languages are few; the bound keeps a stream of odd ones from growing it.
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, made);
  }
  return made;
}

function shortZone(at: Date, timeZone: string, locale: string) {
  return (
    formatter(locale, timeZone, "zone")
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone
  );
}
