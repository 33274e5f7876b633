/**
 * What one websocket connection may send. A member's socket is hostile until proven otherwise:
 * every message costs the server work (decoding, answering with the document's state,
 * re-broadcasting presence to the whole room), so each kind of work has its own allowance.
 * Each check returns why the connection must close, or null when the message fits.
 */
export type BudgetLimits = {
  messagesPerSecond: number;
  bytesPerSecond: number;
  /** Largest single message. */
  messageBytes: number;
  /** A sync request makes the server encode the document's state for the asker. */
  syncRequestsPerMinute: number;
  /** Each presence update is sent on to everyone in the room. */
  presencePerSecond: number;
};

/** A fast typist with a cursor sends ~30 messages a second; a reconnecting editor, one big one. */
export const WRITER_LIMITS: BudgetLimits = {
  messagesPerSecond: 300,
  bytesPerSecond: 4 * 1024 * 1024,
  messageBytes: 2 * 1024 * 1024,
  syncRequestsPerMinute: 30,
  presencePerSecond: 30,
};

/**
 * A read-only connection sends little of its own: a state vector, its presence, and the echo
 * of the room's presence y-websocket clients send back (a few hundred kilobytes in a plenary).
 */
export const READER_LIMITS: BudgetLimits = {
  ...WRITER_LIMITS,
  bytesPerSecond: 1024 * 1024,
  messageBytes: 512 * 1024,
};

class Window {
  private start = 0;
  private used = 0;
  constructor(private readonly ms: number) {}
  /** Adds amount to this window's use and says whether it stays within limit. */
  take(amount: number, limit: number, now: number) {
    if (now - this.start >= this.ms) {
      this.start = now;
      this.used = 0;
    }
    this.used += amount;
    return this.used <= limit;
  }
}

export class ConnectionBudget {
  private readonly messages = new Window(1000);
  private readonly bytes = new Window(1000);
  private readonly syncRequests = new Window(60_000);
  private readonly presence = new Window(1000);

  constructor(
    readonly limits: BudgetLimits,
    private readonly now: () => number = Date.now,
  ) {}

  message(bytes: number): string | null {
    const now = this.now();
    if (bytes > this.limits.messageBytes) return "Message too large";
    if (!this.messages.take(1, this.limits.messagesPerSecond, now)) return "Too many messages";
    if (!this.bytes.take(bytes, this.limits.bytesPerSecond, now)) return "Too much data";
    return null;
  }

  syncRequest(): string | null {
    return this.syncRequests.take(1, this.limits.syncRequestsPerMinute, this.now())
      ? null
      : "Too many sync requests";
  }

  presenceUpdate(): string | null {
    return this.presence.take(1, this.limits.presencePerSecond, this.now())
      ? null
      : "Too many presence updates";
  }
}
