import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { actionStepsCsv } from "../modules/recommendation/action-steps-csv.ts";
import { getActionPlan } from "../modules/recommendation/recommendation.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { csvResponse } from "../utils/csv.ts";

/** Every key action step of the work group, as a spreadsheet file. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const plan = await getActionPlan(context, access, null);
  const steps = plan.recommendations.flatMap((r) =>
    r.steps.map((s) => ({ ...s, recommendationNumber: r.number, recommendationTitle: r.title })),
  );
  const locale = await signedInLocale(context, request);
  return csvResponse(actionStepsCsv(steps, locale), `${access.workGroup.slug}-action-steps.csv`);
}
