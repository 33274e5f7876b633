import type { SessionStorage } from "@remix-run/node";
import type { Config } from "../../server/config.ts";
import type { Db } from "../../server/db.ts";
import type { Logger } from "../../server/log.ts";
import type { BoardPublisher } from "../modules/board/board-publisher.ts";

/**
 * What the one server process hands every loader, action and service: the database, the
 * configuration, and the live side (boards). Built once in server/app-context.ts; tests build
 * the same object against a real database.
 */
export type AppContext = {
  config: Config;
  db: Db;
  log: Logger;
  authSessions: SessionStorage<AuthSessionData>;
  mailer: Mailer;
  limiters: Limiters;
  boards: BoardPublisher;
};

export type AuthSessionData = { userId: string; csrf: string };

export type Mailer = {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
};

export type Limiters = {
  /** Consumes one attempt for key; resolves to seconds to wait, or 0 when allowed. */
  signIn(key: string): Promise<number>;
  /** Clears the counter after a successful sign-in. */
  signInSucceeded(key: string): Promise<void>;
  postIdea(userId: string): Promise<number>;
};

declare module "@remix-run/node" {
  interface AppLoadContext extends AppContext {}
}
