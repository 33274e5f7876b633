import type { z } from "zod";
import type { DbTransaction } from "../../../server/db.ts";
import type { AppContext } from "../../utils/app-context.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";
import { http } from "../../utils/http.server.ts";
import { type CurrentUser, requireUser } from "../auth/auth-session.server.ts";
import { readColumnPrompts } from "../board/knoster.ts";
import { recordHistory } from "../history/history.server.ts";
import { spanishOrNull } from "../i18n/staff-text.ts";
import { can, isRole, type Permission, type Role } from "./roles.ts";
import type { programSchema, workGroupSchema } from "./schema.ts";
import { slugify } from "./slug.ts";

type Db = AppContext["db"];

/**
 * Creates a record under the first free slug: "name", then "name-2", "name-3"… The unique
 * index decides, so two creations with one name at the same moment cannot both take a slug.
 */
async function createWithSlug<T>(name: string, create: (slug: string) => Promise<T>): Promise<T> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    try {
      return await create(n === 1 ? base : `${base}-${n}`);
    } catch (error) {
      if (!isUniqueViolation(error) || n >= 100) throw error;
    }
  }
}

export async function listProgramsFor(ctx: AppContext, user: CurrentUser) {
  const programs = await ctx.db.program.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      createdById: true,
      workGroups: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          slug: true,
          name: true,
          purpose: true,
          memberships: { where: { userId: user.id }, select: { role: true } },
          _count: { select: { memberships: true } },
        },
      },
    },
  });
  return programs
    .map((program) => ({
      ...program,
      canAddWorkGroup: user.isAdmin || program.createdById === user.id,
      workGroups: program.workGroups
        .filter((wg) => user.isAdmin || wg.memberships.length > 0)
        .map(({ memberships, _count, ...wg }) => ({
          ...wg,
          myRole: (memberships[0]?.role as Role | undefined) ?? null,
          memberCount: _count.memberships,
        })),
    }))
    .filter((p) => user.isAdmin || p.createdById === user.id || p.workGroups.length > 0);
}

export async function createProgram(
  ctx: AppContext,
  user: CurrentUser,
  input: z.infer<typeof programSchema>,
) {
  if (!user.isAdmin) throw http(403, "Only an administrator of this Convene can add a program.");
  return createWithSlug(input.name, (slug) =>
    ctx.db.program.create({
      data: { slug, name: input.name, description: input.description ?? "", createdById: user.id },
      select: { id: true, slug: true },
    }),
  );
}

export async function getProgram(ctx: AppContext, slug: string) {
  return ctx.db.program.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, createdById: true },
  });
}

/** The person who makes a work group becomes its owner. */
export async function createWorkGroup(
  ctx: AppContext,
  user: CurrentUser,
  program: { id: string; createdById: string | null },
  input: z.infer<typeof workGroupSchema>,
) {
  if (!user.isAdmin && program.createdById !== user.id) {
    throw http(403, "Only an administrator or the program's creator can add a work group.");
  }
  const listed = (names: string[], namesEs: string[]) =>
    names.map((name, position) => ({ name, nameEs: namesEs[position] ?? null, position }));
  const workGroup = await createWithSlug(input.name, (slug) =>
    ctx.db.workGroup.create({
      data: {
        programId: program.id,
        slug,
        name: input.name,
        purpose: input.purpose ?? "",
        purposeEs: spanishOrNull(input.purposeEs),
        essentialQuestions: input.essentialQuestions.join("\n"),
        essentialQuestionsEs: spanishOrNull(input.essentialQuestionsEs.join("\n")),
        consensusColumn: input.consensusColumn,
        namedBoards: input.namedBoards,
        ...(input.workPhases.length > 0 ? { workPhases: input.workPhases.join("\n") } : {}),
        areasOfFocus: { create: listed(input.areasOfFocus, input.areasOfFocusEs) },
        stakeholderGroups: {
          create: listed(input.stakeholderGroups, input.stakeholderGroupsEs),
        },
        regions: { create: listed(input.regions, input.regionsEs) },
        memberships: { create: { userId: user.id, role: "owner" } },
      },
      select: { id: true, slug: true },
    }),
  );
  await audit(ctx.db, { workGroupId: workGroup.id, actorId: user.id, action: "work-group.create" });
  return workGroup;
}

