import type { z } from "zod";
import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { audit, requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { takeSessionBreakdowns } from "./breakdowns.server.ts";
import { isPhase, phaseLabels, resultsVisible } from "./phases.ts";
import type { changePhaseSchema } from "./schema.ts";
import { liveState, liveStateFields, publishSessionState } from "./session.server.ts";

/**
 * The facilitator's one "move the session" command. The change applies only to the version the
 * facilitator saw: when two facilitators act at once, one wins and the other is told, instead of
 * one silently overwriting the other.
 */
export async function changePhase(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  input: z.infer<typeof changePhaseSchema>,
) {
  requirePermission(access, "session:facilitate");
  const phaseEndsAt = input.countdownMinutes
    ? new Date(Date.now() + input.countdownMinutes * 60_000)
    : null;
  const moved = await ctx.db.session.updateMany({
    where: { id: sessionId, workGroupId: access.workGroup.id, phaseVersion: input.expectedVersion },
    data: { phase: input.phase, phaseVersion: { increment: 1 }, phaseEndsAt },
  });
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    select: liveStateFields,
  });
  if (!session) throw http(404, "We could not find that session.");
  if (moved.count === 0) {
    const now = isPhase(session.phase) ? phaseLabels[session.phase] : session.phase;
    return {
      ok: false as const,
      message: `Another facilitator changed the phase first: the session is now in ${now}. Nothing else changed; choose again if you still want to move it.`,
    };
  }
  const state = liveState(session);
  await publishSessionState(ctx, sessionId, { state });
  // Contributions are closed: the participation tables are taken now, not on every page load.
  if (resultsVisible(input.phase)) {
    await takeSessionBreakdowns(ctx.db, access.workGroup.id, sessionId);
  }
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "session.phase",
    detail: `${input.phase} (version ${session.phaseVersion})`,
  });
  return { ok: true as const, state };
}
