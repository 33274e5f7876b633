import type { Session } from "@remix-run/node";
import { Prisma } from "../../generated/sqlite/client.ts";
import type { AppContext, AuthSessionData } from "../../utils/app-context.ts";
import { signInTokenHash } from "../auth/auth-session.server.ts";
import { inBoardRoom, mayUseBoard } from "../board/board-rooms.server.ts";
import { roleInSession } from "../session/guests.server.ts";
import { can, isSessionRole } from "../work-group/roles.ts";
import type { DocumentName } from "./document-name.ts";

export type DocumentAccess =
  | { ok: true; user: { id: string; name: string }; signInId: string; canWrite: boolean }
  | { ok: false; status: 401 | 403 | 404 };

type Row = {
  userId: string;
  name: string;
  signInId: string;
  expiresAt: Date | string | number;
  workGroupId: string | null;
  role: string | null;
  /** For room notes: this person is the room's facilitator or recorder. */
  roomStaff?: boolean;
  /** For boards: this person may use the board's room (board-rooms.server.ts). */
  inRoom?: boolean;
};

/**
 * One row: the sign-in and its user, the document's work group, their role there (each null
 * if missing). No row: the sign-in was ended or never existed.
 */
async function accessRows(
  db: AppContext["db"],
  tokenHash: string,
  doc: DocumentName,
): Promise<Row[]> {
  if (doc.kind === "board") {
    const rows = await db.$queryRaw<(Row & { inRoom: number | boolean | null })[]>`
      SELECT u."id" AS "userId", u."name" AS "name", si."id" AS "signInId", si."expiresAt" AS "expiresAt",
             s."workGroupId" AS "workGroupId", ${roleInSession(Prisma.sql`u."id"`)} AS "role",
             ${inBoardRoom(Prisma.sql`u."id"`)} AS "inRoom"
      FROM "SignIn" si
      JOIN "User" u ON u."id" = si."userId"
      LEFT JOIN "Board" b ON b."id" = ${doc.boardId}
      LEFT JOIN "Session" s ON s."id" = b."sessionId"
      WHERE si."tokenHash" = ${tokenHash}`;
    return rows.map((r) => ({ ...r, inRoom: Boolean(r.inRoom) }));
  }
  if (doc.kind === "room-notes") {
    const rows = await db.$queryRaw<(Row & { staff: number | boolean | null })[]>`
      SELECT u."id" AS "userId", u."name" AS "name", si."id" AS "signInId", si."expiresAt" AS "expiresAt",
             s."workGroupId" AS "workGroupId", m."role" AS "role",
             (r."facilitatorId" = u."id" OR r."recorderId" = u."id") AS "staff"
      FROM "SignIn" si
      JOIN "User" u ON u."id" = si."userId"
      LEFT JOIN "BreakoutRoom" r ON r."id" = ${doc.roomId}
      LEFT JOIN "Session" s ON s."id" = r."sessionId"
      LEFT JOIN "Membership" m ON m."workGroupId" = s."workGroupId" AND m."userId" = u."id"
      WHERE si."tokenHash" = ${tokenHash}`;
    return rows.map((r) => ({ ...r, roomStaff: Boolean(r.staff) }));
  }
  if (doc.kind === "session") {
    // A session's live state (phase, countdown) is also a guest's of that session.
    return db.$queryRaw<Row[]>`
      SELECT u."id" AS "userId", u."name" AS "name", si."id" AS "signInId", si."expiresAt" AS "expiresAt",
             s."workGroupId" AS "workGroupId", ${roleInSession(Prisma.sql`u."id"`)} AS "role"
      FROM "SignIn" si
      JOIN "User" u ON u."id" = si."userId"
      LEFT JOIN "Session" s ON s."id" = ${doc.sessionId}
      WHERE si."tokenHash" = ${tokenHash}`;
  }
  const owner = ownerRow(doc);
  return db.$queryRaw<Row[]>`
    SELECT u."id" AS "userId", u."name" AS "name", si."id" AS "signInId", si."expiresAt" AS "expiresAt",
           o."workGroupId" AS "workGroupId", m."role" AS "role"
    FROM "SignIn" si
    JOIN "User" u ON u."id" = si."userId"
    LEFT JOIN ${Prisma.raw(`"${owner.table}"`)} o ON o."id" = ${owner.id}
    LEFT JOIN "Membership" m ON m."workGroupId" = o."workGroupId" AND m."userId" = u."id"
    WHERE si."tokenHash" = ${tokenHash}`;
}

/**
 * The row a document belongs to, which names its work group: a session (its notes and
 * theming), a recommendation (its draft), a publication or a comment period (its moderation). Table names come from this fixed
 * list, never from the request.
 */
function ownerRow(doc: Exclude<DocumentName, { kind: "board" | "room-notes" | "session" }>) {
  if (doc.kind === "draft") return { table: "Recommendation", id: doc.recommendationId };
  if (doc.kind === "publication") return { table: "Publication", id: doc.publicationId };
  if (doc.kind === "moderation") return { table: "CommentPeriod", id: doc.periodId };
  return { table: "Session", id: doc.sessionId };
}

/**
 * May the person behind this session cookie open this live document, and write to it? One
 * query answers who they are (and that the session is not revoked), which work group the
 * document belongs to and their role there: in a join storm every upgrade asks, and three
 * queries each made authorization most of the server's work. Boards, sessions and theming are
 * never client-writable (the server writes them from commands); session notes are writable by
 * the roles with "notes:edit", a room's notes by its facilitator and recorder and the session's
 * facilitators, a recommendation's draft by the roles with "recommendation:edit", a summary's or
 * report's by the roles with "publication:edit". Checked at the websocket upgrade, before any Yjs message.
 */
export async function authorizeUpgrade(
  db: AppContext["db"],
  session: Session<AuthSessionData>,
  doc: DocumentName,
): Promise<DocumentAccess> {
  const token = session.get("signIn");
  if (typeof token !== "string" || !token) return { ok: false, status: 401 };
  const rows = await accessRows(db, signInTokenHash(token), doc);
  const row = rows[0];
  if (!row || new Date(row.expiresAt).getTime() <= Date.now()) return { ok: false, status: 401 };
  if (!row.workGroupId) return { ok: false, status: 404 };
  // Guests only ever get a role on their session's boards and live state (the two queries
  // above that ask roleInSession); every other document names no role for them.
  if (!isSessionRole(row.role)) return { ok: false, status: 403 };
  if (doc.kind === "board" && !mayUseBoard(row.role, row.inRoom === true))
    return { ok: false, status: 403 };
  // Moderation shows who decided what on comments naming their senders: staff only.
  if (doc.kind === "moderation" && !can(row.role, "comment:moderate"))
    return { ok: false, status: 403 };
  return {
    ok: true,
    user: { id: row.userId, name: row.name },
    signInId: row.signInId,
    canWrite:
      (doc.kind === "notes" && can(row.role, "notes:edit")) ||
      (doc.kind === "draft" && can(row.role, "recommendation:edit")) ||
      (doc.kind === "publication" && can(row.role, "publication:edit")) ||
      (doc.kind === "room-notes" &&
        (can(row.role, "session:facilitate") || row.roomStaff === true)),
  };
}
