/**
 * A session's join code: six characters a room can read off a projector and type on a phone.
 * No 0/O, 1/I/L or 5/S look-alikes. 29^6 is about 595 million codes: guessing one is hopeless
 * at the join page's rate limit, and a code leads a member only to their own session.
 */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789";
export const JOIN_CODE_LENGTH = 6;

/** A code as typed, in any case and with spaces or dashes ("abc-def"); null if it cannot be one. */
export function readJoinCode(typed: string | null | undefined): string | null {
  if (typeof typed !== "string" || typed.length > 40) return null;
  const code = typed.toUpperCase().replace(/[\s\-_.]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** "ABCDEF" as "ABC DEF": easier to read aloud and to copy. */
export function spacedJoinCode(code: string) {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

export const joinPath = (code: string) => `/join/${code}`;
