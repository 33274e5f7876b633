/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // server/ starts its own HTTP server (Remix + the Yjs websocket endpoint in one process).
  serverBuildPath: "build/index.js",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // The whole route manifest ships with the page: with lazy discovery, a form posted on a
    // page with dynamic segments first fetches /__manifest, and on a dropped connection that
    // failure replaced the page with an error before the command could be kept for later.
    v3_lazyRouteDiscovery: false,
  },
};
