import { useEffect, useState } from "react";
import * as Y from "yjs";
import { documentName } from "../modules/documents/document-name.ts";
import { readTheming, type ThemingState } from "../modules/theming/theming-doc.ts";
import { connectDocument, type LiveStatus, liveStatus } from "./provider.ts";

/**
 * A session's themes and ideas as facilitators change them and as ideas arrive. The page shows
 * what it loaded until the live document has synced; from then on the document alone.
 */
export function useLiveTheming(sessionId: string, loaded: ThemingState) {
  const [live, setLive] = useState<ThemingState | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = connectDocument(documentName.theming(sessionId), doc);
    let synced = false;
    const update = () => {
      if (synced) setLive(readTheming(doc));
    };
    doc.on("update", update);
    provider.on("sync", (isSynced: boolean) => {
      synced = synced || isSynced;
      update();
    });
    provider.on("status", ({ status }: { status: string }) => setStatus(liveStatus(status)));
    return () => {
      doc.off("update", update);
      provider.destroy();
      doc.destroy();
    };
  }, [sessionId]);

  return { state: live ?? loaded, status };
}
