import { z } from "zod";

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
});
