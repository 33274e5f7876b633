import { z } from "zod";
import { hasControlCharacters, typedText } from "../../utils/text.ts";
import { THEME_LABEL_MAX } from "../theming/schema.ts";
import { splitDraft } from "./sections.ts";
import { isTimeZone } from "./window.ts";

/** The longest comment: about four printed pages. Longer input is refused, never cut. */
export const MAX_COMMENT_CHARACTERS = 10_000;
/** Files a comment may carry, and each one's size (attachments.server.ts checks them). */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_MB = 10;
export const COMMENT_STATES = ["pending", "published", "hidden"] as const;
export type CommentState = (typeof COMMENT_STATES)[number];
export const GENERAL = "general";
/** What screening flags for a moderator to look at (flags.ts finds them). */
export const FLAGS = ["personal-information", "profanity", "sent-within-seconds"] as const;
export type Flag = (typeof FLAGS)[number];

/*
 * The staff forms' messages (a period, its draft, an extension, theming its comments) are
 * catalogue keys ("staffPeriod.errors.*", "staffAnalysis.errors.*"), said in the reader's
 * language by the form and by the routes' replies.
 */
const wallClock = (missing: string, format: string) =>
  z.string({ error: missing }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, format);

/** A staff text field's messages: missing, too long and control characters, by key. */
const staffText = (field: string, missing = "") => ({
  missing,
  tooLong: `staffPeriod.errors.${field}Long`,
  controlCharacters: `staffPeriod.errors.${field}Control`,
});

const timeZone = z
  .string({ error: "staffPeriod.errors.timeZone" })
  .refine(isTimeZone, "staffPeriod.errors.timeZoneList");

/** Creating or editing a period: its words and its window, in its own time zone. */
export const periodSchema = z
  .object({
    title: typedText(staffText("title", "staffPeriod.errors.title"), 200),
    instructions: typedText(staffText("instructions"), 5_000, { optional: true }),
    moderationPolicy: typedText(staffText("moderationPolicy"), 5_000, { optional: true }),
    // Spanish versions, for Spanish pages (empty: they show the English).
    titleEs: typedText(staffText("title"), 200, { optional: true }),
    instructionsEs: typedText(staffText("instructions"), 5_000, { optional: true }),
    moderationPolicyEs: typedText(staffText("moderationPolicy"), 5_000, { optional: true }),
    timeZone,
    opensAt: wallClock("staffPeriod.errors.opensAt", "staffPeriod.errors.opensAtFormat"),
    closesAt: wallClock("staffPeriod.errors.closesAt", "staffPeriod.errors.closesAtFormat"),
  })
  .refine((period) => period.closesAt > period.opensAt, {
    message: "staffPeriod.errors.closesAfter",
    path: ["closesAt"],
  });

/** The draft, pasted as text or Markdown; headings ("# …" or "## …") start sections. */
const draft = z
  .string({ error: "staffPeriod.errors.draft" })
  .max(500_000, "staffPeriod.errors.draftLong")
  .refine((text) => text.trim().length > 0, "staffPeriod.errors.draft")
  .refine((text) => !hasControlCharacters(text), "staffPeriod.errors.draftControl");

/**
 * The draft, and its Spanish version where staff give one: section for section, since comments
 * name sections by number in either language.
 */
export const draftSchema = z
  .object({
    draft,
    draftEs: z
      .string()
      .max(500_000, "staffPeriod.errors.draftLong")
      .refine((text) => !hasControlCharacters(text), "staffPeriod.errors.draftControl")
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.draftEs?.trim()) return;
    if (splitDraft(value.draftEs).length !== splitDraft(value.draft).length)
      ctx.addIssue({
        code: "custom",
        path: ["draftEs"],
        message: "staffPeriod.errors.draftEsSections",
      });
  });
export const newPeriodSchema = z.intersection(periodSchema, draftSchema);

