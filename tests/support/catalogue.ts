import { en } from "../../app/modules/i18n/en.ts";
import { es } from "../../app/modules/i18n/es.ts";

/**
 * The English catalogue's words that a Spanish page must not show: every stretch of text
 * between placeholders long enough to be a phrase of its own, where the Spanish differs.
 */
const englishPhrases = Object.entries(en)
  .filter(([key, text]) => es[key as keyof typeof es] !== text)
  .flatMap(([, text]) => text.split(/\{\{[^}]+\}\}/))
  .map((part) => part.trim())
  .filter((part) => part.split(/\s+/).length >= 2 && part.length >= 8);

/** The English catalogue phrases found in a text people read. */
export function englishIn(text: string) {
  return englishPhrases.filter((phrase) => text.includes(phrase));
}

/**
 * What a page shows, from its HTML: the text between tags, without the scripts' data (which
 * holds the loader's data, not what is read) and with the few entities React writes undone.
 */
export function shownText(html: string) {
  return (
    html
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      // Text marked as English (what staff wrote, the history's sentences) is English by design.
      .replace(/<(?!html\b)(\w+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
  );
}
