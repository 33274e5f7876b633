import { randomInt } from "node:crypto";
import QRCode from "qrcode";
import type { AppContext } from "../../utils/app-context.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";
import { linkOrigin } from "../../utils/request.server.ts";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinPath } from "./join-code.ts";
import { isLiveNow } from "./live-now.ts";

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  }
  return code;
}

/**
 * The session's join code, made the first time a facilitator needs it (sessions made before
 * codes existed get theirs then too). Two facilitators opening the page at once both end with
 * the one stored first.
 */
/** How people join a session, for the console's join panel and the projector: code and link. */
export async function joinDetails(ctx: AppContext, request: Request, sessionId: string) {
  const code = await ensureJoinCode(ctx, sessionId);
  return { code, link: `${linkOrigin(ctx, request)}${joinPath(code)}` };
}

export async function ensureJoinCode(ctx: Pick<AppContext, "db">, sessionId: string) {
  const session = await ctx.db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { joinCode: true },
  });
  if (session.joinCode) return session.joinCode;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await ctx.db.session.updateMany({
        where: { id: sessionId, joinCode: null },
        data: { joinCode: newJoinCode() },
      });
      break;
    } catch (error) {
      // Another session has this code (one in 600 million): draw again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  const stored = await ctx.db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { joinCode: true },
  });
  if (!stored.joinCode) throw new Error("could not store a join code");
  return stored.joinCode;
}

/** The session a code names, with its work group; null when none has it. */
export async function sessionByJoinCode(ctx: Pick<AppContext, "db">, code: string) {
  return ctx.db.session.findUnique({
    where: { joinCode: code },
    select: {
      id: true,
      title: true,
      guestsAllowed: true,
      workGroup: { select: { id: true, slug: true, name: true } },
    },
  });
}

/**
 * Where a participant's work continues in a session: their breakout room's board, else the
 * first whole-group board, as an anchor on the session page.
 */
export async function participantBoardPath(
  ctx: Pick<AppContext, "db">,
  session: { id: string; workGroup: { slug: string } },
  userId: string,
) {
  const boards = await ctx.db.board.findMany({
    where: { sessionId: session.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      breakoutRoom: {
        select: {
          facilitatorId: true,
          recorderId: true,
          members: { where: { userId }, select: { userId: true } },
        },
      },
    },
  });
  const mine = boards.find(
    (b) =>
      b.breakoutRoom &&
      (b.breakoutRoom.members.length > 0 ||
        b.breakoutRoom.facilitatorId === userId ||
        b.breakoutRoom.recorderId === userId),
  );
  const board = mine ?? boards.find((b) => !b.breakoutRoom);
  const page = `/work-groups/${session.workGroup.slug}/sessions/${session.id}`;
  return board ? `${page}#board-${board.id}` : page;
}

/** The join link as a QR code, an SVG drawn on the server (qrcode), dark on light. */
export function joinQrSvg(link: string) {
  return QRCode.toString(link, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
}

/**
 * Sessions live now in this person's work groups (or one of them), each with the way to the
 * person's own board: for "Live now" on the home and work group pages.
 */
export async function liveSessionsFor(
  ctx: Pick<AppContext, "db">,
  userId: string,
  workGroupId?: string,
  now = new Date(),
) {
  // A session that started more than a day ago is over whatever its agenda says.
  const candidates = await ctx.db.session.findMany({
    where: {
      startsAt: {
        gte: new Date(now.getTime() - 24 * 3_600_000),
        lte: new Date(now.getTime() + 3_600_000),
      },
      // A facilitator who ended the session ended it, whatever the clock says.
      phase: { not: "ended" },
      workGroup: { memberships: { some: { userId } }, ...(workGroupId ? { id: workGroupId } : {}) },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      startsAt: true,
      timeZone: true,
      agendaItems: { select: { minutes: true } },
      workGroup: { select: { slug: true, name: true } },
    },
  });
  const live = candidates.filter((s) =>
    isLiveNow(
      {
        startsAt: s.startsAt,
        agendaMinutes: s.agendaItems.reduce((sum, item) => sum + (item.minutes ?? 0), 0),
      },
      now,
    ),
  );
  return Promise.all(
    live.map(async (s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      timeZone: s.timeZone,
      workGroupName: s.workGroup.name,
      boardPath: await participantBoardPath(ctx, s, userId),
    })),
  );
}
