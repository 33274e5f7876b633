import type { z } from "zod";
import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { boardIdea, byCreation } from "../board/board-doc.ts";
import { boardColumns, isWholeGroupBoard, readColumnPrompts } from "../board/knoster.ts";
import { documentName } from "../documents/document-name.ts";
import { can } from "../work-group/roles.ts";
import { audit, requirePermission, type WorkGroupAccess } from "../work-group/work-group.server.ts";
import type { SessionAccess } from "./guests.server.ts";
import type { sessionSchema } from "./schema.ts";
import { type LiveSessionState, putSessionState } from "./session-doc.ts";
import { zonedTimeToUtc } from "./time.ts";

export async function createSession(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  input: z.infer<typeof sessionSchema>,
) {
  if (input.workPhase) {
    const { workPhases } = await ctx.db.workGroup.findUniqueOrThrow({
      where: { id: access.workGroup.id },
      select: { workPhases: true },
    });
    if (!workPhases.split("\n").includes(input.workPhase)) {
      return {
        ok: false as const,
        field: "workPhase",
        // A catalogue key: the form says it in the reader's language.
        message: "sessionForm.errors.workPhase",
      };
    }
  }
  const session = await ctx.db.session.create({
    data: {
      workGroupId: access.workGroup.id,
      workPhase: input.workPhase ?? "",
      title: input.title,
      startsAt: zonedTimeToUtc(input.startsAt, input.timeZone),
      timeZone: input.timeZone,
      format: input.format,
    },
    select: { id: true },
  });
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "session.create",
  });
  return { ok: true as const, sessionId: session.id };
}

/** A session as its work group's members see it: boards with their ideas, never their authors. */
/** Just a session's title and phase, for pages that show no boards (404 outside the group). */
export async function getSessionHeading(
  ctx: AppContext,
  access: WorkGroupAccess,
  sessionId: string,
) {
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    select: { id: true, title: true, phase: true },
  });
  if (!session) throw http(404, "We could not find that session.");
  return session;
}

/**
 * A session as one member sees it: boards with their ideas, never their authors. The viewer
 * learns which ideas are their own (to edit or withdraw them); facilitators also get the
 * hidden ideas with their reasons, to show them again.
 */
export async function getSessionPage(
  ctx: AppContext,
  access: SessionAccess,
  userId: string,
  sessionId: string,
  /** Every board's ideas, even for the console (the projector counts and lists them all). */
  options: { everyBoard?: boolean } = {},
) {
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    select: {
      id: true,
      title: true,
      startsAt: true,
      timeZone: true,
      format: true,
      phase: true,
      phaseVersion: true,
      phaseEndsAt: true,
      currentAgendaItemId: true,
      announcement: true,
      announcedAt: true,
      workPhase: true,
      guestsAllowed: true,
      meetingUrl: true,
      boards: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          title: true,
          areaOfFocusId: true,
          breakoutRoomId: true,
          areaOfFocus: { select: { name: true, nameEs: true } },
          breakoutRoom: {
            select: {
              id: true,
              facilitatorId: true,
              recorderId: true,
              members: { where: { userId }, select: { userId: true } },
            },
          },
        },
      },
      workGroup: {
        select: {
          consensusColumn: true,
          columnPrompts: true,
          columnPromptsEs: true,
          // For the post form's label: whether an idea posted now shows its author.
          namedBoards: true,
          areasOfFocus: {
            orderBy: { position: "asc" },
            select: { id: true, name: true, nameEs: true },
          },
        },
      },
    },
  });
  if (!session) throw http(404, "We could not find that session.");
  const facilitates = can(access.role, "session:facilitate");
  // Members see the whole group's boards and their own room's; facilitators see every room.
  const boards = session.boards.filter((board) => {
    const room = board.breakoutRoom;
    if (facilitates || !room) return true;
    return room.members.length > 0 || room.facilitatorId === userId || room.recorderId === userId;
  });
  const boardIds = boards.map((b) => b.id);
  // The console shows one board at a time, the first on arrival; the others come from their
  // live documents (connected at once, for their counts). Sending every room's ideas would
  // make the page of a 10-room session weigh 1.5 MB. Hidden ideas (to show again) and the
  // person's own (to edit) come for every board: they are few.
  const withIdeas = facilitates && !options.everyBoard ? boardIds.slice(0, 1) : boardIds;
  const [ideas, counted] = await Promise.all([
    ctx.db.idea.findMany({
      where: {
        boardId: { in: boardIds },
        OR: [{ boardId: { in: withIdeas } }, { hiddenAt: { not: null } }, { authorId: userId }],
      },
      select: {
        id: true,
        boardId: true,
        column: true,
        text: true,
        createdAt: true,
        authorId: true,
        named: true,
        language: true,
        author: { select: { name: true } },
        hiddenAt: true,
        hiddenReason: true,
      },
    }),
    facilitates
      ? ctx.db.idea.groupBy({
          by: ["boardId", "column"],
          where: { boardId: { in: boardIds }, hiddenAt: null },
          _count: { _all: true },
        })
      : Promise.resolve([]),
  ]);
  const shownHere = new Set(withIdeas);
  return {
    ...session,
    ...liveState(session),
    workGroupSlug: access.workGroup.slug,
    columns: boardColumns(
      session.workGroup.consensusColumn,
      readColumnPrompts(session.workGroup.columnPrompts),
      readColumnPrompts(session.workGroup.columnPromptsEs),
    ),
    boards: boards.map((board) => {
      const onBoard = ideas.filter((idea) => idea.boardId === board.id);
      return {
        id: board.id,
        title: board.title,
        // A board is opened under its area's name: while the name is the same, so is the
        // Spanish one (a renamed area leaves its boards' titles as they were).
        titleEs:
          board.areaOfFocus && board.areaOfFocus.name === board.title
            ? board.areaOfFocus.nameEs
            : null,
        wholeGroup: isWholeGroupBoard(board),
        ideas: shownHere.has(board.id)
          ? onBoard
              .filter((idea) => !idea.hiddenAt)
              // boardIdea drops the author unless the idea was posted on a named board.
              .map((idea) => boardIdea(idea, idea.author?.name))
              .sort(byCreation)
          : [],
        /** Visible ideas per Knoster column, for the console's tabs before the live counts. */
        counts: Object.fromEntries(
          counted.filter((c) => c.boardId === board.id).map((c) => [c.column, c._count._all]),
        ) as Record<string, number>,
        mine: onBoard.filter((i) => i.authorId === userId && !i.hiddenAt).map((i) => i.id),
        // A breakout room's own notes, written by its facilitator and recorder (and facilitators).
        roomNotes: board.breakoutRoom
          ? {
              name: documentName.roomNotes(board.breakoutRoom.id),
              canEdit:
                facilitates ||
                board.breakoutRoom.facilitatorId === userId ||
                board.breakoutRoom.recorderId === userId,
            }
          : null,
        hidden: facilitates
          ? onBoard
              .filter((i) => i.hiddenAt)
              .map((i) => ({ id: i.id, text: i.text, reason: i.hiddenReason ?? "" }))
          : [],
      };
    }),
  };
}

