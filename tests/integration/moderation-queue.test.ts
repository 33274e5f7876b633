import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCounts, readDecisions } from "../../app/modules/comment-period/moderation-doc.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { startSeededApp, type TestApp } from "../support/app.ts";
import { openCommentPeriod } from "../support/comments.ts";
import { postForm } from "../support/http.ts";
import { connectProvider, upgradeStatus, waitFor } from "../support/realtime.ts";

/**
 * The moderation queue at agency scale: comments are screened once (flags, campaigns, search)
 * and read a page at a time through filters, search and keyset paging, with exact counts;
 * decisions never silently undo another moderator's, and reach other moderators live.
 */
let app: TestApp;
let cookies: Awaited<ReturnType<typeof startSeededApp>>["cookies"];
let slug = "";
let periodId = "";
let recorderId = "";
const DATA = "routes/work-groups.$slug.comment-periods.$periodId_.comments";

const LETTER =
  "I am writing to oppose the proposed changes to the accreditation standards. Small rural schools cannot hire the staff needed to collect and report this much data. Please keep the current standards in place and give districts more time to prepare.";

const WORDS = (
  "budget teachers buses reading science library counselors lunch sports music art testing " +
  "tutoring safety nurses parking roads heat windows books laptops recess board staff hiring " +
  "pay training mentors choir band theater robotics garden kitchen fields lights bells maps"
).split(" ");
/** A comment written apart from the others: its own words, drawn at random (seeded). */
function ownWords(n: number) {
  let state = n * 2654435761;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state;
  };
  return Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]).join(" ");
}

let seq = 0;
/** Comments stored as intake stores them, unscreened (flags null). */
async function store(comments: Partial<Record<string, string | Date>>[]) {
  await app.ctx.db.comment.createMany({
    data: comments.map((c) => {
      seq++;
      return {
        periodId,
        trackingNumber: `T-${String(seq).padStart(5, "0")}`,
        submissionKey: randomUUID(),
        stakeholderGroup: "Parent",
        region: "Central",
        body: `Comment ${seq}: ${ownWords(seq)}.`,
        receivedAt: new Date(Date.UTC(2026, 11, 1, 12, 0, 0)),
        ...c,
      } as never;
    }),
  });
}

const queue = async (query = "", cookie = cookies.recorder) => {
  const response = await fetch(
    `${app.url}/work-groups/${slug}/comment-periods/${periodId}/comments?${query}${query ? "&" : ""}_data=${DATA}`,
    { headers: { cookie } },
  );
  return { status: response.status, body: await response.json() };
};
const decide = (fields: Record<string, string | string[]>, query = "", cookie = cookies.recorder) =>
  postForm(
    app.url,
    `/work-groups/${slug}/comment-periods/${periodId}/comments?${query}${query ? "&" : ""}_data=${DATA}`,
    cookie,
    { intent: "decide", ...fields },
  );
const tracking = (body: { comments: { trackingNumber: string }[] }) =>
  body.comments.map((c) => c.trackingNumber);

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cookies } = seeded);
  slug = seeded.cast.workGroup.slug;
  recorderId = seeded.cast.recorder.id;
  periodId = (await openCommentPeriod(app.ctx, seeded.cast)).id;
  // 30 copies of a form letter (a greeting and a name added to some), in two arrivals, so the
  // second batch finds its campaign among comments screened before.
  const copy = (n: number) => ({
    body: `${n % 3 ? "Hello." : ""} ${LETTER} Thank you, person ${n}.`,
    stakeholderGroup: "Educator",
  });
  await store(Array.from({ length: 12 }, (_, n) => copy(n)));
  await queue();
  await store(Array.from({ length: 18 }, (_, n) => copy(n + 12)));
  await store([
    {
      body: "Los padres de familia piden más información sobre la educación rural.",
      region: "South",
    },
    { body: "Section 2 should explain growth for small schools.", sections: "2" },
    { body: "Section 12 is unclear.", sections: "12" },
    { body: "Call me at 573-751-4426 about this.", name: "Dana Reyes", email: "dana@example.org" },
    { body: "Late comment.", receivedAt: new Date(Date.UTC(2026, 11, 3, 9, 0, 0)) },
  ]);
  // 85 more unique comments at one instant: paging must not lose or repeat any of them.
  await store(Array.from({ length: 85 }, () => ({})));
});
afterAll(async () => {
  await app?.stop();
});

