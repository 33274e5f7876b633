import { z } from "zod";
import { typedText } from "../../utils/text.ts";

/*
 * The forms of a plan's yearly review and revision. Every message is a catalogue key
 * ("planReview.errors.*"), said by the form in the reader's language.
 */

/** What a yearly review says of each goal: the handbook's "evaluate, at least annually". */
export const REVIEW_OUTCOMES = ["met", "progressing", "not_met"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

const text = (missing: string, max: number, optional = false) =>
  typedText(
    { missing, tooLong: "planReview.errors.long", controlCharacters: "planReview.errors.control" },
    max,
    { optional },
  );

const recordId = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^[a-z0-9]{1,40}$/, message);

export const goalReviewSchema = z
  .object({
    goalId: recordId("planReview.errors.goal"),
    outcome: z.enum(REVIEW_OUTCOMES, { error: "planReview.errors.outcome" }),
    evidence: text("planReview.errors.evidence", 5000, true),
    evidenceUrl: text("planReview.errors.evidenceUrl", 1000, true).refine(
      (v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v),
      "planReview.errors.evidenceUrl",
    ),
  })
  .superRefine((review, ctx) => {
    // An outcome with nothing to show for it is a claim, not a review.
    if (!review.evidence && !review.evidenceUrl) {
      ctx.addIssue({ code: "custom", path: ["evidence"], message: "planReview.errors.evidence" });
    }
  });
export type GoalReviewInput = z.infer<typeof goalReviewSchema>;

export const reviseSchema = z.object({
  note: text("planReview.errors.note", 500),
});

/** A version to compare: its number, or "current" for the plan as it stands. */
export const CURRENT = "current";
const versionRef = z
  .string({ error: "planReview.errors.version" })
  .trim()
  .refine((v) => v === CURRENT || /^[1-9]\d{0,5}$/.test(v), "planReview.errors.version")
  .transform((v) => (v === CURRENT ? CURRENT : Number(v)));
export type VersionRef = number | typeof CURRENT;

export const compareSchema = z
  .object({ from: versionRef, to: versionRef })
  .refine((c) => c.from !== c.to, { path: ["to"], message: "planReview.errors.sameVersion" });
