import { z } from "zod";

/**
 * The guest form: stakeholder group and region (where the work group has them), and a display
 * name where its boards are named. Messages are catalogue keys, so the form says them in the
 * guest's language.
 */
export function guestJoinSchema(options: { named: boolean; groups: number; regions: number }) {
  const choice = (key: string, required: boolean) =>
    required
      ? z.string({ error: key }).trim().min(1, key).max(40)
      : z.string().trim().max(40).optional();
  return z.object({
    stakeholderGroupId: choice("guest.errors.group", options.groups > 0),
    regionId: choice("guest.errors.region", options.regions > 0),
    name: options.named
      ? z
          .string({ error: "guest.errors.name" })
          .trim()
          .min(1, "guest.errors.name")
          .max(60, "guest.errors.nameLength")
          // biome-ignore lint/suspicious/noControlCharactersInRegex: those are what is refused
          .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "guest.errors.name")
      : z.string().max(0).optional(),
  });
}

export type GuestJoin = z.infer<ReturnType<typeof guestJoinSchema>>;
