import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../app/generated/postgres/client.ts";
import { type Prisma, PrismaClient } from "../app/generated/sqlite/client.ts";
import type { DatabaseConfig } from "./config.ts";

/**
 * The app is written against the SQLite client's type. The PostgreSQL client is generated from
 * the same models (prisma/sync-postgres-schema.mjs), so its API is the same; TypeScript cannot
 * call a union of the two, so one type is exposed.
 */
export type Db = PrismaClient;
/** The client inside db.$transaction(async (tx) => …). */
export type DbTransaction = Prisma.TransactionClient;

export function createDb(database: DatabaseConfig): Db {
  if (database.provider === "sqlite") {
    const adapter = new PrismaBetterSqlite3({ url: database.url });
    return new PrismaClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: database.url });
  return new PostgresClient({ adapter }) as unknown as Db;
}

/**
 * SQLite in WAL mode with synchronous=FULL: a write is on disk when the call returns
 * (kill -9 loses nothing acknowledged), and readers never wait for the writer.
 */
export async function prepareDb(db: Db, database: DatabaseConfig): Promise<void> {
  if (database.provider !== "sqlite") return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = FULL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
}
