import { z } from "zod";
import { KNOSTER_COLUMNS } from "./knoster.ts";

export const IDEA_MAX_LENGTH = 500;

export const postIdeaSchema = z.object({
  column: z.enum(KNOSTER_COLUMNS, { error: "Choose a Knoster column for the idea" }),
  text: z
    .string({ error: "Write your idea first" })
    .trim()
    .min(1, "Write your idea first")
    .max(IDEA_MAX_LENGTH, `Keep an idea under ${IDEA_MAX_LENGTH} characters`)
    // Control characters have no place in an idea and can hide text from reviewers.
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), {
      message: "Remove the invisible control characters from the idea",
    }),
});

export const openBoardSchema = z.object({
  areaOfFocusId: z.string().optional().transform((v) => v || undefined),
});
