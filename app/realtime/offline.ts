import type { ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useState } from "react";

/**
 * A bad connection on a phone must cost nothing: a command that could not reach the server
 * comes back as this reply (not an error page), the form keeps what was typed, and sends it
 * again when the browser is back online. Commands carry what makes a repeat harmless (an idea's
 * draft key; a rating is one per person and idea).
 */
export type OfflineReply = { intent: string; offline: true; boardId: string | null };

/** fetch() rejects with a TypeError when the request never got an answer. */
export function isNetworkFailure(error: unknown) {
  return error instanceof TypeError;
}

export function isOfflineReply(data: unknown): data is OfflineReply {
  return typeof data === "object" && data !== null && (data as OfflineReply).offline === true;
}

/** Whether the browser says it is online, following it as it changes. */
export function useOnline() {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

/**
 * Runs `send` once the browser is back online (at once if it already is, after a moment: the
 * failure may have been a blip). Returns a cancel function.
 */
export function whenOnline(send: () => void) {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    window.removeEventListener("online", go);
    clearTimeout(timer);
    send();
  };
  window.addEventListener("online", go);
  // A request can fail while the browser still believes it is online (a dropped Wi-Fi): try
  // again after a few seconds anyway.
  const timer = setTimeout(() => {
    if (navigator.onLine) go();
  }, 3_000);
  return () => {
    done = true;
    window.removeEventListener("online", go);
    clearTimeout(timer);
  };
}

/**
 * For every route above a page whose commands may come back offline: a command that got no
 * answer reloads nothing (a reload could not reach the server either, and its failure would
 * replace the page with an error).
 */
export const notAfterOffline: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) => (isOfflineReply(actionResult) ? false : defaultShouldRevalidate);
