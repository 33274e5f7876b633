/** The stakeholder groups a state work group is drawn from (seed report, "Membership"). */
export const DEFAULT_STAKEHOLDER_GROUPS = [
  "Students",
  "Parents",
  "Teachers",
  "Administrators",
  "School board members",
  "Business",
  "Higher education",
  "Community",
  "Agency staff",
];
