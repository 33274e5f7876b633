import type { Config } from "./config.ts";

export type Logger = {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

const levels = ["debug", "info", "warn", "error", "silent"] as const;

/** JSON lines in production (for log shippers), readable lines otherwise. */
export function createLogger(level: Config["logLevel"], json: boolean): Logger {
  const threshold = levels.indexOf(level);
  const write = (
    at: (typeof levels)[number],
    message: string,
    fields?: Record<string, unknown>,
  ) => {
    if (levels.indexOf(at) < threshold) return;
    const line = json
      ? JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields })
      : `${at.padEnd(5)} ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}`;
    (at === "error" || at === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
  };
}
