import type { LoaderFunctionArgs } from "@remix-run/node";
import { joinQrSvg } from "../modules/session/join-code.server.ts";
import { joinPath, readJoinCode } from "../modules/session/join-code.ts";
import { http } from "../utils/http.server.ts";
import { linkOrigin } from "../utils/request.server.ts";

/**
 * The join link of a code as a QR code (SVG), for the facilitator's page and a projector. It
 * says nothing about whether the code exists: it draws the link, which answers that itself.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = readJoinCode(params.code);
  if (!code) throw http(404, "That is not a join code.");
  const svg = await joinQrSvg(`${linkOrigin(context, request)}${joinPath(code)}`);
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8" },
  });
}
