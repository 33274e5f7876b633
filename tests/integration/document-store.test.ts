import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../server/config.ts";
import { createDb, type Db } from "../../server/db.ts";
import { createLogger } from "../../server/log.ts";
import { prismaDocumentStore } from "../../server/realtime/document-store.ts";
import { LiveDocument } from "../../server/realtime/live-document.ts";
import { freshDatabase } from "../support/app.ts";

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await freshDatabase();
  db = createDb(parseDatabaseUrl(database.url));
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const log = createLogger("silent", false);

describe("stored documents", () => {
  it("store every update, compact them into one row, and load back the same text", async () => {
    const store = prismaDocumentStore(db, parseDatabaseUrl(database.url).provider);
    const live = new LiveDocument("notes:compaction", store, log);
    await live.load();
    const text = live.doc.getText("t");
    for (let i = 0; i < 450; i++) {
      text.insert(text.length, `${i % 10}`);
      // Let some writes start between keystrokes, as typing does.
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await live.stored();
    const rows = await db.documentUpdate.count({ where: { docName: "notes:compaction" } });
    // 450 updates became far fewer rows: batched while a write was under way, and compacted.
    expect(rows).toBeLessThan(200);
    expect(rows).toBeGreaterThan(0);
    const expected = text.toString();
    await live.destroy();

    const reloaded = new LiveDocument("notes:compaction", store, log);
    await reloaded.load();
    expect(reloaded.doc.getText("t").toString()).toBe(expected);
    expect(expected).toHaveLength(450);
    await reloaded.destroy();
  });

  it("keeps updates in memory and retries when a write fails", async () => {
    const real = prismaDocumentStore(db, parseDatabaseUrl(database.url).provider);
    let failures = 2;
    const flaky = {
      ...real,
      append: (name: string, updates: Uint8Array[]) =>
        failures-- > 0 ? Promise.reject(new Error("database is down")) : real.append(name, updates),
    };
    const live = new LiveDocument("notes:flaky", flaky, log);
    await live.load();
    live.doc.getText("t").insert(0, "kept");
    await live.stored();
    await live.destroy();
    const again = new LiveDocument("notes:flaky", real, log);
    await again.load();
    expect(again.doc.getText("t").toString()).toBe("kept");
    await again.destroy();
  }, 10_000);
});
