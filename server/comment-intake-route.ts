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

export function commentIntakeRoute(ctx: AppContext, maxBytes: number) {
  const router = express.Router();
  let inFlight = 0;
  router.post(
    "/public/:slug/comment-periods/:periodId",
    (req, res, next) => {
      const fast =
        req.query._data === COMMENT_ROUTE_ID && req.is("application/x-www-form-urlencoded");
      if (!fast) return next("route");
      // A saturated process answers at once, before reading the form, instead of making
      // everyone wait: the page keeps the text and says when to send again.
      if (inFlight >= COMMENTS_IN_FLIGHT_AT_MOST) {
        req.resume(); // The body is drained unread, so the connection stays usable.
        res.status(429).set({ "Retry-After": "2", "X-Remix-Response": "yes" }).json({
          receipt: null,
          problem: "comment.busy",
          retryAfter: 2,
          token: null,
          reply: null,
        });
        return;
      }
      inFlight++;
      res.once("close", () => inFlight--);
      next();
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
