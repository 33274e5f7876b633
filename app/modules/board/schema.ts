import { z } from "zod";
import { KNOSTER_COLUMNS } from "./knoster.ts";

export const IDEA_MAX_LENGTH = 500;

/** Any C0 control character but tab and line breaks, or DEL. */
function hasControlCharacters(text: string) {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 32 && char !== "\t" && char !== "\n" && char !== "\r") || code === 127) return true;
  }
  return false;
}

export const postIdeaSchema = z.object({
  column: z.enum(KNOSTER_COLUMNS, { error: "Choose a Knoster column for the idea" }),
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

export const openBoardSchema = z.object({
  areaOfFocusId: z
    .string()
    .optional()
    .transform((v) => v || undefined),
});
