import type { LoaderFunctionArgs } from "@remix-run/node";
import { roomAssignments, zoomCsv } from "../modules/breakout-room/room-lists.server.ts";
import { getSessionHeading } from "../modules/session/session.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { csvResponse } from "../utils/csv.ts";

/** The breakout rooms as the CSV Zoom imports to pre-assign them (members' emails: staff only). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "session:facilitate");
  const session = await getSessionHeading(context, access, params.sessionId ?? "");
  const rooms = await roomAssignments(context, session.id);
  return csvResponse(zoomCsv(rooms), `${access.workGroup.slug}-breakout-rooms-zoom.csv`);
}
