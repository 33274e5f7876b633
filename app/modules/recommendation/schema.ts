import { z } from "zod";
import { typedText } from "../../utils/text.ts";
import { KNOSTER_COLUMNS } from "../board/knoster.ts";

/**
 * When a key action step is meant to happen, in the words of an improvement plan (the seed
 * report's short- and long-term steps; the CSIP handbook's 30/60/90-day cycles).
 */
export const HORIZONS = ["30_days", "60_days", "90_days", "school_year", "long_range"] as const;
export type Horizon = (typeof HORIZONS)[number];

export const STATUSES = ["not_started", "in_progress", "done", "blocked"] as const;
export type Status = (typeof STATUSES)[number];

/*
 * The recommendation and action step forms' messages are catalogue keys
 * ("recommendations.errors.*", "actionStep.errors.*"), said in the reader's language by the
 * form. An optional text field's three: not text, too long, control characters.
 */
const text = (
  max: number,
  messages: { missing: string; tooLong: string; controlCharacters: string },
) => typedText(messages, max, { optional: true });

export const recommendationSchema = z.object({
  title: typedText(
    {
      missing: "recommendations.errors.title",
      tooLong: "recommendations.errors.titleLong",
      controlCharacters: "recommendations.errors.titleControl",
    },
    200,
  ),
  rationale: text(5000, {
    missing: "recommendations.errors.rationale",
    tooLong: "recommendations.errors.rationaleLong",
    controlCharacters: "recommendations.errors.rationaleControl",
  }),
  knosterCoverage: z
    .array(
      z.enum(KNOSTER_COLUMNS as [string, ...string[]], {
        error: "recommendations.errors.knoster",
      }),
    )
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
  coverageNote: text(2000, {
    missing: "recommendations.errors.coverageNote",
    tooLong: "recommendations.errors.coverageNoteLong",
    controlCharacters: "recommendations.errors.coverageNoteControl",
  }),
  goalSpecific: text(1000, {
    missing: "recommendations.errors.goalSpecific",
    tooLong: "recommendations.errors.goalSpecificLong",
    controlCharacters: "recommendations.errors.goalSpecificControl",
  }),
  goalMeasurable: text(1000, {
    missing: "recommendations.errors.goalMeasurable",
    tooLong: "recommendations.errors.goalMeasurableLong",
    controlCharacters: "recommendations.errors.goalMeasurableControl",
  }),
  goalAchievable: text(1000, {
    missing: "recommendations.errors.goalAchievable",
    tooLong: "recommendations.errors.goalAchievableLong",
    controlCharacters: "recommendations.errors.goalAchievableControl",
  }),
  goalRelevant: text(1000, {
    missing: "recommendations.errors.goalRelevant",
    tooLong: "recommendations.errors.goalRelevantLong",
    controlCharacters: "recommendations.errors.goalRelevantControl",
  }),
  goalTimely: text(1000, {
    missing: "recommendations.errors.goalTimely",
    tooLong: "recommendations.errors.goalTimelyLong",
    controlCharacters: "recommendations.errors.goalTimelyControl",
  }),
  strategies: text(5000, {
    missing: "recommendations.errors.strategies",
    tooLong: "recommendations.errors.strategiesLong",
    controlCharacters: "recommendations.errors.strategiesControl",
  }),
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
  .refine((v) => v === undefined || isCalendarDate(v), { message: "actionStep.errors.date" });

export function isCalendarDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const actionStepSchema = z
  .object({
    description: typedText(
      {
        missing: "actionStep.errors.description",
        tooLong: "actionStep.errors.descriptionLong",
        controlCharacters: "actionStep.errors.descriptionControl",
      },
      1000,
    ),
    ownerUserId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^[a-z0-9]{1,40}$/.test(v), "actionStep.errors.member"),
    ownerGroup: text(120, {
      missing: "actionStep.errors.ownerGroup",
      tooLong: "actionStep.errors.ownerGroupLong",
      controlCharacters: "actionStep.errors.ownerGroupControl",
    }),
    horizon: z.enum(HORIZONS, { error: "actionStep.errors.horizon" }),
    startsOn: calendarDate,
    dueOn: calendarDate,
    status: z.enum(STATUSES, { error: "actionStep.errors.status" }),
    resources: text(2000, {
      missing: "actionStep.errors.resources",
      tooLong: "actionStep.errors.resourcesLong",
      controlCharacters: "actionStep.errors.resourcesControl",
    }),
    fundingSource: text(300, {
      missing: "actionStep.errors.funding",
      tooLong: "actionStep.errors.fundingLong",
      controlCharacters: "actionStep.errors.fundingControl",
    }),
    resourceNote: text(2000, {
      missing: "actionStep.errors.resourceNote",
      tooLong: "actionStep.errors.resourceNoteLong",
      controlCharacters: "actionStep.errors.resourceNoteControl",
    }),
  })
  .superRefine((step, ctx) => {
    if (!step.ownerUserId && !step.ownerGroup) {
      ctx.addIssue({ code: "custom", path: ["ownerGroup"], message: "actionStep.errors.owner" });
    }
    if (step.startsOn && step.dueOn && step.dueOn < step.startsOn) {
      ctx.addIssue({
        code: "custom",
        path: ["dueOn"],
        message: "actionStep.errors.dueBeforeStart",
      });
    }
  });

export type ActionStepInput = z.infer<typeof actionStepSchema>;
export type RecommendationInput = z.infer<typeof recommendationSchema>;

export const moveSchema = z.object({
  direction: z.enum(["up", "down"], { error: "recommendations.errors.direction" }),
});
