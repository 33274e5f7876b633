import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueFormToken } from "../../app/modules/comment-period/form-token.server.ts";
import { parseDatabaseUrl } from "../../server/config.ts";
import { createDb, type Db } from "../../server/db.ts";
import { freshDatabase } from "../support/app.ts";
import { aComment, postComment } from "../support/comments.ts";
import { exited, type ServerProcess, startServerProcess } from "../support/process.ts";

/**
 * The promise of a receipt: a real server process (npm start's server/start.ts, with the demo's
 * open comment period) is killed with SIGKILL in the middle of a burst of submissions. After
 * a restart on the same database, every receipt that was handed out names a stored comment.
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
    let sent = 0;
    let killed = false;
    const url = server.url;
    // 32 people sending back to back until the process dies under them.
    const person = async (n: number) => {
      while (!killed) {
        const token = issueFormToken(SECRET, period.id, Date.now() - 10_000);
        sent++;
        try {
          const response = await postComment(
            url,
            path,
            aComment(token, {
              stakeholderGroup: groups.name,
              region: region.name,
              sections: ["general"],
              comment: `Comment ${sent} from person ${n}`,
            }),
            { "x-forwarded-for": `192.0.2.${n}` },
          );
          if (response.status === 200)
            receipts.push((await response.json()).receipt.trackingNumber);
          else await response.body?.cancel();
        } catch {
          // The connection died with the process: no receipt, so no promise was made.
        }
      }
    };
    const burst = Promise.all(Array.from({ length: 32 }, (_, n) => person(n + 1)));
    while (receipts.length < 300) await new Promise((resolve) => setTimeout(resolve, 5));
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
    // Some submissions were cut off by the kill: they got no receipt (and may or may not be
    // stored, as the person cannot know; a retry of theirs finds its receipt).
    expect(sent).toBeGreaterThan(receipts.length);
  });
});
