/**
 * The phases a session moves through, in order. The facilitator moves forward or back; the
 * server enforces what each phase allows (app/modules/board/*.server.ts ask here).
 */
export const PHASES = ["brainstorm", "rate", "theme", "report_back"] as const;
export type Phase = (typeof PHASES)[number];

export const phaseLabels: Record<Phase, string> = {
  brainstorm: "Brainstorm",
  rate: "Rate",
  theme: "Theme",
  report_back: "Report back",
};

/** What members do in each phase, in their words, for the banner on the session page. */
export const phaseHelp: Record<Phase, string> = {
  brainstorm: "Post your ideas into the Knoster columns. They are anonymous.",
  rate: "Rate the ideas you are shown from 1 to 5 stars, or skip one. Your ratings are private.",
  theme: "Facilitators are grouping the ideas into themes.",
  report_back: "Each room's top-rated ideas, for the whole group.",
};

export function isPhase(value: unknown): value is Phase {
  return typeof value === "string" && (PHASES as readonly string[]).includes(value);
}

export function phaseIndex(phase: Phase) {
  return PHASES.indexOf(phase);
}

/** Ideas are posted, edited and withdrawn during brainstorm only. */
export const ideasOpen = (phase: string) => phase === "brainstorm";
/** Ratings are given during rate only. */
export const ratingOpen = (phase: string) => phase === "rate";
/** Results are shown once rating has closed. */
export const resultsVisible = (phase: string) =>
  isPhase(phase) && phaseIndex(phase) > phaseIndex("rate");

/** Why an idea cannot be posted now, in words the page can show. */
export function ideasClosedMessage(phase: string) {
  const label = isPhase(phase) ? phaseLabels[phase] : phase;
  return `Brainstorm is closed: the session is in the ${label} phase, so ideas cannot be posted or changed now.`;
}
