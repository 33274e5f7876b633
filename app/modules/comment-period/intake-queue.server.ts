import { randomUUID } from "node:crypto";
import type { Db } from "../../../server/db.ts";
import type { Logger } from "../../../server/log.ts";
import { Prisma } from "../../generated/sqlite/client.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";
import type { CheckedAttachment } from "./attachments.server.ts";
import { newTrackingNumber } from "./tracking-number.ts";

/**
 * Public comments are written in group commits: while one transaction is being written,
 * new comments wait, and the next transaction takes all of them at once. One fsync then
 * stores a hundred comments instead of one, so intake keeps up with a flash crowd without
 * ever answering before the comment is durable: a receipt is handed out only after the
 * transaction holding its comment committed (SQLite with synchronous=FULL, or PostgreSQL).
 * No timer: a lone comment is written at once.
 */

export type NewComment = {
  periodId: string;
  submissionKey: string;
  name: string;
  email: string;
  stakeholderGroup: string;
  region: string;
  sections: string;
  body: string;
  /** Sent within seconds of the form being served (form-token.server.ts): moderation looks. */
  sentFast: boolean;
  /** Files sent with it, already checked (attachments.server.ts). */
  attachments?: CheckedAttachment[];
};

export type StoredReceipt = {
  stored: true;
  trackingNumber: string;
  receivedAt: Date;
  /** False when this submission had been stored before (a retry): same receipt. */
  firstTime: boolean;
};

/**
 * What storing answers: the comment's receipt, or that its submission key (one per form token)
 * already names a different comment, which is refused rather than stored as a second one.
 */
export type StoreAnswer = StoredReceipt | { stored: false; why: "key-used" };

const KEY_USED = { stored: false, why: "key-used" } as const;

/** The fields a person typed: a retry carries exactly these again. */
const CONTENT = ["name", "email", "stakeholderGroup", "region", "sections", "body"] as const;
type Content = Pick<NewComment, (typeof CONTENT)[number]>;

function sameContent(a: Content, b: Content) {
  return CONTENT.every((field) => a[field] === b[field]);
}

/** The answer for a submission whose key is already stored (or pending) with `earlier`. */
function answerFor(
  comment: Content,
  earlier: Content & { trackingNumber: string; receivedAt: Date },
): StoreAnswer {
  if (!sameContent(comment, earlier)) return KEY_USED;
  return { ...receiptOf(earlier), firstTime: false };
}

type Waiting = {
  comment: NewComment & { trackingNumber: string; receivedAt: Date };
  resolve(answer: StoreAnswer): void;
  reject(error: unknown): void;
};

/** Comments written per transaction at most; more wait for the next one. */
const MAX_BATCH = 500;

export class CommentIntake {
  private waiting: Waiting[] = [];
  private writing: Promise<void> | null = null;
  /** Submissions not yet stored, by key: a double click shares the first one's receipt. */
  private pending = new Map<string, { comment: Content; answer: Promise<StoreAnswer> }>();

  constructor(
    private db: Db,
    private provider: "sqlite" | "postgresql",
    private log: Logger,
    /** Comments waiting beyond this many are refused (429) rather than queued. */
    readonly maxWaiting: number,
    /**
     * Told of every batch the database refused (counted in /metrics); true when it already
     * reported the failure (a database outage is logged once, not once per batch).
     */
    private reportWriteFailure: (error: unknown) => boolean = () => false,
  ) {}

  /** Comments accepted but not yet stored: what /metrics calls the intake queue depth. */
  get depth() {
    return this.pending.size;
  }

  get full() {
    return this.pending.size >= this.maxWaiting;
  }

  /**
   * Resolves once the comment is durably stored. A retry of a submission still waiting joins
   * it; a retry of one stored earlier gets the stored receipt (each batch looks its keys up
   * in one query, so a retry needs no query of its own). A different comment under a key
   * already waiting or stored is answered "key-used" and not stored.
   */
  store(comment: NewComment): Promise<StoreAnswer> {
    const already = this.pending.get(comment.submissionKey);
    if (already) {
      if (!sameContent(already.comment, comment)) return Promise.resolve(KEY_USED);
      // The first of a double click sends the emailed receipt; the second shares its receipt.
      return already.answer.then((answer) =>
        answer.stored ? { ...answer, firstTime: false } : answer,
      );
    }
    const answer = new Promise<StoreAnswer>((resolve, reject) => {
      this.waiting.push({
        comment: { ...comment, trackingNumber: newTrackingNumber(), receivedAt: new Date() },
        resolve,
        reject,
      });
    }).finally(() => this.pending.delete(comment.submissionKey));
    this.pending.set(comment.submissionKey, { comment, answer });
    this.writing ??= this.writeAll();
    return answer;
  }

  /** Waits until every accepted comment is stored (graceful shutdown). */
  async drain() {
    while (this.writing) await this.writing;
  }

