import type { BoardIdea } from "../../app/modules/board/board-doc.ts";
import { KNOSTER_COLUMNS } from "../../app/modules/board/knoster.ts";

/**
 * A big board's ideas, the same every time and in every process: the server child stores them
 * in the database (ours builds the board from it when first opened) and the bench writes the
 * same ones into the stock server's document, so both documents hold the same content.
 */

const OPENINGS = [
  "Give every teacher",
  "Pair each new counselor with",
  "Publish for families",
  "Fund district-wide",
  "Ask students in every grade about",
  "Set aside two afternoons a month for",
  "Share across schools",
  "Train principals and coaches in",
];
const MIDDLES = [
  "common planning time to map the success-ready skills",
  "a mentor from a neighbouring district",
  "a plain-language guide to course pathways and dual credit",
  "summer bridge programs aimed at ninth graders",
  "which supports actually helped them after graduation",
  "cross-school teams to review readiness data together",
  "the lesson plans and rubrics that already work",
  "running short improvement cycles with clear measures",
];
const ENDINGS = [
  "so the work does not depend on a few volunteers.",
  "and report back to the work group each quarter.",
  "before the next budget cycle closes.",
  "with translations for the languages families speak at home.",
  "and track who is still missing from the table.",
];

const EPOCH = Date.parse("2026-12-01T15:00:00.000Z");

/** The nth idea of the big board (ids are 25 characters, like the database's cuids). */
export function benchIdea(n: number): BoardIdea {
  const text = `${OPENINGS[n % OPENINGS.length]} ${MIDDLES[Math.floor(n / 8) % MIDDLES.length]} ${ENDINGS[n % ENDINGS.length]} (#${n})`;
  return {
    id: `cbench${n.toString(36).padStart(19, "0")}`,
    column: KNOSTER_COLUMNS[n % KNOSTER_COLUMNS.length]!,
    text,
    createdAt: new Date(EPOCH + n * 1000).toISOString(),
  };
}

export function benchIdeas(count: number): BoardIdea[] {
  return Array.from({ length: count }, (_, n) => benchIdea(n));
}
