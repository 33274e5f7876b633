import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The public form carries a signed token instead of a session: a commenter has no account and
 * needs no cookie. It proves the form came from this period's page, says when the page was
 * served (people take more than a few seconds to write a comment; robots, and people pasting
 * a comment they prepared, do not: the caller decides what that means) and names
 * this one filling of the form: it is good for one comment, so a double click or a retry is
 * recognised as the same submission, and a different comment under it is refused
 * (intake.server.ts).
 */

/** Sooner than this after the page was served, nobody typed it (a robot, or a paste). */
export const MIN_SECONDS_TO_WRITE = 3;
/** A page left open longer than this gets a fresh token; the text typed is kept. */
const MAX_TOKEN_AGE_MS = 24 * 60 * 60 * 1000;

function signature(secret: string, payload: string) {
  return createHmac("sha256", secret).update(`comment-form:${payload}`).digest("base64url");
}

export function issueFormToken(secret: string, periodId: string, now = Date.now()) {
  const payload = `${periodId}.${now.toString(36)}.${randomBytes(12).toString("base64url")}`;
  return `${payload}.${signature(secret, payload)}`;
}

/**
 * servedAt: when the page with the form was served (ms), for a token in this one's place.
 * fast: sent within MIN_SECONDS_TO_WRITE of it.
 */
export type FormTokenCheck =
  | { ok: true; filling: string; servedAt: number; fast: boolean }
  | { ok: false; problem: "expired" };

export function checkFormToken(
  secret: string,
  periodId: string,
  token: string,
  now = Date.now(),
): FormTokenCheck {
  const parts = token.split(".");
  if (parts.length !== 4) return { ok: false, problem: "expired" };
  const [forPeriod, issued, filling, given] = parts as [string, string, string, string];
  const payload = `${forPeriod}.${issued}.${filling}`;
  const expected = Buffer.from(signature(secret, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return { ok: false, problem: "expired" };
  const servedAt = Number.parseInt(issued, 36);
  const age = now - servedAt;
  if (forPeriod !== periodId || !(age <= MAX_TOKEN_AGE_MS))
    return { ok: false, problem: "expired" };
  return { ok: true, filling, servedAt, fast: age < MIN_SECONDS_TO_WRITE * 1000 };
}