  private async writeAll() {
    // Let the requests that arrived in the same turn of the event loop join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        await this.writeBatch(batch);
      }
    } finally {
      this.writing = null;
    }
  }

  private async writeBatch(waiting: Waiting[]) {
    let batch = waiting;
    try {
      const stored = await this.db.comment.findMany({
        where: { submissionKey: { in: batch.map((entry) => entry.comment.submissionKey) } },
        select: STORED_SELECT,
      });
      if (stored.length > 0) {
        const byKey = new Map(stored.map((row) => [row.submissionKey, row]));
        for (const entry of batch) {
          const row = byKey.get(entry.comment.submissionKey);
          if (row) entry.resolve(answerFor(entry.comment, row));
        }
        batch = batch.filter((entry) => !byKey.has(entry.comment.submissionKey));
      }
      // A comment with files is written with them in a transaction of its own (they are few
      // and large); the rest in one INSERT.
      const withFiles = batch.filter((entry) => entry.comment.attachments?.length);
      batch = batch.filter((entry) => !entry.comment.attachments?.length);
      if (batch.length > 0) await this.db.$executeRaw(this.insertSql(batch));
      for (const entry of batch) entry.resolve(receiptOf(entry.comment));
      for (const entry of withFiles) await this.writeOne(entry);
    } catch (error) {
      if (!isUniqueViolation(error)) {
        if (!this.reportWriteFailure(error))
          this.log.error("comment intake: a group commit failed", { error: String(error) });
        for (const entry of batch) entry.reject(error);
        return;
      }
      // Another process stored one of these already (or a tracking number collided): write
      // them one by one, so one duplicate costs nobody else their comment.
      for (const entry of batch) await this.writeOne(entry);
    }
  }

  /**
   * One INSERT of the whole batch: atomic, and one commit. Written in SQL rather than with
   * createMany, which spent 0.3-0.7 ms per row building the statement (0.04 ms this way,
   * measured on SQLite): the difference between 1,300 and over 2,000 comments a second.
   * Ids are random UUIDs (Prisma's cuid() default is applied by its client, not the
   * database); instants are written the way Prisma writes them on each engine.
   */
  private insertSql(batch: Waiting[]) {
    const at = (date: Date) =>
      this.provider === "sqlite"
        ? date.toISOString().replace("Z", "+00:00")
        : date.toISOString().replace("T", " ").replace("Z", "");
    const rows = batch.map(({ comment: c }) => {
      const values = [
        randomUUID(),
        c.periodId,
        c.trackingNumber,
        c.submissionKey,
        c.name,
        c.email,
        c.stakeholderGroup,
        c.region,
        c.sections,
        c.body,
        // better-sqlite3 binds no booleans: SQLite keeps Prisma's Boolean as 0 or 1.
        this.provider === "sqlite" ? Number(c.sentFast) : c.sentFast,
      ];
      const receivedAt =
        this.provider === "sqlite"
          ? Prisma.sql`${at(c.receivedAt)}`
          : Prisma.sql`CAST(${at(c.receivedAt)} AS TIMESTAMP(3))`;
      return Prisma.sql`(${Prisma.join(values)}, ${receivedAt})`;
    });
    return Prisma.sql`INSERT INTO "Comment" ("id", "periodId", "trackingNumber", "submissionKey", "name", "email", "stakeholderGroup", "region", "sections", "body", "sentFast", "receivedAt") VALUES ${Prisma.join(rows)}`;
  }

  private async writeOne(entry: Waiting) {
    for (let tries = 0; tries < 3; tries++) {
      try {
        const { attachments, ...fields } = entry.comment;
        // One transaction: the comment and its files, or neither.
        await this.db.comment.create({
          data: {
            ...fields,
            attachments: attachments?.length
              ? {
                  create: attachments.map(
                    ({ position, name, type, size, sha256, bytes, text }) => ({
                      position,
                      name,
                      type,
                      size,
                      sha256,
                      bytes,
                      text,
                    }),
                  ),
                }
              : undefined,
          },
        });
        return entry.resolve(receiptOf(entry.comment));
      } catch (error) {
        if (!isUniqueViolation(error)) return entry.reject(error);
        const stored = await this.db.comment.findUnique({
          where: { submissionKey: entry.comment.submissionKey },
          select: STORED_SELECT,
        });
        if (stored) return entry.resolve(answerFor(entry.comment, stored));
        entry.comment.trackingNumber = newTrackingNumber();
      }
    }
    entry.reject(new Error("comment intake: no free tracking number after three tries"));
  }
}

/** What a stored comment is compared by, and its receipt. */
const STORED_SELECT = {
  submissionKey: true,
  trackingNumber: true,
  receivedAt: true,
  name: true,
  email: true,
  stakeholderGroup: true,
  region: true,
  sections: true,
  body: true,
} as const satisfies Record<(typeof CONTENT)[number], true> & Record<string, true>;

function receiptOf(comment: { trackingNumber: string; receivedAt: Date }): StoredReceipt {
  return {
    stored: true,
    trackingNumber: comment.trackingNumber,
    receivedAt: comment.receivedAt,
    firstTime: true,
  };
}
