import { createHash } from "node:crypto";
import { wordRulesFor } from "../i18n/words.server.ts";

/**
 * Form letters and their mail-merge variants, found by shared wording: each comment becomes the
 * set of its three-word phrases (words lowercased and stemmed, so "supports" and "supporting"
 * agree), and two comments belong together when most of the shorter one's phrases are in the
 * longer one. A swapped synonym changes only the three phrases around it and an added
 * greeting only adds phrases, so lightly edited copies stay together, while comments written
 * apart share almost no three-word phrase even on the same topic.
 *
 * Candidates come from a bottom-k sketch (each comment's few smallest phrase hashes), so
 * grouping stays near linear in the number of comments instead of comparing every pair.
 * Nothing is deleted or merged: the result says which comments belong together.
 */

/**
 * Share of the shorter comment's phrases the longer one must hold, and of both comments'
 * phrases they must share: a comment quoting one sentence of another is not its copy.
 */
const CONTAINMENT = 0.5;
const OVERLAP = 0.4;
/** Phrase hashes per comment used to find candidates. */
const SKETCH = 12;
/** How many of the comments found by one phrase hash a comment is compared with. */
export const BUCKET_PEERS = 3;
/** Below this many phrases, only identical wording counts as a copy. */
const MIN_PHRASES = 6;

/** A comment's three-word phrases, hashed. */
export function phrases(text: string): Set<number> {
  // Stemmed by the letter's own language: a Spanish form letter's copies group as English ones do.
  const { stem } = wordRulesFor(text);
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .map((word) => stem(word));
  const set = new Set<number>();
  for (let i = 0; i + 2 < words.length; i++)
    set.add(hash32(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  if (words.length > 0 && words.length < 3) set.add(hash32(words.join(" ")));
  return set;
}

// Signed, so a hash fits the databases' 32-bit integers (CommentPhrase.phrase).
function hash32(text: string): number {
  return createHash("md5").update(text).digest().readInt32LE(0);
}

/** The few phrase hashes a comment is found by: its smallest ones (a bottom-k sketch). */
export function sketchOf(set: ReadonlySet<number>): number[] {
  return [...set].sort((a, b) => a - b).slice(0, SKETCH);
}

/** Whether two comments are copies of one letter (see CONTAINMENT and OVERLAP). */
export function alike(a: Set<number>, b: Set<number>) {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return large.size === 0;
  let shared = 0;
  for (const phrase of small) if (large.has(phrase)) shared++;
  if (small.size < MIN_PHRASES) return shared === small.size && small.size === large.size;
  return shared / small.size >= CONTAINMENT && shared / (a.size + b.size - shared) >= OVERLAP;
}

/**
 * Groups of near-identical comments, each a list of indexes into `texts` (in order), largest
 * group first; a comment that is like no other is a group of one.
 */
export function groupCampaigns(texts: readonly string[]): number[][] {
  const sets = texts.map(phrases);
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const byKey = new Map<number, number[]>();
  sets.forEach((set, index) => {
    for (const key of sketchOf(set)) {
      const list = byKey.get(key);
      if (list) list.push(index);
      else byKey.set(key, [index]);
    }
  });
  const compared = new Set<string>();
  for (const members of byKey.values()) {
    // Compare each member with the bucket's first members only: enough to join a group, and
    // a huge campaign costs a line of comparisons, not a square.
    for (let i = 1; i < members.length; i++) {
      for (let j = 0; j < Math.min(i, BUCKET_PEERS); j++) {
        const a = members[j]!;
        const b = members[i]!;
        if (find(a) === find(b)) continue;
        const key = a < b ? `${a}:${b}` : `${b}:${a}`;
        if (compared.has(key)) continue;
        compared.add(key);
        if (alike(sets[a]!, sets[b]!)) parent[find(b)] = find(a);
      }
    }
  }
  const groups = new Map<number, number[]>();
  texts.forEach((_, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

/** Pairwise precision and recall of a grouping against the true one (labels per item). */
export function pairwisePrecisionRecall(truth: readonly number[], groups: readonly number[][]) {
  const predicted = new Array<number>(truth.length);
  groups.forEach((group, label) => {
    for (const index of group) predicted[index] = label;
  });
  let together = 0;
  let rightlyTogether = 0;
  let trulyTogether = 0;
  for (let i = 0; i < truth.length; i++) {
    for (let j = i + 1; j < truth.length; j++) {
      const same = truth[i] === truth[j];
      const grouped = predicted[i] === predicted[j];
      if (same) trulyTogether++;
      if (grouped) together++;
      if (same && grouped) rightlyTogether++;
    }
  }
  return {
    precision: together === 0 ? 1 : rightlyTogether / together,
    recall: trulyTogether === 0 ? 1 : rightlyTogether / trulyTogether,
  };
}

/**
 * One email address behind several names: comments filed under other people's names share a
 * sender. Addresses are compared lowercased; names trimmed and case-folded.
 */
export function addressesWithManyNames(comments: readonly { email: string; name: string }[]) {
  const names = new Map<string, Set<string>>();
  for (const { email, name } of comments) {
    if (!email) continue;
    const key = email.toLowerCase();
    const set = names.get(key) ?? new Set<string>();
    set.add(name.trim().toLowerCase());
    names.set(key, set);
  }
  return [...names]
    .filter(([, set]) => set.size > 1)
    .map(([email, set]) => ({ email, names: set.size }));
}
