import { z } from "zod";
import { hasControlCharacters, typedText } from "../../utils/text.ts";
import { HEARING_KINDS, teamRolesOf } from "./registration.ts";

/** At most this many roles in a team: a district team is four; twelve is a delegation. */
export const MAX_TEAM_ROLES = 12;
/** The most places a hearing may offer: a stadium, not a typo's 1e9. */
export const MAX_CAPACITY = 100_000;

const wallClock = (what: string) =>
  z
    .string({ error: `Enter when it ${what}.` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, `Enter when it ${what}, as a date and a time.`);

/** A web address people can open: http or https only (never javascript: or data:). */
function isWebAddress(text: string) {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Staff adding or editing a hearing or webinar; times are wall-clock in the period's zone. */
export const hearingSchema = z
  .object({
    kind: z.enum(HEARING_KINDS, { error: "Choose a public hearing or a webinar." }),
    title: typedText({ missing: "Give it a title.", name: "the title" }, 200),
    startsAt: wallClock("starts"),
    endsAt: wallClock("ends"),
    place: typedText({ missing: "", name: "the place" }, 500, { optional: true }),
    link: z
      .string()
      .trim()
      .max(2_000, "Keep the link under 2,000 characters.")
      .refine((text) => text === "" || isWebAddress(text), {
        message: "Enter a web address starting with https:// (or http://).",
      })
      .optional()
      .transform((text) => text ?? ""),
    capacity: z.coerce
      .number({ error: "Enter a whole number of places, or leave it empty for no limit." })
      .int("Enter a whole number of places, or leave it empty for no limit.")
      .min(1, "Offer at least 1 place, or leave it empty for no limit.")
      .max(MAX_CAPACITY, `Offer at most ${MAX_CAPACITY.toLocaleString("en-US")} places.`)
      .optional(),
    teamRoles: typedText({ missing: "", name: "the team roles" }, 2_000, { optional: true })
      .refine((text) => teamRolesOf(text).length <= MAX_TEAM_ROLES, {
        message: `Name at most ${MAX_TEAM_ROLES} roles.`,
      })
      .refine((text) => teamRolesOf(text).every((role) => role.length <= 80), {
        message: "Keep each role under 80 characters.",
      })
      .refine(
        (text) => {
          const roles = teamRolesOf(text).map((role) => role.toLowerCase());
          return new Set(roles).size === roles.length;
        },
        { message: "Name each role once." },
      )
      .transform((text) => teamRolesOf(text).join("\n")),
  })
  .refine((hearing) => hearing.endsAt > hearing.startsAt, {
    message: "It must end after it starts.",
    path: ["endsAt"],
  })
  .refine((hearing) => hearing.place !== "" || hearing.link !== "", {
    message: "Give a place, a link to join online, or both.",
    path: ["place"],
  });
export type HearingInput = z.output<typeof hearingSchema>;

const publicText = (max: number, tooLong: string) =>
  z
    .string({ error: tooLong })
    .trim()
    .max(max, { error: tooLong })
    .refine((text) => !hasControlCharacters(text), { error: "hearing.controlCharacters" })
    .transform((text) => text.normalize("NFC"));

/**
 * The public registration form of a hearing with `roles` team roles. Messages are catalogue
 * keys, shown in the reader's language. The token and honeypot are the comment form's
 * (comment-period/form-token.server.ts): no account and no cookie.
 */
export function registrationSchema(roles: number) {
  return z.object({
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
  });
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
    ...Array.from({ length: roles }, (_, i) => `team[${i}]`),
  ];
}
