import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportDocument } from "../modules/publication/export/export.server.ts";
import { getPublicDocument } from "../modules/publication/public-site.server.ts";
import { EXPORT_FORMATS, type ExportFormat } from "../modules/publication/schema.ts";
import { http } from "../utils/http.server.ts";

/** A published summary or report as a Markdown, PDF or Word file. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const format = params.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw http(404, "We can export as md, pdf or docx.");
  const doc = await getPublicDocument(context, params.slug ?? "", params.publicationId ?? "");
  return exportDocument(doc, format);
}
