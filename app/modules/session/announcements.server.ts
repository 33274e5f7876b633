import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { audit, requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { publishSessionState } from "./session.server.ts";

/** What "Bring everyone back" says in every room. */
export const BRING_BACK_MESSAGE = "Please come back to the whole group now.";

/**
 * The lead facilitator's message to everyone in every breakout room (or null to clear it),
 * shown at once on every page of the session.
 */
export async function announce(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  message: string | null,
) {
  requirePermission(access, "session:facilitate");
  const updated = await ctx.db.session.updateMany({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    data: { announcement: message, announcedAt: message ? new Date() : null },
  });
  if (updated.count === 0) throw http(404, "We could not find that session.");
  await publishSessionState(ctx, sessionId);
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: message ? "session.announce" : "session.announce-clear",
    detail: message ?? "",
  });
}
