import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "./i18n.ts";

/** The public page's language, as the public site's layout (routes/public.$slug) chose it. */
export function usePublicLocale(): Locale {
  return useRouteLoaderData<{ locale: Locale }>("routes/public.$slug")?.locale ?? "en";
}
