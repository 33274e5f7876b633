import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Results } from "../components/session/results.tsx";
import { sessionResults } from "../modules/board/ratings.server.ts";
import { resultsVisible } from "../modules/session/phases.ts";
import { getSessionHeading } from "../modules/session/session.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

/** How many ideas per room the report back shows: what a whole group can take in at once. */
const TOP_IDEAS = 5;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const session = await getSessionHeading(context, access, params.sessionId ?? "");
  return json({
    title: session.title,
    backTo: `/work-groups/${access.workGroup.slug}/sessions/${session.id}`,
    results: resultsVisible(session.phase) ? await sessionResults(context, session.id) : null,
  });
}

/** The report back to the whole group: each room's top-rated ideas, large enough for a projector. */
export default function ReportBack() {
  const { title, backTo, results } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6 text-xl">
      <h1 className="text-3xl font-bold">Report back: {title}</h1>
      {results ? (
        <Results boards={results} top={TOP_IDEAS} />
      ) : (
        <p>The ranked ideas appear here once the facilitator closes rating.</p>
      )}
      <p className="text-base">
        <a className="text-brand-700 underline" href={backTo}>
          Back to the session
        </a>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Report back: ${data?.title ?? "session"} · Convene` },
];
