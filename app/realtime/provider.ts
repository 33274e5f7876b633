import { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { YJS_PATH } from "../modules/documents/document-name.ts";

/** The websocket endpoint on the page's own origin (wss:// behind TLS). */
export function realtimeUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}${YJS_PATH.replace(/\/$/, "")}`;
}

/** One way to connect a Y.Doc to a live document; the server decides what we may write. */
export function connectDocument(name: string, doc: Y.Doc, options: { connect?: boolean } = {}) {
  return new WebsocketProvider(realtimeUrl(), name, doc, {
    connect: options.connect ?? true,
    // Tabs must sync through the server, which enforces permissions, never directly.
    disableBc: true,
  });
}

export type LiveStatus = "connecting" | "live" | "offline";

/** y-websocket's connection status, in the words the pages show. */
export function liveStatus(status: string): LiveStatus {
  return status === "connected" ? "live" : status === "connecting" ? "connecting" : "offline";
}
