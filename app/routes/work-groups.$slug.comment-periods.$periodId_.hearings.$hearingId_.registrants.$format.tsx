import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportRegistrants } from "../modules/hearing/hearings.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { csvResponse } from "../utils/csv.ts";
import { http } from "../utils/http.server.ts";

/** A hearing's registrants: CSV (one row per person) or JSON (one entry per registration). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const format = params.format;
  if (format !== "csv" && format !== "json") throw http(404, "Choose CSV or JSON.");
  const exported = await exportRegistrants(
    context,
    access,
    params.periodId ?? "",
    params.hearingId ?? "",
    format,
  );
  if (exported.format === "csv") return csvResponse(exported.csv, "registrants.csv");
  return new Response(JSON.stringify(exported.json, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="registrants.json"',
      "cache-control": "private, no-store",
    },
  });
}
