/**
 * The parts of a plan as the pages, the Word file, the yearly review and the versions read
 * them: one list of each part's fields, so a component added to the plan reaches all of them.
 */

/** Goals, measures and steps in the order the team put them (ties by age). */
export const IN_POSITION = [{ position: "asc" as const }, { createdAt: "asc" as const }];

/** The handbook's plan components, in its order. */
export const PLAN_COMPONENTS = {
  planningProcess: true,
  beliefsVision: true,
  mission: true,
  keyIssuesData: true,
  keyIssuesFactors: true,
  prioritizedNeeds: true,
} as const;

/** A goal's components, in the handbook's order. */
export const GOAL_COMPONENTS = {
  title: true,
  smartGoal: true,
  rationale: true,
  strategies: true,
  fundingSources: true,
  standards: true,
  adultBehaviors: true,
} as const;

/** What a measure counts, from its baseline to its target. */
export const MEASURE_FIELDS = {
  id: true,
  name: true,
  unit: true,
  baseline: true,
  baselineOn: true,
  target: true,
  targetOn: true,
  source: true,
} as const;
