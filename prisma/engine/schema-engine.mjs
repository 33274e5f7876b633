#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary.
//
// Why: the Prisma 7 CLI downloads a native schema engine at start, which cannot work on machines
// without internet (ours, and some district networks we deploy to). The CLI runs whatever
// executable PRISMA_SCHEMA_ENGINE_BINARY names (set in .config/prisma.mjs) and talks JSON-RPC to
// it over stdin/stdout, one JSON object per line. This program answers those calls with the same
// engine compiled to WebAssembly (@prisma/schema-engine-wasm), which reaches the database through
// Prisma's JS driver adapters. Everything below that is not plain forwarding covers a measured
// gap between the two engines (see "gap" comments). A Prisma upgrade can move these: what catches
// that is running `migrate deploy` on a fresh SQLite file and a fresh PostgreSQL database in CI.
//
// Invocations by the CLI:
//   schema-engine --version
//   schema-engine --datasource '{"url":...}' cli can-connect-to-database | create-database
//   schema-engine [--datamodels <schema file>]...
//                 [--datasource '{"url":...,"shadowDatabaseUrl":...}']
//     then JSON-RPC on stdin/stdout until stdin closes

import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { readFile, truncate } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import Database from "better-sqlite3";
import pg from "pg";

const argv = process.argv.slice(2);
const argValues = (name) => argv.flatMap((arg, i) => (arg === name ? [argv[i + 1]] : []));
const datasource = JSON.parse(argValues("--datasource")[0] ?? "{}");
const noFilter = { externalTables: [], externalEnums: [] };

// stderr lines in the native engine's log format (the CLI shows them with
// DEBUG=prisma:schemaEngine*).
const logLine = (level, fields) =>
  process.stderr.write(`${JSON.stringify({ level, target: "schema_engine::logger", fields })}\n`);

class UserFacingError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------
// Databases

function providerOf(url) {
  if (url?.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url ?? "")) return "postgresql";
  const scheme = url ? `${url.split(":")[0]}:` : "no URL";
  throw new UserFacingError(
    "P1013",
    `The database URL must start with file:, postgres:// or postgresql:// (got ${scheme}).`,
  );
}

function sqlitePath(url) {
  return path.resolve(url.slice("file:".length).split("?")[0]);
}

// The same PostgreSQL server, another database (URL path = database name).
function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function withPgClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// `postgres` is the maintenance database every server has: CREATE/DROP DATABASE run from it,
// because the database named in the URL may not exist yet (or is the one being dropped).
const onMaintenanceDb = (url, fn) => withPgClient(withDatabase(url, "postgres"), fn);

async function canConnect(url) {
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    if (!existsSync(file)) {
      throw new UserFacingError(
        "P1003",
        `Database \`${path.basename(file)}\` does not exist at \`${file}\``,
      );
    }
    return;
  }
  try {
    await withPgClient(url, (client) => client.query("SELECT 1"));
  } catch (error) {
    // gap 9: a missing database must come back as P1003, which makes `migrate deploy`/`dev`
    // ask for create-database instead of failing.
    const where = `${new URL(url).hostname}:${new URL(url).port || 5432}`;
    if (error.code === "3D000") {
      throw new UserFacingError(
        "P1003",
        `Database \`${databaseName(url)}\` does not exist on the database server at \`${where}\`.`,
      );
    }
    if (error.code === "ECONNREFUSED" || error.code === "ENOTFOUND") {
      throw new UserFacingError("P1001", `Can't reach database server at \`${where}\``);
    }
    if (error.code === "28P01") throw new UserFacingError("P1000", error.message);
    throw error;
  }
}

