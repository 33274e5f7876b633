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
  };
}
