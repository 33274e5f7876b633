/**
 * The moderation queue's full-text search, the same on both databases: words are matched
 * without case or accents ("educacion" finds "educación") and as prefixes ("parent" finds
 * "parents"), in any order, all of them required. SQLite searches with FTS5, PostgreSQL with
 * a tsvector ('simple' configuration: no stemming, which would differ between English and
 * Spanish comments and between the two databases).
 */

/**
 * Text as it is indexed and searched: accents and case folded, and split into words on
 * anything but letters and digits, so both databases see the same words (PostgreSQL's parser
 * would keep "dana@example.org" whole, and a search for "example" would miss it).
 */
export function searchableText(text: string) {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** At most this many words are searched for; more narrow nothing a moderator needs. */
const MAX_WORDS = 12;

/** The words searched for: letters and digits only, so nothing reaches the query syntax. */
export function searchWords(query: string): string[] {
  return [...new Set(searchableText(query).split(" ").filter(Boolean))].slice(0, MAX_WORDS);
}

/** An FTS5 MATCH expression: every word, as a prefix. */
export function ftsQuery(words: readonly string[]) {
  return words.map((word) => `"${word}"*`).join(" ");
}

/** A PostgreSQL to_tsquery expression: every word, as a prefix. */
export function tsQuery(words: readonly string[]) {
  return words.map((word) => `${word}:*`).join(" & ");
}
