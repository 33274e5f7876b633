import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { planDocument } from "../modules/improvement-plan/plan-document.server.ts";
import { exportDocument } from "../modules/publication/export/export.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

/** The whole plan as a Word file in the CSIP handbook's template shape, for the planning team. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const locale = await signedInLocale(context, request);
  const doc = await planDocument(context, access, params.planId ?? "", locale);
  const response = await exportDocument(doc, "docx");
  // The plan is the work group's until it is published: no shared cache keeps a copy.
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}
