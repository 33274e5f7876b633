import type { AppContext } from "../../utils/app-context.ts";
import { found, http } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { recordHistory } from "../history/history.server.ts";
import { ownerSelect, publicOwner } from "../recommendation/public-owner.ts";
import { IN_ORDER } from "../recommendation/recommendation.server.ts";
import { requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import { type Block, documentParts, outline, type PublishedDocument } from "./content.ts";
import { documentLanguage } from "./document-language.server.ts";

/**
 * The public site of a work group (/public/<slug>): only what its facilitators published, item
 * by item. Every query here names the published condition itself, so an unpublished work
 * group, session agenda, recommendation, summary or report answers 404 to the public.
 */

/** The public's 404: the same words whether a page does not exist or is not published. */
export const notPublished = () =>
  http(404, "We could not find that page. It may not be published.");

export async function requirePublicWorkGroup(ctx: AppContext, slug: string) {
  const workGroup = await ctx.db.workGroup.findFirst({
    where: { slug, publishedAt: { not: null } },
    select: {
      id: true,
      slug: true,
      name: true,
      purpose: true,
      purposeEs: true,
      essentialQuestions: true,
      essentialQuestionsEs: true,
    },
  });
  if (!workGroup) throw notPublished();
  return workGroup;
}

/** The work group's public home: purpose, questions, members, sessions, recommendations, publications. */
export async function getPublicHome(ctx: AppContext, slug: string) {
  const workGroup = await requirePublicWorkGroup(ctx, slug);
  const [memberships, sessions, recommendations, publications] = await Promise.all([
    ctx.db.membership.findMany({
      where: { workGroupId: workGroup.id, role: { not: "observer" } },
      orderBy: { user: { name: "asc" } },
      select: {
        showNamePublicly: true,
        user: { select: { name: true } },
        stakeholderGroup: { select: { name: true, nameEs: true, position: true } },
        region: { select: { name: true, nameEs: true, position: true } },
      },
    }),
    ctx.db.session.findMany({
      where: { workGroupId: workGroup.id, agendaPublishedAt: { not: null } },
      orderBy: { startsAt: "desc" },
      select: { id: true, title: true, startsAt: true, timeZone: true, format: true },
    }),
    ctx.db.recommendation.findMany({
      where: { workGroupId: workGroup.id, publishedAt: { not: null } },
      orderBy: IN_ORDER,
      select: {
        id: true,
        title: true,
        rationale: true,
        actionSteps: {
          orderBy: IN_ORDER,
          select: {
            id: true,
            description: true,
            ...ownerSelect(workGroup.id),
            horizon: true,
            dueOn: true,
            status: true,
          },
        },
      },
    }),
    publishedList(ctx, workGroup.id),
  ]);
  return {
    workGroup: {
      ...workGroup,
      essentialQuestions: workGroup.essentialQuestions
        .split("\n")
        .map((q) => q.trim())
        .filter(Boolean),
    },
    members: {
      count: memberships.length,
      byStakeholderGroup: countBy(memberships, (m) => m.stakeholderGroup),
      byRegion: countBy(memberships, (m) => m.region),
    },
    sessions,
    // Numbered among the published ones, as the public reads them.
    recommendations: recommendations.map(({ actionSteps, ...r }, index) => ({
      ...r,
      number: index + 1,
      actionSteps: actionSteps.map(({ ownerUser, ownerGroup, ...step }) => ({
        ...step,
        owner: publicOwner({ ownerUser, ownerGroup }),
      })),
    })),
    publications,
  };
}

type Grouped = { name: string | null; nameEs: string | null; count: number; names: string[] };

/** Counts per group, with the names of those who agreed to be named; groups in their order. */
function countBy<T extends { showNamePublicly: boolean; user: { name: string } }>(
  members: T[],
  groupOf: (member: T) => { name: string; nameEs: string | null; position: number } | null,
): Grouped[] {
  const groups = new Map<string | null, Grouped & { position: number }>();
  for (const member of members) {
    const group = groupOf(member);
    const key = group?.name ?? null;
    const entry = groups.get(key) ?? {
      name: key,
      nameEs: group?.nameEs ?? null,
      count: 0,
      names: [],
      position: group?.position ?? Number.MAX_SAFE_INTEGER,
    };
    entry.count += 1;
    if (member.showNamePublicly) entry.names.push(member.user.name);
    groups.set(key, entry);
  }
  return [...groups.values()]
    .sort((a, b) => a.position - b.position)
    .map(({ position: _, ...group }) => group);
}

/** Published summaries and reports, newest first, with when they were first and last published. */
async function publishedList(
  ctx: AppContext,
  workGroupId: string,
  where: { sessionId?: string } = {},
) {
  const publications = await ctx.db.publication.findMany({
    where: { workGroupId, publishedNumber: { not: null }, ...where },
    select: {
      id: true,
      kind: true,
      title: true,
      publishedNumber: true,
      session: { select: { id: true, title: true, agendaPublishedAt: true } },
      versions: {
        orderBy: { number: "asc" },
        select: { number: true, title: true, publishedAt: true },
      },
    },
  });
  return publications
    .map(({ versions, publishedNumber, session, ...p }) => {
      const current = versions.find((v) => v.number === publishedNumber)!;
      return {
        ...p,
        // A summary is published on its own; its session is named only where the session
        // itself was published (its agenda), or the listing would leak an unpublished title.
        session: session?.agendaPublishedAt ? { id: session.id, title: session.title } : null,
        title: current.title,
        publishedAt: versions[0]!.publishedAt,
        updatedAt: current.number > versions[0]!.number ? current.publishedAt : null,
      };
    })
    .sort((a, b) => +(b.updatedAt ?? b.publishedAt) - +(a.updatedAt ?? a.publishedAt));
}

/** A session's public page: its agenda and materials, and its published summaries. */
export async function getPublicSession(ctx: AppContext, slug: string, sessionId: string) {
  const workGroup = await requirePublicWorkGroup(ctx, slug);
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: workGroup.id, agendaPublishedAt: { not: null } },
    select: {
      id: true,
      title: true,
      startsAt: true,
      timeZone: true,
      format: true,
      agendaItems: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          titleEs: true,
          minutes: true,
          presenter: true,
          materials: true,
        },
      },
    },
  });
  if (!session) throw notPublished();
  return {
    workGroup: { slug: workGroup.slug, name: workGroup.name },
    session: {
      ...session,
      agendaItems: session.agendaItems.map((item) => ({
        ...item,
        materials: item.materials.split("\n").filter((link) => /^https?:\/\//i.test(link)),
      })),
    },
    summaries: await publishedList(ctx, workGroup.id, { sessionId }),
  };
}

