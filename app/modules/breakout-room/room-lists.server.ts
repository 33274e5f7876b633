import { stringify } from "csv-stringify/sync";
import type { AppContext } from "../../utils/app-context.ts";
import { inertCell } from "../../utils/csv.ts";

/** The header Zoom's "Import from CSV" for pre-assigned breakout rooms expects, exactly. */
export const ZOOM_HEADER = ["Pre-assign Room Name", "Email Address"];

/**
 * Each breakout room with its members' names and emails, for the video meeting: members only,
 * since a guest has no email a meeting could invite.
 */
export async function roomAssignments(ctx: Pick<AppContext, "db">, sessionId: string) {
  const rooms = await ctx.db.breakoutRoom.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    select: {
      name: true,
      members: {
        where: { user: { guest: false } },
        select: { user: { select: { name: true, email: true } } },
      },
    },
  });
  return rooms.map((room) => ({
    name: room.name,
    members: room.members
      .map((m) => m.user)
      .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email)),
  }));
}

export type RoomAssignments = Awaited<ReturnType<typeof roomAssignments>>;

/**
 * The file Zoom imports to pre-assign rooms: its header, one row per assigned member, UTF-8
 * without a byte order mark (Zoom reads a BOM as part of the first column's name).
 */
export function zoomCsv(rooms: RoomAssignments) {
  const rows = rooms.flatMap((room) =>
    room.members.map((m) => [inertCell(room.name), inertCell(m.email)]),
  );
  return stringify([ZOOM_HEADER, ...rows], { record_delimiter: "windows" });
}

/**
 * Plain lists for Teams or Google Meet, which take rooms by hand: each room's name, then its
 * members one per line, a blank line between rooms.
 */
export function roomListText(rooms: RoomAssignments) {
  return `${rooms
    .map((room) => [room.name, ...room.members.map((m) => `${m.name} <${m.email}>`)].join("\r\n"))
    .join("\r\n\r\n")}\r\n`;
}
