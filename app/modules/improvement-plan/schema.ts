import { z } from "zod";
import { typedText } from "../../utils/text.ts";
import { isCalendarDate } from "../recommendation/schema.ts";
import { STEP_STATUSES } from "./monitoring.ts";

/*
 * The improvement plan's forms. Every message is a catalogue key ("plans.errors.*"), said by
 * the form in the reader's language. The words are the CSIP handbook's: plan components, SMART
 * goal, research-based strategies, measurable adult behaviors, action steps.
 */

export const PLAN_LEVELS = ["district", "school"] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** The handbook's horizons for a goal's action steps. */
export const STEP_HORIZONS = ["30_days", "60_days", "90_days", "long_range"] as const;
export type StepHorizon = (typeof STEP_HORIZONS)[number];

/** The plan's written components, in the handbook's order (its example form). */
export const PLAN_COMPONENTS = [
  "planningProcess",
  "beliefsVision",
  "mission",
  "keyIssuesData",
  "keyIssuesFactors",
  "prioritizedNeeds",
] as const;
export type PlanComponent = (typeof PLAN_COMPONENTS)[number];

/** The goal's written parts, in the handbook's order. */
export const GOAL_PARTS = [
  "smartGoal",
  "rationale",
  "strategies",
  "fundingSources",
  "standards",
  "adultBehaviors",
] as const;
export type GoalPart = (typeof GOAL_PARTS)[number];

/** A required text's messages; every text shares the length and control-character ones. */
const keyed = (missing: string) => ({
  missing,
  tooLong: "plans.errors.long",
  controlCharacters: "plans.errors.control",
});
/** An optional text: refused only when it is not text at all, too long, or hides characters. */
const optionalText = (max: number) =>
  typedText(keyed("plans.errors.text"), max, { optional: true });

const id = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^[a-z0-9]{1,40}$/.test(v), message);

/**
 * The handbook's horizon: a plan is "a road map ... over a three to five year period". Counted
 * in school years from the first to the last (2026 to 2030 is four: 2026-27 to 2029-30).
 */
export const PLAN_YEARS = { min: 3, max: 5 } as const;
const year = (message: string) =>
  z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(2000, { error: message })
    .max(2100, { error: message });

const planBase = {
  level: z.enum(PLAN_LEVELS, { error: "plans.errors.level" }),
  name: typedText(keyed("plans.errors.name"), 200),
  startYear: year("plans.errors.startYear"),
  endYear: year("plans.errors.endYear"),
};
const yearsInOrder = (plan: { startYear: number; endYear: number }, ctx: z.RefinementCtx) => {
  if (plan.endYear <= plan.startYear) {
    ctx.addIssue({ code: "custom", path: ["endYear"], message: "plans.errors.endBeforeStart" });
  } else if (plan.endYear - plan.startYear < PLAN_YEARS.min) {
    ctx.addIssue({ code: "custom", path: ["endYear"], message: "plans.errors.tooFewYears" });
  } else if (plan.endYear - plan.startYear > PLAN_YEARS.max) {
    ctx.addIssue({ code: "custom", path: ["endYear"], message: "plans.errors.tooManyYears" });
  }
};

export const newPlanSchema = z.object(planBase).superRefine(yearsInOrder);

export const planSchema = z
  .object({
    ...planBase,
    planningProcess: optionalText(10000),
    beliefsVision: optionalText(10000),
    mission: optionalText(5000),
    keyIssuesData: optionalText(10000),
    keyIssuesFactors: optionalText(10000),
    prioritizedNeeds: optionalText(5000),
    districtPlanId: id("plans.errors.districtPlan"),
  })
  .superRefine(yearsInOrder);
export type PlanInput = z.infer<typeof planSchema>;

export const newGoalSchema = z.object({
  title: typedText(keyed("plans.errors.goalTitle"), 200),
});

/** A goal begun from one of the work group's recommendations: its title and SMART goal come along. */
export const goalFromRecommendationSchema = z.object({
  recommendationId: z
    .string({ error: "plans.errors.recommendation" })
    .trim()
    .regex(/^[a-z0-9]{1,40}$/, "plans.errors.recommendation"),
});

export const goalSchema = z.object({
  title: newGoalSchema.shape.title,
  smartGoal: optionalText(2000),
  rationale: optionalText(5000),
  strategies: optionalText(5000),
  fundingSources: optionalText(2000),
  standards: optionalText(2000),
  adultBehaviors: optionalText(5000),
});
export type GoalInput = z.infer<typeof goalSchema>;

