import type { IncomingMessage, ServerResponse } from "node:http";
import express from "express";
import { submitCommentForm } from "../app/modules/comment-period/intake.server.ts";
import type { AppContext } from "../app/utils/app-context.ts";
import { COMMENTS_IN_FLIGHT_AT_MOST } from "./limiters.ts";

/**
 * The feedback form as the page's script posts it (?_data=<route id>, a urlencoded body),
 * answered here, before Remix, with the same JSON the route's action would give. Why: a
 * flash crowd of public comments is the one load this app must absorb, and Remix matches a
 * request against every route anew (its router flattens and ranks the route tree on each
 * call: about 0.4 ms here, a third of a comment's whole budget). Anything else (a form
 * posted without JavaScript, multipart bodies) goes on to the Remix action, which calls the
 * same submitCommentForm.
 */
export const COMMENT_ROUTE_ID = "routes/public.$slug.comment-periods.$periodId";

export const COMMENT_FORM_PATH = /^\/public\/[^/]+\/comment-periods\/[^/]+\/?$/;
const FAST_PATH_QUERY = `_data=${encodeURIComponent(COMMENT_ROUTE_ID)}`;

/** What the page's script is told when it must send again shortly; it keeps the text. */
const BUSY = JSON.stringify({
  receipt: null,
  problem: "comment.busy",
  retryAfter: 2,
  token: null,
  reply: null,
});
const BUSY_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Content-Length": String(Buffer.byteLength(BUSY)),
  "Retry-After": "2",
  "X-Remix-Response": "yes",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/**
 * The door in front of everything else for the comment form's fast path: a process already
 * working on as many comments as it can, or whose event loop is running late, answers 429 at
 * once, before Express, its middleware and the body. In a flash crowd most people are told to
 * wait; telling them must cost next to nothing, or the telling itself queues (through Express
 * it cost a third of a millisecond: a process could refuse only about 3,000 a second, and a
 * crowd of 10,000 a second waited over a minute for its answers).
 */
export function commentGate(late: () => boolean) {
  let inFlight = 0;
  return {
    /** True when the request was answered here. */
    refused(req: IncomingMessage, res: ServerResponse): boolean {
      if (req.method !== "POST" || !isFastPath(req)) return false;
      if (inFlight >= COMMENTS_IN_FLIGHT_AT_MOST || late()) {
        req.resume(); // The body is drained unread, so the connection stays usable.
        res.writeHead(429, BUSY_HEADERS).end(BUSY);
        return true;
      }
      inFlight++;
      res.once("close", () => inFlight--);
      return false;
    },
  };
}

function isFastPath(req: IncomingMessage) {
  const url = req.url ?? "";
  const query = url.indexOf("?");
  if (query < 0 || !url.includes(FAST_PATH_QUERY, query)) return false;
  if (!COMMENT_FORM_PATH.test(url.slice(0, query))) return false;
  return (req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
}

export function commentIntakeRoute(ctx: AppContext, maxBytes: number) {
  const router = express.Router();
  router.post(
    "/public/:slug/comment-periods/:periodId",
    (req, _res, next) => {
      const fast =
        req.query._data === COMMENT_ROUTE_ID && req.is("application/x-www-form-urlencoded");
      // The gate (above) already turned away what this process cannot take now.
      next(fast ? undefined : "route");
    },
    express.text({ type: "application/x-www-form-urlencoded", limit: maxBytes }),
    async (req, res, next) => {
      try {
        const answer = await submitCommentForm(ctx, {
          slug: req.params.slug ?? "",
          periodId: req.params.periodId ?? "",
          form: new URLSearchParams(typeof req.body === "string" ? req.body : ""),
          clientKey: String(req.headers["x-convene-client-address"] ?? "unknown"),
        });
        res
          .status(answer.status)
          .set({ ...answer.headers, "X-Remix-Response": "yes", "Cache-Control": "no-store" })
          .json(answer.body);
      } catch (error) {
        // A 404 (or another refusal) thrown as a Response, as Remix would send it to the page.
        if (error instanceof Response && error.status < 500) {
          res
            .status(error.status)
            .set({ "X-Remix-Catch": "yes", "Cache-Control": "no-store" })
            .json(await error.json());
          return;
        }
        next(error);
      }
    },
  );
  return router;
}