/** A published summary or report, as its current version. */
export async function getPublicDocument(
  ctx: AppContext,
  slug: string,
  publicationId: string,
): Promise<
  PublishedDocument & {
    id: string;
    kind: string;
    session: { id: string; title: string } | null;
    slug: string;
  }
> {
  const workGroup = await requirePublicWorkGroup(ctx, slug);
  const publication = await ctx.db.publication.findFirst({
    where: { id: publicationId, workGroupId: workGroup.id, publishedNumber: { not: null } },
    select: {
      id: true,
      kind: true,
      publishedNumber: true,
      // A summary links to its session only when that session's page is public too.
      session: { select: { id: true, title: true, agendaPublishedAt: true } },
      versions: { orderBy: { number: "asc" }, take: 1, select: { publishedAt: true } },
    },
  });
  if (!publication) throw notPublished();
  const version = await ctx.db.publicationVersion.findUniqueOrThrow({
    where: { publicationId_number: { publicationId, number: publication.publishedNumber! } },
    select: { id: true, title: true, publishedAt: true, number: true },
  });
  const first = publication.versions[0]!;
  const blocks = await versionBlocks(ctx, version.id);
  const session = publication.session?.agendaPublishedAt ? publication.session : null;
  return {
    id: publication.id,
    kind: publication.kind,
    slug: workGroup.slug,
    session: session ? { id: session.id, title: session.title } : null,
    title: version.title,
    workGroupName: workGroup.name,
    publishedAt: first.publishedAt.toISOString(),
    updatedAt: version.publishedAt > first.publishedAt ? version.publishedAt.toISOString() : null,
    language: documentLanguage(version.title, blocks),
    blocks,
  };
}

/** Parsed versions, newest use last. A version never changes once published, so it is safe. */
const parsedVersions = new Map<string, Block[]>();
const PARSED_VERSIONS_KEPT = 32;

/**
 * A published version's blocks. A report can run to megabytes (every idea in its appendix):
 * reading and parsing it once per process, not once per reader, keeps its page fast.
 */
