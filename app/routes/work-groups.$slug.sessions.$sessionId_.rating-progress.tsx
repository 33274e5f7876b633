import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { ratingProgress } from "../modules/board/ratings.server.ts";
import { getSessionHeading } from "../modules/session/session.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

/** Rating progress for the facilitator's console, which asks for it every few seconds. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "session:facilitate");
  const session = await getSessionHeading(context, access, params.sessionId ?? "");
  return json(
    { boards: await ratingProgress(context, session.id) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
