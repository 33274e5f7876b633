import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentResponse, filePosition } from "../modules/comment-period/attachments.server.ts";
import { getPublicCommentFile } from "../modules/comment-period/comment-period.server.ts";
import { notPublished } from "../modules/publication/public-site.server.ts";

/** A file of a published comment, for anyone, as a download (comment-period.server.ts). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const position = filePosition(params.position);
  if (position === null) throw notPublished();
  return attachmentResponse(
    await getPublicCommentFile(
      context,
      params.slug ?? "",
      params.periodId ?? "",
      params.trackingNumber ?? "",
      position,
    ),
  );
}
