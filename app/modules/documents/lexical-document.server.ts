import { $createLinkNode, $isLinkNode } from "@lexical/link";
import {
  $createListItemNode,
  $createListNode,
  $isListItemNode,
  $isListNode,
  type ListNode,
} from "@lexical/list";
import { $createHeadingNode, $isHeadingNode, $isQuoteNode } from "@lexical/rich-text";
import {
  createYjsBinding,
  type Provider,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
} from "@lexical/yjs";
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  createEditor,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from "lexical";
import * as Y from "yjs";
import type { AppContext } from "../../utils/app-context.ts";
import type { Block, Run } from "../publication/content.ts";
import { LEXICAL_NODES } from "./lexical-nodes.ts";

/**
 * Collaborative texts on the server, through Lexical's own Yjs binding so the shape is exactly
 * what the browser's editor reads and writes: the server seeds new documents (an empty page, or
 * a generated summary) and reads them back into blocks when they are published.
 */

// Syncing only reads the provider's presence, and a server-side editor has none.
const noPresence = {
  awareness: { getLocalState: () => null, setLocalState: () => {}, getStates: () => new Map() },
} as unknown as Provider;

function headlessEditor(clientID?: number): {
  editor: LexicalEditor;
  doc: Y.Doc;
  binding: ReturnType<typeof createYjsBinding>;
} {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  const editor = createEditor({
    namespace: "convene-server",
    nodes: LEXICAL_NODES,
    onError: (error) => {
      throw error;
    },
  });
  const binding = createYjsBinding({
    editor,
    id: "server",
    doc,
    docMap: new Map([["server", doc]]),
  });
  return { editor, doc, binding };
}

/** The Yjs update of a new document whose content `build` creates (inside an editor update). */
export function lexicalUpdate(build: () => void, clientID?: number): Uint8Array {
  const { editor, doc, binding } = headlessEditor(clientID);
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
  editor.update(build, { discrete: true });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * An empty document: one empty paragraph. The server applies it when a document is first
 * opened, so no browser has to: two editors bootstrapping at once would each add a paragraph
 * (Lexical's docs advise bootstrapping on the server).
 */
export function emptyDocumentUpdate(): Uint8Array {
  return lexicalUpdate(() => $getRoot().append($createParagraphNode()), SEED_CLIENT_ID);
}
/**
 * The Yjs client the empty page is written as. Fixed, so every seeding writes the very same
 * items: when two server processes open a new document at the same instant and both seed it,
 * Yjs merges the two identical updates into one paragraph instead of two. (Browsers pick
 * random 32-bit client ids; one chance in four billion of meeting this one.)
 */
const SEED_CLIENT_ID = 1;

/** A document holding these blocks: how a generated summary or report draft starts. */
export function blocksUpdate(blocks: Block[]): Uint8Array {
  return lexicalUpdate(() => {
    const root = $getRoot();
    for (const block of blocks) root.append($blockNode(block));
    if (blocks.length === 0) root.append($createParagraphNode());
  });
}

function $blockNode(block: Block): ElementNode {
  if (block.kind === "heading") {
    return $createHeadingNode(`h${block.level}`).append($createTextNode(block.text));
  }
  if (block.kind === "paragraph") return $createParagraphNode().append(...block.runs.map($runNode));
  const list = $createListNode(block.ordered ? "number" : "bullet");
  for (const item of block.items) list.append($createListItemNode().append(...item.map($runNode)));
  return list;
}

function $runNode(run: Run): LexicalNode {
  const text = $createTextNode(run.text);
  if (run.bold) text.toggleFormat("bold");
  if (run.italic) text.toggleFormat("italic");
  return run.href ? $createLinkNode(run.href).append(text) : text;
}

/** A stored document's blocks, from every update the database holds for it, in order. */
export async function readStoredDocument(
  ctx: Pick<AppContext, "db">,
  name: string,
): Promise<Block[]> {
  const rows = await ctx.db.documentUpdate.findMany({
    where: { docName: name },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  return rows.length ? readBlocks(rows.map((r) => new Uint8Array(r.update))) : [];
}

/** Reads a stored document (its updates, in order) into blocks. */
export function readBlocks(updates: Uint8Array[]): Block[] {
  const { editor, doc, binding } = headlessEditor();
  binding.root.getSharedType().observeDeep((events) => {
    syncYjsChangesToLexical(binding, noPresence, events, false);
  });
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  // read() first commits the update the sync scheduled.
  const blocks = editor.read(() => $getRoot().getChildren().flatMap($readBlock));
  doc.destroy();
  return blocks;
}

function $readBlock(node: LexicalNode): Block[] {
  if ($isHeadingNode(node)) {
    const level = Math.min(3, Number(node.getTag().slice(1))) as 1 | 2 | 3;
    return [{ kind: "heading", level, text: node.getTextContent() }];
  }
  if ($isListNode(node)) {
    const items = $listItems(node);
    return items.length > 0
      ? [{ kind: "list", ordered: node.getListType() === "number", items }]
      : [];
  }
  if ($isElementNode(node) || $isQuoteNode(node)) {
    const runs = $readRuns(node as ElementNode);
    return runs.length > 0 ? [{ kind: "paragraph", runs }] : [];
  }
  return [];
}

function $listItems(list: ListNode): Run[][] {
  return list
    .getChildren()
    .filter($isListItemNode)
    .flatMap((item) => {
      const nested = item.getChildren().filter($isListNode);
      // A nested list joins its parent's items: published documents keep one level of lists.
      return nested.length > 0 ? nested.flatMap($listItems) : [$readRuns(item)];
    })
    .filter((runs) => runs.length > 0);
}

function $readRuns(element: ElementNode, href?: string): Run[] {
  return element.getChildren().flatMap((child): Run[] => {
    if ($isLinkNode(child)) return $readRuns(child, child.getURL());
    if ($isLineBreakNode(child)) return [{ text: "\n" }];
    if ($isTextNode(child)) {
      const run: Run = { text: child.getTextContent() };
      if (child.hasFormat("bold")) run.bold = true;
      if (child.hasFormat("italic")) run.italic = true;
      if (href) run.href = href;
      return run.text ? [run] : [];
    }
    return [];
  });
}
