import { formatDate, i18nFor } from "../../i18n/i18n.ts";
import { type Block, linkAddress, type PublishedDocument, type Run } from "../content.ts";

/**
 * "Published March 5, 2025 · Updated April 1, 2025", in the document's language. Shared by every
 * export so the three formats never disagree about a date. Days are read in UTC so the same file
 * comes out wherever it is made.
 */
export function datesLine(doc: PublishedDocument): string {
  if (doc.datesLine) return doc.datesLine;
  const t = i18nFor(doc.language).t;
  const published = t("publication.published", { date: dateText(doc, doc.publishedAt) });
  if (!doc.updatedAt) return published;
  return `${published} · ${t("publication.updated", { date: dateText(doc, doc.updatedAt) })}`;
}

function dateText(doc: PublishedDocument, iso: string): string {
  return Number.isNaN(new Date(iso).getTime()) ? iso : formatDate(doc.language, iso);
}

/** The words an export adds around the document's own: the contents' heading, page numbers. */
export function exportWords(doc: PublishedDocument) {
  const t = i18nFor(doc.language).t;
  return {
    contents: t("publication.contents"),
    pageOf: (page: number, pages: number) => t("publication.pageOf", { page, pages }),
  };
}

export function toMarkdown(doc: PublishedDocument): string {
  const parts = [
    `# ${inlineText(doc.title)}`,
    `${inlineText(doc.workGroupName)} · ${datesLine(doc)}`,
    ...blocksMarkdown(doc.blocks),
  ];
  return `${parts.filter((part) => part !== "").join("\n\n")}\n`;
}

function blocksMarkdown(blocks: Block[]): string[] {
  const parts: string[] = [];
  let previous: Block | undefined;
  let alternate = false;
  for (const block of blocks) {
    // Two lists of the same kind written back to back would merge into one; switching the marker
    // character is how CommonMark is told a new list starts.
    const continuesList =
      block.kind === "list" && previous?.kind === "list" && previous.ordered === block.ordered;
    alternate = continuesList ? !alternate : false;
    const markdown = blockMarkdown(block, alternate);
    if (markdown === "") continue;
    parts.push(markdown);
    previous = block;
  }
  return parts;
}

function blockMarkdown(block: Block, alternateMarker: boolean): string {
  switch (block.kind) {
    case "heading": {
      const text = inlineText(block.text);
      return text === "" ? "" : `${"#".repeat(block.level + 1)} ${text}`;
    }
    case "paragraph":
      return runsMarkdown(block.runs, "");
    case "list":
      return block.items
        .map((item, index) => {
          const marker = listMarker(block.ordered, index, alternateMarker);
          return `${marker}${runsMarkdown(item, " ".repeat(marker.length))}`;
        })
        .join("\n");
  }
}

function listMarker(ordered: boolean, index: number, alternate: boolean): string {
  if (ordered) return `${index + 1}${alternate ? ")" : "."} `;
  return alternate ? "* " : "- ";
}

/** A heading or the byline is one line: a typed line break would end it early. */
function inlineText(text: string): string {
  const line = escapeLineStart(escapeText(text.replace(/\s*\n\s*/g, " ").trim()));
  // A heading's trailing " #" would be read as an optional closing sequence and dropped.
  return line.replace(/#+$/, (hashes) => hashes.replace(/#/g, "\\#"));
}

/**
 * Runs become one block of Markdown. A typed line break becomes a hard break, and the lines after
 * it are indented by `indent` so they stay inside a list item.
 */
function runsMarkdown(runs: Run[], indent: string): string {
  const text = mergeRuns(runs)
    .map((run, index, all) => runMarkdown(run, all[index - 1], all[index + 1]))
    .join("");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map(escapeLineStart)
    .join(`\\\n${indent}`);
}

/** `**a****b**` is not bold twice in Markdown, so neighbours that look alike are joined first. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && sameLook(last, run))
      merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else if (run.text !== "") merged.push({ ...run });
  }
  return merged;
}

function sameLook(a: Run, b: Run): boolean {
  return (
    Boolean(a.bold) === Boolean(b.bold) &&
    Boolean(a.italic) === Boolean(b.italic) &&
    (a.href ?? "") === (b.href ?? "")
  );
}

function runMarkdown(run: Run, before: Run | undefined, after: Run | undefined): string {
  // Emphasis markers only work against text, so spaces at the edges go outside them.
  const [, lead = "", core = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
  if (core === "") return run.text;
  let text = escapeText(core);
  if (run.italic) {
    // `_` does not emphasise inside a word ("un_believ_able"); `*` does.
    const insideWord =
      (lead === "" && endsWithWordCharacter(before)) ||
      (trail === "" && startsWithWordCharacter(after));
    const marker = insideWord ? "*" : "_";
    text = `${marker}${text}${marker}`;
  }
  if (run.bold) text = `**${text}**`;
  const href = linkTarget(run.href);
  if (href) text = `[${text}](${href})`;
  return `${lead}${text}${trail}`;
}

function endsWithWordCharacter(run: Run | undefined): boolean {
  return run !== undefined && /[\p{L}\p{N}]$/u.test(run.text);
}

function startsWithWordCharacter(run: Run | undefined): boolean {
  return run !== undefined && /^[\p{L}\p{N}]/u.test(run.text);
}

/** Only web and mail addresses become links: a `javascript:` href stays as the text it was. */
function linkTarget(href: string | undefined): string | null {
  // Characters that would end the link destination early are percent-encoded.
  return (
    linkAddress(href)?.replace(/[()<>\\]/g, (character) => encodeURIComponent(character)) ?? null
  );
}

/**
 * Backslash-escapes every character that means something inline in CommonMark or GitHub Markdown,
 * so a typed `*`, `[`, `<script>` or `&amp;` reads exactly as typed.
 */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>&~|]/g, "\\$&");
}

/** Characters that only mean something at the start of a line: headings, quotes, list markers. */
function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}
