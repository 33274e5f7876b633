import { z } from "zod";
import { PHASES } from "./phases.ts";

export const SESSION_FORMATS = ["virtual", "in_person", "hybrid"] as const;
export const formatLabels: Record<(typeof SESSION_FORMATS)[number], string> = {
  virtual: "Virtual",
  in_person: "In person",
  hybrid: "Hybrid",
};

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const changePhaseSchema = z.object({
  phase: z.enum(PHASES, { error: "Choose a phase" }),
  // The version the facilitator's page showed: a change applies only if nobody moved first.
  expectedVersion: z.coerce.number().int().min(0),
  countdownMinutes: z.coerce
    .number({ error: "Give the countdown in whole minutes" })
    .int("Give the countdown in whole minutes")
    .min(0)
    .max(180, "A countdown can last at most 180 minutes")
    .optional(),
});

export const sessionSchema = z.object({
  title: z
    .string({ error: "Give the session a title" })
    .trim()
    .min(2, "Give the session a title")
    .max(160),
  // <input type="datetime-local">: a wall-clock time, read in the chosen time zone.
  startsAt: z
    .string({ error: "Choose the date and time" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose the date and time"),
  timeZone: z
    .string({ error: "Choose a time zone" })
    .refine(isTimeZone, "Choose a time zone from the list"),
  format: z.enum(SESSION_FORMATS, { error: "Choose virtual, in person or hybrid" }),
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
  .refine((links) => links.length <= 10, "List at most 10 links")
  .refine(
    (links) =>
      links.every((link) => {
        try {
          return ["http:", "https:"].includes(new URL(link).protocol);
        } catch {
          return false;
        }
      }),
    "Each link must be a web address starting with https://",
  );

export const agendaItemSchema = z.object({
  title: z
    .string({ error: "Give the agenda item a title" })
    .trim()
    .min(1, "Give the agenda item a title")
    .max(160),
  minutes: z.coerce
    .number({ error: "Give the time box in whole minutes" })
    .int("Give the time box in whole minutes")
    .min(1, "A time box is at least 1 minute")
    .max(480, "A time box is at most 480 minutes")
    .optional(),
  presenter: z.string().trim().max(120, "Keep the presenter under 120 characters").optional(),
  materials,
});

export const agendaMoveSchema = z.object({
  itemId: z.string().min(1),
  direction: z.enum(["up", "down"]).optional(),
});

export const announcementSchema = z.object({
  message: z
    .string({ error: "Write the message for every room" })
    .trim()
    .min(1, "Write the message for every room")
    .max(300, "Keep the message under 300 characters"),
});

/** The facilitator's switch for guests (a checkbox: "on" or absent). */
export const guestsSettingSchema = z.object({ allowed: z.literal("on").optional() });
export const removeGuestSchema = z.object({ guestId: z.string().min(1).max(40) });
