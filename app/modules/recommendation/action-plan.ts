import { HORIZONS, type Horizon, type Status } from "./schema.ts";

/** The fields of an action step the plan's rules look at. */
export type PlanStep = {
  horizon: string;
  status: string;
  dueOn: string | null;
  ownerName: string | null;
  ownerGroup: string;
};

/** Today as a calendar date (YYYY-MM-DD) where the plan is read. */
export function today(timeZone = "UTC", now = new Date()) {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(now);
}

/** A step is overdue once its due date has passed and it is not done. */
export function isOverdue(step: Pick<PlanStep, "dueOn" | "status">, on: string) {
  return step.status !== "done" && step.dueOn !== null && step.dueOn < on;
}

export function needsAttention(step: Pick<PlanStep, "dueOn" | "status">, on: string) {
  return isOverdue(step, on) || (step.status as Status) === "blocked";
}

/** Steps grouped by horizon, in the plan's order (30 days first), leaving out empty horizons. */
export function byHorizon<T extends Pick<PlanStep, "horizon">>(steps: T[]) {
  return HORIZONS.map((horizon) => ({
    horizon: horizon as Horizon,
    steps: steps.filter((s) => s.horizon === horizon),
  })).filter((group) => group.steps.length > 0);
}

/** "3 of 5 done" for a recommendation's steps. */
export function completion(steps: Pick<PlanStep, "status">[]) {
  const done = steps.filter((s) => s.status === "done").length;
  return { done, total: steps.length };
}
