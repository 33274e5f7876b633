/** What a history entry is about. */
export type HistorySubject =
  | "theme"
  | "recommendation"
  | "action_step"
  | "publication"
  | "public_site";

export const subjectLabels: Record<HistorySubject, string> = {
  theme: "Theme",
  recommendation: "Recommendation",
  action_step: "Action step",
  publication: "Summary or report",
  public_site: "Public site",
};
