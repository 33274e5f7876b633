import { Prisma } from "../../generated/sqlite/client.ts";
import { MIN_CELL } from "../anonymity/small-cells.ts";
import { can, type SessionRole } from "../work-group/roles.ts";

/**
 * Who may use a board: everyone in the work group for a whole-group board; for a breakout
 * room's board, the room's members, facilitator and recorder, and the session's facilitators.
 * One rule for reading (the page and the live document) and posting, so a member cannot reach
 * another room's board by its id. Rating is not a room's: it pools every room's ideas, one at
 * a time, for the whole group (ratings.server.ts).
 */
export function mayUseBoard(role: SessionRole, inRoom: boolean) {
  return inRoom || can(role, "session:facilitate");
}

/**
 * SQL: whether `user` is in the room of the board aliased `b` (true for a whole-group board).
 * Shared by every query that authorizes a board, so the rule above reads the same everywhere.
 */
export function inBoardRoom(user: Prisma.Sql | string) {
  const who = typeof user === "string" ? Prisma.sql`${user}` : user;
  return Prisma.sql`(b."breakoutRoomId" IS NULL
    OR EXISTS (SELECT 1 FROM "BreakoutRoom" r WHERE r."id" = b."breakoutRoomId"
               AND (r."facilitatorId" = ${who} OR r."recorderId" = ${who}))
    OR EXISTS (SELECT 1 FROM "BreakoutRoomMember" rm WHERE rm."roomId" = b."breakoutRoomId"
               AND rm."userId" = ${who}))`;
}

/**
 * SQL: how many people can post in the room of the board aliased `b` (its members, facilitator
 * and recorder, each once); 0 for a whole-group board.
 */
export const roomPeople = Prisma.sql`(SELECT COUNT(*) FROM (
    SELECT rm."userId" AS "person" FROM "BreakoutRoomMember" rm WHERE rm."roomId" = b."breakoutRoomId"
    UNION SELECT r."facilitatorId" FROM "BreakoutRoom" r
      WHERE r."id" = b."breakoutRoomId" AND r."facilitatorId" IS NOT NULL
    UNION SELECT r."recorderId" FROM "BreakoutRoom" r
      WHERE r."id" = b."breakoutRoomId" AND r."recorderId" IS NOT NULL) AS "roomPeople")`;

/**
 * On an anonymous board, a breakout room of fewer than MIN_CELL people would give its ideas'
 * authors away: the facilitator sees who is in each room, and the theming page and the ideas
 * spreadsheet say which room an idea came from. So such a room takes no anonymous ideas until
 * it has enough people; its members post on the whole-group board meanwhile.
 */
export function roomTooSmall(board: { inRoomOfBreakout: boolean; roomPeople: number }) {
  return board.inRoomOfBreakout && board.roomPeople < MIN_CELL;
}
