import { describe, expect, it } from "vitest";
import { groupCampaigns, pairwisePrecisionRecall } from "./campaigns.ts";

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const LETTER = `I am writing to oppose the proposed changes to the accreditation standards in the preliminary draft. Our district already works hard to serve every student, and these new requirements would take time and money away from classrooms. Small rural schools cannot hire the staff needed to collect and report this much data. Please keep the current standards in place, give districts more time to prepare, and listen to the teachers and parents who know our schools best. Thank you for considering my comments.`;

const SYNONYMS: [string, string][] = [
  ["oppose", "object to"],
  ["proposed", "planned"],
  ["changes", "revisions"],
  ["hard", "diligently"],
  ["requirements", "mandates"],
  ["money", "funding"],
  ["cannot", "can not"],
  ["hire", "employ"],
  ["collect", "gather"],
  ["keep", "maintain"],
  ["prepare", "get ready"],
  ["best", "most"],
  ["considering", "reading"],
];
const OPENINGS = [
  "My name is {name} and I live in {place}.",
  "As a parent in {place}, I have two children in public school.",
  "Hello, I am {name}, a teacher in {place}.",
  "",
];
const NAMES = ["Maria", "James", "Aiyana", "Chen", "Dana", "Luis", "Priya", "Tom"];
const PLACES = ["Sedalia", "Joplin", "Kirksville", "Rolla", "Hannibal", "Cape Girardeau"];

/** A lightly edited copy: a few synonyms swapped, a greeting added, a typo or two. */
function variant(next: () => number) {
  let text = LETTER;
  for (const [from, to] of SYNONYMS) if (next() < 0.35) text = text.replace(from, to);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const opening = pick(OPENINGS).replace("{name}", pick(NAMES)).replace("{place}", pick(PLACES));
  if (next() < 0.3) text = text.replace("classrooms", "clasrooms");
  return `${opening} ${text} ${next() < 0.5 ? `Sincerely, ${pick(NAMES)}` : ""}`.trim();
}

const SUBJECTS = [
  "The growth measure",
  "Section 2",
  "The continuous improvement plan",
  "The new EOC schedule",
  "Reporting for small districts",
  "The needs assessment",
  "The success-ready indicator",
  "Accreditation by performance",
  "The pilot year",
  "Counselor staffing",
];
const VERBS = [
  "should explain",
  "needs to include",
  "does not address",
  "could simplify",
  "must consider",
  "ought to clarify",
  "overlooks",
  "would benefit from",
];
const OBJECTS = [
  "students who move between districts",
  "career and technical education",
  "how ties are broken",
  "the cost of new software",
  "rural transportation",
  "English learners",
  "early childhood programs",
  "attendance during illness",
  "dual credit courses",
  "teacher workload",
  "family engagement",
  "the timeline for appeals",
];
const ENDINGS = [
  "in plain language.",
  "before the final vote.",
  "with examples from real districts.",
  "for the 2023 school year.",
  "so parents can follow it.",
  "and publish the data.",
];

/** A comment written independently: on the same topic, in its own words. */
function unique(next: () => number) {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const sentences = 1 + Math.floor(next() * 3);
  return Array.from(
    { length: sentences },
    () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(ENDINGS)}`,
  ).join(" ");
}

describe("grouping campaigns", () => {
  it("puts 300 lightly edited copies of a form letter among 200 unique comments in one group", () => {
    const next = random(6);
    const texts: string[] = [];
    const truth: number[] = [];
    for (let i = 0; i < 500; i++) {
      // Interleaved, as comments arrive.
      if (i % 5 < 3) {
        texts.push(variant(next));
        truth.push(0);
      } else {
        texts.push(unique(next));
        truth.push(i + 1);
      }
    }
    const groups = groupCampaigns(texts);
    const { precision, recall } = pairwisePrecisionRecall(truth, groups);
    console.log(
      `campaigns: ${groups[0]!.length} in the largest group; pairwise precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(groups[0]!.length).toBeGreaterThanOrEqual(290);
  });

  it("groups exact copies, keeps different short comments apart, and handles empty input", () => {
    expect(groupCampaigns([])).toEqual([]);
    expect(groupCampaigns(["Yes.", "No.", "Yes.", "Keep section 2."])).toEqual([[0, 2], [1], [3]]);
  });

  it("groups a Spanish form letter's lightly edited copies, stemmed as Spanish", () => {
    const letter = (n: number) =>
      `Como madre de familia apoyo las recomendaciones sobre tutorías y pido que las reuniones ${
        n % 2 ? "se hagan" : "se realicen"
      } por la tarde para que más familias ${n % 3 ? "participen" : "puedan participar"} en la escuela número ${n}.`;
    const unique = [
      "El transporte escolar no llega a tiempo a nuestra comunidad rural desde hace dos años.",
      "Necesitamos más maestros bilingües en las escuelas secundarias del distrito este.",
    ];
    const texts = [...Array.from({ length: 20 }, (_, n) => letter(n)), ...unique];
    const groups = groupCampaigns(texts);
    expect(groups[0]!.length).toBe(20);
    expect(groups.filter((g) => g.length === 1)).toHaveLength(2);
  });
});
