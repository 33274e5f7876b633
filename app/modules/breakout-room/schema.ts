import { z } from "zod";

const optionalId = z
  .string()
  .optional()
  .transform((v) => v || undefined);

export const breakoutRoomSchema = z.object({
  name: z
    .string({ error: "Name the room" })
    .trim()
    .min(1, "Name the room")
    .max(80, "Keep the name under 80 characters"),
  areaOfFocusId: optionalId,
  facilitatorId: optionalId,
  recorderId: optionalId,
});
