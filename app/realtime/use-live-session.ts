import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { documentName } from "../modules/documents/document-name.ts";
import { type LiveSessionState, readSessionState } from "../modules/session/session-doc.ts";
import { connectDocument } from "./provider.ts";

/**
 * The session's phase and countdown as the facilitator sets them. When the phase changes, the
 * page reloads its data (what to rate, the results), so everyone moves on together.
 */
export function useLiveSession(sessionId: string, loaded: LiveSessionState): LiveSessionState {
  const [state, setState] = useState(loaded);
  const revalidator = useRevalidator();
  // A ref, so a new revalidate function on each render does not reconnect the document.
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const seenVersion = useRef(loaded.phaseVersion);
  const seenAgenda = useRef<string | null | undefined>(undefined);

  // A newer state from the loader (after a revalidation) replaces the live one; primitives as
  // dependencies, since the page builds `loaded` afresh on every render.
  const { phase, phaseVersion, phaseEndsAt, currentAgendaItemId, announcement, announcedAt } =
    loaded;
  useEffect(
    () =>
      setState({
        phase,
        phaseVersion,
        phaseEndsAt,
        currentAgendaItemId,
        announcement,
        announcedAt,
      }),
    [phase, phaseVersion, phaseEndsAt, currentAgendaItemId, announcement, announcedAt],
  );

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = connectDocument(documentName.session(sessionId), doc);
    const update = () => {
      const next = readSessionState(doc);
      if (!next) return;
      setState(next);
      // The first state seen only sets the baseline; a later agenda change reloads the page's data.
      const agendaChanged =
        seenAgenda.current !== undefined && next.agendaChangedAt !== seenAgenda.current;
      seenAgenda.current = next.agendaChangedAt ?? null;
      if (next.phaseVersion > seenVersion.current || agendaChanged) {
        seenVersion.current = Math.max(seenVersion.current, next.phaseVersion);
        revalidate.current();
      }
    };
    doc.getMap("state").observe(update);
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [sessionId]);

  return state;
}

/**
 * Seconds left until `endsAt`, ticking once a second; null without a countdown, and until the
 * page runs in the browser (the server's clock would not match the reader's).
 */
export function useCountdown(endsAt: string | null): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!endsAt) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endsAt]);
  if (!endsAt || now === null) return null;
  return Math.max(0, Math.round((new Date(endsAt).getTime() - now) / 1000));
}
