import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCommentPeriodPublished } from "../../app/modules/comment-period/comment-period.server.ts";
import { MAX_COMMENT_CHARACTERS } from "../../app/modules/comment-period/schema.ts";
import { hasControlCharacters } from "../../app/utils/text.ts";
import { type Cast, cookieFor, startSeededApp, type TestApp } from "../support/app.ts";
import { aComment, formToken, openCommentPeriod, postComment } from "../support/comments.ts";

/**
 * Public comments through the real route: receipts only for stored comments, one comment per
 * submission however often it is sent, refusals with messages, and no 5xx for any input.
 */
let app: TestApp;
let cast: Cast;
let period: { id: string; path: string };
// Each test is its own client (X-Forwarded-For through TRUST_PROXY), so limits stay apart.
let client = 0;
const from = () => ({ "x-forwarded-for": `198.51.100.${++client % 250}` });

beforeAll(async () => {
  ({ app, cast } = await startSeededApp({ TRUST_PROXY: "1" }));
  period = await openCommentPeriod(app.ctx, cast);
});
afterAll(async () => {
  await app?.stop();
});

const facilitatorAccess = () => ({
  workGroup: { id: cast.workGroup.id, slug: cast.workGroup.slug, name: cast.workGroup.name },
  role: "facilitator" as const,
});
const stored = (periodId = period.id) => app.ctx.db.comment.findMany({ where: { periodId } });

