import { createHash, timingSafeEqual } from "node:crypto";
import type express from "express";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DocumentStore } from "./realtime/document-store.ts";

/**
 * The process's figures for Prometheus, at /metrics behind a bearer token (METRICS_TOKEN;
 * without one the endpoint does not exist). A command is anything that changes something:
 * every request other than GET and HEAD (ideas, ratings, theming, comments, settings).
 * Gauges are read when scraped, so serving costs nothing between scrapes.
 */
export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(read: {
  connections: () => number;
  documents: () => number;
  intakeDepth: () => number;
  eventLoopDelayMs: () => number;
}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string, value: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value());
      },
    });
  gauge("convene_websocket_connections", "Open websocket connections", read.connections);
  gauge("convene_open_documents", "Documents (rooms, boards, notes) open", read.documents);
  gauge(
    "convene_comment_intake_queue_depth",
    "Public comments accepted and not yet stored",
    read.intakeDepth,
  );
  gauge(
    "convene_event_loop_delay_seconds",
    "Longest event-loop delay in the last sample (load shedding's measure)",
    () => read.eventLoopDelayMs() / 1000,
  );
  const commands = new Counter({
    name: "convene_commands_total",
    help: "Commands (requests other than GET and HEAD) answered, by outcome",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const commandSeconds = new Histogram({
    name: "convene_command_duration_seconds",
    help: "Time from a command's arrival to its answer",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const storeFailures = new Counter({
    name: "convene_store_failures_total",
    help: "Writes the database refused: document updates and comment batches",
    labelNames: ["what"] as const,
    registers: [registry],
  });
  const shed = new Counter({
    name: "convene_shed_total",
    help: "Requests and connections turned away with 503, by reason",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  // Present from the start, so a rate over them is defined before the first failure.
  for (const what of ["documents", "comments"]) storeFailures.inc({ what }, 0);
  for (const reason of ["saturated", "database"]) shed.inc({ reason }, 0);

  return {
    registry,
    storeFailed: (what: "documents" | "comments") => storeFailures.inc({ what }),
    shed: (reason: "saturated" | "database") => shed.inc({ reason }),
    /** Express middleware timing every command. */
    commands(): express.RequestHandler {
      return (req, res, next) => {
        if (req.method === "GET" || req.method === "HEAD") return next();
        const end = commandSeconds.startTimer();
        res.once("finish", () => {
          end();
          const outcome =
            res.statusCode >= 500 ? "failed" : res.statusCode >= 400 ? "refused" : "done";
          commands.inc({ outcome });
        });
        next();
      };
    },
    /** Document writes that fail are counted here on their way to the caller. */
    countingStore(store: DocumentStore): DocumentStore {
      const counted = <T>(promise: Promise<T>) =>
        promise.catch((error: unknown) => {
          storeFailures.inc({ what: "documents" });
          throw error;
        });
      return {
        load: (name) => store.load(name),
        append: (name, updates) => counted(store.append(name, updates)),
        compact: (name, throughId) => counted(store.compact(name, throughId)),
      };
    },
    /** GET /metrics: 404 without a configured token, 401 with a wrong one. */
    endpoint(token: string | undefined): express.RequestHandler {
      const expected = token ? digest(token) : null;
      return (req, res) => {
        if (!expected) return res.status(404).type("text/plain").send("Not found");
        const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        if (!given || !timingSafeEqual(digest(given), expected)) {
          res.set("WWW-Authenticate", 'Bearer realm="metrics"');
          return res.status(401).type("text/plain").send("A valid metrics token is required.");
        }
        registry.metrics().then(
          (text) => res.type(registry.contentType).send(text),
          () => res.status(500).type("text/plain").send("Metrics could not be collected."),
        );
      };
    },
  };
}

/** Hashed first so the comparison takes the same time whatever the lengths. */
const digest = (value: string) => createHash("sha256").update(value).digest();
