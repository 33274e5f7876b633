import { once } from "node:events";
import { createServer } from "node:net";

/** A TCP port nothing listens on right now, for a private service a test starts. */
export async function freePort() {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, "close");
  return port;
}
