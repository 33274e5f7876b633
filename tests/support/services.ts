import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { exited } from "./process.ts";
import { waitFor } from "./realtime.ts";

/** A TCP port nothing listens on right now, for a private service a test starts. */
export async function freePort() {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, "close");
  return port;
}

export const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

/**
 * A redis-server of the test's own on a free port, keeping nothing on disk, so a test may
 * stop and start it without touching the machine's Redis. start() again after stop() reuses
 * the port, as a restarted Redis would.
 */
export async function privateRedis() {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const redis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn("redis-server", [
        ...["--port", String(port), "--bind", "127.0.0.1"],
        ...["--save", "", "--appendonly", "no"],
      ]);
      await waitFor(
        () =>
          spawnSync("redis-cli", ["-p", String(port), "ping"])
            .stdout?.toString()
            .includes("PONG"),
        5_000,
        "redis to answer",
      );
    },
    /** Stops it as an operator would (SIGTERM) and waits until it is gone. */
    async stop() {
      if (!child) return;
      child.kill("SIGTERM");
      await exited(child);
    },
    kill() {
      child?.kill("SIGKILL");
    },
  };
  await redis.start();
  return redis;
}
