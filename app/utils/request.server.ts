/**
 * The address a request came from, for rate limits: set by server/app-server.ts from
 * Express's req.ip, which reads X-Forwarded-For only through TRUST_PROXY proxies.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-convene-client-address") ?? "unknown";
}
