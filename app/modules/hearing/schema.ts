import { z } from "zod";
import { hasControlCharacters, typedText } from "../../utils/text.ts";
import { ACCOMMODATIONS, HEARING_KINDS, INTERPRETER_CHOICES, teamRolesOf } from "./registration.ts";

/** At most this many roles in a team: a district team is four; twelve is a delegation. */
export const MAX_TEAM_ROLES = 12;
/** The most places a hearing may offer: a stadium, not a typo's 1e9. */
export const MAX_CAPACITY = 100_000;

const wallClock = (missing: string, format: string) =>
  z.string({ error: missing }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, format);

/** A staff text field's messages: missing, too long and control characters, by key. */
const staffText = (field: string, missing = "") => ({
  missing,
  tooLong: `staffHearing.errors.${field}Long`,
  controlCharacters: `staffHearing.errors.${field}Control`,
});

/** A web address people can open: http or https only (never javascript: or data:). */
function isWebAddress(text: string) {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * Staff adding or editing a hearing or webinar; times are wall-clock in the period's zone.
 * Messages are catalogue keys ("staffHearing.errors.*"), said in the reader's language (the
 * catalogue says the limits: MAX_CAPACITY places, MAX_TEAM_ROLES roles).
 */
export const hearingSchema = z
  .object({
    kind: z.enum(HEARING_KINDS, { error: "staffHearing.errors.kind" }),
    title: typedText(staffText("title", "staffHearing.errors.title"), 200),
    startsAt: wallClock("staffHearing.errors.startsAt", "staffHearing.errors.startsAtFormat"),
    endsAt: wallClock("staffHearing.errors.endsAt", "staffHearing.errors.endsAtFormat"),
    place: typedText(staffText("place"), 500, { optional: true }),
    // Spanish versions, for Spanish pages and mail (empty: they say the English).
    titleEs: typedText(staffText("title"), 200, { optional: true }),
    placeEs: typedText(staffText("place"), 500, { optional: true }),
    link: z
      .string()
      .trim()
      .max(2_000, "staffHearing.errors.linkLong")
      .refine((text) => text === "" || isWebAddress(text), {
        message: "staffHearing.errors.link",
      })
      .optional()
      .transform((text) => text ?? ""),
    capacity: z.coerce
      .number({ error: "staffHearing.errors.capacity" })
      .int("staffHearing.errors.capacity")
      .min(1, "staffHearing.errors.capacityMin")
      .max(MAX_CAPACITY, "staffHearing.errors.capacityMax")
      .optional(),
    teamRoles: typedText(staffText("teamRoles"), 2_000, { optional: true })
      .refine((text) => teamRolesOf(text).length <= MAX_TEAM_ROLES, {
        message: "staffHearing.errors.rolesMany",
      })
      .refine((text) => teamRolesOf(text).every((role) => role.length <= 80), {
        message: "staffHearing.errors.roleLong",
      })
      .refine(
        (text) => {
          const roles = teamRolesOf(text).map((role) => role.toLowerCase());
          return new Set(roles).size === roles.length;
        },
        { message: "staffHearing.errors.roleTwice" },
      )
      .transform((text) => teamRolesOf(text).join("\n")),
  })
  .refine((hearing) => hearing.endsAt > hearing.startsAt, {
    message: "staffHearing.errors.endsAfter",
    path: ["endsAt"],
  })
  .refine((hearing) => hearing.place !== "" || hearing.link !== "", {
    message: "staffHearing.errors.placeOrLink",
    path: ["place"],
  });
/** A hearing as the services take it: its Spanish versions may be left out. */
export type HearingInput = Omit<z.output<typeof hearingSchema>, "titleEs" | "placeEs"> &
  Partial<Pick<z.output<typeof hearingSchema>, "titleEs" | "placeEs">>;

const publicText = (max: number, tooLong: string) =>
  z
    .string({ error: tooLong })
    .trim()
    .max(max, { error: tooLong })
    .refine((text) => !hasControlCharacters(text), { error: "hearing.controlCharacters" })
    .transform((text) => text.normalize("NFC"));

/** The most a person writes about what would help them: a few sentences. */
export const MAX_ACCOMMODATION_TEXT = 500;
/** A language's name, written in: "Q'anjob'al", "Mixteco de San Juan Colorado". */
export const MAX_LANGUAGE_NAME = 60;
/** What a person wants to speak on: a section's name or a sentence, not the speech. */
export const MAX_SPEAKING_TOPIC = 200;

/**
 * A language's name as people write it, in any script: letters and marks, with the spaces,
 * apostrophes, hyphens, dots and brackets names of languages use, and no digits or links.
 */
