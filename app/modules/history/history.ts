/** What a history entry is about. */
export type HistorySubject = "theme" | "recommendation" | "action_step";

export const subjectLabels: Record<HistorySubject, string> = {
  theme: "Theme",
  recommendation: "Recommendation",
  action_step: "Action step",
};
