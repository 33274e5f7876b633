import { useMatches, useRouteLoaderData } from "@remix-run/react";
import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { I18nContext } from "react-i18next";
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

const boundT = new WeakMap<I18n, { t: TFunction; exists: (key: string) => boolean }>();

/**
 * The page's catalogue (t) and language, for components rendered many times on a page (a
 * button, a comment in the moderation queue, staff text): useTranslation builds a wrapper on
 * every call, which a queue of 50 comments with a few buttons each paid hundreds of times per
 * page. The root layout always provides the instance; each language's is made once (i18n.ts).
 */
export function usePageT(): {
  t: TFunction;
  language: string;
  exists: (key: string) => boolean;
} {
  const { i18n } = useContext(I18nContext);
  let bound = boundT.get(i18n);
  if (!bound) {
    bound = { t: i18n.t.bind(i18n) as TFunction, exists: i18n.exists.bind(i18n) };
    boundT.set(i18n, bound);
  }
  return { ...bound, language: i18n.language };
}
