import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { aComment, formToken, openCommentPeriod, postComment } from "../support/comments.ts";
import { startMailbox } from "../support/mail.ts";
import { waitFor } from "../support/realtime.ts";

/**
 * The receipt by email, through a real SMTP server: sent only when an address was given, after
 * the comment was stored, with its tracking number. A mail server that is down costs the
 * commenter nothing: the comment is stored and the receipt shown all the same.
 */
let app: TestApp;
let cast: Cast;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let period: { id: string; path: string };

beforeAll(async () => {
  mailbox = await startMailbox();
  ({ app, cast } = await startSeededApp({
    SMTP_URL: mailbox.url,
    APP_URL: "https://convene.example.org",
    TRUST_PROXY: "1",
  }));
  period = await openCommentPeriod(app.ctx, cast);
});
afterAll(async () => {
  await app?.stop();
  await mailbox?.close();
});

describe("the emailed receipt", () => {
  it("mails the tracking number to the address given, once the comment is stored", async () => {
    const response = await postComment(
      app.url,
      period.path,
      aComment(formToken(app.ctx, period.id), { email: "dana@example.org" }),
      { "x-forwarded-for": "198.51.100.1" },
    );
    expect(response.status).toBe(200);
    const { receipt } = await response.json();
    expect(receipt.emailed).toBe(true);
    const stored = await app.ctx.db.comment.findUniqueOrThrow({
      where: { trackingNumber: receipt.trackingNumber },
    });
    expect(stored.email).toBe("dana@example.org");
    const mail = await waitFor(() => mailbox.inbox.find((m) => m.to === "dana@example.org"));
    expect(mail.body).toContain(`Tracking number: ${receipt.trackingNumber}`);
    expect(mail.body).toContain("MSIP 6 Comprehensive Guide");
  });

  it("sends nothing when no address was given", async () => {
    const before = mailbox.inbox.length;
    const response = await postComment(
      app.url,
      period.path,
      aComment(formToken(app.ctx, period.id), { comment: "No address on this one." }),
      { "x-forwarded-for": "198.51.100.2" },
    );
    const { receipt } = await response.json();
    expect(receipt.emailed).toBe(false);
    // A later mail would have arrived by the time this one does.
    await postComment(
      app.url,
      period.path,
      aComment(formToken(app.ctx, period.id), { email: "later@example.org", comment: "Later." }),
      { "x-forwarded-for": "198.51.100.3" },
    );
    await waitFor(() => mailbox.inbox.find((m) => m.to === "later@example.org"));
    expect(mailbox.inbox.length).toBe(before + 1);
  });

  it("still stores the comment and shows the receipt when the mail server is down", async () => {
    await mailbox.close();
    const response = await postComment(
      app.url,
      period.path,
      aComment(formToken(app.ctx, period.id), {
        email: "down@example.org",
        comment: "Sent while the mail server was down.",
      }),
      { "x-forwarded-for": "198.51.100.4" },
    );
    expect(response.status).toBe(200);
    const { receipt } = await response.json();
    expect(
      await app.ctx.db.comment.count({ where: { trackingNumber: receipt.trackingNumber } }),
    ).toBe(1);
    await waitFor(() =>
      app.logs.find((line) => line.message.includes("the email could not be sent")),
    );
  });
});
