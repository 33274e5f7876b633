import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type ServerProcess = { url: string; child: ChildProcess; output: () => string };

/**
 * Starts the app the way `npm start` does (server/start.ts: migrate, demo, serve) as its own
 * process, so a test can kill it as an operator or a crash would.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "server/start.ts")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      // Required in production (server/config.ts). Tests follow no link these processes mail,
      // and their websocket clients send no Origin, which is what APP_URL is checked against.
      APP_URL: "http://convene.test",
      PORT: "0",
      HOST: "127.0.0.1",
      // Test files run side by side on two cores: a process can wait half a second for a core,
      // which load shedding would take for saturation and answer a test's request with 503.
      // tests/integration/operations.test.ts tests shedding itself.
      SHED_AT_EVENT_LOOP_DELAY_MS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => {
    output += d;
  });
  child.stderr!.on("data", (d) => {
    output += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { url, child, output: () => output };
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
  });
}
