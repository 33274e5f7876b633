import type { AppContext } from "../../utils/app-context.ts";
import { getPerson } from "../auth/auth-session.server.ts";
import { isLocale, LOCALES, type Locale } from "./i18n.ts";

const COOKIE = "convene_lang";

/** The cookie that remembers a language chosen on this browser. */
export function localeCookie(locale: Locale) {
  return `${COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/**
 * The signed-in app's language: the account's choice, else what the browser chose or asks
 * for (publicLocale). A guest's choice lives in the cookie, as they have no account to keep it.
 */
export function readerLocale(request: Request, chosen: string | null | undefined) {
  const fromBrowser = publicLocale(request);
  const asked = new URL(request.url).searchParams.get("lang");
  if (isLocale(chosen) && !isLocale(asked)) return { locale: chosen };
  return fromBrowser;
}

/**
 * The signed-in reader's language (readerLocale, with the account's choice), for the text a
 * route words on the server: a refusal, a notice after a command.
 */
export async function signedInLocale(ctx: AppContext, request: Request): Promise<Locale> {
  const person = await getPerson(ctx, request);
  return readerLocale(request, person?.locale).locale;
}

/**
 * The public site's language: ?lang=es (from the language switch, remembered in a cookie),
 * then the cookie, then the browser's Accept-Language, then English.
 */
export function publicLocale(request: Request): { locale: Locale; setCookie?: string } {
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  if (isLocale(asked)) {
    return { locale: asked, setCookie: localeCookie(asked) };
  }
  const cookie = request.headers.get("Cookie")?.match(/(?:^|;\s*)convene_lang=([a-z]{2})/)?.[1];
  if (isLocale(cookie)) return { locale: cookie };
  return { locale: fromAcceptLanguage(request.headers.get("Accept-Language")) };
}

/** The supported language the browser ranks highest ("es-MX,es;q=0.9,en;q=0.8" → es). */
export function fromAcceptLanguage(header: string | null): Locale {
  if (!header) return LOCALES[0];
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? LOCALES[0];
}
