import { GOAL_PARTS, PLAN_COMPONENTS } from "./schema.ts";

/**
 * A plan version's snapshot and the comparison of two of them. Pure, so the compare page and
 * its tests agree on what changed. Goals, measures and steps are matched by their ids, so a goal
 * renamed is "changed", not "removed and added".
 */

export type MeasureSnapshot = {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  baselineOn: string;
  target: number;
  targetOn: string;
  source: string;
};
export type StepSnapshot = {
  id: string;
  horizon: string;
  description: string;
  startsOn: string | null;
  ownerName: string | null;
  resources: string;
  completedOn: string | null;
};
export type GoalSnapshot = {
  id: string;
  title: string;
  smartGoal: string;
  rationale: string;
  strategies: string;
  fundingSources: string;
  standards: string;
  adultBehaviors: string;
  measures: MeasureSnapshot[];
  steps: StepSnapshot[];
};
export type PlanSnapshot = {
  name: string;
  level: string;
  startYear: number;
  endYear: number;
  planningProcess: string;
  beliefsVision: string;
  mission: string;
  keyIssuesData: string;
  keyIssuesFactors: string;
  prioritizedNeeds: string;
  goals: GoalSnapshot[];
};

/** How a changed value is shown: as written, as a date, a number, or a horizon's name. */
export type ValueKind = "text" | "date" | "number" | "horizon";
/** One field that differs; `field` names it by its catalogue key. */
export type FieldChange = {
  field: string;
  kind: ValueKind;
  before: string;
  after: string;
};
export type Added<T> = { added: T[]; removed: T[]; changed: { item: T; fields: FieldChange[] }[] };
export type GoalChange = {
  item: GoalSnapshot;
  fields: FieldChange[];
  measures: Added<MeasureSnapshot>;
  steps: Added<StepSnapshot>;
};
export type PlanComparison = {
  plan: FieldChange[];
  goals: { added: GoalSnapshot[]; removed: GoalSnapshot[]; changed: GoalChange[] };
  /** Nothing differs at all. */
  same: boolean;
};

const asText = (value: unknown) => (value === null || value === undefined ? "" : String(value));

function changesOf<T>(
  before: T,
  after: T,
  fields: readonly { name: keyof T & string; key: string; kind: ValueKind }[],
): FieldChange[] {
  return fields.flatMap(({ name, key, kind }) => {
    const a = asText(before[name]);
    const b = asText(after[name]);
    return a === b ? [] : [{ field: key, kind, before: a, after: b }];
  });
}

const PLAN_FIELDS = [
  { name: "name", key: "plans.nameLabel", kind: "text" },
  { name: "startYear", key: "plans.startYear", kind: "text" },
  { name: "endYear", key: "plans.endYear", kind: "text" },
  ...PLAN_COMPONENTS.map((name) => ({
    name,
    key: `plans.component.${name}`,
    kind: "text" as const,
  })),
] as const satisfies readonly { name: keyof PlanSnapshot; key: string; kind: ValueKind }[];

const GOAL_FIELDS = [
  { name: "title", key: "plans.goalTitle", kind: "text" },
  ...GOAL_PARTS.map((name) => ({ name, key: `plans.goal.part.${name}`, kind: "text" as const })),
] as const satisfies readonly { name: keyof GoalSnapshot; key: string; kind: ValueKind }[];

const MEASURE_FIELDS = [
  { name: "name", key: "plans.measure.name", kind: "text" },
  { name: "unit", key: "plans.measure.unit", kind: "text" },
  { name: "baseline", key: "plans.measure.baseline", kind: "number" },
  { name: "baselineOn", key: "plans.measure.baselineOn", kind: "date" },
  { name: "target", key: "plans.measure.target", kind: "number" },
  { name: "targetOn", key: "plans.measure.targetOn", kind: "date" },
  { name: "source", key: "plans.measure.sourceLabel", kind: "text" },
] as const satisfies readonly { name: keyof MeasureSnapshot; key: string; kind: ValueKind }[];

