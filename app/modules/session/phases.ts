/**
 * The phases a session moves through, in order. The facilitator moves forward or back; the
 * server enforces what each phase allows (app/modules/board/*.server.ts ask here).
 */
export const PHASES = ["brainstorm", "rate", "theme", "report_back"] as const;
export type Phase = (typeof PHASES)[number];

/** English phase names, for messages the server writes; pages say them from the catalogues. */
export const phaseLabels: Record<Phase, string> = {
  brainstorm: "Brainstorm",
  rate: "Rate",
  theme: "Theme",
  report_back: "Report back",
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
