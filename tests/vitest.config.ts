import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { ViteUserConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const ci = process.env.CI === "true";
export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function postgresReachable() {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * What this machine can run. In CI (CI=true) a missing service or browser is a failure; on a
 * laptop without them, those suites are left out with a message saying so.
 */
async function available() {
  const missing: string[] = [];
  const hasPostgres = await postgresReachable();
  if (!hasPostgres)
    missing.push(`PostgreSQL at ${POSTGRES_URL} (integration tests against PostgreSQL)`);
  const hasChromium = existsSync(CHROMIUM);
  if (!hasChromium)
    missing.push(`Chromium at ${CHROMIUM} (browser journeys; apt-get install chromium)`);
  if (missing.length > 0) {
    const list = missing.map((m) => `  - ${m}`).join("\n");
    if (ci) throw new Error(`CI=true and these are missing:\n${list}`);
    console.warn(`\nSkipping suites this machine cannot run:\n${list}\n`);
  }
  return { hasPostgres, hasChromium };
}

export default async function config(): Promise<ViteUserConfig> {
  const { hasPostgres, hasChromium } = await available();
  const integration = (name: string, env: Record<string, string>, exclude: string[] = []) => ({
    extends: true as const,
    test: {
      name,
      include: ["tests/integration/**/*.test.ts"],
      exclude,
      env,
      globalSetup: ["tests/support/global-setup.ts"],
    },
  });
  return {
    root,
    test: {
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // Two cores: files run two at a time, each with its own database and server.
      maxWorkers: 2,
      setupFiles: ["tests/support/setup-each.ts"],
      projects: [
        {
          extends: true,
          test: { name: "unit", include: ["app/**/*.test.ts", "server/**/*.test.ts"] },
        },
        // Several processes serve one database only on PostgreSQL (issue 7): SQLite is the
        // one-process setup, so the scale-out and nginx tests run in the postgres project.
        integration("sqlite", { TEST_DB: "sqlite" }, [
          "tests/integration/scale-out.test.ts",
          "tests/integration/nginx.test.ts",
          "tests/integration/database-restart.test.ts",
        ]),
        ...(hasPostgres
          ? [integration("postgres", { TEST_DB: "postgres", TEST_POSTGRES_URL: POSTGRES_URL })]
          : []),
        ...(hasChromium
          ? [
              {
                extends: true as const,
                test: {
                  name: "e2e",
                  include: ["tests/e2e/**/*.test.ts"],
                  env: { CHROMIUM_PATH: CHROMIUM },
                  globalSetup: ["tests/support/global-setup.ts"],
                },
              },
            ]
          : []),
      ],
    },
  };
}
