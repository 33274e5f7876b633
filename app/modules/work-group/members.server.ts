import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { DbTransaction } from "../../../server/db.ts";
import type { AppContext } from "../../utils/app-context.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";
import { http } from "../../utils/http.server.ts";
import type { LinkOrigin } from "../../utils/request.server.ts";
import { sha256 } from "../auth/accounts.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { representation } from "./representation.ts";
import { can, mayInviteAs, type Role } from "./roles.ts";
import type { inviteSchema } from "./schema.ts";
import { audit, type WorkGroupAccess } from "./work-group.server.ts";

/**
 * The members page as this person may see it: everyone's name, role, group and region (no
 * email addresses), and the open invites only for those who may invite.
 */
export async function getMembersPage(ctx: AppContext, access: WorkGroupAccess) {
  const workGroup = await ctx.db.workGroup.findUniqueOrThrow({
    where: { id: access.workGroup.id },
    select: {
      stakeholderGroups: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, nameEs: true },
      },
      regions: { orderBy: { position: "asc" }, select: { id: true, name: true, nameEs: true } },
      memberships: {
        orderBy: { joinedAt: "asc" },
        select: {
          id: true,
          role: true,
          stakeholderGroupId: true,
          regionId: true,
          user: { select: { name: true } },
        },
      },
      invites: {
        where: { revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
        select: { id: true, role: true, email: true, expiresAt: true, acceptedCount: true },
      },
    },
  });
  const groupName = new Map(workGroup.stakeholderGroups.map((g) => [g.id, g]));
  const regionName = new Map(workGroup.regions.map((r) => [r.id, r]));
  return {
    members: workGroup.memberships.map((m) => ({
      id: m.id,
      name: m.user.name,
      role: m.role,
      // Each with its Spanish name, for Spanish pages.
      stakeholderGroup: m.stakeholderGroupId ? (groupName.get(m.stakeholderGroupId) ?? null) : null,
      region: m.regionId ? (regionName.get(m.regionId) ?? null) : null,
    })),
    invites: can(access.role, "members:invite") ? workGroup.invites : [],
    representation: representation(
      workGroup.stakeholderGroups,
      workGroup.regions,
      workGroup.memberships,
    ),
  };
}

/**
 * An invite is a link with a random token; only its hash is stored. With an email address the
 * link is also mailed (or logged when no SMTP is configured).
 */
export async function createInvite(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  input: z.infer<typeof inviteSchema>,
  origin: LinkOrigin,
) {
  if (!mayInviteAs(access.role, input.role)) {
    throw http(403, `Only an owner can invite someone as a ${input.role}.`);
  }
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + input.days * 24 * 60 * 60_000);
  await ctx.db.invite.create({
    data: {
      workGroupId: access.workGroup.id,
      tokenHash: sha256(token),
      role: input.role,
      email: input.email ?? null,
      expiresAt,
      createdById: actor.id,
    },
  });
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "invite.create",
    detail: input.role,
  });
  const link = `${origin}/invite/${token}`;
  if (input.email) {
    await ctx.mailer.send({
      to: input.email,
      subject: `You are invited to the ${access.workGroup.name} work group`,
      text: `${actor.name} invited you to join the ${access.workGroup.name} work group on Convene as a ${input.role}.\n\nOpen this link to join (it works until ${expiresAt.toUTCString()}):\n${link}`,
    });
  }
  return { link, expiresAt };
}

export async function revokeInvite(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  inviteId: string,
) {
  const revoked = await ctx.db.invite.updateMany({
    where: { id: inviteId, workGroupId: access.workGroup.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) throw http(404, "That invite was already revoked or does not exist.");
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "invite.revoke",
  });
}

/** A work group always keeps an owner: the refusal when this change would take its last one. */
async function lastOwnerRefusal(tx: DbTransaction, workGroupId: string, role: string) {
  if (role !== "owner") return null;
  const owners = await tx.membership.count({ where: { workGroupId, role: "owner" } });
  return owners <= 1
    ? {
        ok: false as const,
        message: "members.errors.needsOwner",
      }
    : null;
}

/**
 * An owner changes a member's role. A work group always keeps at least one owner, so the last
 * owner cannot be demoted (by themselves or anyone).
 */
export async function changeRole(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  input: { membershipId: string; role: Role },
) {
  const workGroupId = access.workGroup.id;
  const result = await ctx.db.$transaction(async (tx) => {
    // Touching the work group's row first makes role changes in one group take turns (a row
    // lock in PostgreSQL, the write lock in SQLite), so two owners demoting each other at the
    // same moment cannot leave the group without one.
    await tx.$executeRaw`UPDATE "WorkGroup" SET "slug" = "slug" WHERE "id" = ${workGroupId}`;
    const membership = await tx.membership.findFirst({
      where: { id: input.membershipId, workGroupId },
      select: { id: true, role: true, userId: true },
    });
    if (!membership) throw http(404, "That person is not a member of this work group.");
    if (membership.role === input.role) return { ok: true as const, changed: null };
    const lastOwner = await lastOwnerRefusal(tx, workGroupId, membership.role);
    if (lastOwner) return lastOwner;
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    return { ok: true as const, changed: membership };
  });
  if (!result.ok || !result.changed) return result;
  ctx.live.disconnectUser(result.changed.userId);
  await audit(ctx.db, {
    workGroupId,
    actorId: actor.id,
    action: "member.role",
    detail: `${result.changed.role} -> ${input.role}`,
  });
  return result;
}

