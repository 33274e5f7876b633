import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { planReadingsCsv } from "../modules/improvement-plan/plan-csv.ts";
import { planExportRows } from "../modules/improvement-plan/plan-document.server.ts";
import { fileName } from "../modules/publication/export/export.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { csvResponse } from "../utils/csv.ts";

/** Every reading of the plan's measures, with each measure's baseline and target. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const { plan, readings } = await planExportRows(context, access, params.planId ?? "");
  const locale = await signedInLocale(context, request);
  return csvResponse(planReadingsCsv(readings, locale), fileName(`${plan.name} readings`, "csv"));
}
