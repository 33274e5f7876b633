import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exited, type ServerProcess, startServerProcess } from "../support/process.ts";
import { waitFor } from "../support/realtime.ts";
import { freePort } from "../support/services.ts";

/**
 * PostgreSQL restarted under a running server: requests fail cleanly (503 with Retry-After,
 * the process stays up), the outage is logged once, and service comes back by itself. The
 * database is a private PostgreSQL cluster on a free port, so stopping it touches nothing else.
 */
const pgBin = existsSync("/usr/lib/postgresql")
  ? readdirSync("/usr/lib/postgresql")
      .map((version) => `/usr/lib/postgresql/${version}/bin`)
      .find((dir) => existsSync(`${dir}/initdb`))
  : undefined;
if (!pgBin && process.env.CI === "true")
  throw new Error("PostgreSQL's server programs are missing: CI must test a database restart");
if (!pgBin) console.warn("database restart test skipped: PostgreSQL's initdb is not installed");

let dataDir = "";
let port = 0;
let server: ServerProcess | undefined;

/** PostgreSQL refuses to run as root: its programs run as the postgres user when we are root. */
function pg(program: string, args: string[]) {
  const command = `${pgBin}/${program}`;
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(`${program} failed: ${result.stderr || result.stdout || result.error}`);
}

const startPostgres = () =>
  pg("pg_ctl", [
    "-D",
    dataDir,
    "-l",
    path.join(dataDir, "server.log"),
    "-o",
    `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "-w",
    "start",
  ]);
const stopPostgres = () => pg("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);

describe.skipIf(!pgBin)("a PostgreSQL restart under a running server", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "convene-pg-"));
    if (process.getuid?.() === 0) {
      const postgres = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
      const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
      chownSync(dataDir, Number(postgres.stdout), Number(gid.stdout));
    }
    port = await freePort();
    pg("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
    startPostgres();
    server = await startServerProcess({
      DEMO: "true",
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      SESSION_SECRET: "database-restart-test-secret-0123456789",
    });
  }, 120_000);
  afterAll(async () => {
    server?.child.kill("SIGKILL");
    try {
      stopPostgres();
    } catch {
      // Already stopped by a failed test.
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 503 with Retry-After while PostgreSQL is down, stays up, and recovers", async () => {
    const page = () => fetch(`${server!.url}/public/success-ready-students`);
    expect((await page()).status).toBe(200);

    stopPostgres();
    const down = await page();
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(await down.text()).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    // Once the outage is known, requests are answered at once, without waiting on a database.
    const fast = await page();
    expect(fast.status).toBe(503);
    expect((await fetch(`${server!.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
    expect(server!.child.exitCode).toBeNull();

    startPostgres();
    await waitFor(async () => (await page()).status === 200, 10_000, "pages served again");
    expect((await fetch(`${server!.url}/readyz`)).status).toBe(200);

    // The outage was logged once, plainly, and so was the recovery; no request logged a 500.
    const log = server!.output();
    expect(log.match(/database unreachable/g)).toHaveLength(1);
    expect(log.match(/database reachable again/g)).toHaveLength(1);
    expect(log).not.toMatch(/"request failed/);
  });

  it("does not crash when PostgreSQL goes away with connections open", async () => {
    // Idle pooled connections are cut by the shutdown: the process must shrug that off.
    stopPostgres();
    await new Promise((r) => setTimeout(r, 500));
    expect(server!.child.exitCode).toBeNull();
    startPostgres();
    await waitFor(
      async () => (await fetch(`${server!.url}/public/success-ready-students`)).status === 200,
      10_000,
      "pages served again",
    );
    server!.child.kill("SIGTERM");
    expect(await exited(server!.child)).toBe(0);
    server = undefined;
  });
});
