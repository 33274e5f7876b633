import { z } from "zod";
import { typedText } from "../../utils/text.ts";
import { BOARD_COLUMNS, COLUMN_PROMPT_MAX } from "../board/knoster.ts";
import { ROLES } from "./roles.ts";

/** A textarea with one entry per line: trimmed, blank lines dropped, duplicates refused. */
export const lines = (what: string, { max = 30, maxLength = 120 } = {}) =>
  z
    .string()
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((items) => items.length <= max, `List at most ${max} ${what}`)
    .refine(
      (items) => items.every((item) => item.length <= maxLength),
      `Keep each of the ${what} under ${maxLength} characters`,
    )
    .refine(
      (items) => new Set(items.map((i) => i.toLowerCase())).size === items.length,
      `Each of the ${what} may appear only once`,
    );

export const programSchema = z.object({
  name: z
    .string({ error: "start.errors.programName" })
    .trim()
    .min(2, "start.errors.programName")
    .max(120),
  description: z.string().trim().max(2000, "start.errors.description").optional(),
});

export const workGroupSchema = z.object({
  name: z.string({ error: "Name the work group" }).trim().min(2, "Name the work group").max(120),
  purpose: z.string().trim().max(4000, "Keep the charge under 4,000 characters").optional(),
  essentialQuestions: lines("essential questions", { max: 20, maxLength: 500 }),
  areasOfFocus: lines("areas of focus", { max: 20 }),
  // Joining asks which group a member represents, so there must be at least one.
  stakeholderGroups: lines("stakeholder groups").refine(
    (items) => items.length > 0,
    "List at least one stakeholder group",
  ),
  regions: lines("regions", { max: 50 }),
  workPhases: lines("phases of the work", { max: 12, maxLength: 60 }),
  // A checkbox: present ("on") when ticked, absent otherwise.
  consensusColumn: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  // Boards are anonymous unless this is ticked.
  namedBoards: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  // A column's prompt, where the work group rewrites it (empty keeps the Knoster default).
  prompts: z
    .object(
      Object.fromEntries(
        BOARD_COLUMNS.map((key) => [
          key,
          typedText({ missing: "", name: "the prompt" }, COLUMN_PROMPT_MAX, { optional: true }),
        ]),
      ) as Record<string, ReturnType<typeof typedText>>,
    )
    .optional(),
});

export const inviteSchema = z.object({
  role: z.enum(ROLES, { error: "Choose a role" }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.email({ error: "Enter an email address like name@example.org" }).optional()),
  days: z.coerce
    .number({ error: "Choose how long the link works" })
    .int()
    .min(1, "A link works for at least 1 day")
    .max(30, "A link works for at most 30 days")
    .default(7),
});

export const joinSchema = z.object({
  stakeholderGroupId: z.string({ error: "invite.errors.group" }).min(1, "invite.errors.group"),
  regionId: z.string().optional(),
});

export const changeRoleSchema = z.object({
  membershipId: z.string({ error: "Choose a member" }).min(1),
  role: z.enum(ROLES, { error: "Choose a role" }),
});
