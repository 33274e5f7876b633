import Bowser from "bowser";

/**
 * A signed-in browser as a person recognises it on the account page (Chrome, Android), read
 * from its User-Agent by bowser: the raw string means nothing to most people. The page says
 * "Chrome on Android" in its own language.
 */
export function browserName(userAgent: string) {
  if (!userAgent) return null;
  const parsed = Bowser.getParser(userAgent);
  const browser = parsed.getBrowserName();
  const os = parsed.getOSName();
  if (!browser && !os) return null;
  return { browser: browser || null, os: os || null };
}