/** The work group's editable details, as the settings form shows them. */
export async function getWorkGroupSettings(ctx: AppContext, access: WorkGroupAccess) {
  const wg = await ctx.db.workGroup.findUniqueOrThrow({
    where: { id: access.workGroup.id },
    select: {
      name: true,
      purpose: true,
      purposeEs: true,
      essentialQuestions: true,
      essentialQuestionsEs: true,
      consensusColumn: true,
      namedBoards: true,
      columnPrompts: true,
      columnPromptsEs: true,
      workPhases: true,
      areasOfFocus: { orderBy: { position: "asc" }, select: { name: true, nameEs: true } },
      stakeholderGroups: { orderBy: { position: "asc" }, select: { name: true, nameEs: true } },
      regions: { orderBy: { position: "asc" }, select: { name: true, nameEs: true } },
    },
  });
  const lines = (rows: { name: string }[]) => rows.map((r) => r.name).join("\n");
  // Spanish names line for line with the English, or nothing when none was given.
  const linesEs = (rows: { nameEs: string | null }[]) =>
    rows.some((r) => r.nameEs) ? rows.map((r) => r.nameEs ?? "").join("\n") : "";
  return {
    name: wg.name,
    purpose: wg.purpose,
    purposeEs: wg.purposeEs ?? "",
    essentialQuestions: wg.essentialQuestions,
    essentialQuestionsEs: wg.essentialQuestionsEs ?? "",
    areasOfFocus: lines(wg.areasOfFocus),
    areasOfFocusEs: linesEs(wg.areasOfFocus),
    stakeholderGroups: lines(wg.stakeholderGroups),
    stakeholderGroupsEs: linesEs(wg.stakeholderGroups),
    regions: lines(wg.regions),
    regionsEs: linesEs(wg.regions),
    consensusColumn: wg.consensusColumn ? "on" : "",
    namedBoards: wg.namedBoards ? "on" : "",
    workPhases: wg.workPhases,
    prompts: readColumnPrompts(wg.columnPrompts),
    promptsEs: readColumnPrompts(wg.columnPromptsEs),
  };
}

type ListModel = "areaOfFocus" | "stakeholderGroup" | "region";

/**
 * Makes a list (areas of focus, stakeholder groups, regions) read as given. Entries are matched
 * by name, so members keep the group and region they chose; a removed entry is cleared from
 * the members who had it (and boards keep their title).
 */
async function syncList(
  tx: DbTransaction,
  model: ListModel,
  workGroupId: string,
  names: string[],
  /** The Spanish names, line for line with `names`, or none. */
  namesEs: string[],
) {
  // One delegate type for three models with the same shape (id, workGroupId, name, position).
  const table = tx[model] as unknown as DbTransaction["region"];
  const existing = await table.findMany({
    where: { workGroupId },
    select: { id: true, name: true },
  });
  const byName = new Map(existing.map((row) => [row.name.toLowerCase(), row]));
  const keep = new Set<string>();
  for (const [position, name] of names.entries()) {
    const nameEs = namesEs[position] ?? null;
    const row = byName.get(name.toLowerCase());
    if (row) {
      keep.add(row.id);
      await table.update({ where: { id: row.id }, data: { name, nameEs, position } });
    } else {
      await table.create({ data: { workGroupId, name, nameEs, position } });
    }
  }
  const removed = existing.filter((row) => !keep.has(row.id)).map((row) => row.id);
  if (removed.length > 0) await table.deleteMany({ where: { id: { in: removed } } });
}

