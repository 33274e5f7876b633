import { json } from "@remix-run/node";

/**
 * An expected failure a person can act on, thrown from a loader, action or service and shown
 * by the error boundary with its status (never a stack trace).
 */
export function http(status: number, message: string, headers?: HeadersInit) {
  return json({ message }, { status, headers });
}

/** Throws 404 unless the record exists (and was selected for this user). */
export function found<T>(value: T | null | undefined, what = "page"): T {
  if (value === null || value === undefined) throw http(404, `We could not find that ${what}.`);
  return value;
}
