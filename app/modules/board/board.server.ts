import type { z } from "zod";
import type { AppContext } from "../../utils/app-context.ts";
import { http } from "../../utils/http.server.ts";
import type { CurrentUser } from "../auth/auth-session.server.ts";
import { requireMembership } from "../work-group/work-group.server.ts";
import type { BoardIdea } from "./board-doc.ts";
import type { postIdeaSchema } from "./schema.ts";

/** Which work group a board belongs to, or 404. */
async function boardWorkGroup(ctx: AppContext, boardId: string) {
  const board = await ctx.db.board.findUnique({
    where: { id: boardId },
    select: { session: { select: { workGroupId: true } } },
  });
  if (!board) throw http(404, "We could not find that board.");
  return board.session.workGroupId;
}

/**
 * The "post idea" command. AUTH: a member whose role may post. VALIDATION: the schema ran in
 * the route; here, the rate. RESOLUTION: store, then publish to everyone on the board.
 * The author is stored for moderation and never published.
 */
export async function postIdea(
  ctx: AppContext,
  user: CurrentUser,
  boardId: string,
  input: z.infer<typeof postIdeaSchema>,
): Promise<BoardIdea> {
  const workGroupId = await boardWorkGroup(ctx, boardId);
  await requireMembership(ctx, user.id, { id: workGroupId }, "idea:post");
  const wait = await ctx.limiters.postIdea(user.id);
  if (wait > 0) {
    throw http(429, `You are posting very fast. Wait ${wait} seconds and post again.`, {
      "Retry-After": String(wait),
    });
  }
  const idea = await ctx.db.idea.create({
    data: { boardId, column: input.column, text: input.text, authorId: user.id },
    select: { id: true, column: true, text: true, createdAt: true },
  });
  const published: BoardIdea = { ...idea, createdAt: idea.createdAt.toISOString() };
  await ctx.boards.ideaAdded(boardId, published);
  return published;
}

/** Everything a board's Y.Doc is built from when the server first loads it. */
export async function loadBoardIdeas(
  ctx: Pick<AppContext, "db">,
  boardId: string,
): Promise<BoardIdea[]> {
  const ideas = await ctx.db.idea.findMany({
    where: { boardId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, column: true, text: true, createdAt: true },
  });
  return ideas.map((idea) => ({ ...idea, createdAt: idea.createdAt.toISOString() }));
}
