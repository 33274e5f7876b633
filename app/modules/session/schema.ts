import { z } from "zod";
import { PHASES } from "./phases.ts";

export const SESSION_FORMATS = ["virtual", "in_person", "hybrid"] as const;

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/*
 * The session and phase forms' messages are catalogue keys ("sessionForm.errors.*"), said in
 * the reader's language by the form.
 */
export const changePhaseSchema = z.object({
  phase: z.enum(PHASES, { error: "sessionForm.errors.phase" }),
  // The version the facilitator's page showed: a change applies only if nobody moved first.
  expectedVersion: z.coerce.number().int().min(0),
  countdownMinutes: z.coerce
    .number({ error: "sessionForm.errors.countdown" })
    .int("sessionForm.errors.countdown")
    .min(0)
    .max(180, "sessionForm.errors.countdownLong")
    .optional(),
});

export const sessionSchema = z.object({
  title: z
    .string({ error: "sessionForm.errors.title" })
    .trim()
    .min(2, "sessionForm.errors.title")
    .max(160),
  // <input type="datetime-local">: a wall-clock time, read in the chosen time zone.
  startsAt: z
    .string({ error: "sessionForm.errors.startsAt" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "sessionForm.errors.startsAt"),
  timeZone: z
    .string({ error: "sessionForm.errors.timeZone" })
    .refine(isTimeZone, "sessionForm.errors.timeZone"),
  format: z.enum(SESSION_FORMATS, { error: "sessionForm.errors.format" }),
  // One of the work group's phases of the work (checked by the service), or none.
  workPhase: z.string().trim().max(60).optional(),
});

/** Slide and video links, one per line; only web addresses, so no "javascript:" link ever renders. */
const materials = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .refine((links) => links.length <= 10, "sessionForm.errors.materialsMany")
  .refine(
    (links) =>
      links.every((link) => {
        try {
          return ["http:", "https:"].includes(new URL(link).protocol);
        } catch {
          return false;
        }
      }),
    "sessionForm.errors.materialsLink",
  );

export const agendaItemSchema = z.object({
  title: z
    .string({ error: "sessionForm.errors.agendaTitle" })
    .trim()
    .min(1, "sessionForm.errors.agendaTitle")
    .max(160),
  // Shown on Spanish pages instead of the title, where given.
  titleEs: z.string().trim().max(160, "sessionForm.errors.agendaTitleEsLong").optional(),
  minutes: z.coerce
    .number({ error: "sessionForm.errors.minutes" })
    .int("sessionForm.errors.minutes")
    .min(1, "sessionForm.errors.minutesShort")
    .max(480, "sessionForm.errors.minutesLong")
    .optional(),
  presenter: z.string().trim().max(120, "sessionForm.errors.presenterLong").optional(),
  materials,
});

export const agendaEditSchema = agendaItemSchema.extend({ itemId: z.string().min(1).max(40) });
export const agendaRestoreSchema = agendaItemSchema.extend({
  position: z.coerce.number().int().min(0).max(1000),
});

export const agendaMoveSchema = z.object({
  itemId: z.string().min(1),
  direction: z.enum(["up", "down"]).optional(),
});

export const announcementSchema = z.object({
  message: z
    .string({ error: "sessionForm.errors.message" })
    .trim()
    .min(1, "sessionForm.errors.message")
    .max(300, "sessionForm.errors.messageLong"),
});

/**
 * The video meeting's link: a web address only (never "javascript:"), or empty to take it off.
 */
export const meetingLinkSchema = z.object({
  meetingUrl: z
    .string()
    .trim()
    .max(500, "sessionForm.errors.meetingUrl")
    .refine((value) => {
      if (!value) return true;
      try {
        return ["https:", "http:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, "sessionForm.errors.meetingUrl")
    .optional(),
});

/** The facilitator's switch for guests (a checkbox: "on" or absent). */
export const guestsSettingSchema = z.object({ allowed: z.literal("on").optional() });
export const removeGuestSchema = z.object({ guestId: z.string().min(1).max(40) });
