import type { z } from "zod";
import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { audit, requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { assignRooms } from "./assign.ts";
import type { breakoutRoomSchema } from "./schema.ts";

async function requireSessionOf(ctx: AppContext, access: WorkGroupAccess, sessionId: string) {
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    select: { id: true },
  });
  if (!session) throw http(404, "We could not find that session.");
}

/**
 * A breakout room, with its own Knoster board. Its facilitator and recorder must be members of
 * the work group in those roles (or owners); its area of focus, one of the work group's.
 */
export async function addBreakoutRoom(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  input: z.infer<typeof breakoutRoomSchema>,
) {
  requirePermission(access, "session:facilitate");
  await requireSessionOf(ctx, access, sessionId);
  const workGroupId = access.workGroup.id;
  const checks: [string | undefined, string[], string][] = [
    [input.facilitatorId, ["owner", "facilitator"], "facilitator"],
    [input.recorderId, ["owner", "facilitator", "recorder"], "recorder"],
  ];
  for (const [userId, roles, what] of checks) {
    if (!userId) continue;
    const ok = await ctx.db.membership.count({
      where: { workGroupId, userId, role: { in: roles } },
    });
    if (!ok) return { ok: false as const, message: `Choose the room's ${what} from the list.` };
  }
  if (input.areaOfFocusId) {
    const area = await ctx.db.areaOfFocus.count({
      where: { id: input.areaOfFocusId, workGroupId },
    });
    if (!area)
      return { ok: false as const, message: "Choose one of this work group's areas of focus." };
  }
  const room = await ctx.db.breakoutRoom.create({
    data: {
      sessionId,
      name: input.name,
      areaOfFocusId: input.areaOfFocusId ?? null,
      facilitatorId: input.facilitatorId ?? null,
      recorderId: input.recorderId ?? null,
      boards: {
        create: { sessionId, title: input.name, areaOfFocusId: input.areaOfFocusId ?? null },
      },
    },
    select: { id: true },
  });
  await audit(ctx.db, { workGroupId, actorId: actor.id, action: "room.add", detail: input.name });
  return { ok: true as const, roomId: room.id };
}

/**
 * Puts every member (role "member") and every guest of the session into its rooms, mixing
 * stakeholder groups and regions (assign.ts). Running it again reshuffles from scratch, so
 * guests who came in after are placed too.
 */
export async function autoAssignRooms(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
) {
  requirePermission(access, "session:facilitate");
  await requireSessionOf(ctx, access, sessionId);
  const rooms = await ctx.db.breakoutRoom.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (rooms.length === 0) return { ok: false as const, message: "Add breakout rooms first." };
  const [memberRows, guests] = await Promise.all([
    ctx.db.membership.findMany({
      where: { workGroupId: access.workGroup.id, role: "member" },
      select: { userId: true, stakeholderGroupId: true, regionId: true },
    }),
    ctx.db.guest.findMany({
      where: { sessionId, removedAt: null },
      select: { userId: true, stakeholderGroupId: true, regionId: true },
    }),
  ]);
  const members = [...memberRows, ...guests];
  const assigned = assignRooms(
    members.map((m) => ({ id: m.userId, group: m.stakeholderGroupId, region: m.regionId })),
    rooms.length,
  );
  const roomIds = rooms.map((r) => r.id);
  await ctx.db.$transaction([
    ctx.db.breakoutRoomMember.deleteMany({ where: { roomId: { in: roomIds } } }),
    ctx.db.breakoutRoomMember.createMany({
      data: [...assigned].map(([userId, index]) => ({ roomId: roomIds[index]!, userId })),
    }),
  ]);
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "room.auto-assign",
    detail: `${memberRows.length} members and ${guests.length} guests in ${rooms.length} rooms`,
  });
  return { ok: true as const };
}

/** Who can lead or record a room, for the facilitator's form. */
export async function roomStaffOptions(ctx: Pick<AppContext, "db">, workGroupId: string) {
  const staff = await ctx.db.membership.findMany({
    where: { workGroupId, role: { in: ["owner", "facilitator", "recorder"] } },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return {
    facilitators: staff.filter((s) => s.role !== "recorder").map((s) => s.user),
    recorders: staff.map((s) => s.user),
  };
}

/** The session's rooms for the page: everything for facilitators, one's own room for others. */
export async function getBreakoutRooms(
  ctx: Pick<AppContext, "db">,
  sessionId: string,
  userId: string,
  facilitates: boolean,
) {
  const rooms = await ctx.db.breakoutRoom.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      facilitatorId: true,
      recorderId: true,
      areaOfFocus: { select: { name: true } },
      boards: { select: { id: true } },
      members: { select: { userId: true, user: { select: { name: true } } } },
    },
  });
  const names = new Map(
    (
      await ctx.db.user.findMany({
        where: {
          id: {
            in: rooms
              .flatMap((r) => [r.facilitatorId, r.recorderId])
              .filter((id): id is string => !!id),
          },
        },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const view = rooms.map((room) => ({
    id: room.id,
    name: room.name,
    area: room.areaOfFocus?.name ?? null,
    boardId: room.boards[0]?.id ?? null,
    facilitator: room.facilitatorId ? (names.get(room.facilitatorId) ?? null) : null,
    recorder: room.recorderId ? (names.get(room.recorderId) ?? null) : null,
    members: room.members.map((m) => m.user.name).sort(),
    // Everyone who can post in the room, each once (see board-rooms.server.ts roomTooSmall).
    people: new Set(
      [...room.members.map((m) => m.userId), room.facilitatorId, room.recorderId].filter(Boolean),
    ).size,
    isMine:
      room.members.some((m) => m.userId === userId) ||
      room.facilitatorId === userId ||
      room.recorderId === userId,
  }));
  return facilitates
    ? { rooms: view, mine: view.find((r) => r.isMine) ?? null }
    : { rooms: [], mine: view.find((r) => r.isMine) ?? null };
}