const date = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .refine((v) => v.length > 0, missing)
    .refine((v) => v.length === 0 || isCalendarDate(v), "plans.errors.date");
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isCalendarDate(v), "plans.errors.date");

/**
 * A number as people type it: "12.5", "12,5" (a Spanish decimal comma) or "1,250" (English
 * thousands). One comma followed by exactly three digits and no dot reads as thousands.
 */
export function readNumber(typed: string): number | null {
  const text = typed.trim().replace(/\s/g, "");
  if (!text) return null;
  let normal = text;
  if (text.includes(",") && text.includes(".")) {
    // The last separator is the decimal one.
    normal =
      text.lastIndexOf(",") > text.lastIndexOf(".")
        ? text.replaceAll(".", "").replace(",", ".")
        : text.replaceAll(",", "");
  } else if (/^-?\d{1,3}(,\d{3})+$/.test(text)) {
    normal = text.replaceAll(",", "");
  } else if (/^-?\d+,\d+$/.test(text)) {
    normal = text.replace(",", ".");
  }
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

const amount = (message: string) =>
  z
    .string({ error: message })
    .transform((v, ctx) => {
      const value = readNumber(v);
      if (value === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return value;
    })
    .refine((v) => Math.abs(v) < 1e12, message);

export const measureSchema = z
  .object({
    name: typedText(keyed("plans.errors.measureName"), 300),
    unit: typedText(keyed("plans.errors.unit"), 40),
    baseline: amount("plans.errors.baseline"),
    baselineOn: date("plans.errors.baselineOn"),
    target: amount("plans.errors.target"),
    targetOn: date("plans.errors.targetOn"),
    source: optionalText(500),
  })
  .superRefine((m, ctx) => {
    if (m.targetOn && m.baselineOn && m.targetOn <= m.baselineOn) {
      ctx.addIssue({
        code: "custom",
        path: ["targetOn"],
        message: "plans.errors.targetBeforeBaseline",
      });
    }
    if (m.target === m.baseline) {
      ctx.addIssue({ code: "custom", path: ["target"], message: "plans.errors.targetIsBaseline" });
    }
  });
export type MeasureInput = z.infer<typeof measureSchema>;

/** Today as a calendar date, UTC: a reading is what was counted, so not a day that has not come. */
function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

/** A link to what backs a reading or an update: a web page, never a script or a file path. */
const evidenceUrl = optionalText(1000).refine(
  (v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v),
  "plans.errors.evidenceUrl",
);

export const readingSchema = z.object({
  measureId: id("plans.errors.measure").refine((v) => v !== undefined, "plans.errors.measure"),
  value: amount("plans.errors.value"),
  takenOn: date("plans.errors.takenOn").refine(
    (v) => !isCalendarDate(v) || v <= todayUtc(),
    "plans.errors.takenInFuture",
  ),
  note: optionalText(1000),
  evidenceUrl,
});
export type ReadingInput = z.infer<typeof readingSchema>;

export const stepSchema = z.object({
  horizon: z.enum(STEP_HORIZONS, { error: "plans.errors.horizon" }),
  description: typedText(keyed("plans.errors.stepDescription"), 1000),
  startsOn: optionalDate,
  ownerUserId: id("plans.errors.owner"),
  resources: optionalText(2000),
  dueOn: optionalDate,
  completedOn: optionalDate,
});
export type StepInput = z.infer<typeof stepSchema>;

/** The longest progress note: a few sentences, as a monitoring report's line about a step. */
export const MAX_UPDATE_NOTE = 2000;

/**
 * A dated progress update of an action step: where it stands (done completes it on that
 * date), what happened, and a link to the evidence. Dated today or before: an update reports
 * what happened, not what is hoped for.
 */
export const stepUpdateSchema = z.object({
  stepId: id("plans.errors.step").refine((v) => v !== undefined, "plans.errors.step"),
  reportedOn: date("plans.errors.reportedOn").refine(
    (v) => !isCalendarDate(v) || v <= todayUtc(),
    "plans.errors.reportedInFuture",
  ),
  status: z.enum(STEP_STATUSES, { error: "plans.errors.status" }),
  note: typedText(
    {
      missing: "plans.errors.text",
      tooLong: "plans.errors.noteLong",
      controlCharacters: "plans.errors.control",
    },
    MAX_UPDATE_NOTE,
    { optional: true },
  ),
  evidenceUrl,
});
export type StepUpdateInput = z.infer<typeof stepUpdateSchema>;
