import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportComments } from "../modules/comment-period/moderation.server.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { csvResponse } from "../utils/csv.ts";
import { http } from "../utils/http.server.ts";

/** Every comment of a period, with tracking numbers and moderation state: CSV or JSON. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const format = params.format;
  if (format !== "csv" && format !== "json") throw http(404, "Choose CSV or JSON.");
  const locale = await signedInLocale(context, request);
  const exported = await exportComments(context, access, params.periodId ?? "", format, locale);
  if (typeof exported === "string") return csvResponse(exported, "comments.csv");
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="comments.json"',
      "cache-control": "private, no-store",
    },
  });
}
