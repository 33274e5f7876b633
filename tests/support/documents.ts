import { inflateRawSync } from "node:zlib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect } from "vitest";

/** Reading exported files back the way a person's viewer would: PDF text with pdf.js. */

/** Each needle must appear after the one before it, starting from `from`. */
export function expectInOrder(text: string, needles: string[], from = 0) {
  let position = from;
  for (const needle of needles) {
    const found = text.indexOf(needle, position);
    expect(found, `"${needle}" after position ${position}`).toBeGreaterThanOrEqual(position);
    position = found + needle.length;
  }
}

export type PdfLine = { text: string; parts: string[] };

export function loadPdf(pdf: Buffer) {
  // pdf.js runs without a worker thread in Node; verbosity 0 keeps its font warnings quiet.
  return getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
}

type StructNode = { role?: string; type?: string; children?: StructNode[] };

/** Each page's structure, read with pdf.js as a screen reader would: roles, and marked content. */
export async function structureOf(loaded: Awaited<ReturnType<typeof loadPdf>>) {
  const pages: { number: number; roles: string[]; content: number }[] = [];
  for (let number = 1; number <= loaded.numPages; number++) {
    const tree = (await (await loaded.getPage(number)).getStructTree()) as StructNode | null;
    const roles: string[] = [];
    let content = 0;
    const walk = (node: StructNode) => {
      if (node.type === "content") content += 1;
      if (node.role && node.role !== "Root") roles.push(node.role);
      for (const child of node.children ?? []) walk(child);
    };
    if (tree) walk(tree);
    pages.push({ number, roles, content });
  }
  return pages;
}

/**
 * The text of every page as lines, read with pdf.js the way a viewer would. Pieces on one
 * baseline are joined, with a space where there is a visible gap between them.
 */
export async function pdfPages(pdf: Buffer): Promise<PdfLine[][]> {
  const loaded = await loadPdf(pdf);
  const pages: PdfLine[][] = [];
  for (let number = 1; number <= loaded.numPages; number++) {
    const content = await (await loaded.getPage(number)).getTextContent();
    const pieces = content.items.flatMap((item) =>
      "str" in item && item.str.trim() !== ""
        ? [
            {
              str: item.str,
              x: item.transform[4],
              y: Math.round(item.transform[5]),
              width: item.width,
            },
          ]
        : [],
    );
    const baselines = [...new Set(pieces.map((piece) => piece.y))].sort((a, b) => b - a);
    pages.push(
      baselines.map((y) => {
        const onLine = pieces.filter((piece) => piece.y === y).sort((a, b) => a.x - b.x);
        const text = onLine
          .map((piece, index) => {
            const previous = onLine[index - 1];
            const gap = previous ? piece.x - (previous.x + previous.width) : 0;
            return gap > 2 ? ` ${piece.str}` : piece.str;
          })
          .join("")
          .replace(/\s+/g, " ")
          .trim();
        return { text, parts: onLine.map((piece) => piece.str.trim()) };
      }),
    );
  }
  await loaded.destroy();
  return pages;
}

/**
 * A page's text with wrapped lines joined back up, so a heading that wraps still matches. pdfkit
 * wraps after a typed hyphen without adding one, so a line ending in "-" joins without a space.
 */
export function pageText(page: PdfLine[]): string {
  return page
    .map((line) => (line.text.endsWith("-") ? line.text : `${line.text} `))
    .join("")
    .trim();
}

/**
 * The files of a zip archive (a .docx is one) by name, as text. Small enough to own: the central
 * directory at the end lists each file, stored as is or deflated.
 */
export function unzipText(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, "end of the zip's central directory").toBeGreaterThanOrEqual(0);
  const files = new Map<string, string>();
  let entry = zip.readUInt32LE(end + 16);
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    const method = zip.readUInt16LE(entry + 10);
    const size = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const skip = nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
    const name = zip.toString("utf8", entry + 46, entry + 46 + nameLength);
    const local = zip.readUInt32LE(entry + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    entry += 46 + skip;
  }
  return files;
}
