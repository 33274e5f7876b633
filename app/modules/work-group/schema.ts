import { z } from "zod";
import { typedText } from "../../utils/text.ts";
import { BOARD_COLUMNS, COLUMN_PROMPT_MAX } from "../board/knoster.ts";
import { ROLES } from "./roles.ts";

/**
 * A textarea with one entry per line: trimmed, blank lines dropped, duplicates refused. The
 * messages are catalogue keys (the form says them in the reader's language): too many entries,
 * one too long, one twice.
 */
export const lines = (
  messages: { many: string; long: string; twice: string },
  { max = 30, maxLength = 120 } = {},
) =>
  z
    .string()
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((items) => items.length <= max, messages.many)
    .refine((items) => items.every((item) => item.length <= maxLength), messages.long)
    .refine(
      (items) => new Set(items.map((i) => i.toLowerCase())).size === items.length,
      messages.twice,
    );

export const programSchema = z.object({
  name: z
    .string({ error: "start.errors.programName" })
    .trim()
    .min(2, "start.errors.programName")
    .max(120),
  description: z.string().trim().max(2000, "start.errors.description").optional(),
});

/** One optional prompt per board column, by column key. */
function columnPrompts() {
  return z
    .object(
      Object.fromEntries(
        BOARD_COLUMNS.map((key) => [
          key,
          typedText(
            {
              missing: "",
              tooLong: "workGroupForm.errors.promptLong",
              controlCharacters: "workGroupForm.errors.promptControl",
            },
            COLUMN_PROMPT_MAX,
            { optional: true },
          ),
        ]),
      ) as Record<string, ReturnType<typeof typedText>>,
    )
    .optional();
}

/**
 * A list's Spanish version: one line per English line, in the same order, or nothing (Spanish
 * pages then show the English, marked). Checked against the English list in workGroupSchema.
 */
const spanishLines = (long: string, twice: string, maxLength = 120) =>
  lines({ many: "workGroupForm.errors.spanishLines", long, twice }, { max: 50, maxLength });

/** The Spanish lists, each with the English list it translates line for line. */
const SPANISH_LISTS = [
  ["essentialQuestionsEs", "essentialQuestions"],
  ["areasOfFocusEs", "areasOfFocus"],
  ["stakeholderGroupsEs", "stakeholderGroups"],
  ["regionsEs", "regions"],
] as const;

const workGroupFields = z.object({
  name: z
    .string({ error: "workGroupForm.errors.name" })
    .trim()
    .min(2, "workGroupForm.errors.name")
    .max(120),
  purpose: z.string().trim().max(4000, "workGroupForm.errors.charge").optional(),
  purposeEs: z.string().trim().max(4000, "workGroupForm.errors.charge").optional(),
  essentialQuestions: lines(
    {
      many: "workGroupForm.errors.questionsMany",
      long: "workGroupForm.errors.questionsLong",
      twice: "workGroupForm.errors.questionsTwice",
    },
    { max: 20, maxLength: 500 },
  ),
  areasOfFocus: lines(
    {
      many: "workGroupForm.errors.areasMany",
      long: "workGroupForm.errors.areasLong",
      twice: "workGroupForm.errors.areasTwice",
    },
    { max: 20 },
  ),
  // Joining asks which group a member represents, so there must be at least one.
  stakeholderGroups: lines({
    many: "workGroupForm.errors.groupsMany",
    long: "workGroupForm.errors.groupsLong",
    twice: "workGroupForm.errors.groupsTwice",
  }).refine((items) => items.length > 0, "workGroupForm.errors.groupsNone"),
  regions: lines(
    {
      many: "workGroupForm.errors.regionsMany",
      long: "workGroupForm.errors.regionsLong",
      twice: "workGroupForm.errors.regionsTwice",
    },
    { max: 50 },
  ),
  essentialQuestionsEs: spanishLines(
    "workGroupForm.errors.questionsLong",
    "workGroupForm.errors.questionsTwice",
    500,
  ),
  areasOfFocusEs: spanishLines("workGroupForm.errors.areasLong", "workGroupForm.errors.areasTwice"),
  stakeholderGroupsEs: spanishLines(
    "workGroupForm.errors.groupsLong",
    "workGroupForm.errors.groupsTwice",
  ),
  regionsEs: spanishLines("workGroupForm.errors.regionsLong", "workGroupForm.errors.regionsTwice"),
  workPhases: lines(
    {
      many: "workGroupForm.errors.phasesMany",
      long: "workGroupForm.errors.phasesLong",
      twice: "workGroupForm.errors.phasesTwice",
    },
    { max: 12, maxLength: 60 },
  ),
  // A checkbox: present ("on") when ticked, absent otherwise.
  consensusColumn: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  // Boards are anonymous unless this is ticked.
  namedBoards: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  // A column's prompt, where the work group rewrites it (empty keeps the Knoster default).
  prompts: columnPrompts(),
  // The same in Spanish, for Spanish pages (empty: the English prompt, or the default).
  promptsEs: columnPrompts(),
});

export const workGroupSchema = workGroupFields.superRefine((value, ctx) => {
  for (const [spanish, english] of SPANISH_LISTS) {
    const given = value[spanish];
    if (given.length > 0 && given.length !== value[english].length)
      ctx.addIssue({
        code: "custom",
        path: [spanish],
        message: "workGroupForm.errors.spanishLines",
      });
  }
});

export const inviteSchema = z.object({
  role: z.enum(ROLES, { error: "members.errors.role" }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.email({ error: "auth.errors.emailInvalid" }).optional()),
  days: z.coerce
    .number({ error: "members.errors.days" })
    .int("members.errors.days")
    .min(1, "members.errors.daysShort")
    .max(30, "members.errors.daysLong")
    .default(7),
});

export const joinSchema = z.object({
  stakeholderGroupId: z.string({ error: "invite.errors.group" }).min(1, "invite.errors.group"),
  regionId: z.string().optional(),
});

export const changeRoleSchema = z.object({
  membershipId: z.string({ error: "members.errors.member" }).min(1, "members.errors.member"),
  role: z.enum(ROLES, { error: "members.errors.role" }),
});
