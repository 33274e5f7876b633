import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TableOfContents,
  TextRun,
} from "docx";
import { type Block, linkAddress, outline, type PublishedDocument, type Run } from "../content.ts";
import { datesLine } from "./markdown.ts";

/** Word measures pages in twentieths of a point. */
const INCH = 1440;
const BULLETS = "bullets";
const NUMBERS = "numbers";
const MUTED_COLOR = "555555";

const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/**
 * A Word document built from Word's own styles (Title, Heading 1–3, List Paragraph numbering), so
 * the navigation pane, the table of contents and restyling all work as they would on a document
 * typed in Word. The contents field is marked for updating, so Word fills in page numbers on open.
 */
export async function toDocx(doc: PublishedDocument): Promise<Buffer> {
  const document = new Document({
    title: xmlSafe(doc.title),
    creator: xmlSafe(doc.workGroupName),
    lastModifiedBy: "Convene",
    features: { updateFields: true },
    numbering: { config: listDefinitions() },
    sections: [
      {
        properties: {
          page: {
            size: { width: 8.5 * INCH, height: 11 * INCH },
            margin: { top: INCH, bottom: INCH, left: INCH, right: INCH },
          },
        },
        footers: { default: pageNumberFooter() },
        children: [...titleBlock(doc), ...contents(doc.blocks), ...bodyParagraphs(doc.blocks)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function titleBlock(doc: PublishedDocument): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(doc.title))] }),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(doc.workGroupName), size: 24 })] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: xmlSafe(datesLine(doc)), color: MUTED_COLOR })],
    }),
  ];
}

/** Left out when there are no headings to list, like the PDF. */
function contents(blocks: Block[]): (Paragraph | TableOfContents)[] {
  if (!outline(blocks).some((entry) => entry.text.trim() !== "")) return [];
  return [
    // A plain bold line rather than a heading style, so "Contents" does not list itself.
    new Paragraph({
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: "Contents", bold: true, size: 32 })],
    }),
    new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-2" }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function bodyParagraphs(blocks: Block[]): Paragraph[] {
  let orderedLists = 0;
  return blocks.flatMap((block) => {
    // Each numbered list is its own instance, so it starts again at 1.
    if (block.kind === "list" && block.ordered) orderedLists += 1;
    return blockParagraphs(block, orderedLists);
  });
}

function blockParagraphs(block: Block, listInstance: number): Paragraph[] {
  switch (block.kind) {
    case "heading":
      return headingParagraph(block.level, block.text);
    case "paragraph":
      return block.runs.some((run) => run.text.trim() !== "")
        ? [new Paragraph({ children: runChildren(block.runs) })]
        : [];
    case "list":
      return listParagraphs(block.ordered, block.items, listInstance);
  }
}

function headingParagraph(level: 1 | 2 | 3, text: string): Paragraph[] {
  const line = xmlSafe(text)
    .replace(/\s*\n\s*/g, " ")
    .trim();
  if (line === "") return [];
  return [new Paragraph({ heading: HEADING_LEVELS[level], children: [new TextRun(line)] })];
}

function listParagraphs(ordered: boolean, items: Run[][], instance: number): Paragraph[] {
  return items.map(
    (item) =>
      new Paragraph({
        numbering: ordered
          ? { reference: NUMBERS, level: 0, instance }
          : { reference: BULLETS, level: 0 },
        children: runChildren(item),
      }),
  );
}

function runChildren(runs: Run[]): ParagraphChild[] {
  return runs
    .filter((run) => run.text !== "")
    .flatMap<ParagraphChild>((run) => {
      const link = linkAddress(run.href);
      if (!link) return textRuns(run);
      return [new ExternalHyperlink({ link, children: textRuns(run, "Hyperlink") })];
    });
}

/** A typed line break becomes a Word line break rather than a space. */
function textRuns(run: Run, style?: string): TextRun[] {
  return xmlSafe(run.text)
    .split("\n")
    .map(
      (line, index) =>
        new TextRun({
          text: line,
          bold: run.bold,
          italics: run.italic,
          style,
          ...(index > 0 && { break: 1 }),
        }),
    );
}

function listDefinitions() {
  const hanging = { indent: { left: 0.5 * INCH, hanging: 0.25 * INCH } };
  return [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: "\u2022",
          alignment: AlignmentType.LEFT,
          style: { paragraph: hanging },
        },
      ],
    },
    {
      reference: NUMBERS,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: "%1.",
          alignment: AlignmentType.LEFT,
          style: { paragraph: hanging },
        },
      ],
    },
  ];
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
            size: 18,
            color: MUTED_COLOR,
          }),
        ],
      }),
    ],
  });
}

/**
 * Word refuses to open a file containing characters XML 1.0 forbids (most control characters and
 * unpaired surrogates), so those are dropped; everything else, emoji and CJK included, is kept.
 */
function xmlSafe(text: string): string {
  let safe = "";
  for (const character of text.replace(/\r\n?/g, "\n")) {
    if (allowedInXml(character.codePointAt(0)!)) safe += character;
  }
  return safe;
}

function allowedInXml(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a;
  // Iterating a string yields an unpaired surrogate on its own; paired ones arrive as one code point.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff;
}
