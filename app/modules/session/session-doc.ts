import type * as Y from "yjs";

/**
 * The shape of a session's live document (session:<id>), written only by the server and read
 * by every member's page: which phase the session is in, its countdown, the agenda item the
 * session is on, and the lead facilitator's message to all rooms.
 */
export type LiveSessionState = {
  phase: string;
  phaseVersion: number;
  phaseEndsAt: string | null;
  currentAgendaItemId: string | null;
  /** The lead facilitator's latest message to every room. */
  announcement: string | null;
  announcedAt: string | null;
  /**
   * When the agenda last changed, so open pages reload it. Kept in the live document only: after
   * a restart it reads null, and pages reload once more, which is harmless.
   */
  agendaChangedAt?: string | null;
};

const STATE = "state";

export function readSessionState(doc: Y.Doc): LiveSessionState | null {
  const map = doc.getMap<unknown>(STATE);
  const phase = map.get("phase");
  if (typeof phase !== "string") return null;
  return {
    phase,
    phaseVersion: Number(map.get("phaseVersion") ?? 0),
    phaseEndsAt: (map.get("phaseEndsAt") as string | null | undefined) ?? null,
    currentAgendaItemId: (map.get("currentAgendaItemId") as string | null | undefined) ?? null,
    announcement: (map.get("announcement") as string | null | undefined) ?? null,
    announcedAt: (map.get("announcedAt") as string | null | undefined) ?? null,
    agendaChangedAt: (map.get("agendaChangedAt") as string | null | undefined) ?? null,
  };
}

export function putSessionState(doc: Y.Doc, state: LiveSessionState) {
  const map = doc.getMap<unknown>(STATE);
  // Only what changed is written, so an unchanged state sends nothing.
  for (const [key, value] of Object.entries(state)) if (map.get(key) !== value) map.set(key, value);
}
