import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type express from "express";
import { CSP_NONCE_HEADER } from "../app/utils/nonce.ts";

/**
 * The Content-Security-Policy of every response, with this request's nonce. Remix's classic
 * compiler starts a page with two inline scripts (the carry-over of loader data, then a module
 * script that imports the entry and the routes), which carry the nonce, then loads modules
 * and `<link rel="modulepreload">`s from /build. Scripts: from this origin, and inline only
 * with the nonce. Not `'strict-dynamic'`: it is for pages that load scripts from other
 * hosts, which this one never does, and under it Chromium runs an inline script that any
 * script creates (tried in tests/e2e/content-security-policy.test.ts); with 'self' no inline
 * script without the nonce runs at all. 'self' admits only this origin's files: nothing people
 * upload is served as a script, and every response says `nosniff`, so JSON, CSV or Markdown
 * answers cannot be run as one. No 'unsafe-eval': zod is told not to compile parsers in the
 * browser (app/utils/zod-in-browser.ts).
 * - style-src 'self': Tailwind's built CSS file; no page sets a style attribute in its markup
 *   (styles that scripts set through element.style are not governed by the policy).
 * - connect-src 'self': data requests and the live documents' websocket (`/yjs/…`): CSP 3
 *   lets 'self' match ws: and wss: on the same host and port.
 * - form-action 'self', base-uri 'none', object-src 'none', frame-ancestors 'none' (as
 *   X-Frame-Options: DENY, for browsers that read only one of them).
 */
export function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** A fresh nonce per request, in the policy sent and handed to Remix's render. */
export function contentSecurityPolicyHeaders(): express.RequestHandler {
  return (req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    req.headers[CSP_NONCE_HEADER] = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    next();
  };
}

/**
 * `Cache-Control: private, no-store` on every response that may be one person's: no shared
 * cache (a proxy, a CDN) and no browser disk keeps it. Decided here, as the response leaves,
 * rather than in entry.server: resource routes (CSV and JSON exports, registrant lists) pass
 * neither handleRequest nor handleDataRequest, and a route's own Cache-Control would be
 * merged with, not replaced by, one set before Remix.
 *
 * Personal means: anything outside the public site (/public/…), whatever the route set (the
 * signed-in app, account pages, their ?_data= requests and downloads; a new route is private
 * until it moves under /public/); a request carrying the session cookie, even on the public
 * site (every page's data holds the person's name and form token); and any response that
 * sets a cookie. Only the public site as an anonymous reader sees it keeps the caching its
 * routes chose. The cookie's presence is checked, not its validity, so this costs no query;
 * a stale cookie only costs caching. Static files are served before this runs, and Remix's
 * route manifest keeps its own caching.
 */
export function privateUnlessPublic(sessionCookieName: string): express.RequestHandler {
  const sessionCookie = `${sessionCookieName}=`;
  return (req, res, next) => {
    // Remix's /__manifest (routes found on navigation) is the same for everyone, per build.
    if (req.path === "/__manifest") return next();
    const personal =
      !req.path.startsWith("/public/") ||
      (req.headers.cookie ?? "").split(";").some((c) => c.trim().startsWith(sessionCookie));
    const writeHead = res.writeHead;
    // Node writes the head through this method (implicitly too), after every header is set.
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      if (personal || this.hasHeader("Set-Cookie"))
        this.setHeader("Cache-Control", "private, no-store");
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
