import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueFormToken } from "../../app/modules/comment-period/form-token.server.ts";
import { DEMO_PASSWORD } from "../../app/modules/demo/demo.server.ts";
import { parseDatabaseUrl } from "../../server/config.ts";
import { createDb, type Db } from "../../server/db.ts";
import { freshDatabase } from "../support/app.ts";
import { aComment, postComment } from "../support/comments.ts";
import { formClient } from "../support/http.ts";
import { exited, type ServerProcess, startServerProcess } from "../support/process.ts";

/**
 * README's backup and restore (node prisma/db.mjs backup / restore: VACUUM INTO for SQLite,
 * pg_dump -Fc and pg_restore for PostgreSQL): a backup taken from a running server while
 * people keep sending comments restores into a new, empty database, and the app started on
 * that database serves the demo and every comment that had its receipt before the backup.
 */
const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const SECRET = "backup-test-secret-0123456789abcdef0123";
const SLUG = "success-ready-students";
const postgres = process.env.TEST_DB === "postgres";

let dir = "";
let source: Awaited<ReturnType<typeof freshDatabase>> | undefined;
let restoredUrl = "";
let dropRestored: (() => Promise<void>) | undefined;
let server: ServerProcess | undefined;
const clients: Db[] = [];

/** A new, empty database: nothing migrated, as on a new machine. */
async function emptyDatabase(like: string) {
  if (!postgres) return { url: `file:${path.join(dir, "restored.db")}`, drop: async () => {} };
  const admin = new URL(like);
  admin.pathname = "/postgres";
  const name = `convene_restored_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const sql = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await sql(`CREATE DATABASE "${name}" TEMPLATE template0`);
  const url = new URL(like);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

const dbCommand = (args: string[], databaseUrl: string) =>
  run(process.execPath, [path.join(root, "prisma/db.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "convene-backup-"));
  source = await freshDatabase();
});
afterAll(async () => {
  server?.child.kill("SIGKILL");
  for (const db of clients) await db.$disconnect();
  await source?.drop();
  await dropRestored?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${postgres ? "PostgreSQL" : "SQLite"})`, () => {
  // Two server starts and a restore: 6 s alone, longer on a busy two-core machine.
  it("restores a backup taken under writes into a fresh database that the app serves", async () => {
    server = await startServerProcess({
      DEMO: "true",
      DATABASE_URL: source!.url,
      SESSION_SECRET: SECRET,
      TRUST_PROXY: "1",
    });
    const sourceDb = createDb(parseDatabaseUrl(source!.url));
    clients.push(sourceDb);
    const period = await sourceDb.commentPeriod.findFirstOrThrow();
    const commentsPath = `/public/${SLUG}/comment-periods/${period.id}`;

    // Eight people send comments back to back until told to stop.
    const receipts: string[] = [];
    let stop = false;
    let sent = 0;
    const url = server.url;
    const person = async (n: number) => {
      while (!stop) {
        const token = issueFormToken(SECRET, period.id, Date.now() - 10_000);
        sent++;
        const response = await postComment(
          url,
          commentsPath,
          aComment(token, {
            stakeholderGroup: "Parents",
            region: "Central",
            sections: ["general"],
            comment: `Comment ${sent} from person ${n}`,
          }),
          { "x-forwarded-for": `198.51.100.${n}` },
        );
        expect(response.status).toBe(200);
        receipts.push((await response.json()).receipt.trackingNumber);
      }
    };
    let failed: unknown;
    const writers = Promise.all(Array.from({ length: 8 }, (_, n) => person(n + 1))).catch(
      (error) => {
        failed = error;
      },
    );
    const receiptsReach = async (count: number) => {
      while (receipts.length < count) {
        if (failed) throw failed;
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    try {
      await receiptsReach(40);
      const before = [...receipts];
      const file = path.join(dir, postgres ? "convene.dump" : "convene-backup.db");
      await dbCommand(["backup", file], source!.url);
      const duringBackup = receipts.length - before.length;
      // The writes went on while the backup ran, and a while after it.
      expect(duringBackup).toBeGreaterThan(0);
      const afterBackup = receipts.length;
      await receiptsReach(afterBackup + 20);
      stop = true;
      await writers;
      if (failed) throw failed;
      expect(statSync(file).size).toBeGreaterThan(0);

      server.child.kill("SIGTERM");
      expect(await exited(server.child)).toBe(0);
      server = undefined;

      // Into a fresh, empty database, which the restore refuses to overwrite afterwards.
      const target = await emptyDatabase(source!.url);
      restoredUrl = target.url;
      dropRestored = target.drop;
      await dbCommand(["restore", file], restoredUrl);
      await expect(dbCommand(["restore", file], restoredUrl)).rejects.toThrow(
        postgres ? /has tables: restore into an empty one/ : /exists: restore into a new file/,
      );

      // Consistent: every comment that had its receipt before the backup started is there,
      // nothing that the source never stored is, and the database checks out.
      const restoredDb = createDb(parseDatabaseUrl(restoredUrl));
      clients.push(restoredDb);
      const restored = (
        await restoredDb.comment.findMany({ select: { trackingNumber: true } })
      ).map((c) => c.trackingNumber);
      const stored = new Set(
        (await sourceDb.comment.findMany({ select: { trackingNumber: true } })).map(
          (c) => c.trackingNumber,
        ),
      );
      for (const number of before) expect(restored).toContain(number);
      for (const number of restored) expect(stored.has(number)).toBe(true);
      expect(restored.length).toBeLessThan(stored.size);
      expect(await restoredDb.user.count()).toBe(await sourceDb.user.count());
      const count = async (db: Db, sql: string) =>
        Number((await db.$queryRawUnsafe<{ n: number | bigint }[]>(sql))[0]!.n);
      const migrations = "SELECT count(*) AS n FROM _prisma_migrations";
      expect(await count(restoredDb, migrations)).toBe(await count(sourceDb, migrations));
      if (postgres) {
        // pg_restore adds the foreign keys after the rows: each one checked every row.
        const keys = "SELECT count(*) AS n FROM pg_constraint WHERE contype = 'f'";
        expect(await count(restoredDb, keys)).toBeGreaterThan(10);
        expect(await count(restoredDb, keys)).toBe(await count(sourceDb, keys));
      } else {
        const check = new Database(restoredUrl.slice("file:".length), { readonly: true });
        expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(check.pragma("foreign_key_check")).toEqual([]);
        check.close();
      }
      await restoredDb.$disconnect();

      // The app on the restored database (npm start's migrate step finds nothing to do).
      server = await startServerProcess({
        DEMO: "false",
        DATABASE_URL: restoredUrl,
        SESSION_SECRET: SECRET,
      });
      expect(server.output()).toContain("No pending migrations to apply");
      const page = await fetch(`${server.url}/public/${SLUG}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Success-Ready Students Work Group");
      const facilitator = await formClient(server.url).signIn(
        "dana@demo.convene.test",
        DEMO_PASSWORD,
      );
      const exported = await facilitator.get(
        `/work-groups/${SLUG}/comment-periods/${period.id}/export/json`,
      );
      expect(exported.status).toBe(200);
      for (const number of before) expect(exported.html).toContain(number);
    } finally {
      stop = true;
      await writers;
    }
  }, 60_000);
});
