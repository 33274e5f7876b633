import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededApp, type TestApp } from "../support/app.ts";
import { aComment, formToken, postComment } from "../support/comments.ts";
import { postForm } from "../support/http.ts";

/**
 * Staff open a draft for comment, publish it, and work through what came in: campaigns,
 * flags, moderation with a log, exports. Roles are enforced by the server.
 */
let app: TestApp;
let cookies: Awaited<ReturnType<typeof startSeededApp>>["cookies"];
let slug = "";
let periodId = "";
let seededRecorderId = "";

beforeAll(async () => {
  const seeded = await startSeededApp({ TRUST_PROXY: "1" });
  ({ app, cookies } = seeded);
  slug = seeded.cast.workGroup.slug;
  seededRecorderId = seeded.cast.recorder.id;
  await app.ctx.db.workGroup.update({
    where: { id: seeded.cast.workGroup.id },
    data: { publishedAt: new Date() },
  });
});
afterAll(async () => {
  await app?.stop();
});

const staff = (path = "") => `/work-groups/${slug}/comment-periods${path}`;
const wallClock = (minutes: number) =>
  new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);

describe("running a comment period", () => {
  it("creates a period from a pasted draft; members cannot", async () => {
    const fields = {
      title: "MSIP 6 Comprehensive Guide",
      timeZone: "UTC",
      opensAt: wallClock(-60),
      closesAt: wallClock(60),
      instructions: "Use the form.",
      moderationPolicy: "Staff read comments first.",
      draft: "Intro.\n\n# Performance Standards\nText.\n\n# Continuous Improvement\nMore.",
    };
    const refused = await postForm(
      app.url,
      `${staff()}?_data=routes/work-groups.$slug.comment-periods._index`,
      cookies.memberA,
      fields,
    );
    expect(refused.status).toBe(403);
    const bad = await postForm(
      app.url,
      `${staff()}?_data=routes/work-groups.$slug.comment-periods._index`,
      cookies.facilitator,
      {
        ...fields,
        timeZone: "Central",
        closesAt: wallClock(-120),
      },
    );
    expect(bad.status).toBe(400);
    const errors = (await bad.json()).error;
    expect(errors.timeZone).toBeDefined();
    const created = await postForm(
      app.url,
      `${staff()}?_data=routes/work-groups.$slug.comment-periods._index`,
      cookies.facilitator,
      fields,
    );
    expect(created.status).toBe(204);
    periodId = created.headers.get("x-remix-redirect")!.split("/").at(-1)!;
    const sections = await app.ctx.db.commentSection.findMany({
      where: { periodId },
      orderBy: { number: "asc" },
    });
    expect(sections.map((s) => s.heading)).toEqual([
      "Introduction",
      "Performance Standards",
      "Continuous Improvement",
    ]);
    // Not public until published.
    expect((await fetch(`${app.url}/public/${slug}/comment-periods/${periodId}`)).status).toBe(404);
    const route = `${staff(`/${periodId}`)}?_data=routes/work-groups.$slug.comment-periods.$periodId`;
    expect(
      (await postForm(app.url, route, cookies.recorder, { intent: "publish", on: "yes" })).status,
    ).toBe(403);
    expect(
      (await postForm(app.url, route, cookies.facilitator, { intent: "publish", on: "yes" }))
        .status,
    ).toBe(200);
    expect((await fetch(`${app.url}/public/${slug}/comment-periods/${periodId}`)).status).toBe(200);
  });

  it("shows campaigns, flags and one address behind many names; moderates with a log; exports", async () => {
    const path = `/public/${slug}/comment-periods/${periodId}`;
    const letter =
      "Please keep the current accreditation standards and give districts more time to prepare for the new requirements.";
    const send = async (n: number, fields: Record<string, string | string[]>) => {
      const response = await postComment(
        app.url,
        path,
        aComment(formToken(app.ctx, periodId), fields),
        {
          "x-forwarded-for": `198.51.100.${n}`,
        },
      );
      expect(response.status).toBe(200);
      return (await response.json()).receipt.trackingNumber as string;
    };
    for (let n = 1; n <= 5; n++)
      await send(n, {
        comment: `${n % 2 ? "Hello." : ""} ${letter} Thank you, person ${n}.`,
        name: `Person ${n}`,
        email: "bulk@example.org",
      });
    const flagged = await send(10, {
      comment: "Call me at 573-751-4426, this is shit.",
      sections: ["general"],
    });
    const unique = await send(11, {
      comment: "Section 2 should explain how growth is measured for small schools.",
    });

    const page = await fetch(
      `${app.url}${staff(`/${periodId}`)}?_data=routes/work-groups.$slug.comment-periods.$periodId`,
      { headers: { cookie: cookies.recorder } },
    );
    expect(page.status).toBe(200);
    const { review } = await page.json();
    expect(review.counts).toMatchObject({ total: 7, unique: 2, inCampaigns: 5, flagged: 1 });
    expect(review.campaigns.map((c: { count: number }) => c.count)).toEqual([5]);
    expect(review.sharedAddresses).toEqual([{ email: "bulk@example.org", names: 5 }]);
    const queue = await (
      await fetch(
        `${app.url}${staff(`/${periodId}/comments`)}?_data=routes/work-groups.$slug.comment-periods.$periodId_.comments`,
        { headers: { cookie: cookies.recorder } },
      )
    ).json();
    expect(
      queue.comments.find((c: { trackingNumber: string }) => c.trackingNumber === flagged).flags,
    ).toEqual(["personal-information", "profanity"]);

    const periodRoute = `${staff(`/${periodId}`)}?_data=routes/work-groups.$slug.comment-periods.$periodId`;
    const route = `${staff(`/${periodId}/comments`)}?_data=routes/work-groups.$slug.comment-periods.$periodId_.comments`;
    // Each comment as "id:revision", the revision the moderator saw.
    const ids = async (...tracking: string[]) =>
      (await app.ctx.db.comment.findMany({ where: { trackingNumber: { in: tracking } } })).map(
        (c) => `${c.id}:${c.revision}`,
      );
    // Hiding needs a reason; a recorder may moderate.
    const noReason = await postForm(app.url, route, cookies.recorder, {
      intent: "decide",
      comments: await ids(flagged),
      state: "hidden",
    });
    expect(noReason.status).toBe(400);
    const hidden = await postForm(app.url, route, cookies.recorder, {
      intent: "decide",
      comments: await ids(flagged),
      state: "hidden",
      reason: "Personal information and profanity",
    });
    expect(hidden.status).toBe(200);
    expect(
      (
        await postForm(app.url, route, cookies.facilitator, {
          intent: "decide",
          comments: await ids(unique),
          state: "published",
        })
      ).status,
    ).toBe(200);
    const log = await app.ctx.db.commentModeration.findMany({ where: { periodId } });
    expect(log.map((l) => [l.fromState, l.toState, l.reason]).sort()).toEqual([
      ["pending", "hidden", "Personal information and profanity"],
      ["pending", "published", ""],
    ]);
    // Members may not moderate.
    expect(
      (
        await postForm(app.url, route, cookies.memberA, {
          intent: "decide",
          comments: await ids(unique),
          state: "hidden",
          reason: "x",
        })
      ).status,
    ).toBe(403);

    // Published comments show publicly only when the period says so; hidden ones never.
    await postForm(app.url, periodRoute, cookies.facilitator, {
      intent: "show-comments",
      on: "yes",
    });
    const publicPage = await (await fetch(`${app.url}${path}`)).text();
    expect(publicPage).toContain("how growth is measured for small schools");
    expect(publicPage).not.toContain("573-751-4426");

    const csv = await fetch(`${app.url}${staff(`/${periodId}/export/csv`)}`, {
      headers: { cookie: cookies.recorder },
    });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`${flagged},`);
    expect(text).toContain("Hidden,Personal information and profanity");
    // In the reader's language: a Spanish-speaking recorder gets Spanish headers and words.
    await app.ctx.db.user.update({ where: { id: seededRecorderId }, data: { locale: "es" } });
    const spanish = await (
      await fetch(`${app.url}${staff(`/${periodId}/export/csv`)}`, {
        headers: { cookie: cookies.recorder },
      })
    ).text();
    expect(spanish).toContain("Número de seguimiento,Recibido (UTC),Nombre");
    expect(spanish).toContain("Oculto,Personal information and profanity");
    await app.ctx.db.user.update({ where: { id: seededRecorderId }, data: { locale: null } });
    const json = await (
      await fetch(`${app.url}${staff(`/${periodId}/export/json`)}`, {
        headers: { cookie: cookies.recorder },
      })
    ).json();
    expect(json.comments).toHaveLength(7);
    expect(
      json.comments.find((c: { trackingNumber: string }) => c.trackingNumber === unique),
    ).toMatchObject({ state: "published", sections: [2] });
    expect(
      (
        await fetch(`${app.url}${staff(`/${periodId}/export/json`)}`, {
          headers: { cookie: cookies.memberA },
        })
      ).status,
    ).toBe(403);
  });
});
