import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { SATURATION_SAMPLE_MS } from "../../server/limiters.ts";
import { type Cast, type Person, startSeededApp, type TestApp } from "../support/app.ts";
import { formClient } from "../support/http.ts";
import { connectProvider, upgradeStatus, waitFor } from "../support/realtime.ts";

/**
 * What an operator sees and relies on: /metrics behind its token, and load shedding when the
 * process is saturated (new arrivals get 503 with Retry-After, then are served again).
 */
const TOKEN = "metrics-token-for-the-operations-test";
let app: TestApp;
let cast: Cast;
let cookies: Record<Person, string>;

beforeAll(async () => {
  ({ app, cast, cookies } = await startSeededApp({
    METRICS_TOKEN: TOKEN,
    // Low, so that blocking the event loop for a moment below counts as saturated.
    SHED_AT_EVENT_LOOP_DELAY_MS: "150",
  }));
});
afterAll(async () => {
  await app?.stop();
});

const scrape = (token?: string) =>
  fetch(`${app.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** A metric's value in Prometheus's text format (the first series matching the prefix). */
function value(text: string, series: string) {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * Keeps the event loop busy, as a process drowning in work would be, then lets it run for one
 * saturation sample: the delay is seen when the loop's timers run again, not while it is stuck.
 */
async function blockEventLoop(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
  // A timer set now would count from the loop's clock of before the block (libuv caches it
  // per turn) and fire at once: wait for the next turn first.
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, SATURATION_SAMPLE_MS + 50));
}

describe("/metrics", () => {
  it("refuses a scrape without the token or with a wrong one", async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape("not-the-token-at-all")).status).toBe(401);
  });

  it("reports connections, open documents, commands, their latency, intake depth and store failures", async () => {
    const member = connectProvider(app.url, documentName.board(cast.board.id), cookies.memberA);
    await member.synced;
    const visitor = formClient(app.url);
    await visitor.get("/login");
    const refused = await visitor.post("/login", { email: "nobody@example.org", password: "x" });
    expect(refused.status).toBe(400);

    const response = await scrape(TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(value(text, "convene_websocket_connections")).toBe(1);
    expect(value(text, "convene_open_documents")).toBe(1);
    expect(value(text, "convene_comment_intake_queue_depth")).toBe(0);
    expect(value(text, 'convene_commands_total{outcome="refused"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, "convene_command_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(value(text, 'convene_store_failures_total{what="documents"}')).toBe(0);
    expect(value(text, 'convene_store_failures_total{what="comments"}')).toBe(0);
    expect(text).toContain("process_resident_memory_bytes");
    member.close();
  });
});

describe("load shedding", () => {
  it("turns new page loads and websockets away with 503 and Retry-After while saturated, then serves them", async () => {
    const page = `/work-groups/${cast.workGroup.slug}`;
    const get = () => fetch(`${app.url}${page}`, { headers: { cookie: cookies.memberA } });
    const served = () => waitFor(async () => (await get()).status === 200, 5_000, "pages served");
    await served();
    // Saturation is judged by the event loop's delay: block it until the server sees that. A
    // machine busy with other work may need more than one try; a server that never sheds fails.
    const whileSaturated = async <T>(request: () => Promise<T>, shed: (answer: T) => boolean) => {
      let answer = await request();
      for (let attempt = 0; attempt < 5 && !shed(answer); attempt++) {
        await blockEventLoop(600);
        answer = await request();
      }
      return answer;
    };

    const refused = await whileSaturated(get, (response) => response.status === 503);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(await refused.text()).toMatch(/very busy/);

    const socket = await whileSaturated(
      () =>
        upgradeStatus(
          `${app.url.replace(/^http/, "ws")}/yjs/${documentName.board(cast.board.id)}`,
          { cookie: cookies.memberA },
        ),
      (status) => status === 503,
    );
    expect(socket).toBe(503);

    // Probes still answer while saturated: a balancer must be able to tell busy from dead.
    await blockEventLoop(600);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

    await served();
    const metrics = await (await scrape(TOKEN)).text();
    expect(value(metrics, 'convene_shed_total{reason="saturated"}')).toBeGreaterThanOrEqual(2);
  });
});
