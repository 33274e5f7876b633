import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportSpeakers } from "../modules/hearing/hearings.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { csvResponse } from "../utils/csv.ts";
import { http } from "../utils/http.server.ts";

/** A hearing's speaker list, in the order they are called: CSV or JSON. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const format = params.format;
  if (format !== "csv" && format !== "json") throw http(404, "Choose CSV or JSON.");
  const exported = await exportSpeakers(
    context,
    access,
    params.periodId ?? "",
    params.hearingId ?? "",
    format,
  );
  if (exported.format === "csv") return csvResponse(exported.csv, "speakers.csv");
  return new Response(JSON.stringify(exported.json, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="speakers.json"',
      "cache-control": "private, no-store",
    },
  });
}
