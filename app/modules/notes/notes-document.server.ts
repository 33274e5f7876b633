import { createYjsBinding, type Provider, syncLexicalUpdateToYjs } from "@lexical/yjs";
import { $createParagraphNode, $getRoot, createEditor } from "lexical";
import * as Y from "yjs";

/**
 * The Yjs update that makes an empty notes document a Lexical document with one empty
 * paragraph. The server applies it when a notes document is first opened, so no browser has
 * to: two editors bootstrapping at once would each add a paragraph (Lexical's docs advise
 * bootstrapping on the server). Built with Lexical's own binding, so the shape is exactly
 * what the editor expects.
 */
export function emptyNotesUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const editor = createEditor({
    namespace: "session-notes",
    onError: (error) => {
      throw error;
    },
  });
  const binding = createYjsBinding({
    editor,
    id: "bootstrap",
    doc,
    docMap: new Map([["bootstrap", doc]]),
  });
  // Syncing an update only reads the provider's presence, and a server-side editor has none.
  const noPresence = {
    awareness: { getLocalState: () => null, setLocalState: () => {}, getStates: () => new Map() },
  } as unknown as Provider;
  editor.registerUpdateListener((update) => {
    syncLexicalUpdateToYjs(
      binding,
      noPresence,
      update.prevEditorState,
      update.editorState,
      update.dirtyElements,
      update.dirtyLeaves,
      update.normalizedNodes,
      update.tags,
    );
  });
  editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
