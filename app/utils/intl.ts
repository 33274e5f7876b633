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
