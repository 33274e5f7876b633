import * as Y from "yjs";
import type { DatabaseConfig } from "../config.ts";
import type { Db } from "../db.ts";

/**
 * Where collaborative documents live between runs. Two operations, like Hocuspocus's fetch and
 * store: read every stored update of a document, and append new ones (durable once the promise
 * resolves). compact() replaces the rows up to a point by one merged row.
 */
export type DocumentStore = {
  load(name: string): Promise<{ updates: Uint8Array[]; lastId: number }>;
  append(name: string, updates: Uint8Array[]): Promise<number>;
  compact(name: string, throughId: number): Promise<void>;
};

export function prismaDocumentStore(db: Db, provider: DatabaseConfig["provider"]): DocumentStore {
  return {
    async load(name) {
      const rows = await db.documentUpdate.findMany({
        where: { docName: name },
        orderBy: { id: "asc" },
        select: { id: true, update: true },
      });
      return { updates: rows.map((r) => new Uint8Array(r.update)), lastId: rows.at(-1)?.id ?? 0 };
    },
    async append(name, updates) {
      // One transaction for the whole batch: a group commit, one fsync for many keystrokes.
      const rows = await db.$transaction(
        updates.map((update) =>
          db.documentUpdate.create({
            data: { docName: name, update: Buffer.from(update) as Uint8Array<ArrayBuffer> },
            select: { id: true },
          }),
        ),
      );
      return rows.at(-1)?.id ?? 0;
    },
    /**
     * Merges the stored rows, not the copy in memory: with several processes, memory also
     * holds updates another process stored, which must not be stored twice. On PostgreSQL a
     * lock per document makes one compaction at a time; SQLite has one writer anyway.
     */
    async compact(name, throughId) {
      await db.$transaction(async (tx) => {
        if (provider === "postgresql")
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${name}))`;
        const rows = await tx.documentUpdate.findMany({
          where: { docName: name, id: { lte: throughId } },
          orderBy: { id: "asc" },
          select: { id: true, update: true },
        });
        if (rows.length < 2) return;
        const merged = Y.mergeUpdates(rows.map((r) => new Uint8Array(r.update)));
        await tx.documentUpdate.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
        await tx.documentUpdate.create({
          data: { docName: name, update: Buffer.from(merged) as Uint8Array<ArrayBuffer> },
        });
      });
    },
  };
}
