import type { LoaderFunctionArgs } from "@remix-run/node";
import { roomAssignments, roomListText } from "../modules/breakout-room/room-lists.server.ts";
import { getSessionHeading } from "../modules/session/session.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

/** The breakout rooms as plain lists, for Teams or Google Meet (members' emails: staff only). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "session:facilitate");
  const session = await getSessionHeading(context, access, params.sessionId ?? "");
  const rooms = await roomAssignments(context, session.id);
  return new Response(roomListText(rooms), {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${access.workGroup.slug}-breakout-rooms.txt"`,
      "cache-control": "private, no-store",
    },
  });
}
