/** What a history entry is about. */
export type HistorySubject =
  | "theme"
  | "recommendation"
  | "action_step"
  | "publication"
  | "public_site"
  | "work_group"
  | "improvement_plan"
  | "plan_goal";
