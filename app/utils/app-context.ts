import type { SessionStorage } from "@remix-run/node";
import type { Config } from "../../server/config.ts";
import type { Db } from "../../server/db.ts";
import type { Logger } from "../../server/log.ts";
import type { LivePublisher } from "../modules/documents/live-publisher.ts";

/**
 * What the one server process hands every loader, action and service: the database, the
 * configuration, and the live side (boards and sessions). Built once in server/app-context.ts; tests build
 * the same object against a real database.
 */
export type AppContext = {
  config: Config;
  db: Db;
  log: Logger;
  authSessions: SessionStorage<AuthSessionData>;
  mailer: Mailer;
  limiters: Limiters;
  live: LivePublisher;
};

export type AuthSessionData = { userId: string; csrf: string };

export type Mailer = {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
};

export type Limiters = {
  /** Only failed sign-ins count, so a venue full of people behind one address can sign in. */
  signIn: {
    /** Seconds until an attempt is allowed again for the busiest of these keys, or 0. */
    blockedFor(keys: string[]): Promise<number>;
    failed(keys: string[]): Promise<void>;
    succeeded(key: string): Promise<void>;
  };
  /** Consumes one idea for this person; resolves to seconds to wait, or 0 when allowed. */
  postIdea(userId: string): Promise<number>;
};

declare module "@remix-run/node" {
  interface AppLoadContext extends AppContext {}
}
