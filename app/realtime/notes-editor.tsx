import {
  BOLD_STAR,
  HEADING,
  ITALIC_STAR,
  ORDERED_LIST,
  QUOTE,
  UNORDERED_LIST,
} from "@lexical/markdown";
import { LexicalCollaboration } from "@lexical/react/LexicalCollaborationContext";
import { CollaborationPlugin } from "@lexical/react/LexicalCollaborationPlugin";
import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { MarkdownShortcutPlugin } from "@lexical/react/LexicalMarkdownShortcutPlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import type { Provider } from "@lexical/yjs";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import * as Y from "yjs";
import { Text } from "../components/ui/index.ts";
import { LEXICAL_NODES } from "../modules/documents/lexical-nodes.ts";
import { linkAddress } from "../modules/publication/content.ts";
import { connectDocument } from "./provider.ts";

const SHORTCUTS = [HEADING, QUOTE, UNORDERED_LIST, ORDERED_LIST, BOLD_STAR, ITALIC_STAR];
const isWebAddress = (url: string) => linkAddress(url) !== undefined;

type Props = {
  /** The notes document: documentName.notes(sessionId) or documentName.roomNotes(roomId). */
  id: string;
  /** What a screen reader calls the editor, e.g. "Session notes". */
  label: string;
  canEdit: boolean;
  userName: string;
  /** Shown in an empty editor to those who may write. */
  placeholder?: string;
};

/**
 * Shared notes: recorders and facilitators type together, everyone else reads. The server drops
 * writes from read-only members; `editable` only spares them the attempt. Rendered in the
 * browser only (Lexical needs the DOM); the server-rendered page says the notes are loading.
 */
export function Notes(props: Props) {
  const [ready, setReady] = useState(false);
  const { t } = useTranslation();
  useEffect(() => setReady(true), []);
  return ready ? <NotesEditor {...props} /> : <Text tone="muted">{t("notes.loading")}</Text>;
}

function NotesEditor({ id, label, canEdit, userName, placeholder }: Props) {
  const { t } = useTranslation();
  const providerFactory = useCallback((docId: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
    let doc = yjsDocMap.get(docId);
    if (!doc) {
      doc = new Y.Doc();
      yjsDocMap.set(docId, doc);
    }
    // y-websocket's provider is what @lexical/yjs's Provider type describes; the two
    // packages type its event emitter differently, hence the one conversion here.
    return connectDocument(docId, doc, { connect: false }) as unknown as Provider;
  }, []);

  return (
    <LexicalCollaboration>
      {/* key: a new editor per document, as Lexical requires when the document changes */}
      <LexicalComposer
        key={id}
        initialConfig={{
          namespace: "session-notes",
          editorState: null,
          nodes: LEXICAL_NODES,
          editable: canEdit,
          onError: (error: Error) => console.error(error),
          theme: {
            paragraph: "mb-2",
            heading: {
              h1: "mb-2 text-2xl font-bold",
              h2: "mb-2 text-heading font-semibold",
              h3: "mb-2 text-subheading font-semibold",
            },
            list: { ul: "mb-2 list-disc pl-6", ol: "mb-2 list-decimal pl-6" },
            link: "text-link underline",
            text: { bold: "font-bold", italic: "italic" },
          },
        }}
      >
        <div className="relative">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                aria-label={label}
                aria-readonly={!canEdit}
                className="min-h-40 rounded-md border border-control bg-surface p-3 focus:outline-none"
              />
            }
            placeholder={
              <Text as="div" tone="muted" className="pointer-events-none absolute left-3 top-3">
                {canEdit ? (placeholder ?? t("notes.placeholder")) : t("notes.readOnly")}
              </Text>
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <ListPlugin />
          <LinkPlugin validateUrl={isWebAddress} />
          {/* "# " makes a heading, "- " or "1. " a list, **bold** and *italic*: typed, no mouse. */}
          <MarkdownShortcutPlugin transformers={SHORTCUTS} />
          <CollaborationPlugin
            id={id}
            providerFactory={providerFactory}
            // The server seeds a new notes document (app/modules/notes), never a browser.
            shouldBootstrap={false}
            username={userName}
          />
        </div>
      </LexicalComposer>
    </LexicalCollaboration>
  );
}