describe("the moderation queue", () => {
  it("finds campaigns across arrivals and counts exactly", async () => {
    const { status, body } = await queue();
    expect(status).toBe(200);
    expect(body.counts).toMatchObject({ pending: 120, published: 0, hidden: 0, flagged: 1 });
    expect(body.matching).toBe(120);
    expect(body.campaigns).toHaveLength(1);
    expect(body.campaigns[0].count).toBe(30);
    const campaign = await queue(`campaign=${body.campaigns[0].id}`);
    expect(campaign.body.matching).toBe(30);
    expect(
      campaign.body.comments.every((c: { campaignSize: number }) => c.campaignSize === 30),
    ).toBe(true);
    expect((await queue("campaign=none")).body.matching).toBe(90);
  });

  it("filters by section, group, region, flag and day", async () => {
    expect(tracking((await queue("section=2")).body)).toHaveLength(1);
    expect((await queue("section=2")).body.comments[0].body).toContain("Section 2");
    expect((await queue("section=12")).body.comments[0].body).toContain("Section 12");
    expect((await queue("section=general")).body.matching).toBe(118);
    expect((await queue("group=Educator")).body.matching).toBe(30);
    const south = (await queue("region=South")).body;
    expect(south.matching).toBe(1);
    // Told from its text on screening, so an English page marks it lang="es".
    expect(south.comments[0].language).toBe("es");
    const flagged = await queue("flag=personal-information");
    expect(flagged.body.comments.map((c: { name: string }) => c.name)).toEqual(["Dana Reyes"]);
    expect((await queue("from=2026-12-02")).body.matching).toBe(1);
    expect((await queue("to=2026-12-01")).body.matching).toBe(119);
  });

  it("searches words as prefixes, without case or accents, in names and emails too", async () => {
    expect((await queue("q=EDUCACION rural")).body.matching).toBe(1);
    expect((await queue("q=padre")).body.matching).toBe(1);
    expect((await queue("q=dana@example.org")).body.matching).toBe(1);
    expect((await queue("q=accreditation rural")).body.matching).toBe(30);
    expect((await queue("q=%22)(*%3A%26")).body.matching).toBe(120);
    expect((await queue("q=nowhere-to-be-found")).body.matching).toBe(0);
  });

  it("pages with cursors both ways, never losing or repeating a comment", async () => {
    const seen: string[] = [];
    let page = await queue();
    const pages = [page.body];
    seen.push(...tracking(page.body));
    while (page.body.next) {
      page = await queue(`after=${page.body.next}`);
      pages.push(page.body);
      seen.push(...tracking(page.body));
    }
    expect(pages.map((p) => p.comments.length)).toEqual([25, 25, 25, 25, 20]);
    expect(new Set(seen).size).toBe(120);
    const back = await queue(`before=${pages[4].previous}`);
    expect(tracking(back.body)).toEqual(tracking(pages[3]));
    const newest = await queue("order=newest");
    expect(newest.body.comments[0].body).toBe("Late comment.");
    expect((await queue("after=not-a-cursor")).status).toBe(400);
    const bad = await queue("state=gone");
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/pending, published or hidden/);
    // The error page says it in the reader's language, from the refusal's catalogue key.
    await app.ctx.db.user.update({ where: { id: recorderId }, data: { locale: "es" } });
    const errorPage = await fetch(
      `${app.url}/work-groups/${slug}/comment-periods/${periodId}/comments?state=gone`,
      { headers: { cookie: cookies.recorder } },
    );
    expect(errorPage.status).toBe(400);
    expect(await errorPage.text()).toContain("Elija pendiente, publicado u oculto.");
    await app.ctx.db.user.update({ where: { id: recorderId }, data: { locale: null } });
  });

  it("decides on one comment, refusing a stale decision with who made the newer one", async () => {
    const watcher = connectProvider(
      app.url,
      documentName.moderation(periodId),
      cookies.facilitator,
    );
    await watcher.synced;
    const { body } = await queue("section=2");
    const comment = body.comments[0];
    const published = await decide(
      { comments: `${comment.id}:${comment.revision}`, state: "published" },
      "",
      cookies.facilitator,
    );
    expect(published.status).toBe(200);
    const live = await waitFor(
      () => readDecisions(watcher.doc).get(comment.id),
      1_000,
      "the decision in the live document",
    );
    expect(live).toMatchObject({ state: "published", revision: comment.revision + 1 });
    expect(readCounts(watcher.doc)).toMatchObject({ pending: 119, published: 1 });
    watcher.close();
    // The recorder still had the old revision on screen: nothing changes, and they are told.
    const stale = await decide({
      comments: `${comment.id}:${comment.revision}`,
      state: "hidden",
      reason: "Off topic",
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).message).toMatch(/decided on this comment/);
    expect((await app.ctx.db.comment.findUniqueOrThrow({ where: { id: comment.id } })).state).toBe(
      "published",
    );
    const noReason = await decide({ comments: `${comment.id}:1`, state: "hidden" });
    expect(noReason.status).toBe(400);
    // Members may neither decide nor watch.
    expect(
      (await decide({ comments: `${comment.id}:1`, state: "pending" }, "", cookies.memberA)).status,
    ).toBe(403);
    expect(
      await upgradeStatus(
        `${app.url.replace(/^http/, "ws")}/yjs/${documentName.moderation(periodId)}`,
        {
          cookie: cookies.memberA,
        },
      ),
    ).toBe(403);
  });

  it("decides on every matching comment, leaving those decided since the page loaded", async () => {
    const { body } = await queue("group=Educator");
    const seenAt = body.seenAt;
    // Another moderator hides one of them after this page loaded.
    const other = body.comments[3];
    await new Promise((r) => setTimeout(r, 5));
    expect(
      (
        await decide(
          { comments: `${other.id}:${other.revision}`, state: "hidden", reason: "Spam" },
          "",
          cookies.facilitator,
        )
      ).status,
    ).toBe(200);
    const bulk = await decide({ matching: "yes", seenAt, state: "published" }, "group=Educator");
    expect(bulk.status).toBe(200);
    expect((await bulk.json()).message).toMatch(/29 comments: published\. One was left/);
    const after = await queue("group=Educator");
    expect(after.body.counts).toMatchObject({ published: 30, hidden: 1 });
    expect((await app.ctx.db.comment.findUniqueOrThrow({ where: { id: other.id } })).state).toBe(
      "hidden",
    );
    const log = await app.ctx.db.commentModeration.count({
      where: { periodId, toState: "published" },
    });
    expect(log).toBe(30);
  });
});