async function createDatabase(url) {
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    new Database(file).close();
    return { databaseName: path.basename(file) };
  }
  const name = databaseName(url);
  await onMaintenanceDb(url, (client) =>
    client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`),
  );
  return { databaseName: name };
}

// Connections not yet disposed by the engine, closed before exit: a SQLite connection left open
// leaves its journal file behind, and a throw-away shadow database must be dropped.
const openAdapters = new Set();
function tracked(adapter) {
  const dispose = adapter.dispose.bind(adapter);
  openAdapters.add(adapter);
  adapter.dispose = async () => {
    openAdapters.delete(adapter);
    await dispose();
  };
  return adapter;
}

// gap 2: the engine's PostgreSQL introspection reads catalog columns of the internal type "char"
// (OID 18), which adapter-pg refuses as an unsupported column type. Its text form is a plain
// one-character string, so describe such columns as text (OID 25). This process only runs the
// schema engine, so patching pg here affects nothing else.
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function (fields) {
  addFields.call(
    this,
    fields.map((field) => (field.dataTypeID === 18 ? { ...field, dataTypeID: 25 } : field)),
  );
};

function postgresAdapter(adapter) {
  // gap 4: adapter-pg's executeScript splits the script on every `;`, which breaks `$$` function
  // bodies and string literals. PostgreSQL's simple query protocol runs a whole script in one go.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

// gap 3: PrismaPg.connectToShadowDb() creates a shadow database but then connects to the
// database of the connection string again (pg lets the URL win over `database`), and drops it
// while its own pool is still connected. Create, connect and drop it ourselves.
async function throwAwayShadowDb(url) {
  const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
  await onMaintenanceDb(url, (client) =>
    client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`),
  );
  const adapter = postgresAdapter(
    await new PrismaPg({ connectionString: withDatabase(url, name) }).connect(),
  );
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await onMaintenanceDb(url, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
    );
  };
  return adapter;
}

// gap 5: the engine runs a whole SQLite migration script through executeRaw, and better-sqlite3's
// prepare() accepts one statement only. Run such parameterless scripts with exec() instead (what
// the adapter's executeScript does).
function sqliteAdapter(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !/more than one statement/.test(error.message)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

function adapterFactory({ url, shadowDatabaseUrl }) {
  if (providerOf(url) === "sqlite") {
    const inner = new PrismaBetterSqlite3({ url }, { shadowDatabaseUrl });
    return {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => tracked(sqliteAdapter(await inner.connect())),
      connectToShadowDb: async () => tracked(sqliteAdapter(await inner.connectToShadowDb())),
    };
  }
  const inner = new PrismaPg({ connectionString: url });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => tracked(postgresAdapter(await inner.connect())),
    connectToShadowDb: async () =>
      tracked(
        shadowDatabaseUrl
          ? postgresAdapter(await new PrismaPg({ connectionString: shadowDatabaseUrl }).connect())
          : await throwAwayShadowDb(url),
      ),
  };
}

// ---------------------------------------------------------------------------------------------
// The WebAssembly engine