export const extensionSchema = z.object({
  closesAt: wallClock("staffPeriod.errors.newClose", "staffPeriod.errors.newCloseFormat"),
  notice: typedText(staffText("notice", "staffPeriod.errors.notice"), 1_000),
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "moderation.errors.day")
  .optional();
/** A query-string value: an empty field means "any". */
const blankIsAny = (value: unknown) => (value === "" ? undefined : value);

/**
 * The moderation queue's filters and page, as the query string carries them. Messages are
 * catalogue keys. `campaign` is a campaign's id, or "none" for comments in no campaign.
 */
export const queueFilterSchema = z.object({
  state: z.preprocess(blankIsAny, z.enum(COMMENT_STATES, "moderation.errors.state").optional()),
  flag: z.preprocess(blankIsAny, z.enum(FLAGS, "moderation.errors.flag").optional()),
  section: z.preprocess(
    blankIsAny,
    z
      .union([z.literal(GENERAL), z.coerce.number().int().min(0).max(100_000)], {
        error: "moderation.errors.section",
      })
      .optional(),
  ),
  group: z.preprocess(blankIsAny, z.string().max(200, "moderation.errors.long").optional()),
  region: z.preprocess(blankIsAny, z.string().max(200, "moderation.errors.long").optional()),
  campaign: z.preprocess(blankIsAny, z.string().max(40, "moderation.errors.long").optional()),
  from: z.preprocess(blankIsAny, day),
  to: z.preprocess(blankIsAny, day),
  q: z.preprocess(blankIsAny, z.string().max(200, "moderation.errors.long").optional()),
  order: z.preprocess(blankIsAny, z.enum(["oldest", "newest"]).default("oldest")),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;
/** The filter's fields, in the order the page and the links write them. */
export const QUEUE_FILTER_FIELDS = [
  "q",
  "state",
  "flag",
  "section",
  "group",
  "region",
  "campaign",
  "from",
  "to",
  "order",
] as const;

/** A moderator's decision on some comments: the ones ticked, or every one matching. */
export const decisionSchema = z.object({
  state: z.enum(COMMENT_STATES, { error: "moderation.errors.decision" }),
  reason: typedText({ missing: "", name: "the reason" }, 500, { optional: true }),
  // "id:revision" of each comment decided on: a comment changed since is left as it is.
  comments: z
    .array(z.string().regex(/^[\w-]{1,40}:\d{1,9}$/, "moderation.errors.choose"))
    .max(500, "moderation.errors.tooMany")
    .default([]),
  // Set instead of comments: every comment matching the filter, as of the page's load.
  matching: z.literal("yes").optional(),
  seenAt: z.coerce.date({ error: "moderation.errors.reload" }).optional(),
});

/** Where a public comment may point: the period's own lists, checked at intake. */
export type CommentChoices = {
  stakeholderGroups: string[];
  regions: string[];
  sectionNumbers: number[];
  /** The groups' and regions' Spanish names, by English name: the form's labels in Spanish. */
  spanishNames?: Record<string, string>;
};

/** "Other" choices always offered to the public, whatever the work group configured. */
export const ANY_STAKEHOLDER_GROUP = "Member of the public";
export const ANY_REGION = "Other or prefer not to say";

/** What the form offers: the work group's own lists, each with its "other" choice last. */
export function offeredChoices(choices: CommentChoices) {
  return {
    groups: [...choices.stakeholderGroups, ANY_STAKEHOLDER_GROUP],
    regions: [...choices.regions, ANY_REGION],
  };
}

const publicText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .refine((text) => !hasControlCharacters(text), { error: "comment.controlCharacters" })
    .optional()
    .transform((text) => (text ?? "").normalize("NFC"));

/**
 * The public feedback form. Messages are catalogue keys (shown in the reader's language).
 * Built per period, so an unknown group, region or section is a field error, not a row.
 */
export function commentSchema(choices: CommentChoices) {
  const { groups, regions } = offeredChoices(choices);
  const sections = [GENERAL, ...choices.sectionNumbers.map(String)];
  return z.object({
    token: z.string({ error: "comment.expired" }).min(1, { error: "comment.expired" }).max(300),
    // The honeypot: hidden from people, filled in by form-filling robots.
    website: z.string().max(0, { error: "comment.automated" }).optional(),
    name: publicText(200, "comment.nameTooLong"),
    email: z
      .union([z.literal(""), z.email({ error: "comment.invalidEmail" }).max(254)], {
        error: "comment.invalidEmail",
      })
      .optional()
      .transform((email) => (email ?? "").toLowerCase()),
    stakeholderGroup: z.enum(groups, { error: "comment.chooseGroup" }),
    region: z.enum(regions, { error: "comment.chooseRegion" }),
    sections: z
      .array(z.enum(sections, { error: "comment.chooseSection" }), {
        error: "comment.chooseSection",
      })
      .min(1, { error: "comment.chooseSection" })
      .max(sections.length, { error: "comment.chooseSection" })
      .transform((chosen) => [...new Set(chosen)]),
    comment: z
      .string({ error: "comment.empty" })
      .trim()
      .max(MAX_COMMENT_CHARACTERS, { error: "comment.tooLong" })
      .refine((text) => text.length > 0, { error: "comment.empty" })
      .refine((text) => !hasControlCharacters(text), { error: "comment.controlCharacters" })
      .transform((text) => text.normalize("NFC")),
  });
}
export type CommentInput = z.output<ReturnType<typeof commentSchema>>;

const themeId = z.string().regex(/^[a-z0-9]{1,40}$/, "staffAnalysis.errors.theme");
// The catalogue says the limit: THEME_LABEL_MAX characters.
const themeName = typedText(
  {
    missing: "staffAnalysis.errors.name",
    tooLong: "staffAnalysis.errors.nameLong",
    controlCharacters: "staffAnalysis.errors.nameControl",
  },
  THEME_LABEL_MAX,
);
/** A page of comments at most: a theming command names the comments it moves. */
export const COMMENTS_PER_THEMING_COMMAND = 5_000;
const commentIds = z
  .array(z.string().regex(/^[a-z0-9]{1,40}$/, "staffAnalysis.errors.comments"), {
    error: "staffAnalysis.errors.noComments",
  })
  .min(1, "staffAnalysis.errors.noComments")
  // The catalogue says the limit: COMMENTS_PER_THEMING_COMMAND.
  .max(COMMENTS_PER_THEMING_COMMAND, "staffAnalysis.errors.tooManyComments")
  .transform((ids) => [...new Set(ids)]);
const analysisText = (field: string) => ({
  missing: "",
  tooLong: `staffAnalysis.errors.${field}Long`,
  controlCharacters: `staffAnalysis.errors.${field}Control`,
});

/**
 * Theming a period's comments and writing the response, by intent: the same moves as theming
 * a session's ideas (suggested themes accepted or not, manual themes, moving, merging), plus
 * a response per theme and the final draft with its summary of changes.
 */
export const commentThemingSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create-theme"),
      name: themeName,
      commentIds: commentIds.optional(),
    }),
    z.object({ intent: z.literal("rename-theme"), themeId, name: themeName }),
    // themeId "" moves the comments out of every theme (back to "Not themed").
    z.object({
      intent: z.literal("move-comments"),
      commentIds,
      themeId: z.union([z.literal(""), themeId]),
    }),
    z.object({ intent: z.literal("merge-themes"), themeId, intoThemeId: themeId }),
    z.object({ intent: z.literal("delete-theme"), themeId }),
    z.object({
      intent: z.literal("respond"),
      themeId,
      response: typedText(analysisText("response"), 10_000, { optional: true }),
    }),
    z.object({
      intent: z.literal("final-draft"),
      finalDraft: typedText(analysisText("finalDraft"), 500_000, { optional: true }),
      changesSummary: typedText(analysisText("changesSummary"), 20_000, { optional: true }),
    }),
  ],
  { error: "staffPeriod.errors.request" },
);
export type CommentThemingCommand = z.infer<typeof commentThemingSchema>;
