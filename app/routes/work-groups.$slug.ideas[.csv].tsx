import type { LoaderFunctionArgs } from "@remix-run/node";
import { ideasCsv } from "../modules/board/ideas-csv.server.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { csvResponse } from "../utils/csv.ts";

/** Every idea of the work group with theme, column, room and rating, as a spreadsheet file. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "publication:edit");
  const locale = await signedInLocale(context, request);
  return csvResponse(await ideasCsv(context, access, locale), `${access.workGroup.slug}-ideas.csv`);
}
