import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentResponse, filePosition } from "../modules/comment-period/attachments.server.ts";
import { getCommentFile } from "../modules/comment-period/moderation.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { http } from "../utils/http.server.ts";

/** A file sent with a comment, for its moderators, as a download. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const position = filePosition(params.position);
  if (position === null) throw http(404, "We could not find that file.");
  return attachmentResponse(
    await getCommentFile(context, access, params.periodId ?? "", params.commentId ?? "", position),
  );
}
