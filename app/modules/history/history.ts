/** What a history entry is about. */
export type HistorySubject =
  | "theme"
  | "recommendation"
  | "action_step"
  | "publication"
  | "public_site"
  | "work_group";

export const subjectLabels: Record<HistorySubject, string> = {
  theme: "Theme",
  recommendation: "Recommendation",
  action_step: "Action step",
  publication: "Summary or report",
  public_site: "Public site",
  work_group: "Work group settings",
};
