import { Document, Packer, Paragraph } from "docx";
import { zipSync } from "fflate";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenNewComments } from "../../app/modules/comment-period/screening.server.ts";
import { COMMENT_ROUTE_ID } from "../../server/comment-intake-route.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { aComment, formToken, openCommentPeriod } from "../support/comments.ts";

/**
 * Organizations send letters as files. Through the real form (as the page's script posts it,
 * and as a plain HTML form does): good files are stored with the comment, listed on the
 * receipt, found by search and downloaded by staff as attachments; hostile ones are refused
 * with the reason, storing nothing.
 */
let app: TestApp;
let cast: Cast;
let cookies: Awaited<ReturnType<typeof startSeededApp>>["cookies"];
let period: { id: string; path: string };
let address = 0;

beforeAll(async () => {
  ({ app, cast, cookies } = await startSeededApp({ TRUST_PROXY: "1" }));
  period = await openCommentPeriod(app.ctx, cast);
});
afterAll(async () => {
  await app?.stop();
});

function pdf(
  text: string,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.text(text);
    doc.end();
  });
}

async function docx(text: string) {
  const document = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A 1×1 PNG, and one whose header claims 100,000 × 100,000 pixels. */
function png(width = 1, height = 1) {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  bytes.writeUInt32BE(13, 8);
  bytes.write("IHDR", 12);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return new Uint8Array(bytes);
}

type Sent = { name: string; bytes: Uint8Array<ArrayBuffer>; type?: string };

async function send(files: Sent[], options: { script?: boolean; comment?: string } = {}) {
  const form = new FormData();
  const fields = aComment(formToken(app.ctx, period.id), {
    comment: options.comment ?? "Our district's letter is attached.",
  });
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  for (const file of files)
    form.append(
      "files",
      new File([file.bytes], file.name, { type: file.type ?? "application/octet-stream" }),
    );
  address++;
  const query = options.script === false ? "" : `?_data=${encodeURIComponent(COMMENT_ROUTE_ID)}`;
  return fetch(`${app.url}${period.path}${query}`, {
    method: "POST",
    body: form,
    headers: { "x-forwarded-for": `203.0.113.${address}` },
  });
}

const stored = async () => ({
  comments: await app.ctx.db.comment.count({ where: { periodId: period.id } }),
  files: await app.ctx.db.commentAttachment.count(),
});

describe("files sent with a comment", () => {
  it("stores good files with the comment, on the receipt, found by search, downloaded by staff", async () => {
    const letter = await pdf("The Ozark Plateau district asks for rural transport funding.");
    const response = await send([
      { name: "Ozark letter.pdf", bytes: letter, type: "application/pdf" },
      { name: "petición.docx", bytes: await docx("Pedimos más autobuses escolares.") },
      { name: "signatures.png", bytes: png() },
    ]);
    expect(response.status).toBe(200);
    const { receipt } = await response.json();
    expect(receipt.files.map((f: { name: string }) => f.name)).toEqual([
      "Ozark letter.pdf",
      "petición.docx",
      "signatures.png",
    ]);
    const comment = await app.ctx.db.comment.findUniqueOrThrow({
      where: { trackingNumber: receipt.trackingNumber },
      include: { attachments: { orderBy: { position: "asc" } } },
    });
    expect(comment.attachments.map((a) => a.type)).toEqual(["pdf", "docx", "png"]);
    expect(comment.attachments[0]!.text).toContain("rural transport funding");
    expect(comment.attachments[1]!.text).toContain("Pedimos más autobuses escolares.");

    const queue = await (
      await fetch(
        `${app.url}/work-groups/${cast.workGroup.slug}/comment-periods/${period.id}/comments?q=ozark+plateau&_data=${encodeURIComponent("routes/work-groups.$slug.comment-periods.$periodId_.comments")}`,
        { headers: { cookie: cookies.recorder } },
      )
    ).json();
    expect(queue.comments.map((c: { trackingNumber: string }) => c.trackingNumber)).toEqual([
      receipt.trackingNumber,
    ]);
    expect(queue.comments[0].files).toHaveLength(3);

    const download = `${app.url}/work-groups/${cast.workGroup.slug}/comment-periods/${period.id}/comments/${comment.id}/files/0`;
    const file = await fetch(download, { headers: { cookie: cookies.recorder } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Ozark letter.pdf"/,
    );
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(letter);
    expect((await fetch(download, { headers: { cookie: cookies.memberA } })).status).toBe(403);

    // The public gets a file only with its published comment, where comments are shown.
    const open = `${app.url}${period.path}/comments/${receipt.trackingNumber}/files/0`;
    expect((await fetch(open)).status).toBe(404);
    await app.ctx.db.commentPeriod.update({
      where: { id: period.id },
      data: { showComments: true },
    });
    expect((await fetch(open)).status).toBe(404);
    await app.ctx.db.comment.update({ where: { id: comment.id }, data: { state: "published" } });
    const shown = await fetch(open);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(new Uint8Array(await shown.arrayBuffer())).toEqual(letter);
    const publicPage = await (await fetch(`${app.url}${period.path}`)).text();
    expect(publicPage).toContain("Ozark letter.pdf (PDF, sent with this comment)");
    await app.ctx.db.comment.update({ where: { id: comment.id }, data: { state: "hidden" } });
    expect((await fetch(open)).status).toBe(404);
    expect(
      (await fetch(`${app.url}${period.path}/comments/${receipt.trackingNumber}/files/9`)).status,
    ).toBe(404);
  });

  it("finds a campaign sent as the same attached letter under different covering lines", async () => {
    const letter =
      "To the State Board: we ask that the plan fund rural transport for every district, so that no student spends more than an hour on a bus each way, and that the board report each year on how many students ride longer than that, by district and by school.";
    const covers = [
      "See attached.",
      "Please read our letter, attached.",
      "Attached is our letter.",
    ];
    const numbers: string[] = [];
    for (const cover of covers) {
      const response = await send([{ name: "letter.docx", bytes: await docx(letter) }], {
        comment: cover,
      });
      expect(response.status).toBe(200);
      numbers.push((await response.json()).receipt.trackingNumber);
    }
    const other = await send(
      [
        {
          name: "other.docx",
          bytes: await docx(
            "Our library needs longer hours on weekends, and more staff to keep the doors open in the evenings for families who work.",
          ),
        },
      ],
      { comment: "See attached." },
    );
    numbers.push((await other.json()).receipt.trackingNumber);
    await screenNewComments(app.ctx, period.id);
    const screened = await app.ctx.db.comment.findMany({
      where: { trackingNumber: { in: numbers } },
      select: { trackingNumber: true, campaignId: true },
    });
    const campaignOf = new Map(screened.map((c) => [c.trackingNumber, c.campaignId]));
    const [first, second, third, fourth] = numbers.map((n) => campaignOf.get(n));
    expect(first).toBeTruthy();
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(fourth).not.toBe(first);
  });

  it("takes files from a plain HTML form too (no JavaScript)", async () => {
    const response = await send([{ name: "letter.pdf", bytes: await pdf("A letter.") }], {
      script: false,
      comment: "Sent from a plain form.",
    });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("letter.pdf");
    const comment = await app.ctx.db.comment.findFirstOrThrow({
      where: { body: "Sent from a plain form." },
      include: { attachments: true },
    });
    expect(comment.attachments).toHaveLength(1);
  });

  it("refuses hostile files with the reason, storing nothing", async () => {
    const before = await stored();
    const good = await pdf("Fine.");
    const bomb = zipSync({
      "[Content_Types].xml": new TextEncoder().encode("<Types/>"),
      // 60 MB of zeros packs into about 60 KB.
      "word/document.xml": new Uint8Array(60 * 1024 * 1024),
    });
    const cases: [Sent[], number, string][] = [
      [
        [{ name: "virus.pdf", bytes: new TextEncoder().encode("MZ\x90\x00 not a pdf") }],
        400,
        "comment.files.type",
      ],
      [
        [
          {
            name: "locked.pdf",
            bytes: await pdf("Secret.", { userPassword: "x" } as PDFKit.PDFDocumentOptions),
          },
        ],
        400,
        "comment.files.encrypted",
      ],
      [[{ name: "cut.pdf", bytes: good.slice(0, 300) }], 400, "comment.files.broken"],
      [
        [{ name: "huge.pdf", bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25, 0, 1) }],
        413,
        "comment.files.tooLarge",
      ],
      [
        Array.from({ length: 6 }, (_, n) => ({ name: `page${n}.pdf`, bytes: good })),
        400,
        "comment.files.tooMany",
      ],
      [[{ name: "bomb.docx", bytes: bomb }], 400, "comment.files.bomb"],
      [[{ name: "wide.png", bytes: png(100_000, 100_000) }], 400, "comment.files.bomb"],
      // One good file does not carry a bad one: the whole comment waits.
      [
        [
          { name: "fine.pdf", bytes: good },
          { name: "notes.txt", bytes: new TextEncoder().encode("hello") },
        ],
        400,
        "comment.files.type",
      ],
    ];
    for (const [files, status, problem] of cases) {
      const response = await send(files);
      expect(response.status, problem).toBe(status);
      const body = await response.json();
      expect(body.problem).toBe(problem);
      expect(body.receipt).toBeNull();
    }
    expect(await stored()).toEqual(before);
  });
});
