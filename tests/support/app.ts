import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { signUp } from "../../app/modules/auth/accounts.server.ts";
import { startSignIn } from "../../app/modules/auth/auth-session.server.ts";
import type { AppContext } from "../../app/utils/app-context.ts";
import { type AppServer, startAppServer } from "../../server/app-server.ts";
import { loadConfig } from "../../server/config.ts";
import type { Logger } from "../../server/log.ts";

export type LogLine = { level: string; message: string; fields?: Record<string, unknown> };

/** Keeps what the server logged, so a test can assert that something was logged. */
export function memoryLogger(lines: LogLine[]): Logger {
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** A fresh, migrated database for one test file: a copy of the run's template. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (process.env.TEST_DB === "postgres") {
    const template = new URL(inject("postgresTemplate"));
    const name = `convene_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new URL(template);
    admin.pathname = "/postgres";
    const run = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await run(`CREATE DATABASE "${name}" TEMPLATE "${template.pathname.slice(1)}"`);
    const url = new URL(template);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "convene-db-"));
  const file = path.join(dir, "test.db");
  copyFileSync(inject("sqliteTemplate"), file);
  return { url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export type TestApp = AppServer & { logs: LogLine[]; stop(): Promise<void> };

/**
 * The real server (Remix build, websocket endpoint, database) on a free port. stop() fails
 * when the server logged an error nobody expected, as console.error fails a test.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: database.url,
    SESSION_SECRET: "test-secret-test-secret-test-secret-0123",
    DEMO: "false",
    // The test's own work shares this server's event loop (a worker importing a module can
    // stall it): saturation would shed the test's requests. operations.test.ts turns it on.
    SHED_AT_EVENT_LOOP_DELAY_MS: "0",
    ...env,
  });
  const logs: LogLine[] = [];
  const app = await startAppServer(config, { log: memoryLogger(logs) });
  return {
    ...app,
    logs,
    async stop() {
      await app.close();
      await database.drop();
      const errors = logs.filter((l) => l.level === "error");
      if (errors.length > 0)
        throw new Error(`the server logged errors:\n${JSON.stringify(errors, null, 1)}`);
    },
  };
}

export const PASSWORD = "correct horse battery";

/** A person with an account (through the real sign-up service). */
export async function createUser(ctx: AppContext, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Math.random().toString(36).slice(2, 7)}@example.org`;
  // Each test person signs up from their own address, as people do.
  const result = await signUp(ctx, { name, email, password: PASSWORD, ip: `test:${email}` });
  if (!result.ok) throw new Error(result.key);
  return { id: result.userId, name, email, isAdmin: false };
}

/** The cookie a signed-in browser would send, made by the app's own session storage. */
export async function cookieFor(ctx: AppContext, userId: string, csrf = "test-csrf-token") {
  const session = await ctx.authSessions.getSession();
  session.set("signIn", await startSignIn(ctx, userId));
  session.set("csrf", csrf);
  const setCookie = await ctx.authSessions.commitSession(session);
  return setCookie.split(";")[0]!;
}

/**
 * A work group with a facilitator, a recorder, two members and an outsider, one session with
 * one board: the cast most tests need.
 */
export async function seedWorkGroup(ctx: AppContext) {
  const [facilitator, recorder, memberA, memberB, outsider] = [
    await createUser(ctx, "Fay Facilitator"),
    await createUser(ctx, "Rory Recorder"),
    await createUser(ctx, "Ada Member"),
    await createUser(ctx, "Ben Member"),
    await createUser(ctx, "Otto Outsider"),
  ];
  const program = await ctx.db.program.create({
    data: { slug: `p-${facilitator.id}`, name: "Test program" },
  });
  const workGroup = await ctx.db.workGroup.create({
    data: {
      programId: program.id,
      slug: `wg-${facilitator.id}`,
      name: "Test work group",
      stakeholderGroups: {
        create: [
          { name: "Teachers", position: 0 },
          { name: "Parents", position: 1 },
        ],
      },
      regions: { create: [{ name: "Central", position: 0 }] },
      memberships: {
        create: [
          { userId: facilitator.id, role: "facilitator" },
          { userId: recorder.id, role: "recorder" },
          { userId: memberA.id, role: "member" },
          { userId: memberB.id, role: "member" },
        ],
      },
    },
  });
  const session = await ctx.db.session.create({
    data: {
      workGroupId: workGroup.id,
      title: "Planning session",
      startsAt: new Date("2026-12-01T15:00:00Z"),
      timeZone: "America/Chicago",
      format: "virtual",
    },
  });
  const board = await ctx.db.board.create({
    data: { sessionId: session.id, title: "Whole group" },
  });
  return { facilitator, recorder, memberA, memberB, outsider, program, workGroup, session, board };
}

export type Cast = Awaited<ReturnType<typeof seedWorkGroup>>;
export type Person = "facilitator" | "recorder" | "memberA" | "memberB" | "outsider";

/**
 * The real app with the usual cast (seedWorkGroup) and each person's session cookie: what most
 * test files start from.
 */
export async function startSeededApp(env: Record<string, string> = {}) {
  const app = await startTestApp(env);
  const cast = await seedWorkGroup(app.ctx);
  const cookies = {} as Record<Person, string>;
  for (const who of ["facilitator", "recorder", "memberA", "memberB", "outsider"] as const) {
    cookies[who] = await cookieFor(app.ctx, cast[who].id);
  }
  return { app, cast, cookies };
}
