/**
 * Rebuilding server-written documents (boards, sessions, theming, moderation) from the
 * database after another process changed one. A rebuild reads the database, then applies what
 * it read to the open document; meanwhile this process may apply a command of its own (an
 * idea just posted here). What was read then predates that change, and applying it would undo
 * it: the idea would leave the board it was just posted to, and stay gone until the next
 * change from elsewhere. So a reading taken across a change made here is dropped and the
 * database read again.
 *
 * Many notices in a row cost one rebuild in progress and at most one more after it.
 */
export class Rebuilds {
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private readonly changedHere = new Set<string>();

  constructor(
    /**
     * Reads a document's state from the database and answers how to apply it, or null when
     * there is nothing to rebuild (the document is no longer open here).
     */
    private readonly read: (name: string) => Promise<(() => void) | null>,
    private readonly failed: (name: string, error: unknown) => void,
  ) {}

  /** Another process changed the document in the database (or Redis came back). */
  request(name: string): Promise<void> {
    if (this.running.has(name)) {
      this.again.add(name);
      return Promise.resolve();
    }
    this.running.add(name);
    return this.run(name)
      .catch((error) => this.failed(name, error))
      .finally(() => this.running.delete(name));
  }

  /** This process just applied a change of its own to the open document. */
  changed(name: string) {
    if (!this.running.has(name)) return;
    this.changedHere.add(name);
    this.again.add(name);
  }

  private async run(name: string) {
    do {
      this.again.delete(name);
      this.changedHere.delete(name);
      const apply = await this.read(name);
      if (!apply) return;
      // Read before a change made here: stale. The loop reads again.
      if (this.changedHere.has(name)) continue;
      apply();
    } while (this.again.has(name));
  }
}
