import type { z } from "zod";
import type { AppContext } from "../../utils/app-context.ts";
import { http, refuse } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { spanishOrNull } from "../i18n/staff-text.ts";
import { audit, requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import type { agendaItemSchema } from "./schema.ts";
import { publishSessionState } from "./session.server.ts";

async function requireItem(
  ctx: AppContext,
  access: WorkGroupAccess,
  sessionId: string,
  itemId: string,
) {
  const item = await ctx.db.agendaItem.findFirst({
    where: { id: itemId, sessionId, session: { workGroupId: access.workGroup.id } },
    select: { id: true, position: true },
  });
  // Said beside the agenda, not as an error page: a colleague may have removed it just now.
  if (!item) throw refuse(404, "refusal.agendaGone");
  return item;
}

/** An item's fields as stored, from the agenda form (adding, editing and undoing use it). */
function itemFields(input: z.infer<typeof agendaItemSchema>) {
  return {
    title: input.title,
    titleEs: spanishOrNull(input.titleEs),
    minutes: input.minutes ?? null,
    presenter: input.presenter ?? "",
    materials: input.materials.join("\n"),
  };
}

export async function listAgenda(ctx: Pick<AppContext, "db">, sessionId: string) {
  const items = await ctx.db.agendaItem.findMany({
    where: { sessionId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      title: true,
      titleEs: true,
      minutes: true,
      presenter: true,
      materials: true,
    },
  });
  return items.map((i) => ({ ...i, materials: i.materials.split("\n").filter(Boolean) }));
}

export async function addAgendaItem(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  input: z.infer<typeof agendaItemSchema>,
) {
  requirePermission(access, "session:facilitate");
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    select: { _count: { select: { agendaItems: true } } },
  });
  if (!session) throw http(404, "We could not find that session.");
  const last = await ctx.db.agendaItem.findFirst({
    where: { sessionId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  await ctx.db.agendaItem.create({
    data: { sessionId, position: (last?.position ?? -1) + 1, ...itemFields(input) },
  });
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "agenda.add",
    detail: input.title,
  });
  await publishSessionState(ctx, sessionId, { agendaChanged: true });
}

/** Swaps an item with its neighbour above or below. */
export async function moveAgendaItem(
  ctx: AppContext,
  access: WorkGroupAccess,
  sessionId: string,
  itemId: string,
  direction: "up" | "down",
) {
  requirePermission(access, "session:facilitate");
  const item = await requireItem(ctx, access, sessionId, itemId);
  const neighbour = await ctx.db.agendaItem.findFirst({
    where: {
      sessionId,
      position: direction === "up" ? { lt: item.position } : { gt: item.position },
    },
    orderBy: { position: direction === "up" ? "desc" : "asc" },
    select: { id: true, position: true },
  });
  if (!neighbour) return;
  await ctx.db.$transaction([
    ctx.db.agendaItem.update({ where: { id: item.id }, data: { position: neighbour.position } }),
    ctx.db.agendaItem.update({ where: { id: neighbour.id }, data: { position: item.position } }),
  ]);
  await publishSessionState(ctx, sessionId, { agendaChanged: true });
}

export async function removeAgendaItem(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  itemId: string,
) {
  requirePermission(access, "session:facilitate");
  await requireItem(ctx, access, sessionId, itemId);
  await ctx.db.session.updateMany({
    where: { id: sessionId, currentAgendaItemId: itemId },
    data: { currentAgendaItemId: null },
  });
  const removed = await ctx.db.agendaItem.delete({
    where: { id: itemId },
    select: {
      title: true,
      titleEs: true,
      minutes: true,
      presenter: true,
      materials: true,
      position: true,
    },
  });
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "agenda.remove",
  });
  await publishSessionState(ctx, sessionId, { agendaChanged: true });
  // What Undo puts back, where it was.
  return { ...removed, materials: removed.materials.split("\n").filter(Boolean) };
}

/** Changes an item's title, time box, presenter or materials, in place. */
export async function editAgendaItem(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  itemId: string,
  input: z.infer<typeof agendaItemSchema>,
) {
  requirePermission(access, "session:facilitate");
  await requireItem(ctx, access, sessionId, itemId);
  await ctx.db.agendaItem.update({
    where: { id: itemId },
    data: itemFields(input),
  });
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "agenda.edit",
    detail: input.title,
  });
  await publishSessionState(ctx, sessionId, { agendaChanged: true });
}

/**
 * Undo of a removal: the item comes back at the place it had (the ones from there on move
 * down one), as a new item.
 */
export async function restoreAgendaItem(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  input: z.infer<typeof agendaItemSchema> & { position: number },
) {
  requirePermission(access, "session:facilitate");
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    select: { id: true },
  });
  if (!session) throw http(404, "We could not find that session.");
  await ctx.db.$transaction(async (tx) => {
    // From the end backwards, so no two items share a position on the way.
    const after = await tx.agendaItem.findMany({
      where: { sessionId, position: { gte: input.position } },
      orderBy: { position: "desc" },
      select: { id: true, position: true },
    });
    for (const item of after) {
      await tx.agendaItem.update({ where: { id: item.id }, data: { position: item.position + 1 } });
    }
    await tx.agendaItem.create({
      data: { sessionId, position: input.position, ...itemFields(input) },
    });
  });
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "agenda.restore",
    detail: input.title,
  });
  await publishSessionState(ctx, sessionId, { agendaChanged: true });
}

/** The item the session is on now; every member's page follows it live. */
export async function setCurrentAgendaItem(
  ctx: AppContext,
  access: WorkGroupAccess,
  sessionId: string,
  itemId: string,
) {
  requirePermission(access, "session:facilitate");
  await requireItem(ctx, access, sessionId, itemId);
  await ctx.db.session.update({ where: { id: sessionId }, data: { currentAgendaItemId: itemId } });
  await publishSessionState(ctx, sessionId);
}
