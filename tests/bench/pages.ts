/**
 * Timing pages over HTTP, shared by the page benchmarks (public-pages.ts, console.ts): a
 * closed loop of requests with a few in flight, each one's time to first byte (until
 * `await fetch()` resolves) and its end, and the server's CPU meanwhile; and the table that
 * prints them against a baseline measured in the same pass.
 */
import { performance } from "node:perf_hooks";
import { type CpuFigures, CpuWindow, ms, pad, percentile } from "./harness.ts";

/** What a person's browser sends: isbot() would take Node's own "node" for a crawler. */
export const HEADERS = {
  "user-agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-language": "en-US,en;q=0.9",
};

export type PageKind = {
  /** More request headers, e.g. a signed-in cookie. */
  headers?: Record<string, string>;
  name: string;
  /** The next address to ask for. */
  path: () => string;
  /** Something the right page holds, checked on every warm-up response. */
  mustContain: string;
};

export type Sample = { ttfb: number; total: number; bytes: number; status: number };

/** One pass over one page kind: its samples and the CPU used meanwhile. */
export type Pass = { samples: Sample[]; cpu: CpuFigures; wallMs: number };

export type KindResult = { kind: PageKind; sequential: Pass | null; concurrent: Pass };

/** `count` requests with `concurrency` in flight; each one's time to first byte, then its end. */
export async function requests(origin: string, kind: PageKind, count: number, concurrency: number) {
  const samples: Sample[] = [];
  const bodies: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const t0 = performance.now();
      const response = await fetch(`${origin}${kind.path()}`, {
        headers: { ...HEADERS, ...kind.headers },
        redirect: "manual",
      });
      const ttfb = performance.now() - t0;
      const body = await response.text();
      const total = performance.now() - t0;
      samples.push({ ttfb, total, bytes: Buffer.byteLength(body), status: response.status });
      if (bodies.length < 3) bodies.push(body);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { samples, bodies };
}

export async function pass(
  origin: string,
  kind: PageKind,
  count: number,
  concurrency: number,
  serverPid: number,
): Promise<Pass> {
  const cpu = new CpuWindow(serverPid);
  const t0 = performance.now();
  const { samples } = await requests(origin, kind, count, concurrency);
  const wallMs = performance.now() - t0;
  const failed = samples.filter((s) => s.status !== 200).length;
  if (failed > 0) throw new Error(`${kind.name}: ${failed} of ${count} requests were not 200`);
  return { samples, cpu: cpu.stop(), wallMs };
}

export const ttfbP95 = (p: Pass) =>
  percentile(
    p.samples.map((s) => s.ttfb),
    95,
  );

/** One table: the time to first byte of every page kind in one kind of pass. */
export function table(
  title: string,
  passes: { name: string; pass: Pass; isBase: boolean }[],
  targetMs: number,
) {
  const base95 = ttfbP95(passes[0]!.pass);
  console.log(
    `${title.padEnd(24)}${pad("p50", 7)}${pad("p95", 7)}${pad("p99", 7)}${pad("max", 7)}${pad("p95/base", 9)}${pad("last p95", 9)}${pad("KB", 6)}${pad("CPU/req", 8)}${pad("req/s", 6)}  p95<${targetMs}`,
  );
  for (const { name, pass, isBase } of passes) {
    const ttfb = pass.samples.map((s) => s.ttfb);
    const p95 = ttfbP95(pass);
    const n = pass.samples.length;
    const kb = pass.samples.reduce((a, s) => a + s.bytes, 0) / n / 1024;
    const last95 = percentile(
      pass.samples.map((s) => s.total),
      95,
    );
    console.log(
      `${name.padEnd(24)}${pad(ms(percentile(ttfb, 50)), 7)}${pad(ms(p95), 7)}${pad(ms(percentile(ttfb, 99)), 7)}${pad(ms(Math.max(...ttfb)), 7)}${pad(`${(p95 / base95).toFixed(1)}x`, 9)}${pad(ms(last95), 9)}${pad(kb.toFixed(0), 6)}${pad((pass.cpu.serverMs / n).toFixed(1), 8)}${pad(((n * 1000) / pass.wallMs).toFixed(0), 6)}  ${isBase ? "" : p95 < targetMs ? "PASS" : "FAIL"}`,
    );
  }
}

/** How one page kind is measured: a checked warm-up, one at a time, then a few in flight. */
export type PassOptions = {
  warmup: number;
  sequential: number;
  requests: number;
  concurrency: number;
};

/**
 * One page kind measured: the warm-up's every response must be 200 and hold `mustContain`
 * (a benchmark of an error page measures nothing), then the two passes.
 */
export async function measureKind(
  origin: string,
  kind: PageKind,
  options: PassOptions,
  serverPid: number,
): Promise<KindResult> {
  const warm = await requests(origin, kind, options.warmup, options.concurrency);
  const bad = warm.samples.find((s) => s.status !== 200);
  if (bad) throw new Error(`${kind.name}: warm-up got HTTP ${bad.status}`);
  if (!warm.bodies.every((b) => b.includes(kind.mustContain)))
    throw new Error(`${kind.name}: the page does not hold "${kind.mustContain}"`);
  const sequential =
    options.sequential > 0 ? await pass(origin, kind, options.sequential, 1, serverPid) : null;
  const concurrent = await pass(origin, kind, options.requests, options.concurrency, serverPid);
  return { kind, sequential, concurrent };
}

/** Both passes' tables, the first kind being the baseline. */
export function passTables(results: KindResult[], options: PassOptions, targetMs: number) {
  const rows = (which: "sequential" | "concurrent") =>
    results.flatMap((r, index) => {
      const p = r[which];
      return p ? [{ name: r.kind.name, pass: p, isBase: index === 0 }] : [];
    });
  if (options.sequential > 0) {
    console.log("");
    table("1 in flight", rows("sequential"), targetMs);
  }
  console.log("");
  table(`${options.concurrency} in flight`, rows("concurrent"), targetMs);
}
