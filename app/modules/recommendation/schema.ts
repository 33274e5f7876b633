import { z } from "zod";
import { typedText } from "../../utils/text.ts";
import { KNOSTER_COLUMNS } from "../board/knoster.ts";

/**
 * When a key action step is meant to happen, in the words of an improvement plan (the seed
 * report's short- and long-term steps; the CSIP handbook's 30/60/90-day cycles).
 */
export const HORIZONS = ["30_days", "60_days", "90_days", "school_year", "long_range"] as const;
export type Horizon = (typeof HORIZONS)[number];
export const horizonLabels: Record<Horizon, string> = {
  "30_days": "30 days",
  "60_days": "60 days",
  "90_days": "90 days",
  school_year: "This school year",
  long_range: "Long range",
};

export const STATUSES = ["not_started", "in_progress", "done", "blocked"] as const;
export type Status = (typeof STATUSES)[number];
export const statusLabels: Record<Status, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  blocked: "Blocked",
};

const text = (name: string, max: number) =>
  typedText({ missing: `Write ${name}`, name }, max, { optional: true });

export const recommendationSchema = z.object({
  title: typedText({ missing: "Give the recommendation a title", name: "the title" }, 200),
  rationale: text("the rationale", 5000),
  knosterCoverage: z
    .array(
      z.enum(KNOSTER_COLUMNS as [string, ...string[]], {
        error: "Choose Knoster elements from the list",
      }),
    )
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
  coverageNote: text("the coverage note", 2000),
  goalSpecific: text("the specific part of the goal", 1000),
  goalMeasurable: text("the measurable part of the goal", 1000),
  goalAchievable: text("the achievable part of the goal", 1000),
  goalRelevant: text("the relevant part of the goal", 1000),
  goalTimely: text("the timely part of the goal", 1000),
  strategies: text("the strategies", 5000),
});

export const newRecommendationSchema = z.object({
  title: recommendationSchema.shape.title,
});

/** A calendar date as a form sends it (YYYY-MM-DD), and a real one: no 31 February. */
const calendarDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isCalendarDate(v), {
    message: "Enter a date as YYYY-MM-DD, e.g. 2027-01-15",
  });

export function isCalendarDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const actionStepSchema = z
  .object({
    description: typedText({ missing: "Describe the action step", name: "the description" }, 1000),
    ownerUserId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .refine(
        (v) => v === undefined || /^[a-z0-9]{1,40}$/.test(v),
        "Choose a member from the list",
      ),
    ownerGroup: text("the owning group", 120),
    horizon: z.enum(HORIZONS, {
      error: "Choose when: 30, 60 or 90 days, this school year, or long range",
    }),
    startsOn: calendarDate,
    dueOn: calendarDate,
    status: z.enum(STATUSES, {
      error: "Choose a status: not started, in progress, done or blocked",
    }),
    resources: text("the resources", 2000),
    fundingSource: text("the funding source", 300),
    resourceNote: text("the resource note", 2000),
  })
  .superRefine((step, ctx) => {
    if (!step.ownerUserId && !step.ownerGroup) {
      ctx.addIssue({
        code: "custom",
        path: ["ownerGroup"],
        message: "Name who owns this step: choose a member or write a group",
      });
    }
    if (step.startsOn && step.dueOn && step.dueOn < step.startsOn) {
      ctx.addIssue({
        code: "custom",
        path: ["dueOn"],
        message: "The due date is before the start date",
      });
    }
  });

export type ActionStepInput = z.infer<typeof actionStepSchema>;
export type RecommendationInput = z.infer<typeof recommendationSchema>;

export const moveSchema = z.object({
  direction: z.enum(["up", "down"], { error: "Choose up or down" }),
});