export async function updateWorkGroup(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  input: z.infer<typeof workGroupSchema>,
) {
  const workGroupId = access.workGroup.id;
  const before = await ctx.db.workGroup.findUniqueOrThrow({
    where: { id: workGroupId },
    select: { namedBoards: true },
  });
  await ctx.db.$transaction(async (tx) => {
    await tx.workGroup.update({
      where: { id: workGroupId },
      data: {
        name: input.name,
        purpose: input.purpose ?? "",
        purposeEs: spanishOrNull(input.purposeEs),
        essentialQuestions: input.essentialQuestions.join("\n"),
        essentialQuestionsEs: spanishOrNull(input.essentialQuestionsEs.join("\n")),
        consensusColumn: input.consensusColumn,
        namedBoards: input.namedBoards,
        workPhases: input.workPhases.join("\n"),
        // Only the prompts written; an empty field goes back to the Knoster default.
        columnPrompts: JSON.stringify(readColumnPrompts(JSON.stringify(input.prompts ?? {}))),
        columnPromptsEs: storedPrompts(input.promptsEs),
      },
    });
    await syncList(tx, "areaOfFocus", workGroupId, input.areasOfFocus, input.areasOfFocusEs);
    await syncList(
      tx,
      "stakeholderGroup",
      workGroupId,
      input.stakeholderGroups,
      input.stakeholderGroupsEs,
    );
    await syncList(tx, "region", workGroupId, input.regions, input.regionsEs);
    // Shown in History: members must be able to see when boards began to name people.
    if (before.namedBoards !== input.namedBoards) {
      await recordHistory(tx, {
        workGroupId,
        actorId: actor.id,
        subjectKind: "work_group",
        subjectId: workGroupId,
        summary: input.namedBoards
          ? "Boards named from now on: ideas posted before stay anonymous"
          : "Boards anonymous from now on: ideas posted on named boards keep their author's name",
      });
    }
  });
  await audit(ctx.db, {
    workGroupId,
    actorId: actor.id,
    action: "work-group.update",
    ...(before.namedBoards !== input.namedBoards
      ? { detail: input.namedBoards ? "named boards on" : "named boards off" }
      : {}),
  });
}

/** Prompts as stored: only the ones written, as JSON; null when there are none. */
function storedPrompts(prompts: Record<string, string | undefined> | undefined) {
  const written = readColumnPrompts(JSON.stringify(prompts ?? {}));
  return Object.keys(written).length > 0 ? JSON.stringify(written) : null;
}

export type WorkGroupAccess = {
  workGroup: { id: string; slug: string; name: string };
  role: Role;
};

/**
 * The one gate every work group page and command goes through: the person must be a member
 * (404 otherwise, so outsiders cannot probe which groups exist) and, when a permission is
 * named, their role must allow it (403 with the reason).
 */
export async function requireMembership(
  ctx: AppContext,
  userId: string,
  where: { slug: string } | { id: string },
  permission?: Permission,
): Promise<WorkGroupAccess> {
  const workGroup = await ctx.db.workGroup.findUnique({
    where,
    select: {
      id: true,
      slug: true,
      name: true,
      memberships: { where: { userId }, select: { role: true } },
    },
  });
  const role = workGroup?.memberships[0]?.role;
  if (!workGroup || !isRole(role)) throw http(404, "We could not find that work group.");
  const access = {
    workGroup: { id: workGroup.id, slug: workGroup.slug, name: workGroup.name },
    role,
  };
  if (permission) requirePermission(access, permission);
  return access;
}

/** 403 with the reason, unless the person's role in the work group allows this. */
export function requirePermission(access: WorkGroupAccess, permission: Permission) {
  if (!can(access.role, permission)) {
    throw http(403, `Your role in this work group (${access.role}) does not allow that.`);
  }
}

/** For work group pages: the signed-in person (or a redirect to sign in) and their access. */
export async function requireMember(
  ctx: AppContext,
  request: Request,
  slug: string | undefined,
  permission?: Permission,
): Promise<{ user: CurrentUser; access: WorkGroupAccess }> {
  const user = await requireUser(ctx, request);
  const access = await requireMembership(ctx, user.id, { slug: slug ?? "" }, permission);
  return { user, access };
}

export async function getWorkGroupOverview(ctx: AppContext, workGroupId: string) {
  return ctx.db.workGroup.findUniqueOrThrow({
    where: { id: workGroupId },
    select: {
      id: true,
      slug: true,
      name: true,
      purpose: true,
      purposeEs: true,
      essentialQuestions: true,
      essentialQuestionsEs: true,
      workPhases: true,
      program: { select: { name: true, slug: true } },
      areasOfFocus: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, nameEs: true },
      },
      sessions: {
        orderBy: { startsAt: "desc" },
        select: {
          id: true,
          title: true,
          startsAt: true,
          timeZone: true,
          format: true,
          workPhase: true,
        },
      },
      _count: { select: { memberships: true } },
    },
  });
}

export async function audit(
  db: Db,
  event: { workGroupId?: string; actorId?: string; action: string; detail?: string },
) {
  await db.auditEvent.create({ data: { ...event, detail: event.detail ?? "" } });
}
