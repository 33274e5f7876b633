import { useMatches, useRouteLoaderData } from "@remix-run/react";
import type { MessageKey } from "./en.ts";
import { i18nFor, type Locale } from "./i18n.ts";

/**
 * A route whose every word comes from the catalogues says so with this handle; a page is in
 * the reader's language when every route on it does (the rest of the signed-in app is still
 * English, and an English page must not claim to be Spanish).
 */
export const translated = { translated: true } as const;

type Match = { data?: unknown; handle?: unknown };

/** The rule of useAppLocale, for hooks and for meta functions (which get the matches too). */
export function appLocaleOf(matches: Match[]): Locale {
  const chosen = (matches[0]?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  const everyRoute = matches
    .slice(1)
    .every((m) => (m.handle as { translated?: boolean } | undefined)?.translated === true);
  return everyRoute ? chosen : "en";
}

/** The signed-in app's language for this page: the reader's (root loader) where translated. */
export function useAppLocale(): Locale {
  return appLocaleOf(useMatches());
}

/** A page title from the catalogue, in the page's language, for a route's meta function. */
export function titleIn(matches: Match[], key: MessageKey, values?: Record<string, unknown>) {
  return `${i18nFor(appLocaleOf(matches)).t(key, values)} · Convene`;
}

/**
 * The page's language: the public site's (its layout route chose it), else the signed-in
 * app's (useAppLocale).
 */
export function usePublicLocale(): Locale {
  const site = useRouteLoaderData<{ locale: Locale }>("routes/public.$slug")?.locale;
  const app = useAppLocale();
  return site ?? app;
}
