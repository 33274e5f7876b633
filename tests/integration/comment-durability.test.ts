import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueFormToken } from "../../app/modules/comment-period/form-token.server.ts";
import { COMMENT_ROUTE_ID } from "../../server/comment-intake-route.ts";
import { parseDatabaseUrl } from "../../server/config.ts";
import { createDb, type Db } from "../../server/db.ts";
import { freshDatabase } from "../support/app.ts";
import { aComment, postComment } from "../support/comments.ts";
import { exited, type ServerProcess, startServerProcess } from "../support/process.ts";

/**
 * The promise of a receipt: a real server process (npm start's server/start.ts, with the demo's
 * open comment period) is killed with SIGKILL in the middle of a burst of submissions. After
 * a restart on the same database, every receipt that was handed out names a stored comment,
 * and every file a receipt listed is stored with it.
 */
const SECRET = "durability-test-secret-0123456789abcdef";
let database: Awaited<ReturnType<typeof freshDatabase>>;
let server: ServerProcess | undefined;
let db: Db;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  server?.child.kill("SIGKILL");
  await db?.$disconnect();
  await database?.drop();
});

/** A small real PDF, as an organization's letter. */
function letter(): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.text("Our district's letter on the draft.");
    doc.end();
  });
}

describe("comment receipts across a crash", () => {
  it("keeps every comment it gave a receipt for when killed with SIGKILL mid-burst", async () => {
    const env = {
      DEMO: "true",
      DATABASE_URL: database.url,
      SESSION_SECRET: SECRET,
      TRUST_PROXY: "1",
    };
    server = await startServerProcess(env);
    db = createDb(parseDatabaseUrl(database.url));
    const period = await db.commentPeriod.findFirstOrThrow({
      include: { workGroup: { select: { slug: true } } },
    });
    const path = `/public/${period.workGroup.slug}/comment-periods/${period.id}`;
    const groups = await db.stakeholderGroup.findFirstOrThrow({
      where: { workGroupId: period.workGroupId },
    });
    const region = await db.region.findFirstOrThrow({ where: { workGroupId: period.workGroupId } });

    const receipts: string[] = [];
    const filed = new Map<string, string[]>();
    const pdf = await letter();
    let sent = 0;
    let killed = false;
    const url = server.url;
    // 32 people sending back to back until the process dies under them.
    const person = async (n: number) => {
      while (!killed) {
        const token = issueFormToken(SECRET, period.id, Date.now() - 10_000);
        sent++;
        try {
          const fields = aComment(token, {
            stakeholderGroup: groups.name,
            region: region.name,
            sections: ["general"],
            comment: `Comment ${sent} from person ${n}`,
          });
          // Every fourth person sends a letter as a file (the multipart way in).
          const response =
            n % 4 === 0
              ? await postWithFile(url, path, fields, pdf, `192.0.2.${n}`)
              : await postComment(url, path, fields, { "x-forwarded-for": `192.0.2.${n}` });
          if (response.status === 200) {
            const { receipt } = await response.json();
            receipts.push(receipt.trackingNumber);
            if (receipt.files.length)
              filed.set(
                receipt.trackingNumber,
                receipt.files.map((f: { sha256: string }) => f.sha256),
              );
          } else await response.body?.cancel();
        } catch {
          // The connection died with the process: no receipt, so no promise was made.
        }
      }
    };
    const burst = Promise.all(Array.from({ length: 32 }, (_, n) => person(n + 1)));
    // Killed once both ways in have handed out receipts (comments with files are slower).
    while (receipts.length < 300 || filed.size < 20)
      await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill("SIGKILL");
    await exited(server.child);
    killed = true;
    await burst;
    expect(receipts.length).toBeGreaterThanOrEqual(300);

    // Restarted on the same database (its migration step wants the file to itself, so this
    // test's own connection closes meanwhile): every receipt is a stored comment, once.
    await db.$disconnect();
    server = await startServerProcess(env);
    db = createDb(parseDatabaseUrl(database.url));
    const stored = await db.comment.findMany({
      where: { trackingNumber: { in: receipts } },
      select: { trackingNumber: true },
    });
    expect(new Set(stored.map((c) => c.trackingNumber))).toEqual(new Set(receipts));
    expect(new Set(receipts).size).toBe(receipts.length);
    expect(filed.size).toBeGreaterThanOrEqual(20);
    const files = await db.commentAttachment.findMany({
      where: { comment: { trackingNumber: { in: [...filed.keys()] } } },
      select: { sha256: true, comment: { select: { trackingNumber: true } } },
    });
    for (const [tracking, hashes] of filed)
      expect(
        files.filter((f) => f.comment.trackingNumber === tracking).map((f) => f.sha256),
      ).toEqual(hashes);
    // Some submissions were cut off by the kill: they got no receipt (and may or may not be
    // stored, as the person cannot know; a retry of theirs finds its receipt).
    expect(sent).toBeGreaterThan(receipts.length);
  });
});

/** The form with a file, as the page's script posts it when files are chosen (multipart). */
function postWithFile(
  url: string,
  path: string,
  fields: Record<string, string | string[]>,
  pdf: Uint8Array<ArrayBuffer>,
  address: string,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  form.append("files", new File([pdf], "letter.pdf", { type: "application/pdf" }));
  return fetch(`${url}${path}?_data=${encodeURIComponent(COMMENT_ROUTE_ID)}`, {
    method: "POST",
    body: form,
    headers: { "x-forwarded-for": address },
  });
}
