import { StemmerEs } from "@nlpjs/lang-es";
import { stemmer } from "stemmer";
import { spa } from "stopword";
import type { Locale } from "./i18n.ts";
import { textLanguage } from "./text-language.server.ts";

/** English function words: they carry no theme. */
const ENGLISH_STOP_WORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before " +
    "being below between both but by can could did do does doing down during each eg either " +
    "else etc even ever every few for from further had has have having he her here hers herself " +
    "him himself his how however ie if in into is it its itself just let may me might more most " +
    "much must my myself no nor not now of off on once one only or other others our ours " +
    "ourselves out over own per same shall she should so some such than that the their theirs " +
    "them themselves then there these they this those though through thus to too under until " +
    "up upon us very via was we were what when where whether which while who whom whose why " +
    "will with within without would yet you your yours yourself yourselves"
  ).split(" "),
);

const spanishStemmer = new StemmerEs();
/** Accents dropped first: the stemmer takes "reunión" as it takes "reunion". */
const unaccented = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "");

/**
 * How each language's words are compared, for suggested themes and campaign grouping: its
 * stemmer (Porter's for English, by the stemmer package; Snowball's Spanish, by @nlpjs/lang-es)
 * and its function words (Spanish's from the stopword package).
 */
export const wordRules: Record<Locale, { stem(word: string): string; stopWords: Set<string> }> = {
  en: { stem: stemmer, stopWords: ENGLISH_STOP_WORDS },
  es: {
    stem: (word) => spanishStemmer.stemWord(unaccented(word)),
    stopWords: new Set([...spa, ...spa.map(unaccented)]),
  },
};

/** The rules for a text, by the language it is written in (English when it cannot be told). */
export function wordRulesFor(text: string) {
  const language = textLanguage(text) ?? "en";
  return { language, ...wordRules[language] };
}
