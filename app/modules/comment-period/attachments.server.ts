import { createHash } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { MAX_ATTACHMENT_MB, MAX_ATTACHMENTS } from "./schema.ts";

/**
 * Files sent with a public comment: up to MAX_FILES of MAX_FILE_BYTES each, PDF, Word (DOCX),
 * PNG or JPEG, the type told from the bytes, never from the name or the browser's word for it.
 * Each is read before anything is stored: a file that is not what it says, a PDF that is
 * encrypted or broken, a Word file whose contents would unpack to far more than it holds (a
 * decompression bomb) or an image too large to open is refused with the reason, and the comment
 * with it, so nothing is stored by halves. The words of PDFs and Word files are kept for search.
 */
export const MAX_FILES = MAX_ATTACHMENTS;
export const MAX_FILE_BYTES = MAX_ATTACHMENT_MB * 1024 * 1024;
export const ATTACHMENT_TYPES = ["pdf", "docx", "png", "jpeg"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Text kept per file: enough for search and themes, bounded for the database. */
const MAX_TEXT = 200_000;
/** What a Word file's parts may unpack to, at most, and how many parts it may have. */
const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;
/** Pixels an image may have: a 10 MB PNG can claim to be a billion pixels wide. */
const MAX_PIXELS = 100_000_000;
/** PDF pages read for text: a 10 MB scan of 2,000 pages is refused no more than it is read. */
const MAX_PDF_PAGES = 500;

export type CheckedAttachment = {
  position: number;
  name: string;
  type: AttachmentType;
  size: number;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
  text: string;
};

export type AttachmentProblem =
  | "comment.files.tooMany"
  | "comment.files.tooLarge"
  | "comment.files.empty"
  | "comment.files.type"
  | "comment.files.encrypted"
  | "comment.files.broken"
  | "comment.files.bomb";

export type AttachmentCheck =
  | { ok: true; files: CheckedAttachment[] }
  | { ok: false; problem: AttachmentProblem; name: string };

/** The file inputs of a form that hold a file (an empty input sends a nameless empty part). */
export function sentFiles(form: FormData): File[] {
  return form
    .getAll("files")
    .filter((value): value is File => typeof value === "object" && value.size > 0);
}

export async function checkAttachments(files: File[]): Promise<AttachmentCheck> {
  if (files.length > MAX_FILES) return { ok: false, problem: "comment.files.tooMany", name: "" };
  const checked: CheckedAttachment[] = [];
  for (const [position, file] of files.entries()) {
    const name = cleanName(file.name);
    if (file.size > MAX_FILE_BYTES) return { ok: false, problem: "comment.files.tooLarge", name };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniff(bytes);
    if (!type) return { ok: false, problem: "comment.files.type", name };
    const read = await readText(type, bytes);
    if (!read.ok) return { ok: false, problem: read.problem, name };
    checked.push({
      position,
      name,
      type,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes,
      text: read.text.slice(0, MAX_TEXT),
    });
  }
  return { ok: true, files: checked };
}

/** A file name as shown to staff: no path, no control characters, not endless. */
function cleanName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "file").slice(0, 200);
}

