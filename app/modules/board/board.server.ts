import type { z } from "zod";
import type { AppContext } from "../../utils/app-context.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";
import { http, refuse } from "../../utils/http.server.ts";
import { MIN_CELL } from "../anonymity/small-cells.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { documentName } from "../documents/document-name.ts";
import { textLanguage } from "../i18n/text-language.server.ts";
import { roleInSession } from "../session/guests.server.ts";
import { ideasOpen } from "../session/phases.ts";
import { putThemingIdea, removeThemingIdea, themingIdea } from "../theming/theming-doc.ts";
import { can, isSessionRole } from "../work-group/roles.ts";
import { audit } from "../work-group/work-group.server.ts";
import { type BoardIdea, boardIdea, putIdea, removeIdea } from "./board-doc.ts";
import { inBoardRoom, mayUseBoard, roomPeople, roomTooSmall } from "./board-rooms.server.ts";
import { columnAllowed } from "./knoster.ts";
import type { postIdeaSchema } from "./schema.ts";

/**
 * The person's role on this board's work group and the session's phase, in one query: this is
 * every idea's hot path. No board and no membership look the same (404), so outsiders cannot
 * probe which boards exist.
 */
export async function boardAccess(ctx: Pick<AppContext, "db">, userId: string, boardId: string) {
  const rows = await ctx.db.$queryRaw<
    {
      role: string;
      phase: string;
      sessionId: string;
      consensus: number | boolean;
      named: number | boolean;
      inRoom: number | boolean;
      roomId: string | null;
      roomPeople: number | bigint;
    }[]
  >`
    SELECT ${roleInSession(userId)} AS "role", s."phase" AS "phase", s."id" AS "sessionId",
           w."consensusColumn" AS "consensus", w."namedBoards" AS "named",
           ${inBoardRoom(userId)} AS "inRoom", b."breakoutRoomId" AS "roomId",
           ${roomPeople} AS "roomPeople"
    FROM "Board" b
    JOIN "Session" s ON s."id" = b."sessionId"
    JOIN "WorkGroup" w ON w."id" = s."workGroupId"
    WHERE b."id" = ${boardId}`;
  const row = rows[0];
  if (!row || !isSessionRole(row.role) || !mayUseBoard(row.role, Boolean(row.inRoom)))
    throw http(404, "We could not find that board.");
  return {
    role: row.role,
    phase: row.phase,
    sessionId: row.sessionId,
    consensus: Boolean(row.consensus),
    named: Boolean(row.named),
    inRoomOfBreakout: row.roomId !== null,
    roomPeople: Number(row.roomPeople),
  };
}

/**
 * The "post idea" command. AUTH: a member whose role may post, during brainstorm. VALIDATION:
 * the schema ran in the route; here, the rate. RESOLUTION: store, then publish to everyone on
 * the board.
 * The author is stored for moderation and never published.
 */
