import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { exited } from "./process.ts";
import { waitFor } from "./realtime.ts";
import { freePort } from "./services.ts";

/**
 * README's nginx configuration (server/deploy/nginx.conf) run in front of app processes, for
 * the nginx test and the benchmarks. The file is used as it is, except for what a test machine
 * must change: the upstream ports, listening on free local ports, and plain HTTP instead of TLS
 * (there is no certificate here).
 */
export const NGINX = "/usr/sbin/nginx";
export const hasNginx = existsSync(NGINX);
export const DEPLOY_CONFIG = path.resolve(import.meta.dirname, "../../server/deploy/nginx.conf");

/** Replaces `from` (which must be in the text, so a changed file fails here) with `to`. */
function swap(text: string, from: string | RegExp, to: string) {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`server/deploy/nginx.conf no longer has ${String(from)}`);
  return changed;
}

/** The deployment file with these ports (one or two app processes), and plain HTTP for TLS. */
function testSite(
  ports: { apps: number[]; redirect: number; site: number },
  commentsPerSecond: number | undefined,
) {
  let site = readFileSync(DEPLOY_CONFIG, "utf8");
  if (commentsPerSecond !== undefined) {
    site = swap(site, "rate=2000r/s;", `rate=${commentsPerSecond}r/s;`);
    site = swap(site, "burst=2000 ", `burst=${commentsPerSecond} `);
  }
  const [first, second] = ports.apps;
  site = swap(site, "server 127.0.0.1:3001;", `server 127.0.0.1:${first};`);
  site = swap(
    site,
    /^\s*server 127\.0\.0\.1:3002;\n/m,
    second ? `    server 127.0.0.1:${second};\n` : "",
  );
  site = swap(site, /^\s*listen \[::\]:80;\n/m, "");
  site = swap(site, /^\s*listen \[::\]:443 ssl http2;\n/m, "");
  site = swap(site, "listen 80;", `listen 127.0.0.1:${ports.redirect};`);
  site = swap(site, "listen 443 ssl http2;", `listen 127.0.0.1:${ports.site};`);
  site = swap(site, /^\s*ssl_\w+ .*\n/gm, "");
  return site;
}

/** nginx's main file around the site, everything it writes kept in `dir`. */
function mainConfig(dir: string, site: string, workerConnections: number) {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${workerConnections}; }
http {
    log_format upstreams '$upstream_addr $status $request_method $request_uri';
    access_log ${dir}/access.log upstreams;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${site};
}
`;
}

export type RunningNginx = {
  /** The HTTPS site (over plain HTTP here) and the port-80 server that redirects to it. */
  base: string;
  redirectBase: string;
  dir: string;
  child: ChildProcess;
  /** What nginx printed on its standard output and error. */
  output(): string;
  /** Its access log: one `upstream status method uri` line per finished request. */
  accessLog(): string;
  errorLog(): string;
  /** Stops it gracefully (SIGQUIT), or kills it after 5 s. */
  stop(): Promise<void>;
  /** Stops it and deletes everything it wrote. */
  remove(): Promise<void>;
};

/** Starts nginx with the deployment file in front of these app ports; waits until it answers. */
export async function startNginx(
  apps: number[],
  options: {
    sitePort?: number;
    workerConnections?: number;
    accessLog?: boolean;
    /** The comment form's rate for the whole site (and its burst), in place of the file's. */
    commentsPerSecond?: number;
  } = {},
): Promise<RunningNginx> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "convene-nginx-"));
  // nginx's workers run as nobody when it starts as root: they must reach the temp paths.
  chmodSync(dir, 0o755);
  const [site, redirect] = [options.sitePort ?? (await freePort()), await freePort()];
  const sitePath = path.join(dir, "convene.conf");
  writeFileSync(sitePath, testSite({ apps, redirect, site }, options.commentsPerSecond));
  const confPath = path.join(dir, "nginx.conf");
  let main = mainConfig(dir, sitePath, options.workerConnections ?? 256);
  // A benchmark's hundreds of thousands of lines would cost more than what it measures.
  if (options.accessLog === false) main = swap(main, /access_log .*;/, "access_log off;");
  writeFileSync(confPath, main);
  const args = ["-p", dir, "-e", `${dir}/error.log`, "-c", confPath];
  const test = spawnSync(NGINX, [...args, "-t"]);
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const child = spawn(NGINX, [...args, "-g", "daemon off;"]);
  let output = "";
  child.stdout!.on("data", (d) => {
    output += d;
  });
  child.stderr!.on("data", (d) => {
    output += d;
  });
  const base = `http://127.0.0.1:${site}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGQUIT");
    const stopped = await Promise.race([
      exited(child).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 5_000)),
    ]);
    if (!stopped) child.kill("SIGKILL");
  };
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
      return fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    10_000,
    "nginx to answer",
  );
  return {
    base,
    redirectBase: `http://127.0.0.1:${redirect}`,
    dir,
    child,
    output: () => output,
    accessLog: () => readFileSync(path.join(dir, "access.log"), "utf8"),
    errorLog: () => readFileSync(path.join(dir, "error.log"), "utf8"),
    stop,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
