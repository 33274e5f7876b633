import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const secret = { SESSION_SECRET: "s".repeat(40) };
const production = { NODE_ENV: "production", APP_URL: "https://convene.example.org/" };

describe("configuration", () => {
  it("has working defaults: port 3000 and a SQLite file in data/", () => {
    const config = loadConfig({ ...secret });
    expect(config.port).toBe(3000);
    expect(config.database.provider).toBe("sqlite");
    expect(config.database.url).toMatch(/data\/convene\.db$/);
    expect(config.redisUrl).toBeUndefined();
    expect(config.smtp).toBeUndefined();
  });

  it("chooses PostgreSQL from DATABASE_URL", () => {
    const config = loadConfig({ ...secret, DATABASE_URL: "postgresql://u@127.0.0.1:5432/convene" });
    expect(config.database).toEqual({
      provider: "postgresql",
      url: "postgresql://u@127.0.0.1:5432/convene",
    });
  });

  it("names every invalid variable", () => {
    try {
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        SESSION_SECRET: "short",
        REDIS_URL: "http://x",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL");
      expect(message).toContain("SESSION_SECRET must be at least 32 characters");
      expect(message).toContain("REDIS_URL must start with redis:// or rediss://");
    }
  });

  it("refuses a port out of range", () => {
    expect(() => loadConfig({ ...secret, PORT: "70000" })).toThrow(
      "PORT must be between 0 and 65535",
    );
  });
});

describe("configuration that would be unsafe", () => {
  it("requires APP_URL with SMTP, so emailed links never come from a Host header", () => {
    expect(() => loadConfig({ ...secret, SMTP_URL: "smtp://mail.example.org" })).toThrow(
      "APP_URL: required when SMTP_URL is set",
    );
  });

  it("leaves the demo (with its published password) out in production unless asked", () => {
    expect(loadConfig({ ...secret, ...production }).demo).toBe(false);
    expect(loadConfig({ ...secret }).demo).toBe(true);
    expect(loadConfig({ ...secret, ...production, DEMO: "true" }).demo).toBe(true);
  });

  it("requires APP_URL in production, so no link is built from a request's Host header", () => {
    expect(() => loadConfig({ ...secret, NODE_ENV: "production" })).toThrow(
      "APP_URL: required when NODE_ENV=production",
    );
    expect(() =>
      loadConfig({ ...secret, NODE_ENV: "production", APP_URL: "convene.example.org" }),
    ).toThrow("APP_URL must start with http:// or https://");
    expect(loadConfig({ ...secret, ...production }).appUrl).toBe("https://convene.example.org");
    // Development keeps working without it: links then use the request's own origin.
    expect(loadConfig({ ...secret }).appUrl).toBeUndefined();
  });
});
