import { type wordRules, wordRulesFor } from "../i18n/words.server.ts";
import { baseForms, senses, synset } from "./wordnet.ts";

/**
 * What an idea is about, as a bag of weighted features. Ideas are a handful of words, so two
 * ideas about the same thing often share no word ("teachers" and "educators", "salary" and
 * "pay", "message" and "communicate"): besides each word's stem and adjacent-word key phrases,
 * a word brings in the WordNet concepts it most likely means, their broader concepts and its
 * derivational relatives, so such ideas overlap. Its hierarchy does not relate everything
 * people group together ("money" and "funding" meet only far up it), so a word also brings in
 * the coarse semantic field its senses are filed under (WordNet's lexicographer files, such as
 * noun.possession for money, funding, cost, salary and pay, or noun.communication). TF-IDF
 * weighting over the ideas at hand then decides which overlaps count: a field most ideas share
 * weighs next to nothing.
 */

export type SparseVector = Map<string, number>;

export type Representation = "meaning" | "words";

/**
 * Feature weights relative to a word's own stem (1). The concepts a word probably means count
 * together a little more than the word, since a shared concept is as good as a shared word
 * (synonyms share it) but is split over senses; its broader concepts and derivational
 * relatives count half that. Chosen among a few settings by the themes benchmark's nearest-
 * neighbour agreement; the differences between nearby settings were within its noise.
 */
const WEIGHT = {
  phrase: 1,
  /** Spread over the senses taken, most frequent first. */
  concept: 1.5,
  broader: 0.75,
  related: 0.75,
  /**
   * A field is far broader than a concept one level up, so it counts less: half a word. On
   * the themes benchmark 0.25 to 1.5 all scored within its noise of each other (ARI 0.12 to
   * 0.17); 0.5 happened to score best, which is no evidence for it over its neighbours.
   */
  field: 0.5,
};
/**
 * Senses per word: its first two, of its first part of speech (noun before verb before
 * adjective): with no tagger, more senses or parts of speech add more noise than meaning.
 */
const SENSES = 2;

/** Pieces of an idea that a phrase may not span. */
const SEGMENT = /[,.;:!?()[\]{}"“”|/\\]+|\s[-–—]\s/;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** A content word: as typed, lower-cased, and stemmed. */
export type Token = { original: string; surface: string; stem: string };

/** Content words of an idea, per segment, in order, by the rules of its own language. */
export function contentWords(text: string): Token[][] {
  return contentWordsBy(text, wordRulesFor(text));
}

function contentWordsBy(text: string, rules: (typeof wordRules)["en"]): Token[][] {
  const segments: Token[][] = [];
  for (const segment of text.split(SEGMENT)) {
    const tokens: Token[] = [];
    for (const match of segment.matchAll(TOKEN)) {
      const original = match[0].replace(/['’][sS]$/, "").replace(/’/g, "'");
      const surface = original.toLowerCase();
      if (surface.length < 2 || rules.stopWords.has(surface) || /^\d+$/.test(surface)) continue;
      tokens.push({ original, surface, stem: rules.stem(surface) });
    }
    if (tokens.length > 0) segments.push(tokens);
  }
  return segments;
}

const conceptCache = new Map<string, SparseVector>();

function add(vector: SparseVector, feature: string, weight: number) {
  vector.set(feature, (vector.get(feature) ?? 0) + weight);
}

/**
 * The concept features of one word: its likeliest WordNet senses, their broader concepts
 * (one level), derivationally related or pertaining concepts ("communicate" and
 * "communication", "financial" and "finance") and the semantic fields the senses are filed
 * under. Cached: a word means the same in every idea.
 */
function conceptsOf(word: string): SparseVector {
  const cached = conceptCache.get(word);
  if (cached) return cached;
  const vector: SparseVector = new Map();
  const [lemma] = baseForms(word);
  const offsets = lemma ? senses(lemma.pos, lemma.lemma).slice(0, SENSES) : [];
  // Most frequent sense first: each later sense counts half as much as the one before.
  const shares = offsets.map((_, i) => 0.5 ** i);
  const total = shares.reduce((a, b) => a + b, 0);
  offsets.forEach((offset, i) => {
    const weight = shares[i]! / total;
    const own = synset(lemma!.pos, offset);
    add(vector, `c:${own.id}`, WEIGHT.concept * weight);
    add(vector, `f:${own.lexFile}`, WEIGHT.field * weight);
    for (const pointer of own.pointers) {
      if (pointer.symbol === "@" || pointer.symbol === "@i") {
        add(vector, `c:${pointer.pos}${pointer.offset}`, WEIGHT.broader * weight);
      } else if (pointer.symbol === "+" || pointer.symbol === "\\" || pointer.symbol === "&") {
        add(vector, `c:${pointer.pos}${pointer.offset}`, WEIGHT.related * weight);
      }
    }
  });
  conceptCache.set(word, vector);
  return vector;
}

/** Raw (unweighted by IDF) features of one idea. */
export function ideaFeatures(text: string, representation: Representation): SparseVector {
  const vector: SparseVector = new Map();
  const rules = wordRulesFor(text);
  const segments = contentWordsBy(text, rules);
  // WordNet's concepts are English words' meanings: a Spanish idea is compared by its stems.
  const concepts = rules.language === "en";
  for (const tokens of segments) {
    tokens.forEach((token, i) => {
      if (representation === "words") {
        add(vector, `w:${token.surface}`, 1);
        return;
      }
      add(vector, `s:${token.stem}`, 1);
      const next = tokens[i + 1];
      if (next) add(vector, `p:${token.stem}_${next.stem}`, WEIGHT.phrase);
      if (!concepts) return;
      for (const [feature, weight] of conceptsOf(token.surface)) add(vector, feature, weight);
    });
  }
  return vector;
}