/**
 * An owner removes someone from the work group. Their open live connections are closed at once
 * (they reconnect and are refused), so a removed member stops receiving boards and notes. The
 * last owner cannot be removed. What they posted stays, as anonymous as it was posted.
 */
export async function removeMember(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  membershipId: string,
) {
  const workGroupId = access.workGroup.id;
  const result = await ctx.db.$transaction(async (tx) => {
    // The same turn-taking as changeRole: two owners removing each other leave one owner.
    await tx.$executeRaw`UPDATE "WorkGroup" SET "slug" = "slug" WHERE "id" = ${workGroupId}`;
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, workGroupId },
      select: { id: true, role: true, userId: true, user: { select: { name: true } } },
    });
    if (!membership) throw http(404, "That person is not a member of this work group.");
    const lastOwner = await lastOwnerRefusal(tx, workGroupId, membership.role);
    if (lastOwner) return lastOwner;
    await tx.breakoutRoomMember.deleteMany({
      where: { userId: membership.userId, room: { session: { workGroupId } } },
    });
    await tx.membership.delete({ where: { id: membership.id } });
    return { ok: true as const, removed: membership };
  });
  if (!result.ok) return result;
  ctx.live.disconnectUser(result.removed.userId);
  await audit(ctx.db, {
    workGroupId,
    actorId: actor.id,
    action: "member.remove",
    detail: result.removed.role,
  });
  return { ok: true as const, name: result.removed.user.name };
}

/** What someone opening an invite link sees, or null when it is expired, revoked or unknown. */
export async function findOpenInvite(ctx: AppContext, token: string) {
  const invite = await ctx.db.invite.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      role: true,
      email: true,
      expiresAt: true,
      revokedAt: true,
      workGroup: {
        select: {
          id: true,
          slug: true,
          name: true,
          purpose: true,
          purposeEs: true,
          stakeholderGroups: {
            orderBy: { position: "asc" },
            select: { id: true, name: true, nameEs: true },
          },
          regions: { orderBy: { position: "asc" }, select: { id: true, name: true, nameEs: true } },
        },
      },
    },
  });
  if (!invite || invite.revokedAt || invite.expiresAt < new Date()) return null;
  return invite;
}

export async function acceptInvite(
  ctx: AppContext,
  user: CurrentUser,
  token: string,
  input: { stakeholderGroupId: string; regionId?: string },
) {
  const invite = await findOpenInvite(ctx, token);
  if (!invite) throw http(410, "This invite link has expired or was revoked. Ask for a new one.");
  if (invite.email && invite.email !== user.email) {
    throw http(
      403,
      `This invite was sent to ${invite.email}. Sign in with that address to use it.`,
    );
  }
  const wg = invite.workGroup;
  if (!wg.stakeholderGroups.some((g) => g.id === input.stakeholderGroupId)) {
    return {
      ok: false as const,
      field: "stakeholderGroupId",
      message: "invite.errors.listedGroup",
    };
  }
  if (input.regionId && !wg.regions.some((r) => r.id === input.regionId)) {
    return { ok: false as const, field: "regionId", message: "invite.errors.listedRegion" };
  }
  const existing = await ctx.db.membership.findUnique({
    where: { workGroupId_userId: { workGroupId: wg.id, userId: user.id } },
    select: { id: true },
  });
  if (existing) return { ok: true as const, slug: wg.slug, alreadyMember: true };
  try {
    await ctx.db.$transaction([
      ctx.db.membership.create({
        data: {
          workGroupId: wg.id,
          userId: user.id,
          role: invite.role,
          stakeholderGroupId: input.stakeholderGroupId,
          regionId: input.regionId ?? null,
        },
      }),
      ctx.db.invite.update({ where: { id: invite.id }, data: { acceptedCount: { increment: 1 } } }),
    ]);
  } catch (error) {
    // A double-click on "Join": the first request made the membership.
    if (isUniqueViolation(error)) {
      return { ok: true as const, slug: wg.slug, alreadyMember: true };
    }
    throw error;
  }
  await audit(ctx.db, {
    workGroupId: wg.id,
    actorId: user.id,
    action: "invite.accept",
    detail: invite.role,
  });
  return { ok: true as const, slug: wg.slug, alreadyMember: false };
}
