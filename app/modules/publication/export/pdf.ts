import PDFDocument from "pdfkit";
import { type Block, linkAddress, outline, type PublishedDocument, type Run } from "../content.ts";
import { datesLine, exportWords } from "./markdown.ts";

type Pdf = PDFKit.PDFDocument;

const INCH = 72;
const PAGE_WIDTH = 8.5 * INCH;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * INCH;
const LEFT = INCH;

const BODY_SIZE = 11;
const LINE_GAP = 3;
const PARAGRAPH_GAP = 8;
const TITLE_SIZE = 24;
const HEADING_SIZES = { 1: 18, 2: 14, 3: 12 } as const;
const SPACE_BEFORE_HEADING = { 1: 16, 2: 12, 3: 8 } as const;
const CONTENTS_NUMBER_WIDTH = 36;
const CONTENTS_INDENT = 18;
const LIST_LEFT = 6;
const MARKER_GAP = 6;

const TEXT_COLOR = "#1a1a1a";
const MUTED_COLOR = "#555555";
const LINK_COLOR = "#1a4f9c";
const RULE_COLOR = "#999999";

const FONTS = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
} as const;

type Element = PDFKit.PDFStructureElement;

/** Heading levels of the body, one below the title (H1), as the web page and Markdown have them. */
const HEADING_TAGS = { 1: "H2", 2: "H3", 3: "H4" } as const;

/**
 * Letter-size, print-ready PDF: a title block, a "Contents" page with the page of every level-1
 * and level-2 heading, the body, and "Page N of M" on every page.
 *
 * The document is laid out twice. The first pass only learns which page each heading lands on;
 * the second prints those numbers in the contents. The numbers sit in a fixed-width column that
 * never wraps, so printing them cannot move anything and the second pass lands the same way.
 *
 * It is a tagged PDF (Section 508, WCAG, PDF/UA): everything printed belongs either to the
 * structure tree (headings, paragraphs, lists, the contents, links), which is what a screen
 * reader reads and what reflows on a phone, or to an artifact (page numbers, rules, leaders),
 * which assistive technology skips. Its language and title are declared, and viewers show the
 * title rather than the file name.
 */
export async function toPdf(doc: PublishedDocument): Promise<Buffer> {
  const placeholders = outline(doc.blocks).map(() => 0);
  const { headingPages } = layOut(doc, placeholders);
  const { pdf, root } = layOut(doc, headingPages);
  root.end();
  addPageNumbers(pdf, doc);
  return finish(pdf);
}

function layOut(doc: PublishedDocument, contentsPages: number[]) {
  const pdf = new PDFDocument({
    size: "LETTER",
    margins: { top: INCH, bottom: INCH, left: INCH, right: INCH },
    bufferPages: true,
    tagged: true,
    // PDF/UA asks for PDF 1.7 or later; pdfkit writes 1.3 unless told.
    pdfVersion: "1.7",
    displayTitle: true,
    lang: doc.language,
    info: documentInfo(doc),
  });
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  pdf.lineGap(LINE_GAP).fillColor(TEXT_COLOR);
  writeTitleBlock(pdf, root, doc);
  const entries = outline(doc.blocks);
  if (entries.some((entry) => printable(entry.text).trim() !== "")) {
    writeContents(pdf, root, exportWords(doc).contents, entries, contentsPages);
    pdf.addPage();
  }
  const headingPages = writeBlocks(pdf, root, doc.blocks);
  return { pdf, root, headingPages };
}

/**
 * A structure element of `type` under `parent`, holding what `draw` prints (as marked content
 * on the pages it lands on, even when the text flows onto the next page). The caller ends it.
 * Whatever adds a page must run before, never inside `draw`.
 */
function tag(pdf: Pdf, parent: Element, type: string, draw?: () => void): Element {
  const element = pdf.struct(type);
  parent.add(element);
  if (draw) element.add(draw);
  return element;
}

/** A leaf of the tree: one element holding what `draw` prints. */
function tagged(pdf: Pdf, parent: Element, type: string, draw: () => void) {
  tag(pdf, parent, type, draw).end();
}

/** Printed decoration that is no part of the text: skipped by screen readers and reflow. */
function artifact(pdf: Pdf, type: "Layout" | "Pagination", draw: () => void) {
  pdf.markContent("Artifact", { type });
  draw();
  pdf.endMarkedContent();
}