const STEP_FIELDS = [
  { name: "description", key: "plans.step.description", kind: "text" },
  { name: "horizon", key: "plans.step.horizonLabel", kind: "horizon" },
  { name: "startsOn", key: "plans.step.startsOn", kind: "date" },
  { name: "ownerName", key: "plans.step.owner", kind: "text" },
  { name: "resources", key: "plans.step.resources", kind: "text" },
  { name: "completedOn", key: "plans.step.completedOnLabel", kind: "date" },
] as const satisfies readonly { name: keyof StepSnapshot; key: string; kind: ValueKind }[];

function matched<T extends { id: string }>(
  before: T[],
  after: T[],
  fields: readonly { name: keyof T & string; key: string; kind: ValueKind }[],
): Added<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(after.map((item) => item.id));
  return {
    added: after.filter((item) => !old.has(item.id)),
    removed: before.filter((item) => !kept.has(item.id)),
    changed: after.flatMap((item) => {
      const was = old.get(item.id);
      const changed = was ? changesOf(was, item, fields) : [];
      return changed.length ? [{ item, fields: changed }] : [];
    }),
  };
}

/** What changed from `before` to `after`: the plan's fields, then goal by goal. */
export function comparePlans(before: PlanSnapshot, after: PlanSnapshot): PlanComparison {
  const plan = changesOf(before, after, PLAN_FIELDS);
  const old = new Map(before.goals.map((g) => [g.id, g]));
  const kept = new Set(after.goals.map((g) => g.id));
  const changed = after.goals.flatMap((goal) => {
    const was = old.get(goal.id);
    if (!was) return [];
    const change: GoalChange = {
      item: goal,
      fields: changesOf(was, goal, GOAL_FIELDS),
      measures: matched(was.measures, goal.measures, MEASURE_FIELDS),
      steps: matched(was.steps, goal.steps, STEP_FIELDS),
    };
    const any =
      change.fields.length +
      change.measures.added.length +
      change.measures.removed.length +
      change.measures.changed.length +
      change.steps.added.length +
      change.steps.removed.length +
      change.steps.changed.length;
    return any ? [change] : [];
  });
  const goals = {
    added: after.goals.filter((g) => !old.has(g.id)),
    removed: before.goals.filter((g) => !kept.has(g.id)),
    changed,
  };
  return {
    plan,
    goals,
    same: plan.length + goals.added.length + goals.removed.length + changed.length === 0,
  };
}

export type Piece = { text: string; change: "same" | "removed" | "added" };

/**
 * Beyond this many word pairs the two texts are shown whole, without marking the words: the
 * word-by-word comparison grows with the product of their lengths (two 10,000-character
 * components would be millions of steps for one page).
 */
const MAX_WORD_PAIRS = 250_000;

/**
 * The words of `before` and `after` marked as kept, removed or added (longest common
 * subsequence of words, spaces kept with the word before them), for the two columns of a change.
 */
export function wordChanges(before: string, after: string): { before: Piece[]; after: Piece[] } {
  const a = before.match(/\S+\s*|\s+/g) ?? [];
  const b = after.match(/\S+\s*|\s+/g) ?? [];
  if (a.length * b.length > MAX_WORD_PAIRS) {
    return {
      before: before ? [{ text: before, change: "removed" }] : [],
      after: after ? [{ text: after, change: "added" }] : [],
    };
  }
  const word = (w: string) => w.trim();
  // lengths[i][j]: the longest common run of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        word(a[i]!) === word(b[j]!)
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const left: Piece[] = [];
  const right: Piece[] = [];
  const push = (pieces: Piece[], text: string, change: Piece["change"]) => {
    const last = pieces.at(-1);
    if (last?.change === change) last.text += text;
    else pieces.push({ text, change });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (word(a[i]!) === word(b[j]!)) {
      push(left, a[i]!, "same");
      push(right, b[j]!, "same");
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      push(left, a[i++]!, "removed");
    } else {
      push(right, b[j++]!, "added");
    }
  }
  while (i < a.length) push(left, a[i++]!, "removed");
  while (j < b.length) push(right, b[j++]!, "added");
  return { before: left, after: right };
}
