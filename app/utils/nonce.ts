import { createContext, useContext } from "react";

/**
 * The request header by which the Express layer (server/security-headers.ts) hands a page's
 * Content-Security-Policy nonce to entry.server.tsx; whatever a client sent under this name is
 * replaced before Remix sees the request.
 */
export const CSP_NONCE_HEADER = "x-convene-csp-nonce";

/**
 * The nonce the server's render puts on Remix's inline scripts. In the browser it is "":
 * browsers hide a nonce from the page once parsed, and the scripts that carry it have run.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