function documentInfo(doc: PublishedDocument): PDFKit.DocumentInfo {
  // Dates come from the publication rather than the clock, so the same version makes the same file.
  const published = validDate(doc.publishedAt);
  const updated = doc.updatedAt ? validDate(doc.updatedAt) : undefined;
  return {
    Title: doc.title,
    Author: doc.workGroupName,
    Creator: "Convene",
    ...(published && { CreationDate: published }),
    ...((updated ?? published) && { ModDate: updated ?? published }),
  };
}

function validDate(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function writeTitleBlock(pdf: Pdf, root: Element, doc: PublishedDocument) {
  tagged(pdf, root, "H1", () => {
    pdf
      .font(FONTS.bold)
      .fontSize(TITLE_SIZE)
      .fillColor(TEXT_COLOR)
      .text(printable(doc.title), LEFT, pdf.y, { width: CONTENT_WIDTH });
  });
  pdf.moveDown(0.4);
  pdf.font(FONTS.regular).fontSize(12).fillColor(MUTED_COLOR);
  tagged(pdf, root, "P", () => pdf.text(printable(doc.workGroupName), { width: CONTENT_WIDTH }));
  tagged(pdf, root, "P", () => pdf.text(printable(datesLine(doc)), { width: CONTENT_WIDTH }));
  pdf.fillColor(TEXT_COLOR);
  drawRule(pdf, pdf.y + 10);
  pdf.y += 28;
}

function drawRule(pdf: Pdf, y: number) {
  artifact(pdf, "Layout", () => {
    pdf
      .save()
      .moveTo(LEFT, y)
      .lineTo(LEFT + CONTENT_WIDTH, y)
      .lineWidth(0.75)
      .strokeColor(RULE_COLOR)
      .stroke()
      .restore();
  });
}

function writeContents(
  pdf: Pdf,
  root: Element,
  title: string,
  entries: ReturnType<typeof outline>,
  pages: number[],
) {
  tagged(pdf, root, "H2", () => {
    pdf.font(FONTS.bold).fontSize(16).text(title, LEFT, pdf.y, { width: CONTENT_WIDTH });
  });
  pdf.moveDown(0.5);
  const toc = tag(pdf, root, "TOC");
  entries.forEach((entry, index) => {
    const text = printable(entry.text).trim();
    if (text !== "") writeContentsEntry(pdf, toc, text, entry.level, pages[index] ?? 0, index);
  });
  toc.end();
}

/**
 * One line of the contents: the heading, a dotted leader, and its page number on the entry's last
 * line, the way Word sets a table of contents. The whole entry is one link to the heading, tagged
 * as a link inside the entry (TOCI), so a screen reader says it and follows it.
 */
function writeContentsEntry(
  pdf: Pdf,
  toc: Element,
  text: string,
  level: 1 | 2,
  page: number,
  index: number,
) {
  const indent = level === 2 ? CONTENTS_INDENT : 0;
  const width = CONTENT_WIDTH - indent - CONTENTS_NUMBER_WIDTH - MARKER_GAP;
  pdf.font(level === 1 ? FONTS.bold : FONTS.regular).fontSize(BODY_SIZE);
  // An entry is never split across pages: its number would end up apart from it.
  if (pdf.y + pdf.heightOfString(text, { width }) > pdf.page.maxY()) pdf.addPage();

  const top = pdf.y;
  const entry = tag(pdf, toc, "TOCI");
  const link = tag(pdf, entry, "Link", () => {
    pdf.text(text, LEFT + indent, top, { width });
  });
  const after = pdf.y;
  const lastLineY = after - pdf.currentLineHeight(true) - LINE_GAP;
  const numberLeft = LEFT + CONTENT_WIDTH - CONTENTS_NUMBER_WIDTH;
  link.add(() => {
    pdf.font(FONTS.regular).text(String(page), numberLeft, lastLineY, {
      width: CONTENTS_NUMBER_WIDTH,
      align: "right",
      lineBreak: false,
    });
  });
  const left = LEFT + indent;
  pdf.goTo(left, top, LEFT + CONTENT_WIDTH - left, after - top, destinationName(index), {
    structParent: link,
    // What a screen reader says for the link.
    Contents: new String(text),
  } as unknown as PDFKit.Mixins.AnnotationOption);
  link.end();
  entry.end();
  pdf.font(level === 1 ? FONTS.bold : FONTS.regular);
  if (pdf.widthOfString(text) <= width) {
    drawLeader(pdf, left + pdf.widthOfString(text) + 4, numberLeft + 8, lastLineY);
  }
  pdf.y = after + 2;
}

function drawLeader(pdf: Pdf, from: number, to: number, lineY: number) {
  if (to <= from) return;
  const baseline = lineY + BODY_SIZE * 0.8;
  artifact(pdf, "Layout", () => {
    pdf
      .save()
      .moveTo(from, baseline)
      .lineTo(to, baseline)
      .lineWidth(0.8)
      .dash(0.8, { space: 3 })
      .strokeColor(RULE_COLOR)
      .stroke()
      .restore();
  });
}

function destinationName(outlineIndex: number): string {
  return `section-${outlineIndex + 1}`;
}

/** Writes the body and returns the page of each outline() heading, in outline order. */
function writeBlocks(pdf: Pdf, root: Element, blocks: Block[]): number[] {
  const headingPages: number[] = [];
  let lastTopBookmark: PDFKit.PDFOutline | undefined;
  blocks.forEach((block, index) => {
    if (block.kind === "heading") {
      const last = index === blocks.length - 1;
      writeHeading(pdf, root, block.level, block.text, headingPages.length, last);
      if (block.level <= 2) {
        headingPages.push(currentPage(pdf));
        lastTopBookmark = addBookmark(pdf, block.level, block.text, lastTopBookmark);
      }
    } else if (block.kind === "paragraph") {
      writeParagraph(pdf, root, block.runs);
    } else {
      writeList(pdf, root, block.ordered, block.items, block.start ?? 1);
    }
  });
  return headingPages;
}

function currentPage(pdf: Pdf): number {
  // Pages are only ever added at the end while laying out, so the newest is the current one.
  return pdf.bufferedPageRange().count;
}

/** Bookmarks keep the full Unicode title: PDF text strings, unlike the standard fonts, allow it. */
function addBookmark(
  pdf: Pdf,
  level: 1 | 2 | 3,
  text: string,
  lastTop: PDFKit.PDFOutline | undefined,
): PDFKit.PDFOutline | undefined {
  if (text.trim() === "") return lastTop;
  if (level === 1) return pdf.outline.addItem(text, { expanded: true });
  (lastTop ?? pdf.outline).addItem(text);
  return lastTop;
}

function writeHeading(
  pdf: Pdf,
  root: Element,
  level: 1 | 2 | 3,
  rawText: string,
  outlineIndex: number,
  last: boolean,
) {
  const text = printable(rawText)
    .replace(/\s*\n\s*/g, " ")
    .trim();
  pdf.font(FONTS.bold).fontSize(HEADING_SIZES[level]);
  const atTopOfPage = pdf.y <= pdf.page.margins.top;
  const before = atTopOfPage ? 0 : SPACE_BEFORE_HEADING[level];
  // A heading stranded at the bottom of a page, apart from what it heads, goes to the next page.
  const bodyLines = last ? 0 : 3 * (BODY_SIZE * 1.2 + LINE_GAP);
  const needed = before + pdf.heightOfString(text || " ", { width: CONTENT_WIDTH }) + bodyLines;
  if (!atTopOfPage && pdf.y + needed > pdf.page.maxY()) pdf.addPage();
  else pdf.y += before;
  if (text === "") return;
  tagged(pdf, root, HEADING_TAGS[level], () => {
    pdf.text(text, LEFT, pdf.y, {
      width: CONTENT_WIDTH,
      ...(level <= 2 && { destination: destinationName(outlineIndex) }),
    });
  });
  pdf.y += 4;
}

function writeParagraph(pdf: Pdf, root: Element, runs: Run[]) {
  if (!hasText(runs)) return;
  const paragraph = tag(pdf, root, "P");
  writeRuns(pdf, paragraph, runs, LEFT, CONTENT_WIDTH);
  paragraph.end();
  pdf.y += PARAGRAPH_GAP;
}

/**
 * Lists hang: the marker sits in its own column and wrapped lines line up with the text. Each
 * item is tagged as the list item it is (L, LI, with its marker as Lbl and its text as LBody),
 * so a screen reader says "list, 3 items" and reads the numbers as numbers.
 */
function writeList(pdf: Pdf, root: Element, ordered: boolean, items: Run[][], start: number) {
  pdf.font(FONTS.regular).fontSize(BODY_SIZE);
  const markers = items.map((_, index) => (ordered ? `${start + index}.` : "•"));
  const markerWidth = Math.max(...markers.map((marker) => pdf.widthOfString(marker)), 0);
  const textLeft = LEFT + LIST_LEFT + Math.max(markerWidth, 12) + MARKER_GAP;
  const list = tag(pdf, root, "L");
  items.forEach((item, index) => {
    pdf.font(FONTS.regular).fontSize(BODY_SIZE);
    if (pdf.y + pdf.currentLineHeight(true) + LINE_GAP > pdf.page.maxY()) pdf.addPage();
    const top = pdf.y;
    const marker = markers[index]!;
    const listItem = tag(pdf, list, "LI");
    tagged(pdf, listItem, "Lbl", () => {
      pdf.text(marker, textLeft - MARKER_GAP - pdf.widthOfString(marker), top, {
        lineBreak: false,
      });
    });
    pdf.y = top;
    const body = tag(pdf, listItem, "LBody");
    if (hasText(item)) writeRuns(pdf, body, item, textLeft, LEFT + CONTENT_WIDTH - textLeft);
    else pdf.moveDown();
    body.end();
    listItem.end();
    pdf.y += 3;
  });
  list.end();
  pdf.y += PARAGRAPH_GAP - 3;
}

function printableRuns(runs: Run[]): Run[] {
  return runs
    .map((run) => ({ ...run, text: printable(run.text) }))
    .filter((run) => run.text !== "");
}

function hasText(runs: Run[]): boolean {
  return printableRuns(runs).some((run) => run.text.trim() !== "");
}

/**
 * Writes runs into `parent` as one wrapped block starting at the current line. A linked run is
 * its own Link element holding its link annotations, as PDF/UA asks.
 */
function writeRuns(pdf: Pdf, parent: Element, runs: Run[], left: number, width: number) {
  const pieces = printableRuns(runs);
  pieces.forEach((run, index) => {
    const link = linkAddress(run.href);
    const continued = index < pieces.length - 1;
    const draw = () => {
      pdf
        .font(fontFor(run))
        .fontSize(BODY_SIZE)
        .fillColor(link ? LINK_COLOR : TEXT_COLOR);
      // Each option is given even when off: pdfkit carries options over between continued pieces.
      const options = { width, continued, link: link ?? null, underline: link !== undefined };
      if (index === 0) pdf.text(run.text, left, pdf.y, options);
      else pdf.text(run.text, options);
    };
    if (link) tagged(pdf, parent, "Link", draw);
    else parent.add(draw);
  });
  pdf.fillColor(TEXT_COLOR);
}

function fontFor(run: Run): string {
  if (run.bold && run.italic) return FONTS.boldItalic;
  if (run.bold) return FONTS.bold;
  if (run.italic) return FONTS.italic;
  return FONTS.regular;
}

/**
 * "Page N of M" in the bottom margin of every page. The bottom margin is lifted while writing,
 * or pdfkit would see text below it and start a new page.
 */
function addPageNumbers(pdf: Pdf, doc: PublishedDocument) {
  const { pageOf } = exportWords(doc);
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    artifact(pdf, "Pagination", () => {
      pdf
        .font(FONTS.regular)
        .fontSize(9)
        .fillColor(MUTED_COLOR)
        .text(pageOf(index + 1, count), LEFT, pdf.page.height - bottomMargin / 2 - 4, {
          width: CONTENT_WIDTH,
          align: "center",
          lineBreak: false,
        });
    });
    pdf.page.margins.bottom = bottomMargin;
  }
}

