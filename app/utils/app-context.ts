import type { SessionStorage } from "@remix-run/node";
import type { Config } from "../../server/config.ts";
import type { DatabaseHealth } from "../../server/database-health.ts";
import type { Db } from "../../server/db.ts";
import type { Logger } from "../../server/log.ts";
import type { PendingProviderLink } from "../modules/auth/provider-accounts.server.ts";
import type {
  PendingProviderSignIn,
  SignInProviders,
} from "../modules/auth/sign-in-providers.server.ts";
import type { CommentIntake } from "../modules/comment-period/intake-queue.server.ts";
import type { LivePublisher } from "../modules/documents/live-publisher.ts";

/**
 * What the one server process hands every loader, action and service: the database, the
 * configuration, and the live side (boards and sessions). Built once in server/app-server.ts; tests build
 * the same object against a real database.
 */
export type AppContext = {
  config: Config;
  db: Db;
  /** Whether the database is reachable; an unreachable one is answered 503, not 500. */
  database: DatabaseHealth;
  log: Logger;
  authSessions: SessionStorage<AuthSessionData>;
  mailer: Mailer;
  limiters: Limiters;
  live: LivePublisher;
  /** Public comments waiting for their group commit (comment-period/intake-queue.server.ts). */
  intake: CommentIntake;
  /** The organizations' OpenID providers, discovered at start (sign-in-providers.server.ts). */
  signInProviders: SignInProviders;
};

/** What a session cookie carries: the token of a sign-in record (see auth-session.server.ts). */
export type AuthSessionData = {
  signIn: string;
  csrf: string;
  /** While the browser is at an OpenID provider: state, nonce and PKCE verifier. */
  providerSignIn: PendingProviderSignIn;
  /** A provider account waiting for its owner to confirm the existing account. */
  providerLink: PendingProviderLink;
};

export type Mailer = {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
};

export type Limiters = {
  /** Only failed sign-ins stay counted, so a venue behind one address can sign in. */
  signIn: {
    /**
     * Counts an attempt on every key before the password is checked (so parallel guesses
     * count too); resolves to seconds to wait, or 0 when allowed.
     */
    attempt(keys: string[]): Promise<number>;
    /** A correct password: the attempt is given back. */
    succeeded(keys: string[]): Promise<void>;
  };
  /** Password-reset requests and sign-ups from one address; seconds to wait, or 0. */
  accountRequest(key: string): Promise<number>;
  /** Consumes one idea for this person; resolves to seconds to wait, or 0 when allowed. */
  postIdea(userId: string): Promise<number>;
  /** One public comment from this address (and from everyone at once); seconds to wait, or 0. */
  comment(clientKey: string): Promise<number>;
  /** One registration for a hearing or webinar from this address; seconds to wait, or 0. */
  registration(clientKey: string): Promise<number>;
  /** One guest joining a session from this address; seconds to wait, or 0. */
  guestJoin(clientKey: string): Promise<number>;
  /** Join codes that matched no session: guessing codes is paused per address. */
  joinCode: {
    /** Seconds this address must wait before trying a code again, or 0. */
    pausedFor(clientKey: string): Promise<number>;
    missed(clientKey: string): Promise<void>;
  };
};

declare module "@remix-run/node" {
  interface AppLoadContext extends AppContext {}
}
