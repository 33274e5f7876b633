import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Whether this process is saturated, judged by how late its event loop runs: every request,
 * websocket message and database answer waits behind that delay, so past a point serving one
 * more person slows everyone already here. While saturated the server turns new arrivals
 * away (503 with Retry-After) and keeps serving those already connected. The thresholds are in
 * server/limiters.ts.
 */
export type Saturation = {
  readonly saturated: boolean;
  /** The longest event-loop delay in the last sample, in milliseconds. */
  readonly delayMs: number;
  close(): void;
};

export function watchSaturation(
  thresholdMs: number,
  sampleMs: number,
  /** How long a late sample keeps the process saturated: no flapping between samples. */
  holdMs: number,
): Saturation {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let delayMs = 0;
  let lateAt = Number.NEGATIVE_INFINITY;
  const sampler = setInterval(() => {
    delayMs = histogram.max / 1e6;
    histogram.reset();
    if (thresholdMs > 0 && delayMs > thresholdMs) lateAt = performance.now();
  }, sampleMs);
  sampler.unref();
  return {
    get saturated() {
      return performance.now() - lateAt < holdMs;
    },
    get delayMs() {
      return delayMs;
    },
    close() {
      clearInterval(sampler);
      histogram.disable();
    },
  };
}
