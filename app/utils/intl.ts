/**
 * Intl formatters made once per language and options: building an Intl.DateTimeFormat costs
 * far more than using one, and session pages, lists and the public site format many dates.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = dateTimeFormats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    // Zones and languages are few; the bound keeps a stream of odd ones from growing it.
    if (dateTimeFormats.size > 500) dateTimeFormats.clear();
    dateTimeFormats.set(key, made);
  }
  return made;
}

const kilobyteFormats = new Map<string, Intl.NumberFormat>();

/** A file's size as people read it in their language ("1,204 kB", "1.204 kB"). */
export function formatKilobytes(locale: string, bytes: number) {
  let format = kilobyteFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "unit",
      unit: "kilobyte",
      maximumFractionDigits: 0,
    });
    kilobyteFormats.set(locale, format);
  }
  return format.format(Math.max(1, bytes / 1024));
}
