import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("health probes", () => {
  it("say the process is alive and ready once its database answers", async () => {
    const alive = await fetch(`${app.url}/healthz`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: "alive" });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  // PostgreSQL only: the project without it defines no such test rather than skipping one.
  const onPostgres = process.env.TEST_DB === "postgres" ? it : () => undefined;
  onPostgres(
    "answer 503 with Retry-After while PostgreSQL refuses connections, and recover",
    async () => {
      const url = new URL(app.ctx.config.database.url);
      const name = url.pathname.slice(1);
      url.pathname = "/postgres";
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      try {
        // The database goes away for this app: no new connections, the open ones cut.
        await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
          [name],
        );
        const down = await fetch(`${app.url}/readyz`);
        expect(down.status).toBe(503);
        expect(down.headers.get("retry-after")).toBe("5");
        expect(await down.json()).toEqual({ status: "not ready", reason: "database unreachable" });
        expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      } finally {
        await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await fetch(`${app.url}/readyz`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
    },
  );
});