// Node 20 cannot `import` a .wasm file, so instantiate it by hand with the package's glue code
// (what the package's own entry file does through a .wasm import).
async function loadWasm() {
  const wasmUrl = new URL(
    "schema_engine_bg.wasm",
    import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), {
    "./schema_engine_bg.js": glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

async function startEngine(factory) {
  await loadWasm();
  const paths = argValues("--datamodels");
  const datamodels = paths.length
    ? await Promise.all(paths.map(async (file) => [file, await readFile(file, "utf8")]))
    : undefined;
  // The engine's log lines are already in the native engine's JSON format: pass them on to the
  // CLI, which shows them when the engine fails.
  const log = (line) => process.stderr.write(`${line}\n`);
  return glue.SchemaEngine.new({ datamodels }, log, factory);
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC over stdin/stdout

const send = (message) =>
  process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);

// Requests from this side to the CLI (only `print`), waiting for the CLI's reply.
let nextPrintId = 1;
const printReplies = new Map();
function print(content) {
  const id = nextPrintId++;
  return new Promise((resolve) => {
    printReplies.set(id, resolve);
    send({ id, method: "print", params: { content } });
  });
}

async function serve() {
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory(datasource));
  // A failed start (e.g. the database cannot be opened) is reported as the answer to each
  // request: a crash before the first request leaves the CLI waiting on nothing and exiting 0.
  const started = startEngine(factory);
  started.catch(() => {});

  async function call(method, params) {
    const engine = await started;
    if (typeof engine[method] !== "function") {
      throw new Error(`The schema engine stand-in does not support the method ${method}.`);
    }
    try {
      return await engine[method](params);
    } catch (error) {
      // gap 1: on a database without `_prisma_migrations` the Wasm engine fails with P1014
      // where the native one reports "no migrations applied". Applying an empty migration list
      // creates the table; then ask again.
      if (error.code === "P1014" && params?.migrationsList) {
        logLine("INFO", {
          message: `stand-in: creating _prisma_migrations, then retrying ${method}`,
        });
        const migrationsList = { ...params.migrationsList, migrationDirectories: [] };
        await engine.applyMigrations({ migrationsList, filters: params.filters ?? noFilter });
        return engine[method](params);
      }
      // gap 6: right after pending migrations were applied (migrate dev), these fail until the
      // engine has run its dev diagnostic, which sets up the shadow database connection.
      if (
        /shadow DB must be provided through an external factory/.test(error.message) &&
        params?.migrationsList
      ) {
        logLine("INFO", { message: `stand-in: running devDiagnostic, then retrying ${method}` });
        await engine.devDiagnostic({
          migrationsList: params.migrationsList,
          filters: params.filters ?? noFilter,
        });
        return engine[method](params);
      }
      throw error;
    }
  }

  const methods = {
    getDatabaseVersion: (params) => call("version", params),
    createDatabase: () => createDatabase(datasource.url),
    async diff(params) {
      const { stdout, ...rest } = await call("diff", params);
      // gap 8: the CLI prints (or, with --output, captures) what the engine sends as a `print`
      // request; a diff returned in the response is silently dropped.
      if (stdout) await print(stdout.replace(/\n$/, ""));
      return rest;
    },
    async reset(params) {
      if (providerOf(datasource.url) !== "sqlite") return call("reset", params);
      // gap 7: the Wasm engine's SQLite reset leaves tables behind. An empty file is an empty
      // SQLite database; the engine's open connection sees the change on its next statement.
      await truncate(sqlitePath(datasource.url), 0);
      return {};
    },
  };

  // Errors thrown by a driver adapter reach the engine as "External error id#N"; put the
  // original message back so the CLI shows something useful.
  const describe = (error) =>
    String(error?.message ?? error).replace(
      /External error id#(\d+)/g,
      (text, id) => factory.errorRegistry.consumeError(Number(id))?.error?.message ?? text,
    );

  const handle = async ({ id, method, params }) => {
    try {
      send({ id, result: (await (methods[method] ?? ((p) => call(method, p)))(params)) ?? {} });
    } catch (error) {
      const data = {
        is_panic: error instanceof WebAssembly.RuntimeError,
        message: describe(error),
        meta: error?.meta ?? null,
        error_code: typeof error?.code === "string" ? error.code : null,
      };
      send({
        id,
        error: {
          code: 4466,
          message: "An error happened. Check the data field for details.",
          data,
        },
      });
    }
  };

  // One request at a time: the engine instance is not meant to be re-entered.
  let queue = Promise.resolve();
  const input = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  input.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method) {
      queue = queue.then(() => handle(message));
    } else {
      printReplies.get(message.id)?.();
      printReplies.delete(message.id);
    }
  });
  input.on("close", () => queue.then(shutdown));
}

// Runs on stdin's end and on SIGTERM (the CLI sends both when it is done): once only.
let stopping;
function shutdown() {
  stopping ??= Promise.allSettled([...openAdapters].map((adapter) => adapter.dispose())).then(() =>
    process.exit(0),
  );
  return stopping;
}

// The CLI's one-shot commands report failure as a JSON log line on stderr plus a non-zero exit.
// The CLI skips the first stderr line (the native engine's start-up log), so write one.
async function runCliCommand(command) {
  logLine("INFO", { message: `Starting schema engine stand-in: cli ${command}` });
  try {
    if (command === "can-connect-to-database") await canConnect(datasource.url);
    else if (command === "create-database") await createDatabase(datasource.url);
    else throw new Error(`Unsupported command: cli ${command}`);
  } catch (error) {
    logLine("ERROR", { message: error.message, ...(error.code && { error_code: error.code }) });
    process.exit(1);
  }
}

if (argv.includes("--version")) {
  await loadWasm();
  console.log(`schema-engine-cli ${glue.version()}`);
} else if (argv.includes("cli")) {
  await runCliCommand(argv[argv.indexOf("cli") + 1]);
} else {
  process.on("SIGTERM", shutdown);
  await serve();
}
