import { z } from "zod";
import { hasControlCharacters } from "../../utils/text.ts";
import { BOARD_COLUMNS } from "./knoster.ts";

export const IDEA_MAX_LENGTH = 500;

/** What an idea is, posted or edited. */
const ideaFields = z.object({
  column: z.enum(BOARD_COLUMNS, { error: "Choose a Knoster column for the idea" }),
  text: z
    .string({ error: "Write your idea first" })
    .trim()
    .min(1, "Write your idea first")
    .max(IDEA_MAX_LENGTH, `Keep an idea under ${IDEA_MAX_LENGTH} characters`)
    // Control characters have no place in an idea and can hide text from reviewers.
    .refine((text) => !hasControlCharacters(text), {
      message: "Remove the invisible control characters from the idea",
    }),
});

/**
 * A browser makes one key per draft (ideaSubmissionKey): posting the same draft again finds the
 * idea already stored. Optional, so the form still works without JavaScript.
 */
const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** A new draft's key: 128 random bits (getRandomValues, since randomUUID needs https). */
export function ideaSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export const postIdeaSchema = ideaFields.extend({
  submissionKey: z
    .string()
    .regex(SUBMISSION_KEY, "This form is out of date: reload the page and post your idea again")
    .optional(),
});

export const openBoardSchema = z.object({
  areaOfFocusId: z
    .string()
    .optional()
    .transform((v) => v || undefined),
});

/** A rating form: 1-5 stars, or "skip" (stars: null). */
export const rateIdeaSchema = z.object({
  ideaId: z.string({ error: "Choose an idea to rate" }).min(1),
  stars: z
    .union([z.literal("skip"), z.coerce.number().int().min(1).max(5)], {
      error: "Choose from 1 to 5 stars, or skip",
    })
    .transform((v) => (v === "skip" ? null : v)),
});

export const editIdeaSchema = ideaFields.extend({
  ideaId: z.string({ error: "Choose an idea" }).min(1),
});

export const hideIdeaSchema = z.object({
  ideaId: z.string({ error: "Choose an idea" }).min(1),
  reason: z
    .string({ error: "Say why the idea is hidden; the reason is kept in the log" })
    .trim()
    .min(3, "Say why the idea is hidden; the reason is kept in the log")
    .max(300, "Keep the reason under 300 characters"),
});

export const ideaIdSchema = z.object({ ideaId: z.string({ error: "Choose an idea" }).min(1) });
