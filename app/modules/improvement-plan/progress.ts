/**
 * How far a measure has come from its baseline toward its target, and where its chart puts
 * things. Pure, so the goal page and its tests agree on the arithmetic.
 */

export type MeasureFacts = {
  baseline: number;
  baselineOn: string;
  target: number;
  targetOn: string;
  readings: { value: number; takenOn: string }[];
};

/** Readings oldest first (one date may hold several readings: kept in the order given). */
export function inDateOrder<T extends { takenOn: string }>(readings: T[]) {
  return [...readings].sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : 0));
}

/**
 * The share of the way from baseline to target the latest reading has come: 0 at the baseline,
 * 1 at the target, below 0 when it went the wrong way, above 1 past the target. Null without
 * readings. Works for targets below the baseline (fewer absences) as for those above.
 */
export function progressOf(measure: MeasureFacts): number | null {
  const latest = inDateOrder(measure.readings).at(-1);
  if (!latest || measure.target === measure.baseline) return null;
  return (latest.value - measure.baseline) / (measure.target - measure.baseline);
}

const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/**
 * The drawing's size in its own units; the svg scales to its box. A phone gets a narrower
 * drawing, so that its words stay readable once scaled to the screen (about 11 px, not 6).
 */
export const CHART_SIZES = {
  wide: { width: 640, height: 280, left: 56, right: 16, top: 16, bottom: 40 },
  narrow: { width: 340, height: 240, left: 44, right: 8, top: 16, bottom: 36 },
} as const;
export type ChartSize = (typeof CHART_SIZES)[keyof typeof CHART_SIZES];

/**
 * The chart's geometry: the time axis from the baseline date to the target date (or the
 * readings, where they fall outside), the value axis around the baseline, target and readings
 * with some room, and a point for each reading.
 */
export function chartOf(measure: MeasureFacts, CHART: ChartSize = CHART_SIZES.wide) {
  const readings = inDateOrder(measure.readings);
  const days = [measure.baselineOn, measure.targetOn, ...readings.map((r) => r.takenOn)].map(dayOf);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const values = [measure.baseline, measure.target, ...readings.map((r) => r.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const room = (high - low) * 0.1 || Math.abs(high) * 0.1 || 1;
  // Round steps (5, 10, 25…) so the axis reads 30, 40, 50 rather than 30.5, 44, 57.5.
  const step = niceStep((high - low + 2 * room) / 4);
  const bottom = Math.floor((low - room) / step) * step;
  const top = Math.ceil((high + room) / step) * step;
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const x = (date: string) =>
    CHART.left + ((dayOf(date) - first) / Math.max(last - first, 1)) * plotWidth;
  const y = (value: number) => CHART.top + ((top - value) / (top - bottom)) * plotHeight;
  const ticks: number[] = [];
  for (let value = bottom; value <= top + step / 2; value += step) ticks.push(value);
  return {
    points: readings.map((r) => ({ ...r, x: x(r.takenOn), y: y(r.value) })),
    baselineY: y(measure.baseline),
    targetY: y(measure.target),
    ticks: ticks.map((value) => ({ value, y: y(value) })),
    start: { date: isoOf(first), x: x(isoOf(first)) },
    end: { date: isoOf(last), x: x(isoOf(last)) },
    plot: {
      left: CHART.left,
      right: CHART.width - CHART.right,
      top: CHART.top,
      bottom: CHART.height - CHART.bottom,
    },
  };
}

/** The round number (1, 2, 2.5 or 5 times a power of ten) nearest above a rough step. */
function niceStep(rough: number) {
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}

function isoOf(day: number) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
