// Prisma CLI configuration, found automatically by Prisma 7 at .config/prisma.mjs (the project
// keeps its top level free of tool files).
//
// One schema and one migrations folder per database provider, chosen by DATABASE_URL:
//   unset or file:...                 -> SQLite      (prisma/sqlite; edited by hand)
//   postgres://... or postgresql://... -> PostgreSQL (prisma/postgres; derived by
//                                         prisma/sync-postgres-schema.mjs)
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = fileURLToPath(new URL("..", import.meta.url));

// The CLI would otherwise download a native schema engine, which cannot work offline: use the
// Node stand-in instead. The CLI reads this file before it looks for the engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma/engine/schema-engine.mjs");

function databaseUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    mkdirSync(path.join(root, "data"), { recursive: true });
    return `file:${path.join(root, "data/convene.db")}`;
  }
  // A relative SQLite path means the same file the app opens: relative to the working directory.
  if (url.startsWith("file:") && !path.isAbsolute(url.slice("file:".length))) {
    return `file:${path.resolve(url.slice("file:".length))}`;
  }
  return url;
}

const url = databaseUrl();
const provider = url.startsWith("file:")
  ? "sqlite"
  : /^postgres(ql)?:\/\//.test(url)
    ? "postgres"
    : null;
if (!provider) throw new Error("DATABASE_URL must start with file:, postgres:// or postgresql://");

export default defineConfig({
  schema: path.join(root, "prisma", provider, "schema.prisma"),
  migrations: { path: path.join(root, "prisma", provider, "migrations") },
  // No shadowDatabaseUrl: for PostgreSQL the engine stand-in creates and drops a throw-away
  // shadow database itself (the role needs CREATEDB); for SQLite it uses an in-memory one.
  datasource: { url },
});