const LANGUAGE_NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’().,-]*$/u;

/**
 * The public registration form of a hearing with `roles` team roles. Messages are catalogue
 * keys, shown in the reader's language. The token and honeypot are the comment form's
 * (comment-period/form-token.server.ts): no account and no cookie.
 *
 * A field that only counts with another (the team with "a team", the language written in with
 * "another language", the topic with "I wish to speak") is dropped without it: the page hides
 * it then, and what a person cannot see must not be stored for them.
 */
export function registrationSchema(roles: number) {
  return (
    z
      .object({
        token: z.string({ error: "hearing.expired" }).min(1, { error: "hearing.expired" }).max(300),
        // The honeypot: hidden from people, filled in by form-filling robots.
        website: z.string().max(0, { error: "hearing.automated" }).optional(),
        name: z
          .string({ error: "hearing.nameMissing" })
          .trim()
          .min(1, { error: "hearing.nameMissing" })
          .max(200, { error: "hearing.nameTooLong" })
          .refine((text) => !hasControlCharacters(text), { error: "hearing.controlCharacters" })
          .transform((text) => text.normalize("NFC")),
        email: z
          .email({ error: "hearing.invalidEmail" })
          .max(254, { error: "hearing.invalidEmail" })
          .transform((email) => email.toLowerCase()),
        organization: publicText(200, "hearing.organizationTooLong")
          .optional()
          .transform((text) => text ?? ""),
        // Only a hearing with team roles asks; without them everyone registers as one person.
        party: z
          .enum(roles > 0 ? ["one", "team"] : ["one"], { error: "hearing.partyInvalid" })
          .optional()
          .transform((party) => party ?? "one"),
        team: z
          .array(
            publicText(200, "hearing.memberTooLong")
              .optional()
              .transform((text) => text ?? ""),
            { error: "hearing.teamInvalid" },
          )
          .max(roles, { error: "hearing.teamInvalid" })
          .optional()
          .transform((names) => names ?? []),
        accommodations: z
          .array(z.enum(ACCOMMODATIONS, { error: "hearing.accommodationInvalid" }), {
            error: "hearing.accommodationInvalid",
          })
          .max(ACCOMMODATIONS.length, { error: "hearing.accommodationInvalid" })
          .optional()
          .transform((codes) => ACCOMMODATIONS.filter((code) => codes?.includes(code))),
        accommodationOther: publicText(MAX_ACCOMMODATION_TEXT, "hearing.accommodationOtherTooLong")
          .optional()
          .transform((text) => text ?? ""),
        interpreter: z
          .enum(INTERPRETER_CHOICES, { error: "hearing.interpreterInvalid" })
          .optional()
          .transform((code) => code ?? ""),
        interpreterOther: publicText(MAX_LANGUAGE_NAME, "hearing.languageTooLong")
          .refine((text) => text === "" || LANGUAGE_NAME.test(text), {
            error: "hearing.languageInvalid",
          })
          .optional()
          .transform((text) => text ?? ""),
        wishesToSpeak: z
          .boolean({ error: "hearing.speakInvalid" })
          .optional()
          .transform((wish) => wish ?? false),
        speakingTopic: publicText(MAX_SPEAKING_TOPIC, "hearing.topicTooLong")
          .optional()
          .transform((text) => text ?? ""),
      })
      // Checked even while other fields are wrong, so every mistake is said at once.
      .refine((value) => value.interpreter !== "other" || value.interpreterOther !== "", {
        path: ["interpreterOther"],
        error: "hearing.languageMissing",
        when: ({ value }) => {
          const { interpreter, interpreterOther } = (value ?? {}) as Record<string, unknown>;
          return interpreter === "other" && (interpreterOther ?? "") === "";
        },
      })
      .transform((value) => ({
        ...value,
        team: value.party === "team" ? value.team : [],
        interpreterOther: value.interpreter === "other" ? value.interpreterOther : "",
        speakingTopic: value.wishesToSpeak ? value.speakingTopic : "",
      }))
  );
}
export type RegistrationInput = z.output<ReturnType<typeof registrationSchema>>;

/** The public form's fields for a hearing with `roles` team roles. */
export function registrationFields(roles: number) {
  return [
    "token",
    "website",
    "name",
    "email",
    "organization",
    "party",
    ...Array.from({ length: roles }, (_, i) => `team[${i}]`),
    "accommodations",
    "accommodationOther",
    "interpreter",
    "interpreterOther",
    "wishesToSpeak",
    "speakingTopic",
  ];
}