describe("public comment intake", () => {
  it("gives a receipt for a stored comment, and the same receipt for a retry", async () => {
    const token = formToken(app.ctx, period.id);
    const headers = from();
    const first = await postComment(app.url, period.path, aComment(token), headers);
    expect(first.status).toBe(200);
    const { receipt } = await first.json();
    expect(receipt.trackingNumber).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(receipt.sections).toEqual(["2"]);

    const comments = await stored();
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({
      trackingNumber: receipt.trackingNumber,
      sections: "2",
      stakeholderGroup: "Parents",
      state: "pending",
    });

    // The same request again, and a double click (two at once): one comment, one receipt.
    const again = await postComment(app.url, period.path, aComment(token), headers);
    const twice = await Promise.all(
      [1, 2].map(() => postComment(app.url, period.path, aComment(token), headers)),
    );
    for (const response of [again, ...twice]) {
      expect(response.status).toBe(200);
      expect((await response.json()).receipt.trackingNumber).toBe(receipt.trackingNumber);
    }
    expect(await stored()).toHaveLength(1);
  });

  it("takes one comment per form token: a different comment under a used one is refused, its text kept", async () => {
    const token = formToken(app.ctx, period.id);
    const headers = from();
    const first = await postComment(app.url, period.path, aComment(token), headers);
    expect(first.status).toBe(200);
    const answer = await first.json();
    // The form comes back for another comment with a token of its own.
    expect(answer.token).toEqual(expect.any(String));
    expect(answer.token).not.toBe(token);
    const before = (await stored()).length;

    // The back button, or a replayed request with other words: not a second comment.
    const edited = "And section 3 needs a timeline.";
    const reused = await postComment(
      app.url,
      period.path,
      aComment(token, { comment: edited }),
      headers,
    );
    expect(reused.status).toBe(409);
    const refused = await reused.json();
    expect(refused).toMatchObject({ receipt: null, problem: "comment.tokenUsed" });
    expect(refused.reply.initialValue.comment).toBe(edited);
    expect(await stored()).toHaveLength(before);

    // The refusal hands a token in its place, as old as the page (no robot wait again).
    expect(refused.token).not.toBe(token);
    const resent = await postComment(
      app.url,
      period.path,
      aComment(refused.token, { comment: edited }),
      headers,
    );
    expect(resent.status).toBe(200);
    const { receipt } = await resent.json();
    expect(receipt.trackingNumber).not.toBe(answer.receipt.trackingNumber);
    expect(await stored()).toHaveLength(before + 1);
    // The first comment's retry still finds its receipt.
    const retry = await postComment(app.url, period.path, aComment(token), headers);
    expect((await retry.json()).receipt.trackingNumber).toBe(answer.receipt.trackingNumber);
  });

  it("stores one of two different comments sent at once under one token, and refuses the other", async () => {
    const token = formToken(app.ctx, period.id);
    const before = (await stored()).length;
    const texts = ["Both at once, the first.", "Both at once, the second.", "And a third."];
    const answers = await Promise.all(
      texts.map((comment) =>
        postComment(app.url, period.path, aComment(token, { comment }), from()),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    for (const a of answers) await a.body?.cancel();
    expect(await stored()).toHaveLength(before + 1);
  });

  it("renders the receipt in the page for a form posted without JavaScript", async () => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(
      aComment(formToken(app.ctx, period.id), { comment: "No script here." }),
    )) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    const response = await fetch(`${app.url}${period.path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...from() },
      body,
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    const tracking = /data-testid="tracking-number">([^<]+)</.exec(html)?.[1];
    const row = await app.ctx.db.comment.findFirst({ where: { body: "No script here." } });
    expect(tracking).toBe(row?.trackingNumber);
  });

  it("answers bad fields with their messages and stores nothing", async () => {
    const before = (await stored()).length;
    const response = await postComment(
      app.url,
      period.path,
      aComment(formToken(app.ctx, period.id), {
        email: "not an address",
        stakeholderGroup: "Robots",
        sections: ["9"],
        comment: "   ",
      }),
      from(),
    );
    expect(response.status).toBe(400);
    const { reply } = await response.json();
    expect(reply.error).toMatchObject({
      email: ["comment.invalidEmail"],
      stakeholderGroup: ["comment.chooseGroup"],
      comment: ["comment.empty"],
    });
    expect(Object.keys(reply.error).some((key) => key.startsWith("sections"))).toBe(true);
    expect(await stored()).toHaveLength(before);
  });

  it("drops fields that are not the form's, so a sparse-array name cannot blow up the answer", async () => {
    const token = formToken(app.ctx, period.id);
    // conform would parse "x[99999999]" into a 100-million-slot array and echo it back.
    const refused = await postComment(
      app.url,
      period.path,
      { ...aComment(token, { region: "Atlantis" }), "x[99999999]": "y" },
      from(),
    );
    expect(refused.status).toBe(400);
    expect((await refused.text()).length).toBeLessThan(5_000);
    const accepted = await postComment(
      app.url,
      period.path,
      { ...aComment(token, { comment: "Stray fields are ignored." }), "x[99999999]": "y" },
      from(),
    );
    expect(accepted.status).toBe(200);
  });

  it("invites people to comment at the top of the page, linked to the form (issue 19)", async () => {
    const html = await (await fetch(`${app.url}${period.path}`)).text();
    const invite = html.indexOf('href="#comment-form"');
    expect(invite).toBeGreaterThan(-1);
    expect(invite).toBeLessThan(html.indexOf('id="draft"'));
    expect(html).toContain('id="comment-form"');
  });

  it("takes a comment pasted at once, flagged for moderation instead of refused (issue 19)", async () => {
    const pasted = await postComment(
      app.url,
      period.path,
      aComment(formToken(app.ctx, period.id, 0), { comment: "A comment we prepared beforehand." }),
      from(),
    );
    expect(pasted.status).toBe(200);
    const row = await app.ctx.db.comment.findFirstOrThrow({
      where: { body: "A comment we prepared beforehand." },
    });
    expect(row.sentFast).toBe(true);
    // The moderation queue shows why to look at it.
    const staff = await fetch(
      `${app.url}/work-groups/${cast.workGroup.slug}/comment-periods/${period.id}/comments?flag=sent-within-seconds`,
      { headers: { cookie: await cookieFor(app.ctx, cast.facilitator.id) } },
    );
    expect(staff.status).toBe(200);
    const page = await staff.text();
    expect(page).toContain("Sent within seconds");
    expect(page).toContain("A comment we prepared beforehand.");
  });

  it("refuses robots: a forged token, another period's, and a filled honeypot", async () => {
    const before = (await stored()).length;
    const cases: [Record<string, string | string[]>, number, string][] = [
      [aComment("forged.token.value.sig"), 400, "comment.expired"],
      [aComment(formToken(app.ctx, "another-period")), 400, "comment.expired"],
      [aComment(formToken(app.ctx, period.id), { website: "http://spam.example" }), 400, ""],
    ];
    for (const [fields, status, problem] of cases) {
      const response = await postComment(app.url, period.path, fields, from());
      expect(response.status).toBe(status);
      const answer = await response.json();
      if (problem) expect(answer.problem).toBe(problem);
      else expect(answer.reply.error.website).toEqual(["comment.automated"]);
    }
    expect(await stored()).toHaveLength(before);
  });

  it("refuses comments outside the window, naming the dates", async () => {
    const closed = await openCommentPeriod(app.ctx, cast, {
      opensInMinutes: -120,
      closesInMinutes: -2,
      title: "Closed period",
    });
    const scheduled = await openCommentPeriod(app.ctx, cast, {
      opensInMinutes: 60,
      closesInMinutes: 120,
      title: "Scheduled period",
    });
    for (const [which, problem] of [
      [closed, "comment.closed"],
      [scheduled, "comment.notOpenYet"],
    ] as const) {
      const response = await postComment(
        app.url,
        which.path,
        aComment(formToken(app.ctx, which.id)),
        from(),
      );
      expect(response.status).toBe(403);
      expect((await response.json()).problem).toBe(problem);
      expect(await stored(which.id)).toHaveLength(0);
      // The page itself says so, with both dates.
      const page = await (await fetch(`${app.url}${which.path}`)).text();
      expect(page).toContain(problem === "comment.closed" ? "has closed" : "not open yet");
      expect(page).toMatch(/accepted from .+ to .+UTC/);
    }
  });

  it("answers 404 for a period that is not published", async () => {
    await setCommentPeriodPublished(app.ctx, facilitatorAccess(), period.id, false);
    try {
      expect((await fetch(`${app.url}${period.path}`)).status).toBe(404);
      const response = await postComment(
        app.url,
        period.path,
        aComment(formToken(app.ctx, period.id)),
        from(),
      );
      expect(response.status).toBe(404);
    } finally {
      await setCommentPeriodPublished(app.ctx, facilitatorAccess(), period.id, true);
    }
  });

  it("slows one address sending a flood, with Retry-After, and keeps others going", async () => {
    const flood = from();
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      const response = await postComment(
        app.url,
        period.path,
        aComment(formToken(app.ctx, period.id), { comment: `Flood ${i}` }),
        flood,
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await response.json()).problem).toBe("comment.tooMany");
      } else await response.body?.cancel();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.slice(60).every((s) => s === 429)).toBe(true);
    const someoneElse = await postComment(
      app.url,
      period.path,
      aComment(formToken(app.ctx, period.id), { comment: "Me too" }),
      from(),
    );
    expect(someoneElse.status).toBe(200);
  });

  it("answers 1,000 generated hostile payloads with 4xx and a message, storing nothing", async () => {
    const before = (await stored()).length;
    const valid = aComment(formToken(app.ctx, period.id));
    const text = fc.string({ unit: "binary", maxLength: 40 });
    const value = fc.oneof(
      text,
      fc.constant(""),
      fc.constant("x".repeat(MAX_COMMENT_CHARACTERS + 1)),
      fc.constant("<script>alert(1)</script>"),
      fc.constant("\u0000\u0007\u001b[31m"),
      fc.constant("\u202e\ufeff\ud800"),
      fc.array(text, { maxLength: 3 }),
    );
    // Each payload breaks at least one rule: a field's value replaced by hostile input (where
    // it is then still valid, another field is emptied), fields dropped, strange ones added.
    const payload = fc.record({
      replace: fc.constantFrom(
        "stakeholderGroup",
        "region",
        "sections",
        "email",
        "token",
        "website",
        "comment",
      ),
      with: value,
      drop: fc.subarray(["comment", "region", "stakeholderGroup", "sections", "token"]),
      extra: fc.dictionary(fc.string({ maxLength: 12 }), text, { maxKeys: 3 }),
    });
    const samples = fc.sample(payload, { numRuns: 1000, seed: 20261125 });
    const unexpected: string[] = [];
    let index = 0;
    const send = async (sample: (typeof samples)[number]) => {
      const fields: Record<string, string | string[]> = { ...sample.extra, ...valid };
      fields[sample.replace] = sample.with;
      for (const name of sample.drop) delete fields[name];
      // A replacement that happens to be valid (an empty name, say) must still break a rule.
      if (sample.drop.length === 0) fields.comment = "";
      const response = await postComment(app.url, period.path, fields, {
        "x-forwarded-for": `203.0.113.${index++ % 250}`,
      });
      const answer = (await response.json().catch(() => null)) as {
        problem?: string;
        message?: string;
      } | null;
      const hasMessage = Boolean(answer?.problem || answer?.message);
      if (response.status < 400 || response.status >= 500 || !hasMessage)
        unexpected.push(`${response.status} ${JSON.stringify(fields).slice(0, 200)}`);
    };
    for (let i = 0; i < samples.length; i += 20)
      await Promise.all(samples.slice(i, i + 20).map(send));
    expect(samples).toHaveLength(1000);
    expect(unexpected).toEqual([]);
    expect(await stored()).toHaveLength(before);
  });

  it("keeps weird but valid text exactly, and every stored comment within the rules", async () => {
    const texts = [
      "<b>bold?</b> & <script>alert('x')</script>",
      "مرحبا — עברית — 中文 — 🎉👩‍👩‍👧",
      "Ze\u200bro width and e\u0301 (composed to é)",
    ];
    for (const comment of texts) {
      const response = await postComment(
        app.url,
        period.path,
        aComment(formToken(app.ctx, period.id), { comment }),
        from(),
      );
      expect(response.status).toBe(200);
    }
    const rows = await stored();
    for (const text of texts) expect(rows.map((r) => r.body)).toContain(text.normalize("NFC"));
    for (const row of rows) {
      expect(row.body.length).toBeGreaterThan(0);
      expect(row.body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARACTERS);
      expect(hasControlCharacters(row.body) || hasControlCharacters(row.name)).toBe(false);
      expect(["Teachers", "Parents", "Member of the public"]).toContain(row.stakeholderGroup);
      expect(row.sections).toMatch(/^(\d+( \d+)*)?$/);
    }
  });
});
