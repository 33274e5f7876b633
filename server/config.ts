import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SHED_AT_EVENT_LOOP_DELAY_MS } from "./limiters.ts";
import { parseSignInProviders, type SignInPolicy } from "./sign-in-providers-config.ts";

/**
 * Configuration is read from the environment once, here, and handed to everything else
 * through the app context. Nothing else reads process.env.
 */
export const projectRoot = path.resolve(import.meta.dirname, "..");
export const dataDir = path.join(projectRoot, "data");

const optionalUrl = (protocols: string[], what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine(
      (value) => value === undefined || protocols.some((p) => value.startsWith(p)),
      `${what} must start with ${protocols.join(" or ")}`,
    );

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ error: "PORT must be a number" })
    .int("PORT must be a whole number")
    .min(0, "PORT must be between 0 and 65535")
    .max(65535, "PORT must be between 0 and 65535")
    .default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .refine(
      (value) => !value || /^(file:|postgres(ql)?:\/\/)/.test(value),
      "DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL",
    ),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  /**
   * The public address of the app, e.g. https://convene.example.org: the origin of every link
   * it hands out (app/utils/request.server.ts linkOrigin). Required in production.
   */
  APP_URL: optionalUrl(["http://", "https://"], "APP_URL"),
  REDIS_URL: optionalUrl(["redis://", "rediss://"], "REDIS_URL"),
  SMTP_URL: optionalUrl(["smtp://", "smtps://"], "SMTP_URL"),
  SMTP_FROM: z.string().default("Convene <no-reply@localhost>"),
  /**
   * Load the demo work group into an empty database. Its accounts have a published password,
   * so it is off by default in production.
   */
  DEMO: z.enum(["true", "false"]).optional(),
  /**
   * How many reverse proxies stand in front (e.g. 1 for nginx): their X-Forwarded-For then
   * names the client, for rate limits. 0 trusts none (the default).
   */
  TRUST_PROXY: z.coerce
    .number({ error: "TRUST_PROXY must be a number of proxies, e.g. 1" })
    .int("TRUST_PROXY must be a whole number")
    .min(0)
    .max(10)
    .default(0),
  /** The bearer token Prometheus sends for /metrics; without one /metrics does not exist. */
  METRICS_TOKEN: z
    .string()
    .trim()
    .min(16, "METRICS_TOKEN must be at least 16 characters")
    .optional(),
  /** Event-loop delay (ms) beyond which new work is turned away; 0 never sheds (limiters.ts). */
  SHED_AT_EVENT_LOOP_DELAY_MS: z.coerce
    .number({ error: "SHED_AT_EVENT_LOOP_DELAY_MS must be a number of milliseconds" })
    .int("SHED_AT_EVENT_LOOP_DELAY_MS must be a whole number")
    .min(0)
    .default(SHED_AT_EVENT_LOOP_DELAY_MS),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /**
   * Optional: an OpenAI-compatible endpoint (…/v1) that suggests themes instead of the built-in
   * offline method, which stays the fallback whenever it fails or is slow.
   */
  THEMES_SUGGEST_URL: optionalUrl(["http://", "https://"], "THEMES_SUGGEST_URL"),
  THEMES_SUGGEST_MODEL: z.string().trim().default(""),
  THEMES_SUGGEST_API_KEY: z.string().trim().optional(),
});

export type DatabaseConfig =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database: DatabaseConfig;
  sessionSecret: string;
  appUrl: string | undefined;
  redisUrl: string | undefined;
  smtp: { url: string; from: string } | undefined;
  demo: boolean;
  trustProxy: number;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  metricsToken: string | undefined;
  shedAtEventLoopDelayMs: number;
  themesSuggest: { baseUrl: string; model: string; apiKey: string | undefined } | undefined;
  /** The organizations' OpenID providers and who must use them (sign-in-providers-config.ts). */
  signIn: SignInPolicy;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const url = raw || `file:${path.join(dataDir, "convene.db")}`;
  if (url.startsWith("file:")) {
    // Relative to the working directory, as the Prisma CLI reads it (.config/prisma.mjs).
    const file = path.resolve(url.slice("file:".length));
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  return { provider: "postgresql", url };
}

/** A generated secret is kept in data/ so cookies survive restarts of a fresh install. */
function storedSessionSecret(): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const signIn = parseSignInProviders(env);
  if (signIn.problems.length > 0) throw new ConfigError(signIn.problems);
  if (e.THEMES_SUGGEST_URL && !e.THEMES_SUGGEST_MODEL) {
    throw new ConfigError(["THEMES_SUGGEST_MODEL: required when THEMES_SUGGEST_URL is set"]);
  }
  // Emailed links, feeds and calendar files must not be built from a request's Host header,
  // which anyone can set: in production, and wherever mail goes out, APP_URL decides them.
  if (e.NODE_ENV === "production" && !e.APP_URL) {
    throw new ConfigError([
      "APP_URL: required when NODE_ENV=production (the public address, e.g. https://convene.example.org): links in emails, feeds and calendar files are built from it",
    ]);
  }
  if (e.SMTP_URL && !e.APP_URL) {
    throw new ConfigError([
      "APP_URL: required when SMTP_URL is set, e.g. https://convene.example.org",
    ]);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL),
    sessionSecret: e.SESSION_SECRET ?? storedSessionSecret(),
    appUrl: e.APP_URL?.replace(/\/+$/, ""),
    redisUrl: e.REDIS_URL,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
    demo: (e.DEMO ?? (e.NODE_ENV === "production" ? "false" : "true")) === "true",
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    shedAtEventLoopDelayMs: e.SHED_AT_EVENT_LOOP_DELAY_MS,
    themesSuggest: e.THEMES_SUGGEST_URL
      ? {
          baseUrl: e.THEMES_SUGGEST_URL.replace(/\/+$/, ""),
          model: e.THEMES_SUGGEST_MODEL,
          apiKey: e.THEMES_SUGGEST_API_KEY,
        }
      : undefined,
    signIn: signIn.policy,
  };
}