/** The columns a session's live state is made of. */
export const liveStateFields = {
  phase: true,
  phaseVersion: true,
  phaseEndsAt: true,
  currentAgendaItemId: true,
  announcement: true,
  announcedAt: true,
} as const;

/** The live part of a session, as its document carries it (instants as ISO strings). */
export function liveState(session: {
  phase: string;
  phaseVersion: number;
  phaseEndsAt: Date | null;
  currentAgendaItemId: string | null;
  announcement: string | null;
  announcedAt: Date | null;
}): LiveSessionState {
  return {
    phase: session.phase,
    phaseVersion: session.phaseVersion,
    phaseEndsAt: session.phaseEndsAt?.toISOString() ?? null,
    currentAgendaItemId: session.currentAgendaItemId,
    announcement: session.announcement,
    announcedAt: session.announcedAt?.toISOString() ?? null,
  };
}

/** A session's live state as its document carries it. */
export async function loadLiveSessionState(ctx: Pick<AppContext, "db">, sessionId: string) {
  const session = await ctx.db.session.findUnique({
    where: { id: sessionId },
    select: liveStateFields,
  });
  return session ? liveState(session) : null;
}

/**
 * Pushes a session's live state to every open page (read from the database unless the caller
 * has it). With agendaChanged, open pages also reload the agenda.
 */
export async function publishSessionState(
  ctx: AppContext,
  sessionId: string,
  options: { state?: LiveSessionState; agendaChanged?: boolean } = {},
) {
  const state = options.state ?? (await loadLiveSessionState(ctx, sessionId));
  if (!state) return;
  const live = options.agendaChanged
    ? { ...state, agendaChangedAt: new Date().toISOString() }
    : state;
  await ctx.live.change(documentName.session(sessionId), (doc) => putSessionState(doc, live));
}

/** The session's video meeting link (Zoom, Teams, Meet), or none; facilitators only. */
export async function setMeetingUrl(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  meetingUrl: string | null,
) {
  requirePermission(access, "session:facilitate");
  const changed = await ctx.db.session.updateMany({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    data: { meetingUrl },
  });
  if (changed.count === 0) throw http(404, "We could not find that session.");
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "session.meeting-link",
  });
}

/** A board for the whole group or for one area of focus, with the five Knoster columns. */
export async function openBoard(
  ctx: AppContext,
  actor: CurrentUser,
  access: WorkGroupAccess,
  sessionId: string,
  input: { areaOfFocusId?: string },
) {
  requirePermission(access, "board:open");
  const session = await ctx.db.session.findFirst({
    where: { id: sessionId, workGroupId: access.workGroup.id },
    select: { id: true },
  });
  if (!session) throw http(404, "We could not find that session.");
  let title = "Whole group";
  if (input.areaOfFocusId) {
    const area = await ctx.db.areaOfFocus.findFirst({
      where: { id: input.areaOfFocusId, workGroupId: access.workGroup.id },
      select: { name: true },
    });
    if (!area)
      return { ok: false as const, message: "Choose one of this work group's areas of focus" };
    title = area.name;
  }
  const board = await ctx.db.board.create({
    data: { sessionId, title, areaOfFocusId: input.areaOfFocusId ?? null },
    select: { id: true },
  });
  await audit(ctx.db, {
    workGroupId: access.workGroup.id,
    actorId: actor.id,
    action: "board.open",
    detail: title,
  });
  return { ok: true as const, boardId: board.id };
}
