import { PassThrough } from "node:stream";
import {
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { CSP_NONCE_HEADER, NonceProvider } from "./utils/nonce.ts";

const ABORT_DELAY = 5_000;

/**
 * Requests that failed because the database could not be reached (handleError saw it): they
 * are answered 503 with Retry-After, a moment's outage, rather than 500, a fault of ours.
 */
const databaseDown = new WeakMap<Request, { retryAfterSeconds: number }>();

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const outage = databaseDown.get(request);
  if (outage) {
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", String(outage.retryAfterSeconds));
  }
  // Crawlers get the whole page at once; people get it streamed as it renders.
  const ready = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  // The page's scripts run only with the nonce the server's Content-Security-Policy names.
  const nonce = request.headers.get(CSP_NONCE_HEADER) ?? undefined;
  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ""}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        [ready]() {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError() {
          // Errors while streaming reach handleError through Remix; only the status is set here.
          responseStatusCode = 500;
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Unexpected errors are logged once, through the server's logger; the page shows the calm
 * error boundary. Refusals (4xx, such as a page that does not exist) and aborted requests are
 * not errors.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  // An outage is logged once, by the database watcher, not once per request.
  if (context.database.failed(error)) {
    databaseDown.set(request, context.database);
    return;
  }
  context.log.error("request failed", {
    method: request.method,
    path: new URL(request.url).pathname,
    error: error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error),
  });
};

/** Script-driven requests (?_data) that met a database outage get the same 503. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  const outage = databaseDown.get(request);
  if (!outage) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(outage.retryAfterSeconds));
  return new Response(response.body, { status: 503, headers });
};
