import { createInstance, type i18n } from "i18next";
import { dateTimeFormat } from "../../utils/intl.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";

/** The public site's interface languages; the first is the default. */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeNames: Record<Locale, string> = { en: "English", es: "Español" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * One i18next instance per page render (server) or per locale (browser): both catalogues are
 * small and ship with the public pages, so switching needs no extra request. Keys are flat
 * ("home.purpose"), so dots are not separators. React escapes, so i18next must not.
 */
const instances = new Map<Locale, i18n>();

/**
 * The i18next instance of a language, made once: each has a fixed language (nothing ever calls
 * changeLanguage), so one per language serves every render.
 */
export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    instances.set(locale, instance);
  }
  return instance;
}

function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  instance.init({
    lng: locale,
    fallbackLng: "en",
    resources: { en: { translation: en }, es: { translation: withManyForms(es) } },
    keySeparator: false,
    nsSeparator: false,
    // Counts are written {{count, number}} in the catalogues: i18next formats them with
    // Intl.NumberFormat in the page's language ("1.000.000" in Spanish).
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/**
 * CLDR gives Spanish a "many" plural (un millón de invitados) besides "one" and "other";
 * i18next looks for key_many there, so each _other form also serves as the _many one.
 */
function withManyForms(catalogue: Record<string, string>) {
  const forms: Record<string, string> = { ...catalogue };
  for (const [key, text] of Object.entries(catalogue)) {
    const many = key.replace(/_other$/, "_many");
    if (many !== key && !(many in forms)) forms[many] = text;
  }
  return forms;
}

/** A date (and time, in the given zone) the way readers of this language write it. */
export function formatDate(
  locale: Locale,
  at: Date | string,
  options: { timeZone?: string; withTime?: boolean } = {},
) {
  const formatter = dateTimeFormat(locale === "es" ? "es-US" : "en-US", {
    dateStyle: "long",
    ...(options.withTime ? { timeStyle: "short" as const } : {}),
    timeZone: options.timeZone ?? "UTC",
  });
  return formatter.format(new Date(at));
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();

/**
 * A date and time in a named zone, with the zone said ("March 25, 2022 at 11:59 PM CDT"): a
 * deadline or a hearing must not leave readers in other zones guessing.
 */
export function formatInZone(locale: Locale, at: Date | string, timeZone: string) {
  const key = `${locale} ${timeZone}`;
  let zone = zoneNames.get(key);
  if (!zone) {
    zone = new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", {
      timeZone,
      timeZoneName: "short",
    });
    zoneNames.set(key, zone);
  }
  const name = zone.formatToParts(new Date(at)).find((p) => p.type === "timeZoneName")?.value;
  return `${formatDate(locale, at, { timeZone, withTime: true })} ${name ?? timeZone}`;
}
