import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { planStepsCsv } from "../modules/improvement-plan/plan-csv.ts";
import { planExportRows } from "../modules/improvement-plan/plan-document.server.ts";
import { fileName } from "../modules/publication/export/export.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { csvResponse } from "../utils/csv.ts";

/** Every action step of the plan, goal by goal, as a spreadsheet file. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const { plan, steps } = await planExportRows(context, access, params.planId ?? "");
  const locale = await signedInLocale(context, request);
  return csvResponse(planStepsCsv(steps, locale), fileName(`${plan.name} action steps`, "csv"));
}
