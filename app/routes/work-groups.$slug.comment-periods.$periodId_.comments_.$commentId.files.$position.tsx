import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCommentFile } from "../modules/comment-period/moderation.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { http } from "../utils/http.server.ts";

const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  png: "image/png",
  jpeg: "image/jpeg",
};

/**
 * A file sent with a comment, for its moderators: always a download (Content-Disposition:
 * attachment), never sniffed (every answer says nosniff: security-headers.ts) or run by the
 * browser (a sandboxing policy).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const position = Number(params.position);
  if (!Number.isInteger(position) || position < 0 || position > 100)
    throw http(404, "We could not find that file.");
  const file = await getCommentFile(
    context,
    access,
    params.periodId ?? "",
    params.commentId ?? "",
    position,
  );
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(file.bytes, {
    headers: {
      "content-type": CONTENT_TYPES[file.type] ?? "application/octet-stream",
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "content-security-policy": "sandbox; default-src 'none'",
      "cache-control": "private, no-store",
    },
  });
}
