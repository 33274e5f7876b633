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

/** Lines of a stored list ("one per line"), blank ones left out. */
export function storedLines(text: string | null | undefined) {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A list staff wrote one per line (essential questions), with its Spanish version line for
 * line: each line as staffTextIn says it. A Spanish list that does not match the English one
 * line for line (the English changed since) is not used.
 */
export function staffLinesIn(
  lang: string,
  english: string[],
  spanish: string | null | undefined,
): StaffTextShown[] {
  const spanishLines = storedLines(spanish);
  const matches = spanishLines.length === english.length;
  return english.map((line, index) =>
    staffTextIn(lang, line, matches ? spanishLines[index] : null),
  );
}

/**
 * A choice staff named (a stakeholder group, a region) as a select offers it: the stored value
 * stays what it is (an id, or the English name), the label is said in the page's language.
 */
export function staffChoice(
  lang: string,
  value: string,
  choice: { name: string; nameEs?: string | null },
) {
  const shown = staffTextIn(lang, choice.name, choice.nameEs);
  return { value, label: shown.text, ...(shown.lang === lang ? {} : { lang: shown.lang }) };
}
