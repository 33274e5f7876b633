import {
  centroids,
  louvain,
  similarityGraph,
  similarityMatrix,
  sphericalKMeans,
} from "./cluster.ts";
import {
  contentWords,
  ideaFeatures,
  type Representation,
  type SparseVector,
  type Token,
} from "./features.ts";
import { baseForms } from "./wordnet.ts";

/**
 * Suggested themes for a board's ideas, computed here, offline and deterministically: ideas
 * become weighted features (stems, key phrases, WordNet concepts; features.ts), similar ideas
 * are grouped (cluster.ts), and each group is named after its own most telling words. A
 * suggestion for a facilitator to accept or rearrange, not a ruling.
 */

export type SuggestedTheme = { label: string; ideas: number[] };

/** Anything that suggests themes: this module offline, or a remote model (suggest-provider). */
export interface ThemeSuggester {
  /** Who suggests, in English: "grouped by {name}" (logs, the command line, comment periods). */
  name: string;
  /** A remote model's name and host, for pages that say `name` in the reader's language. */
  model?: { name: string; host: string };
  suggest(ideas: string[]): Promise<SuggestedTheme[]>;
}

export type SuggestOptions = {
  /**
   * "meaning" (the default) or "words": plain bag of words with no stemming, phrases or
   * WordNet, the same weighting and grouping otherwise. The benchmark's baseline.
   */
  representation?: Representation;
};

/**
 * Up to this many distinct ideas are grouped exactly (quadratic time and memory: 800 ideas
 * are 5 MB of similarities and a few hundred ms); beyond it an evenly spread sample this size
 * is grouped and k-means places everyone.
 */
const EXACT_LIMIT = 800;
/** More themes than this is no longer a summary a facilitator can read out. */
const MAX_THEMES = 40;
/** k-means rounds after the sample's groups: they settle in a few. */
const KMEANS_ROUNDS = 3;
/** Ideas that share nothing with any other idea (or have no content word at all). */
const OTHER_LABEL = "Other";