async function versionBlocks(ctx: AppContext, versionId: string): Promise<Block[]> {
  const cached = parsedVersions.get(versionId);
  if (cached) {
    parsedVersions.delete(versionId);
    parsedVersions.set(versionId, cached);
    return cached;
  }
  const { content } = await ctx.db.publicationVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { content: true },
  });
  const blocks = JSON.parse(content) as Block[];
  parsedVersions.set(versionId, blocks);
  if (parsedVersions.size > PARSED_VERSIONS_KEPT)
    parsedVersions.delete(parsedVersions.keys().next().value!);
  return blocks;
}

/**
 * One part of a published document's web page (a long report is cut into parts; downloads
 * hold the whole), with the contents of every part. 404 for a part that does not exist.
 */
export async function getPublicDocumentPart(
  ctx: AppContext,
  slug: string,
  publicationId: string,
  partParam: string | null,
) {
  const { blocks, ...doc } = await getPublicDocument(ctx, slug, publicationId);
  const parts = documentParts(blocks);
  const part = partParam === null ? 1 : Number(partParam);
  if (!Number.isInteger(part) || part < 1 || part > parts.length) throw notPublished();
  const contents = parts.flatMap((blocksOfPart, index) =>
    outline(blocksOfPart).map((entry) => ({ ...entry, part: index + 1 })),
  );
  return {
    ...doc,
    blocks: parts[part - 1]!,
    description: blocks.find((b) => b.kind === "paragraph"),
    part,
    parts: parts.length,
    contents,
    firstHeading: contents.filter((entry) => entry.part < part).length,
  };
}

/** The feed: every published summary and report, newest change first. */
export async function getPublicFeed(ctx: AppContext, slug: string) {
  const workGroup = await requirePublicWorkGroup(ctx, slug);
  return { workGroup, entries: await publishedList(ctx, workGroup.id) };
}

/** For the staff's "Public site" page: what is published, item by item. */
export async function getPublicSiteOverview(
  ctx: AppContext,
  access: WorkGroupAccess,
  user: CurrentUser,
) {
  const [workGroup, membership] = await Promise.all([
    ctx.db.workGroup.findUniqueOrThrow({
      where: { id: access.workGroup.id },
      select: {
        publishedAt: true,
        sessions: {
          orderBy: { startsAt: "desc" },
          select: {
            id: true,
            title: true,
            startsAt: true,
            timeZone: true,
            agendaPublishedAt: true,
          },
        },
        recommendations: {
          orderBy: IN_ORDER,
          select: { id: true, title: true, publishedAt: true },
        },
      },
    }),
    ctx.db.membership.findUniqueOrThrow({
      where: { workGroupId_userId: { workGroupId: access.workGroup.id, userId: user.id } },
      select: { showNamePublicly: true },
    }),
  ]);
  return { ...workGroup, showNamePublicly: membership.showNamePublicly };
}

/** Publishes or withdraws one item of the public site. */
export async function setSiteItemPublished(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  item: { item: "work_group" | "session" | "recommendation"; id: string; publish: boolean },
) {
  requirePermission(access, "publication:publish");
  const publishedAt = item.publish ? new Date() : null;
  const workGroupId = access.workGroup.id;
  let subject: { id: string; name: string };
  if (item.item === "work_group") {
    await ctx.db.workGroup.update({ where: { id: workGroupId }, data: { publishedAt } });
    subject = { id: workGroupId, name: "the work group's page" };
  } else if (item.item === "session") {
    const session = found(
      await ctx.db.session.findFirst({
        where: { id: item.id, workGroupId },
        select: { title: true },
      }),
      "session",
    );
    await ctx.db.session.update({
      where: { id: item.id },
      data: { agendaPublishedAt: publishedAt },
    });
    subject = { id: item.id, name: `the agenda of “${session.title}”` };
  } else {
    const recommendation = found(
      await ctx.db.recommendation.findFirst({
        where: { id: item.id, workGroupId },
        select: { title: true },
      }),
      "recommendation",
    );
    await ctx.db.recommendation.update({ where: { id: item.id }, data: { publishedAt } });
    subject = { id: item.id, name: `“${recommendation.title}”` };
  }
  await recordHistory(ctx.db, {
    workGroupId,
    actorId: user.id,
    subjectKind: "public_site",
    subjectId: subject.id,
    summary: `${item.publish ? "Published" : "Withdrew"} ${subject.name}`,
  });
}

/** A member's own choice: their name on the public site, or only counted. */
export async function setShowNamePublicly(
  ctx: AppContext,
  user: CurrentUser,
  access: WorkGroupAccess,
  show: boolean,
) {
  await ctx.db.membership.update({
    where: { workGroupId_userId: { workGroupId: access.workGroup.id, userId: user.id } },
    data: { showNamePublicly: show },
  });
}