const starts = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The type from the first bytes (and, for Word, the parts of the zip). */
export function sniff(bytes: Uint8Array): AttachmentType | null {
  if (starts(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf"; // %PDF-
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(bytes, 0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const entries = zipEntries(bytes);
    if (entries?.some((e) => e.name === "word/document.xml")) return "docx";
  }
  return null;
}

type ZipEntry = { name: string; method: number; compressed: number; size: number; offset: number };

/** A zip's table of contents (its central directory), read without unpacking anything. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record sits in the last 64 KiB (after an optional comment).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count > MAX_ZIP_ENTRIES) return null;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

type Read = { ok: true; text: string } | { ok: false; problem: AttachmentProblem };

async function readText(type: AttachmentType, bytes: Uint8Array): Promise<Read> {
  if (type === "pdf") return readPdf(bytes);
  if (type === "docx") return readDocx(bytes);
  return checkImage(type, bytes);
}

async function readPdf(bytes: Uint8Array): Promise<Read> {
  // pdf.js is large: loaded when the first PDF arrives, not with the app.
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let pdf: Awaited<ReturnType<typeof getDocument>["promise"]> | undefined;
  try {
    // A copy: pdf.js takes the buffer over, and the bytes are stored afterwards.
    pdf = await getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: true,
      // Text only: no fonts are drawn, so pdf.js's warnings about them say nothing.
      verbosity: 0,
    }).promise;
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PDF_PAGES) && length < MAX_TEXT; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
      pages.push(text);
      length += text.length;
    }
    return { ok: true, text: pages.join("\n") };
  } catch (error) {
    const name = (error as { name?: string }).name;
    return {
      ok: false,
      problem: name === "PasswordException" ? "comment.files.encrypted" : "comment.files.broken",
    };
  } finally {
    await pdf?.destroy();
  }
}

function readDocx(bytes: Uint8Array): Read {
  const entries = zipEntries(bytes);
  if (!entries) return { ok: false, problem: "comment.files.broken" };
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_UNPACKED_BYTES) return { ok: false, problem: "comment.files.bomb" };
  const document = entries.find((e) => e.name === "word/document.xml");
  if (!document) return { ok: false, problem: "comment.files.type" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = document.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
    return { ok: false, problem: "comment.files.broken" };
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const packed = bytes.subarray(start, start + document.compressed);
  let xml: string;
  try {
    // The declared size may lie: unpacking stops at the bound whatever the header says.
    const unpacked =
      document.method === 0
        ? Buffer.from(packed)
        : document.method === 8
          ? inflateRawSync(packed, { maxOutputLength: MAX_UNPACKED_BYTES })
          : null;
    if (!unpacked) return { ok: false, problem: "comment.files.broken" };
    xml = unpacked.toString("utf8");
  } catch (error) {
    const tooBig = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
    return { ok: false, problem: tooBig ? "comment.files.bomb" : "comment.files.broken" };
  }
  // The words are in <w:t> runs; a paragraph (</w:p>) ends a line.
  const text = xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:tab\/>/g, " ")
    .replace(/<(?!\/?w:t[ >])[^>]*>/g, "")
    .replace(/<\/?w:t[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
  return { ok: true, text: text.replace(/[ \t]+/g, " ").trim() };
}

/** An image is kept as sent; only its size is checked, from its header. */
function checkImage(type: "png" | "jpeg", bytes: Uint8Array): Read {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  if (type === "png") {
    if (bytes.length < 24) return { ok: false, problem: "comment.files.broken" };
    width = view.getUint32(16);
    height = view.getUint32(20);
  } else {
    // The first start-of-frame marker holds the size.
    for (let at = 2; at + 9 < bytes.length; ) {
      if (bytes[at] !== 0xff) return { ok: false, problem: "comment.files.broken" };
      const marker = bytes[at + 1]!;
      const length = view.getUint16(at + 2);
      if (
        marker >= 0xc0 &&
        marker <= 0xcf &&
        marker !== 0xc4 &&
        marker !== 0xc8 &&
        marker !== 0xcc
      ) {
        height = view.getUint16(at + 5);
        width = view.getUint16(at + 7);
        break;
      }
      at += 2 + length;
    }
  }
  if (width === 0 || height === 0) return { ok: false, problem: "comment.files.broken" };
  if (width * height > MAX_PIXELS) return { ok: false, problem: "comment.files.bomb" };
  return { ok: true, text: "" };
}

const CONTENT_TYPES: Record<AttachmentType, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  png: "image/png",
  jpeg: "image/jpeg",
};

/**
 * A stored file as a download: always saved (Content-Disposition: attachment), never sniffed
 * (every answer says nosniff: server/security-headers.ts) or run by the browser (a sandbox).
 */
export function attachmentResponse(file: { name: string; type: string; bytes: Uint8Array }) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": CONTENT_TYPES[file.type as AttachmentType] ?? "application/octet-stream",
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "content-security-policy": "sandbox; default-src 'none'",
      "cache-control": "private, no-store",
    },
  });
}

/** A file's place among its comment's files, from a URL: else 404. */
export function filePosition(value: string | undefined) {
  const position = Number(value);
  return Number.isInteger(position) && position >= 0 && position < MAX_FILES ? position : null;
}
