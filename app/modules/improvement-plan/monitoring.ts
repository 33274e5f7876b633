/**
 * Monitoring an improvement plan: the handbook's "track progress of planned activities and
 * tasks to see if desired outcomes are being accomplished within given timelines". Pure, so
 * the pages, the weekly digest and their tests agree on which steps are overdue.
 */

/** An action step's status, as its latest progress update says it. */
export const STEP_STATUSES = ["not_started", "in_progress", "blocked", "done"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export function isStepStatus(value: unknown): value is StepStatus {
  return typeof value === "string" && (STEP_STATUSES as readonly string[]).includes(value);
}

/** Days after its start date a step of each short horizon is due by. */
const HORIZON_DAYS: Record<string, number> = { "30_days": 30, "60_days": 60, "90_days": 90 };

const DAY = 86_400_000;

export function addDays(day: string, days: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export type TimedStep = {
  horizon: string;
  startsOn: string | null;
  dueOn: string | null;
  status: string;
};

/**
 * When a step is due: the date the team gave, else its start date plus its horizon (the
 * handbook's 30, 60 and 90 days are counted from the start date on its form). A long range
 * step without a date the team gave has no due date: "long range" spans the plan's three to
 * five years, and guessing a date would call steps overdue that nobody planned to finish yet.
 * A step with neither date has none either.
 */
export function dueDateOf(step: Pick<TimedStep, "horizon" | "startsOn" | "dueOn">) {
  if (step.dueOn) return step.dueOn;
  const days = HORIZON_DAYS[step.horizon];
  return step.startsOn && days ? addDays(step.startsOn, days) : null;
}

/** Open past its due date: due yesterday or before, and not done. */
export function isOverdue(step: TimedStep, today: string) {
  const due = dueDateOf(step);
  return step.status !== "done" && due !== null && due < today;
}

/** What makes a step stand out: overdue, blocked, both, or neither. */
export function attentionOf(step: TimedStep, today: string) {
  return { overdue: isOverdue(step, today), blocked: step.status === "blocked" };
}

/**
 * The ISO 8601 week a moment falls in, like "2026-W49" (weeks start on Monday; week 1 holds
 * the year's first Thursday), in UTC: the digest goes out once per such week.
 */
export function isoWeekOf(now: Date) {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** The implementation view's filters, as its GET form sends them; "overdue" is a status too. */
export const STATUS_FILTERS = [...STEP_STATUSES, "overdue"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export type StepFilters = {
  owner: string | null;
  horizon: string | null;
  goal: string | null;
  status: StatusFilter | null;
};

/** Reads the filters from the address; anything unknown is no filter, never an error page. */
export function readFilters(
  params: URLSearchParams,
  known: { owners: string[]; horizons: readonly string[]; goals: string[] },
): StepFilters {
  const pick = (name: string, allowed: readonly string[]) => {
    const value = params.get(name);
    return value && allowed.includes(value) ? value : null;
  };
  return {
    // "none" finds the steps nobody is responsible for yet.
    owner: pick("owner", [...known.owners, "none"]),
    horizon: pick("horizon", known.horizons),
    goal: pick("goal", known.goals),
    status: pick("status", STATUS_FILTERS) as StatusFilter | null,
  };
}

export function matchesFilters(
  step: TimedStep & { ownerUserId: string | null; goalId: string },
  filters: StepFilters,
  today: string,
) {
  if (filters.owner && (step.ownerUserId ?? "none") !== filters.owner) return false;
  if (filters.horizon && step.horizon !== filters.horizon) return false;
  if (filters.goal && step.goalId !== filters.goal) return false;
  if (filters.status === "overdue") return isOverdue(step, today);
  if (filters.status && step.status !== filters.status) return false;
  return true;
}

/** How many steps there are of each status, and overdue, for the view's summary. */
export function countSteps(steps: TimedStep[], today: string) {
  const counts: Record<StatusFilter, number> = {
    not_started: 0,
    in_progress: 0,
    blocked: 0,
    done: 0,
    overdue: 0,
  };
  for (const step of steps) {
    if (isStepStatus(step.status)) counts[step.status]++;
    if (isOverdue(step, today)) counts.overdue++;
  }
  return counts;
}
