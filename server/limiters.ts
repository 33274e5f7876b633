import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Limiters } from "../app/utils/app-context.ts";

/** Sign-in attempts per key (an address or an account) before a pause. */
const SIGN_IN_ATTEMPTS = 10;
const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Ideas one person may post in a burst; a lively brainstorm is a few a minute. */
const IDEAS_PER_MINUTE = 30;

export function createLimiters(): Limiters {
  const signIn = new RateLimiterMemory({
    points: SIGN_IN_ATTEMPTS,
    duration: SIGN_IN_WINDOW_SECONDS,
  });
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
    signIn: (key) => consume(signIn, key),
    signInSucceeded: async (key) => {
      await signIn.delete(key);
    },
    postIdea: (userId) => consume(ideas, userId),
  };
}
