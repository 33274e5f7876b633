import type { AppContext } from "../../utils/app-context.ts";
import { http, refuse } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { ratingOpen } from "../session/phases.ts";
import { can } from "../work-group/roles.ts";
import { ideaAccess } from "./board.server.ts";
import { isWholeGroupBoard } from "./knoster.ts";
import { rankIdeas, ratingOrder, starsOf } from "./ranking.ts";

/**
 * A member's private star rating (1-5) of an idea, or a skip (null). AUTH: a member whose role
 * may rate, during the Rate phase, not their own idea. Ratings are never shown one by one:
 * only averages and counts, after rating closes.
 */
export async function rateIdea(
  ctx: AppContext,
  user: CurrentUser,
  input: { ideaId: string; stars: number | null },
) {
  const row = await ideaAccess(ctx, user.id, input.ideaId, { anyRoom: true });
  if (row.hidden) throw refuse(404, "refusal.noIdea");
  if (!can(row.role, "idea:rate")) {
    throw http(403, `Your role in this work group (${row.role}) does not allow rating ideas.`);
  }
  if (!ratingOpen(row.phase)) {
    throw refuse(409, "refusal.ratingClosed");
  }
  if (row.mine) throw refuse(400, "refusal.ownIdea");
  await ctx.db.rating.upsert({
    where: { ideaId_userId: { ideaId: input.ideaId, userId: user.id } },
    create: { ideaId: input.ideaId, userId: user.id, stars: input.stars },
    update: { stars: input.stars },
  });
}

/**
 * The next idea to offer this member for rating (the least-rated first, in an order of their
 * own), and how far they are. Their own ideas are never offered.
 */
export async function nextIdeaToRate(
  ctx: Pick<AppContext, "db">,
  userId: string,
  sessionId: string,
) {
  const ideas = await ctx.db.idea.findMany({
    where: {
      // Every room's ideas: rating pools the session's ideas for the whole group, as report
      // back does (a room's board itself stays its own: board-rooms.server.ts).
      board: { sessionId },
      hiddenAt: null,
      OR: [{ authorId: null }, { authorId: { not: userId } }],
    },
    select: {
      id: true,
      text: true,
      language: true,
      column: true,
      board: { select: { title: true, areaOfFocusId: true, breakoutRoomId: true } },
      ratings: { where: { userId }, select: { stars: true } },
      _count: { select: { ratings: true } },
    },
  });
  const unrated = ideas.filter((i) => i.ratings.length === 0);
  const next = ratingOrder(
    unrated.map((i) => ({ ...i, ratingCount: i._count.ratings })),
    userId,
  )[0];
  return {
    total: ideas.length,
    rated: ideas.length - unrated.length,
    next: next
      ? // The column's key: the page names it in the reader's language.
        {
          id: next.id,
          text: next.text,
          lang: next.language,
          column: next.column,
          board: next.board.title,
          wholeGroup: isWholeGroupBoard(next.board),
        }
      : null,
  };
}

/**
 * Each board's ideas ranked by their ratings (see ranking.ts), for after rating closes: rated
 * ideas best first with how sure each place is, then the unrated ones, apart. Each idea names
 * its theme, where the theme phase gave it one.
 */
export async function sessionResults(ctx: Pick<AppContext, "db">, sessionId: string) {
  const boards = await ctx.db.board.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      areaOfFocusId: true,
      breakoutRoomId: true,
      ideas: {
        where: { hiddenAt: null },
        select: {
          id: true,
          text: true,
          language: true,
          column: true,
          theme: { select: { id: true, label: true, position: true } },
          // Unfiltered: see starsOf (a filtered relation exceeds SQLite's parameter limit).
          ratings: { select: { stars: true } },
        },
      },
    },
  });
  return boards.map((board) => {
    const byId = new Map(board.ideas.map((i) => [i.id, i]));
    const ranked = rankIdeas(board.ideas.map((i) => ({ id: i.id, stars: starsOf(i.ratings) })));
    return {
      id: board.id,
      title: board.title,
      wholeGroup: isWholeGroupBoard(board),
      ideas: ranked.map((r) => {
        const idea = byId.get(r.id)!;
        return {
          id: r.id,
          text: idea.text,
          lang: idea.language,
          column: idea.column,
          average: r.average,
          count: r.count,
          margin: r.margin,
          place: r.place,
          theme: idea.theme,
        };
      }),
    };
  });
}

/** An idea with fewer ratings than this has no reliable place yet: the console lists it. */
export const FEW_RATINGS = 3;

/**
 * How rating is going, board by board, for the facilitator deciding when to close it: how
 * many of the people here (the room's members who came, or everyone who came for the whole
 * group's board) have rated at least one of its ideas, and its ideas still under FEW_RATINGS
 * ratings, fewest first. Counts only: never who rated what, nor any stars before rating closes.
 */
export async function ratingProgress(ctx: Pick<AppContext, "db">, sessionId: string) {
  const [boards, attendees] = await Promise.all([
    ctx.db.board.findMany({
      where: { sessionId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        areaOfFocusId: true,
        breakoutRoomId: true,
        breakoutRoom: { select: { members: { select: { userId: true } } } },
        ideas: {
          where: { hiddenAt: null },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            text: true,
            // Unfiltered: see starsOf (a filtered relation exceeds SQLite's parameter limit).
            ratings: { select: { userId: true, stars: true } },
          },
        },
      },
    }),
    ctx.db.attendance.findMany({ where: { sessionId }, select: { userId: true } }),
  ]);
  const here = new Set(attendees.map((a) => a.userId));
  return boards.map((board) => {
    const people = board.breakoutRoom
      ? board.breakoutRoom.members.map((m) => m.userId).filter((id) => here.has(id))
      : [...here];
    const raters = new Set(board.ideas.flatMap((idea) => idea.ratings.map((r) => r.userId)));
    const counted = board.ideas.map((idea) => ({
      id: idea.id,
      text: idea.text,
      count: starsOf(idea.ratings).length,
    }));
    return {
      id: board.id,
      title: board.title,
      wholeGroup: isWholeGroupBoard(board),
      here: people.length,
      rated: people.filter((id) => raters.has(id)).length,
      ideas: counted.length,
      few: counted.filter((idea) => idea.count < FEW_RATINGS).sort((a, b) => a.count - b.count),
    };
  });
}

export type RatingProgress = Awaited<ReturnType<typeof ratingProgress>>;
