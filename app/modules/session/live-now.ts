/**
 * When a session counts as live, for "Live now" on the home and work group pages: from half an
 * hour before it starts (people arrive early) until its agenda's time boxes have run, and at
 * least two hours (a session without an agenda still runs a morning).
 */
export const EARLY_MINUTES = 30;
export const AT_LEAST_MINUTES = 120;

export function isLiveNow(
  session: { startsAt: Date | string; agendaMinutes: number },
  now = new Date(),
) {
  const start = new Date(session.startsAt).getTime();
  const runs = Math.max(session.agendaMinutes, AT_LEAST_MINUTES) * 60_000;
  const at = now.getTime();
  return at >= start - EARLY_MINUTES * 60_000 && at <= start + runs;
}
