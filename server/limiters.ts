import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Limiters } from "../app/utils/app-context.ts";

/**
 * Failed sign-ins before a pause: per account (guessing one person's password) and per address
 * (one machine trying many accounts; higher, as a school network shares one address).
 */
const SIGN_IN_FAILURES_PER_ACCOUNT = 10;
const SIGN_IN_FAILURES_PER_ADDRESS = 50;
const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Password-reset requests and sign-ups per address per hour: each sends mail or hashes. */
const ACCOUNT_REQUESTS_PER_HOUR = 20;
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
/** Comments accepted but not yet written before new ones are refused with 429. */
export const COMMENTS_WAITING_AT_MOST = 5_000;

export function createLimiters(): Limiters {
  const signInByAccount = new RateLimiterMemory({
    points: SIGN_IN_FAILURES_PER_ACCOUNT,
    duration: SIGN_IN_WINDOW_SECONDS,
  });
  const signInByAddress = new RateLimiterMemory({
    points: SIGN_IN_FAILURES_PER_ADDRESS,
    duration: SIGN_IN_WINDOW_SECONDS,
  });
  // Keys are "email:…" or "ip:…"; each kind has its own allowance.
  const signInLimiter = (key: string) =>
    key.startsWith("ip:") ? signInByAddress : signInByAccount;
  const ideas = new RateLimiterMemory({ points: IDEAS_PER_MINUTE, duration: 60 });
  const accountRequests = new RateLimiterMemory({
    points: ACCOUNT_REQUESTS_PER_HOUR,
    duration: 3600,
  });
  const commentsByAddress = new RateLimiterMemory({
    points: COMMENTS_PER_ADDRESS_PER_10_MINUTES,
    duration: 600,
  });
  const registrationsByAddress = new RateLimiterMemory({
    points: REGISTRATIONS_PER_ADDRESS_PER_10_MINUTES,
    duration: 600,
  });
  const commentsEverywhere = new RateLimiterMemory({ points: COMMENTS_PER_SECOND, duration: 1 });
  const consume = async (limiter: RateLimiterMemory, key: string) => {
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
  };
}
