// Derives prisma/postgres/schema.prisma from prisma/sqlite/schema.prisma, the one edited by hand.
// Only the datasource provider and the generated client's folder differ, so the two databases
// can never drift apart in models. Run by `node prisma/db.mjs generate` and `new-migration`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const source = fileURLToPath(new URL("sqlite/schema.prisma", import.meta.url));
const target = fileURLToPath(new URL("postgres/schema.prisma", import.meta.url));

// Replace exactly one occurrence, so a reworded schema fails loudly instead of half-converting.
function replaceOnce(text, pattern, replacement) {
  const matches = text.match(new RegExp(pattern, "g")) ?? [];
  if (matches.length !== 1) {
    throw new Error(
      `${source}: expected exactly one match for ${pattern}, found ${matches.length}`,
    );
  }
  return text.replace(pattern, replacement);
}

export function syncPostgresSchema() {
  let schema = readFileSync(source, "utf8");
  schema = replaceOnce(schema, /provider(\s*)=(\s*)"sqlite"/, 'provider$1=$2"postgresql"');
  schema = replaceOnce(
    schema,
    /"\.\.\/\.\.\/app\/generated\/sqlite"/,
    '"../../app/generated/postgres"',
  );
  const header =
    "// GENERATED from prisma/sqlite/schema.prisma by prisma/sync-postgres-schema.mjs: do not\n" +
    "// edit. Edit the SQLite schema, then run `node prisma/db.mjs generate`.\n\n";
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, header + schema);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) syncPostgresSchema();
