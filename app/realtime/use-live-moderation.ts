import { useEffect, useState } from "react";
import * as Y from "yjs";
import {
  type LiveDecision,
  readCounts,
  readDecisions,
  type StateCounts,
} from "../modules/comment-period/moderation-doc.ts";
import { documentName } from "../modules/documents/document-name.ts";
import { connectDocument } from "./provider.ts";

/**
 * Every moderator's decisions on this period as they are made (moderation:<periodId>), and
 * the period's counts by state. The page lays them over the comments it loaded: a comment
 * another moderator just published shows so, without the list moving under the reader.
 */
export function useLiveModeration(periodId: string) {
  const [decisions, setDecisions] = useState<Map<string, LiveDecision>>(() => new Map());
  const [counts, setCounts] = useState<StateCounts | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    const provider = connectDocument(documentName.moderation(periodId), doc);
    const update = () => {
      setDecisions(readDecisions(doc));
      setCounts(readCounts(doc));
    };
    doc.on("update", update);
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [periodId]);
  return { decisions, counts };
}