export async function postIdea(
  ctx: AppContext,
  user: CurrentUser,
  boardId: string,
  input: z.infer<typeof postIdeaSchema>,
): Promise<BoardIdea> {
  const access = await boardAccess(ctx, user.id, boardId);
  if (!can(access.role, "idea:post")) {
    throw http(403, `Your role in this work group (${access.role}) does not allow posting ideas.`);
  }
  if (!ideasOpen(access.phase)) throw refuse(409, "board.closed", { phase: access.phase });
  if (!columnAllowed(input.column, access.consensus)) throw refuse(400, "refusal.noConsensus");
  if (!access.named && roomTooSmall(access)) {
    throw refuse(409, "refusal.roomTooSmall", { min: MIN_CELL });
  }
  const wait = await ctx.limiters.postIdea(user.id);
  if (wait > 0) {
    throw refuse(429, "refusal.postingFast", { seconds: wait }, { "Retry-After": String(wait) });
  }
  const idea = await ctx.db.idea
    .create({
      data: {
        boardId,
        column: input.column,
        text: input.text,
        authorId: user.id,
        submissionKey: input.submissionKey ?? null,
        // Fixed now, for good: a later switch of the work group's boards does not change it.
        named: access.named,
        language: textLanguage(input.text),
      },
      select: THEMING_IDEA,
    })
    .catch((error) => {
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  // Only (author, draft key) is unique: this draft was sent before (its answer was lost, or a
  // double click). The answer is the idea stored then, not a second one.
  if (!idea) return postedBefore(ctx, user, boardId, access, input.submissionKey ?? "");
  const published = boardIdea(idea, user.name);
  await publishStoredIdea(ctx, access.sessionId, published, idea);
  return published;
}

/**
 * The idea this person already posted with this draft key, published again (the process that
 * stored it may have died before publishing it) unless a facilitator has hidden it since. The
 * key belongs to one board: sent with another, it is refused.
 */
async function postedBefore(
  ctx: AppContext,
  user: CurrentUser,
  boardId: string,
  board: { sessionId: string },
  submissionKey: string,
): Promise<BoardIdea> {
  const idea = await ctx.db.idea.findUnique({
    where: { authorId_submissionKey: { authorId: user.id, submissionKey } },
    select: { ...THEMING_IDEA, hiddenAt: true },
  });
  if (!idea) throw refuse(409, "refusal.withdrawnJustNow");
  if (idea.boardId !== boardId) {
    throw refuse(409, "refusal.otherBoard");
  }
  const shown = boardIdea(idea, user.name);
  if (!idea.hiddenAt) await publishStoredIdea(ctx, board.sessionId, shown, idea);
  return shown;
}

/**
 * A newly stored idea goes live. It is stored: a failure to show it live must not tell the
 * poster it failed (they would post it again). Pages that open the board later build it from
 * the database.
 */
async function publishStoredIdea(
  ctx: AppContext,
  sessionId: string,
  shown: BoardIdea,
  idea: Parameters<typeof themingIdea>[0],
) {
  await publishIdea(ctx, sessionId, shown, idea).catch((error) =>
    ctx.log.error("a stored idea could not be published live", {
      boardId: idea.boardId,
      error: String(error),
    }),
  );
}

/**
 * What a command on one idea needs to know, in one query: the person's role in the idea's work
 * group, the session's phase, the idea's author and whether it is hidden. 404 for anyone
 * outside the work group.
 */
export async function ideaAccess(
  ctx: Pick<AppContext, "db">,
  userId: string,
  ideaId: string,
  /** Rating pools every room's ideas; other commands are for the board's own room. */
  options: { anyRoom?: boolean } = {},
) {
  const rows = await ctx.db.$queryRaw<
    {
      role: string;
      phase: string;
      authorId: string | null;
      boardId: string;
      workGroupId: string;
      hidden: number | boolean;
      sessionId: string;
      inRoom: number | boolean;
    }[]
  >`
    SELECT ${roleInSession(userId)} AS "role", s."phase" AS "phase", i."authorId" AS "authorId",
           i."boardId" AS "boardId", s."workGroupId" AS "workGroupId", s."id" AS "sessionId",
           (i."hiddenAt" IS NOT NULL) AS "hidden", ${inBoardRoom(userId)} AS "inRoom"
    FROM "Idea" i
    JOIN "Board" b ON b."id" = i."boardId"
    JOIN "Session" s ON s."id" = b."sessionId"
    WHERE i."id" = ${ideaId}`;
  const row = rows[0];
  if (
    !row ||
    !isSessionRole(row.role) ||
    (!options.anyRoom && !mayUseBoard(row.role, Boolean(row.inRoom)))
  )
    throw http(404, "We could not find that idea.");
  const { inRoom: _, ...idea } = row;
  return { ...idea, role: row.role, hidden: Boolean(row.hidden), mine: row.authorId === userId };
}

/** Only the author changes their idea, and only while brainstorm is open. */
async function requireOwnOpenIdea(ctx: AppContext, user: CurrentUser, ideaId: string) {
  const idea = await ideaAccess(ctx, user.id, ideaId);
  if (idea.hidden) throw refuse(404, "refusal.noIdea");
  if (!idea.mine) throw refuse(403, "refusal.notYours");
  if (!ideasOpen(idea.phase)) throw refuse(409, "board.closed", { phase: idea.phase });
  return idea;
}

export async function editIdea(
  ctx: AppContext,
  user: CurrentUser,
  ideaId: string,
  input: z.infer<typeof postIdeaSchema>,
) {
  const idea = await requireOwnOpenIdea(ctx, user, ideaId);
  const board = await boardAccess(ctx, user.id, idea.boardId);
  if (!columnAllowed(input.column, board.consensus)) {
    throw http(400, "This work group's boards have no Consensus column.");
  }
  const updated = await ctx.db.idea.update({
    where: { id: ideaId },
    data: {
      text: input.text,
      column: input.column,
      editedAt: new Date(),
      language: textLanguage(input.text),
    },
    select: THEMING_IDEA,
  });
  await publishIdea(ctx, idea.sessionId, boardIdea(updated, user.name), updated);
}

const THEMING_IDEA = {
  id: true,
  column: true,
  text: true,
  createdAt: true,
  boardId: true,
  themeId: true,
  named: true,
  language: true,
} as const;

/** An idea posted, edited or shown again reaches its board and the session's theming page. */
async function publishIdea(
  ctx: AppContext,
  sessionId: string,
  shown: BoardIdea,
  idea: Parameters<typeof themingIdea>[0],
) {
  await ctx.live.change(documentName.board(idea.boardId), (doc) => putIdea(doc, shown));
  await ctx.live.change(documentName.theming(sessionId), (doc) =>
    putThemingIdea(doc, themingIdea(idea)),
  );
}

/** An idea withdrawn or hidden leaves its board and the theming page. */
async function unpublishIdea(ctx: AppContext, sessionId: string, boardId: string, ideaId: string) {
  await ctx.live.change(documentName.board(boardId), (doc) => removeIdea(doc, ideaId));
  await ctx.live.change(documentName.theming(sessionId), (doc) => removeThemingIdea(doc, ideaId));
}

export async function withdrawIdea(ctx: AppContext, user: CurrentUser, ideaId: string) {
  const idea = await requireOwnOpenIdea(ctx, user, ideaId);
  await ctx.db.idea.delete({ where: { id: ideaId } });
  await unpublishIdea(ctx, idea.sessionId, idea.boardId, ideaId);
}

/**
 * A facilitator hides an idea (off-topic, identifying someone, abusive) with a reason that is
 * logged, and can show it again. The author is never revealed to the facilitator.
 */
export async function setIdeaHidden(
  ctx: AppContext,
  user: CurrentUser,
  ideaId: string,
  input: { hidden: true; reason: string } | { hidden: false },
) {
  const idea = await ideaAccess(ctx, user.id, ideaId);
  if (!can(idea.role, "session:facilitate")) {
    throw http(403, `Your role in this work group (${idea.role}) does not allow hiding ideas.`);
  }
  const updated = await ctx.db.idea.update({
    where: { id: ideaId },
    data: input.hidden
      ? { hiddenAt: new Date(), hiddenReason: input.reason }
      : { hiddenAt: null, hiddenReason: null },
    select: {
      ...THEMING_IDEA,
      author: { select: { name: true } },
    },
  });
  await audit(ctx.db, {
    workGroupId: idea.workGroupId,
    actorId: user.id,
    action: input.hidden ? "idea.hide" : "idea.show",
    detail: input.hidden ? `${ideaId}: ${input.reason}` : ideaId,
  });
  if (input.hidden) await unpublishIdea(ctx, idea.sessionId, idea.boardId, ideaId);
  else await publishIdea(ctx, idea.sessionId, boardIdea(updated, updated.author?.name), updated);
}

/** Everything a board's Y.Doc is built from when the server first loads it. */
export async function loadBoardIdeas(
  ctx: Pick<AppContext, "db">,
  boardId: string,
): Promise<BoardIdea[]> {
  const ideas = await ctx.db.idea.findMany({
    where: { boardId, hiddenAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      column: true,
      text: true,
      createdAt: true,
      named: true,
      language: true,
      author: { select: { name: true } },
    },
  });
  return ideas.map((idea) => boardIdea(idea, idea.author?.name));
}
