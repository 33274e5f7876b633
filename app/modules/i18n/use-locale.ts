import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "./i18n.ts";

/**
 * The page's language where it follows the reader (the public site, joining a session), as
 * their layout route chose it; English elsewhere.
 */
export function usePublicLocale(): Locale {
  const site = useRouteLoaderData<{ locale: Locale }>("routes/public.$slug")?.locale;
  const join = useRouteLoaderData<{ locale: Locale }>("routes/join")?.locale;
  return site ?? join ?? "en";
}
