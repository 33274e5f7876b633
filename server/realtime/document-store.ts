import type { Db } from "../db.ts";

/**
 * Where collaborative documents live between runs. Two operations, like Hocuspocus's fetch and
 * store: read every stored update of a document, and append new ones (durable once the promise
 * resolves). compact() replaces the rows up to a point by one merged state.
 */
export type DocumentStore = {
  load(name: string): Promise<{ updates: Uint8Array[]; lastId: number }>;
  append(name: string, updates: Uint8Array[]): Promise<number>;
  compact(name: string, state: Uint8Array, throughId: number): Promise<void>;
};

export function prismaDocumentStore(db: Db): DocumentStore {
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
    async compact(name, state, throughId) {
      await db.$transaction([
        db.documentUpdate.deleteMany({ where: { docName: name, id: { lte: throughId } } }),
        db.documentUpdate.create({
          data: { docName: name, update: Buffer.from(state) as Uint8Array<ArrayBuffer> },
        }),
      ]);
    },
  };
}
