import { LinkNode } from "@lexical/link";
import { ListItemNode, ListNode } from "@lexical/list";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";

/**
 * The node types of every collaborative text (notes, recommendation drafts, summaries and
 * reports). The browser's editors and the server's headless editor must register the same set,
 * or a heading typed in one is dropped by the other.
 */
export const LEXICAL_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode];
