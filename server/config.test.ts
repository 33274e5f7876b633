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

describe("sign-in providers (OIDC_*)", () => {
  const entra = {
    ...secret,
    OIDC_PROVIDERS: "entra",
    OIDC_ENTRA_ISSUER: "https://login.microsoftonline.com/tenant/v2.0",
    OIDC_ENTRA_CLIENT_ID: "client",
    OIDC_ENTRA_CLIENT_SECRET: "secret",
  };

  it("reads a provider, its label, domains and who must use it", () => {
    const config = loadConfig({
      ...entra,
      OIDC_ENTRA_LABEL: "State Department of Education",
      OIDC_ENTRA_DOMAINS: "Ed.State.gov, schools.state.gov",
      OIDC_ENTRA_TRUST_EMAIL: "true",
      OIDC_REQUIRED_DOMAINS: "ed.state.gov",
    });
    expect(config.signIn.providers).toEqual([
      {
        id: "entra",
        issuer: "https://login.microsoftonline.com/tenant/v2.0",
        clientId: "client",
        clientSecret: "secret",
        label: "State Department of Education",
        domains: ["ed.state.gov", "schools.state.gov"],
        trustEmail: true,
        insecureLoopback: false,
      },
    ]);
    expect(config.signIn.requiredDomains).toEqual(["ed.state.gov"]);
    expect(loadConfig({ ...secret }).signIn).toEqual({ providers: [], requiredDomains: [] });
  });

  it.each([
    [
      { OIDC_ENTRA_ISSUER: "http://login.example.org" },
      "OIDC_ENTRA_ISSUER: must start with https://",
    ],
    [{ OIDC_ENTRA_CLIENT_SECRET: "" }, "OIDC_ENTRA_CLIENT_SECRET: required"],
    [
      { OIDC_ENTRA_DOMAINS: "not a domain" },
      'OIDC_ENTRA_DOMAINS: "not a domain" is not an email domain',
    ],
    [{ OIDC_ENTRA_TRUST_EMAIL: "true" }, "OIDC_ENTRA_TRUST_EMAIL: only with OIDC_ENTRA_DOMAINS"],
    [{ OIDC_ENTRA_TRUST_EMAIL: "yes" }, "OIDC_ENTRA_TRUST_EMAIL: must be true or false"],
    [
      { OIDC_GOOGEL_ISSUER: "https://accounts.google.com" },
      'OIDC_GOOGEL_ISSUER: "googel" is not in OIDC_PROVIDERS',
    ],
    [{ OIDC_PROVIDERS: "entra,entra" }, 'OIDC_PROVIDERS: "entra" is named twice'],
    [{ OIDC_PROVIDERS: "my-idp" }, 'OIDC_PROVIDERS: "my-idp" is not a usable name'],
    [
      { OIDC_ENTRA_DOMAINS: "ed.state.gov", OIDC_REQUIRED_DOMAINS: "other.gov" },
      'OIDC_REQUIRED_DOMAINS: no provider in OIDC_PROVIDERS lets people at "other.gov" sign in',
    ],
  ])("refuses %o, naming the variable", (change, message) => {
    expect(() => loadConfig({ ...entra, ...change })).toThrow(message);
  });

  it("allows http:// only for a provider on this machine", () => {
    const config = loadConfig({ ...entra, OIDC_ENTRA_ISSUER: "http://localhost:8080/realms/x" });
    expect(config.signIn.providers[0]!.insecureLoopback).toBe(true);
  });
});
