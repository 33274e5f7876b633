import { createInstance, type i18n } from "i18next";
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
export function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  instance.init({
    lng: locale,
    fallbackLng: "en",
    resources: { en: { translation: en }, es: { translation: es } },
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** A date (and time, in the given zone) the way readers of this language write it. */
export function formatDate(
  locale: Locale,
  at: Date | string,
  options: { timeZone?: string; withTime?: boolean } = {},
) {
  return new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", {
    dateStyle: "long",
    ...(options.withTime ? { timeStyle: "short" as const } : {}),
    timeZone: options.timeZone ?? "UTC",
  }).format(new Date(at));
}