/** Case and spacing do not make a different idea. */
export function ideaKey(text: string) {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

type Unit = { text: string; members: number[] };

function distinctIdeas(ideas: readonly string[]): Unit[] {
  const byKey = new Map<string, Unit>();
  ideas.forEach((text, index) => {
    const key = ideaKey(text);
    const unit = byKey.get(key);
    if (unit) unit.members.push(index);
    else byKey.set(key, { text, members: [index] });
  });
  return [...byKey.values()];
}

/**
 * TF-IDF over the ideas at hand, unit length: what most ideas share (the board's topic) weighs
 * least, what a few share weighs most. The IDF is the smoothed one (as if one more idea had
 * every feature, plus one), so a feature every idea has still counts as much as its tf: ideas
 * on a small board that share only a broad concept stay linked instead of falling apart (ARI
 * 0.17 to 0.21 in the themes bench, not tuned: the usual textbook form).
 * Also returned, for naming themes: how telling a feature is, which is nothing for a feature
 * every idea has ("CBL" on a CBL board names no theme).
 */
function weigh(raw: readonly SparseVector[]) {
  const m = raw.length;
  const df = new Map<string, number>();
  for (const vector of raw) {
    for (const feature of vector.keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
  }
  const smoothedIdf = (feature: string) => Math.log((m + 1) / ((df.get(feature) ?? 0) + 1)) + 1;
  const telling = (feature: string) => Math.log((m + 1) / (df.get(feature) ?? 1));
  const vectors = raw.map((vector) => {
    const weighted: SparseVector = new Map();
    let norm = 0;
    for (const [feature, tf] of vector) {
      const w = tf * smoothedIdf(feature);
      if (w <= 0) continue;
      weighted.set(feature, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [feature, w] of weighted) weighted.set(feature, w / norm);
    return weighted;
  });
  return { vectors, telling };
}

/**
 * The unit-length TF-IDF vectors suggestThemes groups, one per idea (duplicates included), for
 * the benchmark's diagnostics.
 */
export function ideaVectors(ideas: readonly string[], representation: Representation = "meaning") {
  return weigh(ideas.map((text) => ideaFeatures(text, representation))).vectors;
}

/** [label, size] of each group (not -1), largest first, lower label on ties. */
function bySize(labels: readonly number[]) {
  const sizes = new Map<number, number>();
  for (const l of labels) if (l >= 0) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  return [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/**
 * A group per vector (all non-empty, unit length), or -1 for a vector that shares nothing
 * with any other.
 */
function group(vectors: readonly SparseVector[]): number[] {
  const m = vectors.length;
  const exact = m <= EXACT_LIMIT;
  // An evenly spread sample when there are too many (deterministic).
  const sample = exact
    ? vectors
    : Array.from({ length: EXACT_LIMIT }, (_, i) => vectors[Math.floor((i * m) / EXACT_LIMIT)]!);
  const size = sample.length;
  const graph = similarityGraph(similarityMatrix(sample), size);
  const communities = louvain(graph).map((c, i) => (graph[i]!.length === 0 ? -1 : c));
  const groups = bySize(communities);
  if (exact && groups.length <= MAX_THEMES) return communities;
  // Seeds: the sample's largest groups of two or more; everyone goes to the nearest.
  const seeds = groups.filter(([, count]) => count >= 2).slice(0, MAX_THEMES);
  const seedOf = new Map(seeds.map(([label], i) => [label, i]));
  const seedLabels = communities.map((c) => seedOf.get(c) ?? -1);
  return sphericalKMeans(vectors, centroids(sample, seedLabels, seeds.length), KMEANS_ROUNDS);
}

function titleCase(word: string) {
  // Acronyms as typed ("CBL", "DESE"); other words capitalised.
  if (word === "&" || (word.length > 1 && word === word.toUpperCase())) return word;
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

type Candidate = { feature: string; coverage: number; score: number; forms: Map<string, number> };

/** How a feature's words are written most often in the theme's ideas. */
function usualForm(candidate: Candidate) {
  return [...candidate.forms.entries()].sort(
    (x, y) => y[1] - x[1] || x[0].localeCompare(y[0]),
  )[0]![0];
}

/** Names read better as things than as actions: "Funding", not "Identify". */
const NOUN_PREFERENCE = 1.5;

/**
 * A theme's name: the word its ideas share most, weighted by how telling it is (IDF) and
 * preferring nouns, in the form its ideas use most; the two-word phrase it is part of instead
 * when most ideas with the word use that phrase; and a second word, a noun, when one almost as
 * common is there. At most three words, all from the ideas.
 */
function label(texts: readonly string[], idf: (feature: string) => number): string {
  const candidates = new Map<string, Candidate>();
  for (const text of texts) {
    const seen = new Set<string>();
    const note = (feature: string, form: string) => {
      let c = candidates.get(feature);
      if (!c) {
        c = { feature, coverage: 0, score: 0, forms: new Map() };
        candidates.set(feature, c);
      }
      c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
      if (!seen.has(feature)) {
        seen.add(feature);
        c.coverage++;
      }
    };
    for (const tokens of contentWords(text)) {
      tokens.forEach((token: Token, i) => {
        note(`s:${token.stem}`, token.original);
        const next = tokens[i + 1];
        if (next) note(`p:${token.stem} ${next.stem}`, `${token.original} ${next.original}`);
      });
    }
  }
  const words = [...candidates.values()].filter((c) => c.feature.startsWith("s:"));
  if (words.length === 0) return OTHER_LABEL;
  const nouns = new Set<Candidate>();
  for (const c of words) {
    if (baseForms(usualForm(c).toLowerCase())[0]?.pos === "n") nouns.add(c);
    c.score = c.coverage * (1 + idf(c.feature)) * (nouns.has(c) ? NOUN_PREFERENCE : 1);
  }
  words.sort((x, y) => y.score - x.score || x.feature.localeCompare(y.feature));
  const first = words[0]!;
  const stem = first.feature.slice(2);
  const phrase = [...candidates.values()]
    .filter((c) => c.feature.startsWith("p:") && c.feature.slice(2).split(" ").includes(stem))
    .sort((x, y) => y.coverage - x.coverage || x.feature.localeCompare(y.feature))[0];
  const phraseWins =
    phrase !== undefined &&
    (texts.length === 1 || (phrase.coverage >= 2 && phrase.coverage * 2 > first.coverage));
  const parts = phraseWins ? usualForm(phrase).split(" ") : [usualForm(first)];
  if (!phraseWins && texts.length > 1) {
    // Only a noun: "Training & Data", not "Access & Clear".
    const second = words.find(
      (c) => c !== first && nouns.has(c) && c.coverage >= Math.max(2, (first.coverage * 3) / 4),
    );
    if (second) parts.push("&", usualForm(second));
  }
  return parts.map(titleCase).join(" ");
}

/**
 * A name for some of the ideas (by index), from their own words, weighted against all of them:
 * what suggestThemes would call that theme. For themes made elsewhere that came without one.
 */
export function themeLabel(ideas: readonly string[], members: readonly number[]): string {
  const units = distinctIdeas(ideas);
  const { telling } = weigh(units.map((u) => ideaFeatures(u.text, "meaning")));
  const texts = [...new Set(members.map((i) => ideas[i]).filter((t) => t !== undefined))];
  return label(texts, telling);
}

/**
 * Themes for the ideas (texts; the answer refers to them by index): every index in exactly
 * one theme, exact duplicates (ignoring case and spacing) always together, largest theme
 * first. Ideas that share nothing with any other idea are gathered in one "Other" theme, last.
 */
export function suggestThemes(ideas: string[], options: SuggestOptions = {}): SuggestedTheme[] {
  if (ideas.length === 0) return [];
  const units = distinctIdeas(ideas);
  const representation = options.representation ?? "meaning";
  const { vectors, telling } = weigh(units.map((u) => ideaFeatures(u.text, representation)));
  const contentful = units.map((_, i) => i).filter((i) => vectors[i]!.size > 0);
  const labels = group(contentful.map((i) => vectors[i]!));
  const groups = new Map<number, number[]>();
  const other: number[] = units.map((_, i) => i).filter((i) => vectors[i]!.size === 0);
  contentful.forEach((unit, i) => {
    const l = labels[i]!;
    if (l < 0) {
      other.push(unit);
      return;
    }
    const list = groups.get(l) ?? [];
    list.push(unit);
    groups.set(l, list);
  });
  const members = (unitIndices: readonly number[]) =>
    unitIndices.flatMap((u) => units[u]!.members).sort((a, b) => a - b);
  const themes = [...groups.values()]
    .map((unitIndices) => ({
      label: label(
        unitIndices.map((u) => units[u]!.text),
        telling,
      ),
      ideas: members(unitIndices),
    }))
    .sort((a, b) => b.ideas.length - a.ideas.length || a.ideas[0]! - b.ideas[0]!);
  // One idea that shares nothing is a theme of its own, named by its words; several are "Other".
  if (other.length === 1) {
    themes.push({ label: label([units[other[0]!]!.text], telling), ideas: members(other) });
  } else if (other.length > 1) {
    themes.push({ label: OTHER_LABEL, ideas: members(other) });
  }
  return themes;
}

/** The offline suggester: suggestThemes, which cannot fail. */
export const localSuggester: ThemeSuggester = {
  // Named as the theming page says it: "grouped by the words the ideas share".
  name: "the words the ideas share",
  suggest: async (ideas) => suggestThemes(ideas),
};

/**
 * What is wrong with a proposed set of themes for n ideas ([] when nothing): every index
 * 0..n-1 in exactly one theme, whole numbers in range, every theme named and non-empty.
 */
export function validateThemeSuggestion(
  n: number,
  themes: readonly { label: unknown; ideas: readonly unknown[] }[],
): { problems: string[] } {
  const problems: string[] = [];
  const seen = new Set<number>();
  themes.forEach((theme, t) => {
    if (typeof theme.label !== "string" || theme.label.trim() === "") {
      problems.push(`theme ${t} has no label`);
    }
    if (theme.ideas.length === 0) problems.push(`theme ${t} is empty`);
    for (const idea of theme.ideas) {
      if (typeof idea !== "number" || !Number.isInteger(idea) || idea < 0 || idea >= n) {
        problems.push(`theme ${t} has ${JSON.stringify(idea)}, not an idea index 0..${n - 1}`);
      } else if (seen.has(idea)) {
        problems.push(`idea ${idea} is in more than one theme`);
      } else {
        seen.add(idea);
      }
    }
  });
  const missing = n - seen.size;
  if (missing > 0) problems.push(`${missing} idea${missing === 1 ? " is" : "s are"} in no theme`);
  return { problems };
}
