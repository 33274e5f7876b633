import type { Locale } from "../i18n/i18n.ts";
import { textLanguage } from "../i18n/text-language.server.ts";
import { type Block, blockText } from "./content.ts";

/** Enough text to tell English from Spanish; a whole report would only cost time. */
const LANGUAGE_SAMPLE = 4000;

/**
 * The language a publication is written in, told from its text as an idea's is: facilitators
 * write it, and may write a Spanish one from an English interface. English when it cannot be told.
 */
export function documentLanguage(title: string, blocks: Block[]): Locale {
  let sample = title;
  for (const block of blocks) {
    if (sample.length >= LANGUAGE_SAMPLE) break;
    sample += `\n${blockText(block)}`;
  }
  return textLanguage(sample.slice(0, LANGUAGE_SAMPLE)) ?? "en";
}
