import { franc } from "franc-min";
import type { Locale } from "./i18n.ts";

/** Shorter texts are too few letters to tell English from Spanish reliably. */
const MIN_LETTERS = 20;
const CODES: Record<string, Locale> = { eng: "en", spa: "es" };

/**
 * The language a person wrote in, English or Spanish, told from the text by franc (trigram
 * statistics), or null when it is too short to tell. Only the text decides: never the
 * person's interface language, which would tell others something about them.
 */
export function textLanguage(text: string): Locale | null {
  if (text.replace(/[^\p{L}]/gu, "").length < MIN_LETTERS) return null;
  return CODES[franc(text, { only: ["eng", "spa"], minLength: MIN_LETTERS })] ?? null;
}
