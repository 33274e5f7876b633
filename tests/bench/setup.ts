import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Bench-local equivalents of tests/support/global-setup.ts and freshDatabase(): those use
 * vitest's provide/inject, which does not exist when the bench runs under plain tsx.
 */
export const projectRoot = path.resolve(import.meta.dirname, "../..");

function run(args: string[], env: Record<string, string> = {}) {
  execFileSync(process.execPath, args, {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
}

/**
 * The server serves the real Remix build. The bench runs the app as deployed
 * (NODE_ENV=production), so a missing build, or one made for another mode (the test suite
 * builds with NODE_ENV=test, whose JSX dev runtime does not exist under production React), is
 * rebuilt. Returns what it did, for the report.
 */
export function ensureProductionBuild(): string {
  const file = path.join(projectRoot, "build", "index.js");
  if (existsSync(file)) {
    const mode = /\bmode = "(\w+)"/.exec(readFileSync(file, "utf8"))?.[1];
    if (mode === "production") return "existing production build";
  }
  run([path.join(projectRoot, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    NODE_ENV: "production",
  });
  return "built with `remix build` (NODE_ENV=production)";
}

/** A fresh SQLite file, migrated with the project's own `node prisma/db.mjs deploy`. */
export function freshSqliteDatabase(): { url: string; drop(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "convene-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  run(["prisma/db.mjs", "deploy"], { DATABASE_URL: url });
  return { url, drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh PostgreSQL database on the server at `serverUrl`, migrated the same way. */
export async function freshPostgresDatabase(serverUrl: string) {
  const { default: pg } = await import("pg");
  const name = `convene_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  run(["prisma/db.mjs", "deploy"], { DATABASE_URL: url.toString() });
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
