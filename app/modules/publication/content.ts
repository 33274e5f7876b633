import type { Locale } from "../i18n/i18n.ts";

/**
 * What a published summary or report is made of. The collaborative Lexical draft is read into
 * these blocks when it is published (content.server.ts); the public page, the feed and every
 * export (Markdown, PDF, DOCX) render from them. One plain shape keeps markup out of storage:
 * nothing a person typed is ever rendered as HTML.
 */
export type Run = { text: string; bold?: boolean; italic?: boolean; href?: string };

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; runs: Run[] }
  | {
      kind: "list";
      ordered: boolean;
      items: Run[][] /** first number of a continued list */;
      start?: number;
    };

export type PublishedDocument = {
  title: string;
  /** e.g. "Success-Ready Students Work Group" */
  workGroupName: string;
  /** ISO instant of the first publication, and of this version if it is a later one. */
  publishedAt: string;
  updatedAt: string | null;
  /**
   * Said in place of the publication dates, for a document exported without being published
   * (an improvement plan as it stands: "As it stands on ...").
   */
  datesLine?: string;
  /** The language it is written in: exports declare it (PDF /Lang) and word their own text in it. */
  language: Locale;
  blocks: Block[];
};

/**
 * Where a link may go: web and mail addresses only. A `javascript:` or any other address
 * someone typed stays text, on the page, in the editor and in every export.
 */
export function linkAddress(href: string | undefined): string | undefined {
  const trimmed = href?.trim();
  return trimmed && /^(https?:\/\/|mailto:)\S+$/i.test(trimmed) ? trimmed : undefined;
}

export function runsText(runs: Run[]): string {
  return runs.map((run) => run.text).join("");
}

/** The plain text of a block, for search, feeds and descriptions. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case "heading":
      return block.text;
    case "paragraph":
      return runsText(block.runs);
    case "list":
      return block.items.map(runsText).join("\n");
  }
}

/** The level-1 and level-2 headings: the table of contents of exports. */
export function outline(blocks: Block[]): { level: 1 | 2; text: string }[] {
  return blocks.flatMap((block) =>
    block.kind === "heading" && block.level <= 2
      ? [{ level: block.level as 1 | 2, text: block.text }]
      : [],
  );
}

/**
 * How much of a page a block takes: a list counts its items. A report's appendix can hold every
 * idea of the work group, far more than one web page should carry.
 */
const weight = (block: Block) => (block.kind === "list" ? block.items.length : 1);

/** Blocks per part of a long document's web pages (downloads always hold the whole). */
export const PART_WEIGHT = 400;

/**
 * A long document cut into parts for the web: each part carries at most `max` (a list longer
 * than that is continued over parts), and once a part is well filled a new one starts at the
 * next level-1 or level-2 heading, so parts begin with their section.
 */
export function documentParts(blocks: Block[], max = PART_WEIGHT): Block[][] {
  const parts: Block[][] = [[]];
  let filled = 0;
  const add = (block: Block) => {
    const current = parts.at(-1)!;
    const startsSection = block.kind === "heading" && block.level <= 2;
    if (
      current.length > 0 &&
      (filled + weight(block) > max || (startsSection && filled > max / 2))
    ) {
      // A heading never ends a part: it moves on with the text it heads.
      const carried =
        current.at(-1)!.kind === "heading" && current.length > 1 ? [current.pop()!] : [];
      parts.push(carried);
      filled = carried.length;
    }
    parts.at(-1)!.push(block);
    filled += weight(block);
  };
  for (const block of blocks) {
    if (block.kind !== "list" || block.items.length <= max) {
      add(block);
      continue;
    }
    for (let from = 0; from < block.items.length; from += max) {
      add({
        ...block,
        items: block.items.slice(from, from + max),
        start: (block.start ?? 1) + from,
      });
    }
  }
  return parts;
}
