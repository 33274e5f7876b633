import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import type { OursOptions, RunningServer, ServerInfo, ServerKind } from "./servers.ts";
import { projectRoot } from "./setup.ts";

/**
 * What every benchmark shares: starting a server under test (in its own child process, or
 * here), reading its CPU time and memory, the machine's load, and the figures' arithmetic.
 */

export type StartOptions = {
  /** Server and clients in this one process (fan-out only; the others always fork). */
  inProcess: boolean;
  /** Write the server child's CPU profile (node --cpu-prof) into profDir. */
  cpuProf: boolean;
  profDir: string;
};

export type ServerHandle = RunningServer & {
  /** The process the server runs in (this one when in-process). */
  pid: number;
  cpu(): Promise<NodeJS.CpuUsage>;
};

export async function startServer(
  kind: ServerKind,
  options: OursOptions,
  start: StartOptions,
): Promise<ServerHandle> {
  if (start.inProcess) {
    process.env.NODE_ENV = "production";
    const { startOurs, startStock } = await import("./servers.ts");
    const server = kind === "ours" ? await startOurs(options) : await startStock(options);
    return { ...server, pid: process.pid, cpu: async () => process.cpuUsage() };
  }
  const child = fork(
    path.join(import.meta.dirname, "server-child.ts"),
    [kind, JSON.stringify(options)],
    {
      cwd: projectRoot,
      execArgv: [
        "--import",
        "tsx",
        ...(start.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${start.profDir}`] : []),
      ],
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const info = await new Promise<ServerInfo>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${kind} server exited (${code}) at start`)));
    child.on("message", (m: { type: string; info?: ServerInfo; message?: string }) => {
      if (m.type === "ready") resolve(m.info!);
      if (m.type === "error") reject(new Error(`${kind} server failed to start:\n${m.message}`));
    });
  });
  child.removeAllListeners("exit");
  return {
    info,
    pid: child.pid!,
    cpu: () => ask<NodeJS.CpuUsage>(child, "cpu"),
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ type: "stop" });
      await exited;
    },
  };
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (m: { type: string; usage?: T }) => {
      if (m.type !== type) return;
      child.off("message", listener);
      resolve(m.usage!);
    };
    child.on("message", listener);
    child.send({ type });
  });
}

export const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** Linux reports process and machine CPU time in ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

/** CPU time the whole machine has been busy, in ms (Linux /proc/stat); else null. */
export function machineBusyMs(): number | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number) as number[];
    return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * TICK_MS;
  } catch {
    return null;
  }
}

/** A process's CPU time (user + system) so far, in ms, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces), from field 3 (state) on.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** A process's peak (VmHWM) and current (VmRSS) resident memory, in MiB, from /proc/<pid>/status. */
export function processMemoryMb(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return { peak: kb("VmHWM") / 1024, now: kb("VmRSS") / 1024 };
}

/**
 * CPU used over a window: the server's, this (client) process's, and everyone else's share of
 * the machine (the other helper's browser tests, the kernel), which inflates tails.
 */
export class CpuWindow {
  private readonly server0: number;
  private readonly bench0 = cpuMs(process.cpuUsage());
  private readonly machine0 = machineBusyMs();
  private readonly t0 = performance.now();
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private readonly gcPauses: number[] = [];
  private readonly gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.gcPauses.push(entry.duration);
  });

  constructor(private readonly serverPid: number) {
    this.server0 = serverPid === process.pid ? 0 : processCpuMs(serverPid);
    this.loop.enable();
    this.gc.observe({ entryTypes: ["gc"] });
  }

  stop() {
    this.loop.disable();
    this.gc.disconnect();
    const windowMs = performance.now() - this.t0;
    const inProcess = this.serverPid === process.pid;
    const serverMs = inProcess ? 0 : processCpuMs(this.serverPid) - this.server0;
    const benchMs = cpuMs(process.cpuUsage()) - this.bench0;
    const machine1 = machineBusyMs();
    const otherShare =
      this.machine0 === null || machine1 === null
        ? null
        : Math.max(0, machine1 - this.machine0 - serverMs - benchMs) /
          (windowMs * os.cpus().length);
    return {
      windowMs,
      serverMs,
      benchMs,
      otherShare,
      /** This (client) process's event loop: how late its callbacks ran, ms. */
      loopDelayP99Ms: this.loop.percentile(99) / 1e6,
      loopDelayMaxMs: this.loop.max / 1e6,
      /** This process's garbage collection pauses: the longest, and all together, ms. */
      gcMaxMs: Math.max(0, ...this.gcPauses),
      gcTotalMs: this.gcPauses.reduce((a, b) => a + b, 0),
    };
  }
}

export type CpuFigures = ReturnType<CpuWindow["stop"]>;

/** How the clients' own process fared: a stalled client process delays what it measures. */
export function benchProcessNote(c: CpuFigures) {
  return `bench event-loop delay p99 ${c.loopDelayP99Ms.toFixed(0)} ms (max ${c.loopDelayMaxMs.toFixed(0)}), GC pauses max ${c.gcMaxMs.toFixed(0)} ms (total ${c.gcTotalMs.toFixed(0)})`;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function stats(values: number[]) {
  return {
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  };
}

export const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "timeout");
export const pad = (s: string, n: number) => s.padStart(n);
export const LINE = "-".repeat(78);
export const verdict = (ok: boolean) => (ok ? "HOLDS" : "DOES NOT HOLD");

/** One line of a target table: what, the figure, and whether it holds. */
export function target(label: string, value: string, ok: boolean) {
  console.log(`  ${label.padEnd(40)}${value.padEnd(24)}${verdict(ok)}`);
}

/** Prints the note the fan-out report prints when other processes took CPU while measuring. */
export function noiseNote(shares: (number | null)[]) {
  const noisiest = Math.max(...shares.map((s) => s ?? 0));
  if (noisiest > 0.1) {
    console.log(
      `NOTE: other processes used up to ${(noisiest * 100).toFixed(0)}% of the machine's CPU while measuring: the figures (tails most) are inflated; run again on a quiet machine.`,
    );
  }
}

export function version(pkg: string) {
  const require = createRequire(import.meta.url);
  const file = require.resolve(`${pkg}/package.json`, { paths: [projectRoot] });
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** The clients' description every report starts with. */
export function clientsLine(count: number, what = "y-websocket") {
  return `Clients: ${count} × ${what} ${version("y-websocket")} WebsocketProvider (WebSocketPolyfill: ws ${version("ws")}, disableBc: true), yjs ${version("yjs")}`;
}
