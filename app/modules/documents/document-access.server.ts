import type { AppContext } from "../../utils/app-context.ts";
import { can, isRole } from "../work-group/roles.ts";
import type { DocumentName } from "./document-name.ts";

export type DocumentAccess =
  | { ok: true; canWrite: boolean; workGroupId: string }
  | { ok: false; status: 403 | 404 };

/**
 * May this person open this live document, and may they write to it? Boards and sessions are
 * never client-writable (the server writes them from commands); notes are writable by the
 * roles with "notes:edit". Checked at the websocket upgrade, before any Yjs message.
 */
export async function authorizeDocument(
  ctx: Pick<AppContext, "db">,
  userId: string,
  doc: DocumentName,
): Promise<DocumentAccess> {
  const workGroupId =
    doc.kind === "board"
      ? (
          await ctx.db.board.findUnique({
            where: { id: doc.boardId },
            select: { session: { select: { workGroupId: true } } },
          })
        )?.session.workGroupId
      : (
          await ctx.db.session.findUnique({
            where: { id: doc.sessionId },
            select: { workGroupId: true },
          })
        )?.workGroupId;
  if (!workGroupId) return { ok: false, status: 404 };
  const membership = await ctx.db.membership.findUnique({
    where: { workGroupId_userId: { workGroupId, userId } },
    select: { role: true },
  });
  if (!membership || !isRole(membership.role)) return { ok: false, status: 403 };
  const canWrite = doc.kind === "notes" && can(membership.role, "notes:edit");
  return { ok: true, canWrite, workGroupId };
}
