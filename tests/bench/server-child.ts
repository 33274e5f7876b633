/**
 * One server under test, in its own process (forked by harness.ts), so on two cores the server
 * and the clients do not share one event loop. Arguments: the kind, then OursOptions as JSON.
 * Talks to the parent over the IPC channel:
 *   child → parent  { type: "ready", info } | { type: "cpu", usage } | { type: "error", message }
 *   parent → child  { type: "cpu" } (CPU time used so far) | { type: "stop" }
 */

import { startIntakeBaseline } from "./intake-baselines.ts";
import {
  type OursOptions,
  type RunningServer,
  type ServerKind,
  startOurs,
  startStock,
} from "./servers.ts";

type Request = { type: "cpu" } | { type: "stop" };

const send = (message: unknown) =>
  new Promise<void>((resolve) => process.send!(message, () => resolve()));

async function main() {
  const kind = process.argv[2] as ServerKind;
  const options = JSON.parse(process.argv[3] ?? "{}") as OursOptions;
  let server: RunningServer;
  try {
    server =
      kind === "ours"
        ? await startOurs(options)
        : kind === "stock"
          ? await startStock(options)
          : await startIntakeBaseline(kind, options);
  } catch (error) {
    await send({ type: "error", message: error instanceof Error ? error.stack : String(error) });
    process.exit(1);
  }
  process.on("message", async (message: Request) => {
    if (message.type === "cpu") {
      await send({ type: "cpu", usage: process.cpuUsage() });
    } else if (message.type === "stop") {
      await server.close();
      // process.exit (not a natural exit) so --cpu-prof still writes its profile promptly.
      process.exit(0);
    }
  });
  // The parent going away (crash, Ctrl+C) must not leave a server running.
  process.on("disconnect", () => process.exit(0));
  await send({ type: "ready", info: server.info });
}

void main();
