import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Limiters } from "../app/utils/app-context.ts";

/**
 * Failed sign-ins before a pause: per account (guessing one person's password) and per address
 * (one machine trying many accounts; higher, as a school network shares one address).
 */
const SIGN_IN_FAILURES_PER_ACCOUNT = 10;
const SIGN_IN_FAILURES_PER_ADDRESS = 50;
const SIGN_IN_WINDOW_SECONDS = 15 * 60;
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
      async blockedFor(keys) {
        let wait = 0;
        for (const key of keys) {
          const limiter = signInLimiter(key);
          const state = await limiter.get(key);
          if (state && state.consumedPoints >= limiter.points) {
            wait = Math.max(wait, Math.ceil(state.msBeforeNext / 1000));
          }
        }
        return wait;
      },
      async failed(keys) {
        await Promise.all(keys.map((key) => signInLimiter(key).penalty(key, 1)));
      },
      async succeeded(key) {
        await signInLimiter(key).delete(key);
      },
    },
    postIdea: (userId) => consume(ideas, userId),
  };
}
