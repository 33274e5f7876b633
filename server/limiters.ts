import type { Redis } from "ioredis";
import {
  type IRateLimiterOptions,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { Limiters } from "../app/utils/app-context.ts";

/**
 * Failed sign-ins before a pause: per account from browsers it was never used in (guessing
 * one person's password), per address (one machine trying many accounts; higher, as a school
 * network shares one address), and per account and browser for a browser that signed in to it
 * before (its device cookie, app/modules/auth/device.server.ts), so strangers' failures never
 * lock the owner's own browser out.
 */
const SIGN_IN_FAILURES_PER_ACCOUNT = 10;
const SIGN_IN_FAILURES_PER_ADDRESS = 50;
const SIGN_IN_FAILURES_PER_KNOWN_DEVICE = 10;
const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Password-reset requests and sign-ups per address per hour: each sends mail or hashes. */
const ACCOUNT_REQUESTS_PER_HOUR = 20;
/**
 * Join codes from one address that match no session, per ten minutes, before that address is
 * paused. Only misses count: a school's 200 phones behind one address join at once.
 */
const JOIN_CODE_MISSES_PER_ADDRESS_PER_10_MINUTES = 30;
/**
 * Guests one session takes at most: a large town hall, with room to spare (the guests
 * benchmark joins 2,000). Beyond it people are told the session is full.
 */
export const GUESTS_PER_SESSION = 3_000;
/**
 * Guests joining from one address per ten minutes. Generous, as a school gym's phones share one
 * address; a script making guests to stuff a board meets it soon.
 */
const GUEST_JOINS_PER_ADDRESS_PER_10_MINUTES = 300;
/** Ideas one person may post in a burst; a lively brainstorm is a few a minute. */
const IDEAS_PER_MINUTE = 30;
/**
 * Public comments from one address per ten minutes. Generous: a school library or a district
 * office sends many people's comments from one address, and one person may send several.
 */
const COMMENTS_PER_ADDRESS_PER_10_MINUTES = 60;
/**
 * Registrations for hearings and webinars from one address per ten minutes: a district office
 * registers its schools' teams from one address, a robot filling the room does not get far.
 */
const REGISTRATIONS_PER_ADDRESS_PER_10_MINUTES = 30;
/**
 * Public comments per second from everyone together: beyond it a flash crowd is asked to retry
 * in a second (429 with Retry-After) instead of queueing without end. Intake stores over
 * 2,000 a second on SQLite (tests/bench/intake.ts).
 */
export const COMMENTS_PER_SECOND = 4_000;
/**
 * Comment submissions one process works on at once; more are answered 429 at once, unread
 * (server/comment-intake-route.ts). About a tenth of a second of work at 2,500 a second.
 */
export const COMMENTS_IN_FLIGHT_AT_MOST = 256;
/**
 * A process whose event loop ran this late (ms) in the last sample answers new comments 429
 * at once (server/comment-intake-route.ts), so that the crowd's answers keep coming within a
 * second or two. Never more than SHED_AT_EVENT_LOOP_DELAY_MS; 0 there turns this off too.
 */
export const COMMENTS_SHED_AT_EVENT_LOOP_DELAY_MS = 100;
/** Comments accepted but not yet written before new ones are refused with 429. */
export const COMMENTS_WAITING_AT_MOST = 5_000;

/**
 * Load shedding: the numbers that decide when a process turns new work away.
 *
 * A process is saturated when its event loop ran this late (ms) during the last sample: new
 * page loads and websocket connections then get 503 with Retry-After, while people already
 * connected keep being served. Environment: SHED_AT_EVENT_LOOP_DELAY_MS (0 never sheds).
 */
export const SHED_AT_EVENT_LOOP_DELAY_MS = 500;
export const SATURATION_SAMPLE_MS = 250;
/** A late sample keeps the process shedding this long, so it does not flap sample by sample. */
export const SATURATION_HOLD_MS = 1_000;
export const SATURATED_RETRY_AFTER_SECONDS = 2;
/** While the database cannot be reached, requests get 503 and this Retry-After. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
/**
 * Connections the kernel may hold for this process to accept. Node's default (511) overflowed
 * when a crowd opened thousands of connections at once, and the kernel reset some; the kernel
 * caps this at net.core.somaxconn (4096 on current Linux).
 */
export const LISTEN_BACKLOG = 4096;
/** Largest form body accepted: our biggest form (work group settings) is a few kilobytes. */
export const MAX_FORM_BYTES = 256 * 1024;
/** A public comment with its files: five of 10 MB (attachments.server.ts) and the form. */
export const MAX_COMMENT_UPLOAD_BYTES = 5 * 10 * 1024 * 1024 + MAX_FORM_BYTES;
/** Comment forms with files read at once per process: each may hold 50 MB in memory. */
export const UPLOADS_IN_FLIGHT_AT_MOST = 8;

/**
 * The limits a person or an address is held to. With Redis (several processes) they are
 * counted in Redis, so a limit holds across every process a load balancer spreads requests
 * over; while Redis is unreachable each process counts on its own (the insurance limiter)
 * rather than refusing or letting everything through. `commentsEverywhere` stays per process:
 * it protects this process's capacity (load shedding), not a person's allowance.
 */
export function createLimiters(redis?: Redis | null): Limiters {
  const limiter = (keyPrefix: string, options: IRateLimiterOptions) =>
    redis
      ? new RateLimiterRedis({
          ...options,
          keyPrefix: `convene:limit:${keyPrefix}`,
          storeClient: redis,
          // Fall back at once while Redis is down instead of waiting on a reconnect.
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
  const signInByAccount = limiter("sign-in-account", {
    points: SIGN_IN_FAILURES_PER_ACCOUNT,
    duration: SIGN_IN_WINDOW_SECONDS,
  });
  const signInByAddress = limiter("sign-in-address", {
    points: SIGN_IN_FAILURES_PER_ADDRESS,
    duration: SIGN_IN_WINDOW_SECONDS,
  });
  const signInByDevice = limiter("sign-in-device", {
    points: SIGN_IN_FAILURES_PER_KNOWN_DEVICE,
    duration: SIGN_IN_WINDOW_SECONDS,
  });
  // Keys are "email:…", "ip:…" or "device:…"; each kind has its own allowance.
  const signInLimiter = (key: string) =>
    key.startsWith("ip:")
      ? signInByAddress
      : key.startsWith("device:")
        ? signInByDevice
        : signInByAccount;
  const ideas = limiter("ideas", { points: IDEAS_PER_MINUTE, duration: 60 });
  const accountRequests = limiter("account-requests", {
    points: ACCOUNT_REQUESTS_PER_HOUR,
    duration: 3600,
  });
  const commentsByAddress = limiter("comments", {
    points: COMMENTS_PER_ADDRESS_PER_10_MINUTES,
    duration: 600,
  });
  const registrationsByAddress = limiter("registrations", {
    points: REGISTRATIONS_PER_ADDRESS_PER_10_MINUTES,
    duration: 600,
  });
  const joinCodeMisses = limiter("join-code-misses", {
    points: JOIN_CODE_MISSES_PER_ADDRESS_PER_10_MINUTES,
    duration: 600,
  });
  const guestJoins = limiter("guest-joins", {
    points: GUEST_JOINS_PER_ADDRESS_PER_10_MINUTES,
    duration: 600,
  });
  const commentsEverywhere = new RateLimiterMemory({ points: COMMENTS_PER_SECOND, duration: 1 });
  const consume = async (limiter: RateLimiterMemory | RateLimiterRedis, key: string) => {
    try {
      await limiter.consume(key);
      return 0;
    } catch (result) {
      if (result instanceof RateLimiterRes)
        return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      throw result;
    }
  };
  return {
    signIn: {
      async attempt(keys) {
        let wait = 0;
        for (const key of keys) wait = Math.max(wait, await consume(signInLimiter(key), key));
        return wait;
      },
      async succeeded(keys) {
        await Promise.all(keys.map((key) => signInLimiter(key).reward(key, 1)));
      },
    },
    accountRequest: (key) => consume(accountRequests, key),
    postIdea: (userId) => consume(ideas, userId),
    async comment(clientKey) {
      const wait = await consume(commentsByAddress, clientKey);
      return wait > 0 ? wait : consume(commentsEverywhere, "all");
    },
    registration: (clientKey) => consume(registrationsByAddress, clientKey),
    guestJoin: (clientKey) => consume(guestJoins, clientKey),
    joinCode: {
      async pausedFor(clientKey) {
        const state = await joinCodeMisses.get(clientKey);
        if (!state || state.consumedPoints < JOIN_CODE_MISSES_PER_ADDRESS_PER_10_MINUTES) return 0;
        return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      },
      missed: async (clientKey) => {
        await consume(joinCodeMisses, clientKey);
      },
    },
  };
}
