/**
 * The address a request came from, for rate limits. Express puts the socket's address in
 * X-Forwarded-For only when a trusted proxy is configured; otherwise this is the peer.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-convene-client-address") ?? "unknown";
}
