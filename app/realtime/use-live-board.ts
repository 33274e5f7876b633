import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { type BoardIdea, boardIdeas, byCreation, readIdeas } from "../modules/board/board-doc.ts";
import { documentName } from "../modules/documents/document-name.ts";
import { connectDocument, type LiveStatus, liveStatus } from "./provider.ts";

/**
 * A board's ideas as they arrive. The page renders the ideas it loaded first (it works without
 * JavaScript); once the live document has synced, it alone is shown, with every change since.
 */
export function useLiveBoard(boardId: string, loaded: BoardIdea[], userName: string) {
  // null until the first sync: until then the page shows what it loaded.
  const [live, setLive] = useState<BoardIdea[] | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [present, setPresent] = useState<string[]>([]);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = connectDocument(documentName.board(boardId), doc);
    const ideas = boardIdeas(doc);
    const update = () => setLive(readIdeas(doc));
    ideas.observe(update);
    // Once synced the document is the whole truth: edits, withdrawals and hidden ideas too.
    provider.on("sync", (synced: boolean) => {
      if (synced) update();
    });
    provider.on("status", ({ status }: { status: string }) => setStatus(liveStatus(status)));
    // The server stamps every presence entry with the signed-in name, whatever a client claims.
    provider.awareness.setLocalStateField("user", { name: userName });
    const onPresence = () => {
      const names = [...provider.awareness.getStates().values()]
        .map((s) => (s as { user?: { name?: string } }).user?.name)
        .filter((n): n is string => !!n);
      setPresent([...new Set(names)].sort());
    };
    provider.awareness.on("change", onPresence);
    onPresence();
    return () => {
      ideas.unobserve(update);
      provider.awareness.off("change", onPresence);
      provider.destroy();
      doc.destroy();
    };
  }, [boardId, userName]);

  const ideas = useMemo(() => live ?? [...loaded].sort(byCreation), [loaded, live]);

  return { ideas, status, present };
}
