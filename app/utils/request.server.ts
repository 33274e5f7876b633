import type { AppContext } from "./app-context.ts";

/**
 * The address a request came from, for rate limits: set by server/app-server.ts from
 * Express's req.ip, which reads X-Forwarded-For only through TRUST_PROXY proxies.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-convene-client-address") ?? "unknown";
}

declare const linkOriginBrand: unique symbol;
/** An origin links may be built on: only linkOrigin() makes one. */
export type LinkOrigin = string & { readonly [linkOriginBrand]: true };

/**
 * The one place the origin of links Convene hands out (password resets, invites, follow and
 * hearing mail, the Atom feed, calendar files) is decided. A request's Host header is
 * whatever the client sent, so where APP_URL is set (always in production: server/config.ts)
 * it alone decides, and the request's own origin serves only a development machine without it.
 */
export function linkOrigin(ctx: AppContext, request: Request): LinkOrigin {
  return (ctx.config.appUrl ?? new URL(request.url).origin) as LinkOrigin;
}
