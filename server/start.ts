import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadDemo } from "../app/modules/demo/demo.server.ts";
import { startAppServer } from "./app-server.ts";
import { type Config, ConfigError, loadConfig, projectRoot } from "./config.ts";

/** EX_CONFIG from sysexits.h: the configuration is wrong, retrying will not help. */
const EXIT_BAD_CONFIG = 78;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nFix the environment variables above and start again.`);
      process.exit(EXIT_BAD_CONFIG);
    }
    throw error;
  }
}

/** Applies pending migrations with the Prisma CLI (through our offline engine stand-in). */
function migrate(config: Config) {
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, "prisma", "db.mjs"), "deploy"],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: config.database.url },
    },
  );
  if (result.status !== 0) {
    console.error("The database could not be migrated; see the messages above.");
    process.exit(1);
  }
}

const config = readConfig();
if (process.env.SKIP_MIGRATE !== "true") migrate(config);
const app = await startAppServer(config);
if (config.demo) {
  const demo = await loadDemo(app.ctx);
  if (demo) {
    app.ctx.log.info(
      `Loaded the demo work group "${demo.workGroupName}". Sign in at ${app.url}/login as ${demo.facilitatorEmail} (facilitator) or ${demo.memberEmail} (member) or ${demo.adminEmail} (instance admin); password: ${demo.password}`,
    );
  }
}
app.ctx.log.info(`Convene is listening on ${app.url}`, { port: new URL(app.url).port });

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.ctx.log.info(`${signal}: storing documents and closing connections`);
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.ctx.log.error("shutdown failed", { error: String(error) });
        process.exit(1);
      },
    );
  });
}
