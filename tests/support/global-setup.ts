import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

const root = path.resolve(import.meta.dirname, "../..");

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplate: string;
  }
}

function run(args: string[], env: Record<string, string> = {}) {
  execFileSync(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
}

/**
 * Once per run: build the app (the server serves the real build) and migrate one template
 * database per provider; each test file then copies the template, so every file gets a fresh,
 * real, migrated database in milliseconds.
 */
export default async function setup(project: TestProject) {
  if (!process.env.CONVENE_TEST_BUILT) {
    // A production build, as `npm start` makes: a development build fails under NODE_ENV=production.
    run([path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
      NODE_ENV: "production",
    });
    process.env.CONVENE_TEST_BUILT = "1";
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "convene-test-"));
  const sqliteTemplate = path.join(dir, "template.db");
  run(["prisma/db.mjs", "deploy"], { DATABASE_URL: `file:${sqliteTemplate}` });
  project.provide("sqliteTemplate", sqliteTemplate);

  let postgresTemplate = "";
  if (project.config.env?.TEST_DB === "postgres") {
    const base = new URL(
      process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    );
    base.pathname = `/convene_template_${process.pid}`;
    postgresTemplate = base.toString();
    run(["prisma/db.mjs", "deploy"], { DATABASE_URL: postgresTemplate });
  }
  project.provide("postgresTemplate", postgresTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (postgresTemplate) {
      const admin = new URL(postgresTemplate);
      admin.pathname = "/postgres";
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "convene_template_${process.pid}" WITH (FORCE)`);
      await client.end();
    }
  };
}
