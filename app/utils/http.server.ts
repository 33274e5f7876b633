import { type HeadersFunction, json } from "@remix-run/node";
import type { MessageKey, SayKey } from "../modules/i18n/en.ts";
import { i18nFor, type Locale } from "../modules/i18n/i18n.ts";

/**
 * An expected failure a person can act on, thrown from a loader, action or service and shown
 * by the error boundary with its status (never a stack trace).
 */
export function http(status: number, message: string, headers?: HeadersInit) {
  return json({ message }, { status, headers });
}

/**
 * Values of a catalogue message; `phase` names a session phase, `role` a role in a work
 * group and `commentState` a comment's moderation state, each said in the reader's words.
 */
export type SaidValues = Record<string, string | number>;

/**
 * A refusal people read on pages that speak their language: the catalogue key and its values
 * travel with the English text (for logs, the API and English pages), and the route says it
 * in the reader's language (sayRefusal).
 */
export function refuse(
  status: number,
  key: SayKey,
  values: SaidValues = {},
  headers?: HeadersInit,
) {
  return json({ message: say("en", key, values), key, values }, { status, headers });
}

/** A refusal in the reader's language where it came with a key, else as it was written. */
export function sayRefusal(locale: Locale, refusal: Refusal) {
  return refusal.key ? say(locale, refusal.key, refusal.values ?? {}) : refusal.message;
}

/** A catalogue message in a language, for text a route words on the server. */
export function say(locale: Locale, key: SayKey, values: SaidValues = {}) {
  const t = i18nFor(locale).t;
  const said = { ...values };
  if ("phase" in values) said.phase = t(`phase.${values.phase}` as MessageKey);
  if ("role" in values) said.role = t(`role.${values.role}` as MessageKey);
  if ("commentState" in values)
    said.commentState = t(`moderation.states.${values.commentState}` as MessageKey);
  return t(key, said);
}

/**
 * A message a rule gave (a zod issue's message): a catalogue key is said in the language, any
 * other text (a message not keyed, zod's own) is given as it came.
 */
export function sayMessage(locale: Locale, message: string) {
  return i18nFor(locale).exists(message) ? say(locale, message as MessageKey) : message;
}

/**
 * A form's reply (conform's submission.reply()) with each field's messages said in a
 * language: the schema's catalogue keys become the reader's words, as the form would say them,
 * so the reply (and a client that reads it) carries words, not keys.
 */
export function sayReply<Reply extends { error?: Record<string, string[] | null> | null }>(
  locale: Locale,
  reply: Reply,
): Reply {
  if (!reply.error) return reply;
  const error = Object.fromEntries(
    Object.entries(reply.error).map(([field, messages]) => [
      field,
      messages ? messages.map((message) => sayMessage(locale, message)) : messages,
    ]),
  );
  return { ...reply, error };
}

/** Throws 404 unless the record exists (and was selected for this user). */
/** What a 404 says could not be found, each said in the reader's language (errors.find.*). */
export type FoundKind =
  | "page"
  | "commentPeriod"
  | "theme"
  | "file"
  | "session"
  | "recommendation"
  | "hearing"
  | "program";

export function found<T>(value: T | null | undefined, what: FoundKind = "page"): T {
  if (value === null || value === undefined) throw refuse(404, `errors.find.${what}`);
  return value;
}

export type Refusal = {
  ok: false;
  status: number;
  message: string;
  key?: SayKey;
  values?: SaidValues;
};

/**
 * Runs a command for a form that must keep what the person typed: a refusal the command throws
 * (403, 409, 429…) comes back as its status and message to show beside the form, instead of
 * replacing the page. Anything unexpected still throws.
 */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | Refusal> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!(error instanceof Response) || error.status >= 500) throw error;
    const body = (await error.json()) as Omit<Refusal, "ok" | "status">;
    return { ok: false, status: error.status, ...body };
  }
}

/**
 * A route's document headers with the Retry-After its action set, so a person refused 429
 * (and a client that reads headers) learns when to come back, as the page's script does.
 * Remix passes an action's headers to a document only through the route's `headers` export.
 */
export const keepRetryAfter: HeadersFunction = ({ parentHeaders, actionHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
