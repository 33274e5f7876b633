/**
 * A draft pasted as text or Markdown, cut into numbered sections at its headings ("# …",
 * "## …" or "### …"). Text before the first heading is the introduction, section 1 when the
 * draft has no heading at all. Section bodies keep their Markdown; the public page shows
 * paragraphs and lists.
 */
export type DraftSection = { number: number; heading: string; body: string };

const HEADING = /^#{1,3}\s+(.+?)\s*#*\s*$/;

export function splitDraft(draft: string): DraftSection[] {
  const lines = draft.replace(/\r\n?/g, "\n").split("\n");
  type Gathering = { heading: string; lines: string[]; introduction?: true };
  const sections: Gathering[] = [];
  let current: Gathering | null = null;
  for (const line of lines) {
    const heading = HEADING.exec(line);
    if (heading) {
      current = { heading: (heading[1] ?? "").slice(0, 300), lines: [] };
      sections.push(current);
    } else {
      if (!current) {
        current = { heading: "Introduction", lines: [], introduction: true };
        sections.push(current);
      }
      current.lines.push(line);
    }
  }
  return sections
    .map((section) => ({ ...section, body: section.lines.join("\n").trim() }))
    .filter((section) => !(section.introduction && section.body === ""))
    .map((section, index) => ({ number: index + 1, heading: section.heading, body: section.body }));
}

/** A section body's paragraphs and bulleted lists, for the public page. */
export type BodyBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

export function bodyBlocks(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((line) => /^[-*]\s+/.test(line))) {
      blocks.push({ kind: "list", items: lines.map((line) => line.replace(/^[-*]\s+/, "")) });
    } else {
      blocks.push({ kind: "paragraph", text: lines.join(" ") });
    }
  }
  return blocks;
}
