import type { PublishedDocument } from "../content.ts";
import type { ExportFormat } from "../schema.ts";
import { toDocx } from "./docx.ts";
import { toMarkdown } from "./markdown.ts";
import { toPdf } from "./pdf.ts";

const types: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** A file name anyone's system accepts: the title's letters and digits, joined by dashes. */
export function fileName(title: string, format: ExportFormat | "csv") {
  const base = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 80)
    .toLowerCase();
  return `${base || "document"}.${format}`;
}

/** The download response of a published document in one format. */
export async function exportDocument(
  doc: PublishedDocument,
  format: ExportFormat,
): Promise<Response> {
  const body =
    format === "md"
      ? toMarkdown(doc)
      : new Uint8Array(format === "pdf" ? await toPdf(doc) : await toDocx(doc));
  return new Response(body, {
    headers: {
      "Content-Type": types[format],
      "Content-Disposition": `attachment; filename="${fileName(doc.title, format)}"`,
      "Cache-Control": "no-cache",
      // Lets the page show how much of a long export has arrived.
      "Content-Length": String(
        typeof body === "string" ? Buffer.byteLength(body) : body.byteLength,
      ),
    },
  });
}
