/**
 * The phases a session moves through, in order. The facilitator moves forward or back; the
 * server enforces what each phase allows (app/modules/board/*.server.ts ask here). "ended" is
 * the session's end: posting and rating closed, results shown, and no step of the work, so the
 * phase bar lists WORKING_PHASES; reopening moves it back to report back.
 */
export const PHASES = ["brainstorm", "rate", "theme", "report_back", "ended"] as const;
export const WORKING_PHASES = PHASES.filter((p) => p !== "ended");
export type Phase = (typeof PHASES)[number];

/** English phase names, for messages the server writes; pages say them from the catalogues. */
export const phaseLabels: Record<Phase, string> = {
  brainstorm: "Brainstorm",
  rate: "Rate",
  theme: "Theme",
  report_back: "Report back",
  ended: "Ended",
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
