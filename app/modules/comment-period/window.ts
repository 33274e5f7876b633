/**
 * When a comment period takes comments. Staff enter the opening and closing as wall-clock
 * times in the period's zone ("March 25, 11:59 pm Central"); those are stored as instants.
 * The closing minute is inside the window, as people read it: "closes at 11:59 pm" takes a
 * comment sent at 11:59:40 pm and refuses one at midnight.
 */
export type PeriodWindow = { opensAt: Date | string; closesAt: Date | string };
export type PeriodState = "scheduled" | "open" | "closed";

const CLOSING_MINUTE_MS = 60_000;

/** The first instant at which comments are refused. */
export function closedFrom(window: PeriodWindow): Date {
  return new Date(new Date(window.closesAt).getTime() + CLOSING_MINUTE_MS);
}

export function periodState(window: PeriodWindow, now: Date = new Date()): PeriodState {
  if (now.getTime() < new Date(window.opensAt).getTime()) return "scheduled";
  if (now.getTime() < closedFrom(window).getTime()) return "open";
  return "closed";
}

/** Whether an IANA zone name is one this runtime knows ("America/Chicago"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