function finish(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}

/**
 * The standard PDF fonts only have the Windows-1252 ("WinAnsi") characters, and pdfkit writes
 * anything else as garbage rather than failing. So every character outside that set is swapped
 * for a close stand-in: a known ASCII equivalent, the letter without its accent ("ő" → "o"), or
 * "?" (emoji, CJK). A real embedded Unicode font would avoid this but would need a font file
 * shipped with the app.
 */
export function printable(text: string): string {
  let result = "";
  for (const character of text.replace(/\r\n?/g, "\n")) result += printableCharacter(character);
  return result;
}

const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const STAND_INS: Record<string, string> = {
  "\t": "    ",
  "\u2028": "\n",
  "\u2029": "\n",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "―": "—",
  "−": "-",
  "‛": "'",
  "‟": '"',
  "′": "'",
  "″": '"',
  "≤": "<=",
  "≥": ">=",
  "≠": "!=",
  "≈": "~",
  "→": "->",
  "←": "<-",
  "⇒": "=>",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ı: "i",
  ħ: "h",
  Ħ: "H",
};

function printableCharacter(character: string): string {
  if (character === "\n" || isWinAnsi(character)) return character;
  const standIn = STAND_INS[character];
  if (standIn !== undefined) return standIn;
  // Controls, joiners, variation selectors and stray accents have nothing to show.
  if (/[\p{Cc}\p{Cf}\p{M}]/u.test(character)) return "";
  const decomposed = character.normalize("NFKD").replace(/\p{M}/gu, "");
  if (decomposed !== "" && [...decomposed].every(isWinAnsi)) return decomposed;
  return "?";
}

function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRAS.has(character)
  );
}
