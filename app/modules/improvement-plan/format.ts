import { formatDate, type Locale } from "../i18n/i18n.ts";

/**
 * A plan's dates, numbers and progress the way readers of the page's language write them.
 * Calendar dates (YYYY-MM-DD) have no time of day: they are formatted as UTC days.
 */
export function planFormats(language: string) {
  const locale: Locale = language === "es" ? "es" : "en";
  // Intl formatters are costly to build (they led the plan page's profile when each step's
  // tags built their own): one set per language, shared by every component and request.
  let formats = made.get(locale);
  if (!formats) {
    formats = makeFormats(locale);
    made.set(locale, formats);
  }
  return formats;
}

const made = new Map<Locale, ReturnType<typeof makeFormats>>();

function makeFormats(locale: Locale) {
  const tag = locale === "es" ? "es-US" : "en-US";
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const monthYear = new Intl.DateTimeFormat(tag, {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const medium = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" });
  return {
    date: (day: string) => formatDate(locale, `${day}T00:00:00Z`),
    /** A shorter date for table rows, which a phone shows side by side with the values. */
    shortDate: (day: string) => medium.format(new Date(`${day}T00:00:00Z`)),
    monthYear: (day: string) => monthYear.format(new Date(`${day}T00:00:00Z`)),
    number: (value: number) => number.format(value),
    percent: (share: number) => percent.format(share),
  };
}
