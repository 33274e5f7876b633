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
  | { kind: "list"; ordered: boolean; items: Run[][] };

export type PublishedDocument = {
  title: string;
  /** e.g. "Success-Ready Students Work Group" */
  workGroupName: string;
  /** ISO instant of the first publication, and of this version if it is a later one. */
  publishedAt: string;
  updatedAt: string | null;
  blocks: Block[];
};

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
