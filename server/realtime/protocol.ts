import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";

/** y-websocket's message types (the first varUint of every message). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** What the server needs of a connection; realtime-server.ts implements it over a socket. */
export type Connection = {
  readonly userId: string;
  /** The sign-in (one browser's session) the socket was opened under; it ends with it. */
  readonly signInId: string;
  readonly userName: string;
  readonly canWrite: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
};

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** A message that does not follow the protocol; the connection that sent it is closed. */
export class ProtocolError extends Error {}

export type AwarenessEntry = {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
};

/** Largest presence state one client may publish (a name, a color, a cursor). */
const MAX_AWARENESS_STATE_BYTES = 2_048;
/**
 * Entries in one presence message. Clients echo every presence update they receive, so a
 * joiner's echo lists everyone in the room; the cap bounds the decoding work of one message.
 */
const MAX_AWARENESS_ENTRIES = 5_000;

/** Decodes an awareness update strictly: any malformed part is a ProtocolError. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new ProtocolError("too many presence entries");
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_AWARENESS_STATE_BYTES)
      throw new ProtocolError("presence state too large");
    const state = JSON.parse(json) as unknown;
    if (state !== null && (typeof state !== "object" || Array.isArray(state))) {
      throw new ProtocolError("presence state is not an object");
    }
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError("trailing bytes in presence update");
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}
