import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  type IContext,
  type IXmlableObject,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  type PageNumberEstimator,
  Paragraph,
  type ParagraphChild,
  TableOfContents,
  TextRun,
} from "docx";
import { estimatePageNumbersWith } from "docx/layout";
import { type Block, linkAddress, outline, type PublishedDocument, type Run } from "../content.ts";
import { datesLine, exportWords } from "./markdown.ts";

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

/** The languages Word spell-checks and reads the text in, as the app formats dates for them. */
const WORD_LANGUAGES = { en: "en-US", es: "es-US" } as const;

/**
 * The page of each heading in the contents, worked out by docx's own layout of the pages as Word
 * lays them out (Calibri, the default theme's font, is in its width tables). Where it meets what
 * it cannot measure exactly (an emoji, a CJK character) it guesses, as Google Docs and LibreOffice
 * do when they write a table of contents for Word: a number a line off is still a useful contents,
 * where a blank one would leave a reader of an agency document guessing until Word updates fields.
 */
const estimate = estimatePageNumbersWith({ guess: true });

/**
 * The layout costs about 2 ms of CPU per paragraph (measured here), and a report's appendix can
 * hold thousands of ideas after its last listed heading. Only the body up to the last heading the
 * contents lists (and the paragraphs it is kept with) decides those pages, so only that is laid
 * out. Past this many paragraphs the numbers are left blank rather than hold the server for
 * seconds: the entries are still there, linked to their headings, and Word fills the numbers in.
 */
const MAX_LAID_OUT = 300;
/** A heading is kept with the first lines of the paragraph after it, which can move it. */
const KEPT_WITH_HEADING = 2;

const pageNumbers: PageNumberEstimator = Object.assign(
  (body: IXmlableObject, context: IContext) => {
    const children = (body as { "w:body"?: IXmlableObject[] })["w:body"];
    if (!Array.isArray(children)) return estimate(body, context);
    const last = children.findLastIndex(holdsContentsBookmark);
    const through = children.slice(0, last + 1 + KEPT_WITH_HEADING);
    if (through.length > MAX_LAID_OUT) return { bookmarks: new Map<string, string>() };
    const sectionProperties = children.at(-1);
    const laidOut =
      sectionProperties && !through.includes(sectionProperties)
        ? [...through, sectionProperties]
        : through;
    // Only the bookmarks: the page count of a shortened body is not the document's, and Word
    // counts the pages of "Page N of M" itself whenever it shows or prints the footer.
    return { bookmarks: estimate({ "w:body": laidOut }, context).bookmarks };
  },
  // No listNumbers: it works out the numbers of numbered headings over the whole body (seconds
  // for a long appendix), and the headings here are never numbered.
  {},
);

/** Whether a formatted element holds the bookmark docx puts on a heading the contents lists. */
function holdsContentsBookmark(element: unknown): boolean {
  if (Array.isArray(element)) return element.some(holdsContentsBookmark);
  if (typeof element !== "object" || element === null) return false;
  return Object.entries(element).some(([name, value]) =>
    name === "w:bookmarkStart"
      ? String(attributes(value)?.["w:name"] ?? "").startsWith("_Toc")
      : name !== "_attr" && holdsContentsBookmark(value),
  );
}

function attributes(value: unknown): Record<string, unknown> | undefined {
  const list = Array.isArray(value) ? value : [value];
  return list.find((item) => typeof item === "object" && item !== null && "_attr" in item)?._attr;
}

/**
 * A Word document built from Word's own styles (Title, Heading 1–3, List Paragraph numbering), so
 * the navigation pane, the table of contents and restyling all work as they would on a document
 * typed in Word.
 *
 * The table of contents opens complete in any reader: its field's cached result already lists
 * every level-1 and level-2 heading, each a link to a bookmark on the heading, with the page it is
 * on. It is written clean and the document does not ask to update fields on open: Word's "update
 * the fields that may refer to other files?" prompt is alarming to a member of the public, and
 * LibreOffice ignores it anyway. Word's "Update Table" still recomputes it, exactly, on demand.
 */
export async function toDocx(doc: PublishedDocument): Promise<Buffer> {
  const words = exportWords(doc);
  const document = new Document({
    title: xmlSafe(doc.title),
    creator: xmlSafe(doc.workGroupName),
    lastModifiedBy: "Convene",
    pageNumbers,
    styles: {
      default: { document: { run: { language: { value: WORD_LANGUAGES[doc.language] } } } },
    },
    numbering: { config: listDefinitions() },
    sections: [
      {
        properties: {
          page: {
            size: { width: 8.5 * INCH, height: 11 * INCH },
            margin: { top: INCH, bottom: INCH, left: INCH, right: INCH },
          },
        },
        footers: { default: pageNumberFooter(words.pageOf) },
        children: [
          ...titleBlock(doc),
          ...contents(words.contents, doc.blocks),
          ...bodyParagraphs(doc.blocks),
        ],
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
function contents(title: string, blocks: Block[]): (Paragraph | TableOfContents)[] {
  if (!outline(blocks).some((entry) => entry.text.trim() !== "")) return [];
  return [
    // A plain bold line rather than a heading style, so "Contents" does not list itself.
    new Paragraph({
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: title, bold: true, size: 32 })],
    }),
    new TableOfContents(title, { hyperlink: true, headingStyleRange: "1-2" }),
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

/** "Page 2 of 9" in the document's language, the numbers being Word's own page fields. */
function pageNumberFooter(pageOf: (page: number, pages: number) => string): Footer {
  // The catalogue's sentence is split around two numbers no real page count is.
  const [before = "", between = "", after = ""] = pageOf(-1, -2).split(/-[12]/);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after],
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
