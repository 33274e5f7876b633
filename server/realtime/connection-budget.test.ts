import { describe, expect, it } from "vitest";
import { ConnectionBudget, READER_LIMITS, WRITER_LIMITS } from "./connection-budget.ts";

describe("a connection's budget", () => {
  it("refuses a message over the size a reader may send, and lets a writer send it", () => {
    const reader = new ConnectionBudget(READER_LIMITS);
    const writer = new ConnectionBudget(WRITER_LIMITS);
    expect(reader.message(600 * 1024)).toBe("Message too large");
    expect(writer.message(600 * 1024)).toBeNull();
  });

  it("counts per second and starts afresh in the next second", () => {
    let now = 0;
    const budget = new ConnectionBudget({ ...WRITER_LIMITS, messagesPerSecond: 3 }, () => now);
    expect([budget.message(1), budget.message(1), budget.message(1)]).toEqual([null, null, null]);
    expect(budget.message(1)).toBe("Too many messages");
    now = 1_000;
    expect(budget.message(1)).toBeNull();
  });

  it("limits bytes a second, sync requests a minute and presence a second", () => {
    let now = 0;
    const budget = new ConnectionBudget(
      { ...WRITER_LIMITS, bytesPerSecond: 100, syncRequestsPerMinute: 2, presencePerSecond: 1 },
      () => now,
    );
    expect(budget.message(60)).toBeNull();
    expect(budget.message(60)).toBe("Too much data");
    expect([budget.syncRequest(), budget.syncRequest(), budget.syncRequest()]).toEqual([
      null,
      null,
      "Too many sync requests",
    ]);
    now = 30_000;
    expect(budget.syncRequest()).toBe("Too many sync requests");
    now = 60_000;
    expect(budget.syncRequest()).toBeNull();
    expect(budget.presenceUpdate()).toBeNull();
    expect(budget.presenceUpdate()).toBe("Too many presence updates");
  });
});
