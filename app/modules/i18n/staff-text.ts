/**
 * Text staff wrote (an agenda item's title, a column's prompt, a work group's charge) can have
 * a Spanish version beside the English one. A Spanish page shows the Spanish where staff gave
 * it; everywhere else the English, which a page in another language marks as English, for
 * screen readers to pronounce it right (WCAG 3.1.2, language of parts).
 */
export type StaffTextShown = { text: string; lang: "en" | "es" };

export function staffTextIn(
  lang: string,
  english: string,
  spanish?: string | null,
): StaffTextShown {
  const own = spanish?.trim();
  return lang === "es" && own ? { text: own, lang: "es" } : { text: english, lang: "en" };
}

/** A stored optional Spanish version: blank is none (null), else trimmed. */
export function spanishOrNull(text: string | null | undefined) {
  return text?.trim() || null;
}
