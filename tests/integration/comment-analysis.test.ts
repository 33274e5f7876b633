import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTrackingNumber } from "../../app/modules/comment-period/tracking-number.ts";
import { startSeededApp, type TestApp } from "../support/app.ts";
import { openCommentPeriod } from "../support/comments.ts";
import { postForm } from "../support/http.ts";

/**
 * After the close: staff theme what the public said (suggested themes, by hand), read counts
 * with small cells suppressed, write a response per theme and the final draft, and draft the
 * response to comments, which is published like any report and linked from the period page.
 */
let app: TestApp;
let cookies: Awaited<ReturnType<typeof startSeededApp>>["cookies"];
let slug = "";
let periodId = "";
let otherPeriodComment = "";

const GROWTH = [
  "Growth for small schools should be measured over three years, not one.",
  "Please measure growth in small schools across several years so one class does not swing the score.",
  "Small schools need growth measured over multiple years because a handful of students changes everything.",
  "Measure small school growth across three years of scores.",
];
const TIMELINE = [
  "The accreditation timeline is too short for districts to adjust their improvement plans.",
  "Give districts a longer timeline before accreditation changes take effect.",
  "Districts need more time: phase in the accreditation timeline over two years.",
];
const SECRET_NAME = "Quentin Commenter";

const page = () => `/work-groups/${slug}/comment-periods/${periodId}/analysis`;
const data = `?_data=${encodeURIComponent("routes/work-groups.$slug.comment-periods.$periodId_.analysis")}`;
const send = (who: keyof typeof cookies, fields: Record<string, string | string[]>) =>
  postForm(app.url, `${page()}${data}`, cookies[who], fields);
const load = async (who: keyof typeof cookies = "facilitator") => {
  const response = await fetch(`${app.url}${page()}${data}`, {
    headers: { cookie: cookies[who] },
  });
  return { status: response.status, body: response.status === 200 ? await response.json() : null };
};

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cookies } = seeded);
  slug = seeded.cast.workGroup.slug;
  periodId = (await openCommentPeriod(app.ctx, seeded.cast)).id;
  const other = await openCommentPeriod(app.ctx, seeded.cast, { title: "Another period" });
  // 22 comments: 14 teachers, 5 administrators, 3 parents; one more hidden by moderation.
  const groups = [
    ...Array.from({ length: 14 }, () => "Teachers"),
    ...Array.from({ length: 5 }, () => "Administrators"),
    ...Array.from({ length: 3 }, () => "Parents"),
  ];
  const bodies = groups.map((_, i) =>
    i % 2 === 0 ? GROWTH[i % GROWTH.length]! : TIMELINE[i % TIMELINE.length]!,
  );
  const row = (body: string, i: number, extra: object = {}) => ({
    periodId,
    trackingNumber: newTrackingNumber(),
    submissionKey: `analysis-${i}`,
    name: SECRET_NAME,
    stakeholderGroup: groups[i] ?? "Teachers",
    region: "Central",
    sections: i % 2 === 0 ? "2" : "4",
    body,
    state: "published",
    ...extra,
  });
  await app.ctx.db.comment.createMany({
    data: [
      ...bodies.map((body, i) => row(body, i)),
      row("Buy cheap watches at spam.example", 99, { state: "hidden", hiddenReason: "spam" }),
    ],
  });
  otherPeriodComment = (
    await app.ctx.db.comment.create({
      data: { ...row("Another period's comment.", 100), periodId: other.id },
      select: { id: true },
    })
  ).id;
});
afterAll(async () => {
  await app?.stop();
});

describe("analysis and response", () => {
  it("is for staff who moderate: a member is refused", async () => {
    expect((await load("memberA")).status).toBe(403);
    const refused = await send("memberA", { intent: "suggest" });
    expect(refused.status).toBe(403);
  });

  it("suggests themes for every kept comment, never the hidden one, and changes nothing", async () => {
    const response = await send("recorder", { intent: "suggest" });
    expect(response.status).toBe(200);
    const reply = await response.json();
    const suggested = reply.suggestions.flatMap((s: { commentIds: string[] }) => s.commentIds);
    expect(new Set(suggested).size).toBe(22);
    const hidden = await app.ctx.db.comment.findFirstOrThrow({
      where: { periodId, state: "hidden" },
    });
    expect(suggested).not.toContain(hidden.id);
    // The growth comments and the timeline comments are suggested apart.
    const bodyOf = new Map(
      (await app.ctx.db.comment.findMany({ where: { periodId } })).map((c) => [c.id, c.body]),
    );
    const growthTheme = reply.suggestions.find((s: { commentIds: string[] }) =>
      GROWTH.includes(bodyOf.get(s.commentIds[0]!)!),
    );
    expect(growthTheme.commentIds.every((id: string) => GROWTH.includes(bodyOf.get(id)!))).toBe(
      true,
    );
    expect(await app.ctx.db.commentTheme.count({ where: { periodId } })).toBe(0);
  });

  it("accepts a suggestion, moves comments by hand, and refuses what breaks the rules", async () => {
    const comments = await app.ctx.db.comment.findMany({ where: { periodId } });
    const growth = comments.filter((c) => GROWTH.includes(c.body)).map((c) => c.id);
    const timeline = comments.filter((c) => TIMELINE.includes(c.body)).map((c) => c.id);
    const hidden = comments.find((c) => c.state === "hidden")!.id;

    const accepted = await send("recorder", {
      intent: "create-theme",
      name: "Growth in small schools",
      commentIds: [...growth, hidden, otherPeriodComment],
    });
    expect(accepted.status).toBe(200);
    const theme = await app.ctx.db.commentTheme.findFirstOrThrow({ where: { periodId } });
    expect(await app.ctx.db.comment.count({ where: { themeId: theme.id } })).toBe(growth.length);

    const made = await send("facilitator", { intent: "create-theme", name: "Timeline" });
    expect(made.status).toBe(200);
    const timelineTheme = await app.ctx.db.commentTheme.findFirstOrThrow({
      where: { periodId, name: "Timeline" },
    });
    const moved = await send("facilitator", {
      intent: "move-comments",
      themeId: timelineTheme.id,
      commentIds: timeline,
    });
    expect((await moved.json()).message).toBe(`${timeline.length} comments moved to “Timeline”.`);

    const taken = await send("facilitator", {
      intent: "rename-theme",
      themeId: timelineTheme.id,
      name: "Growth in small schools",
    });
    expect(taken.status).toBe(409);
    expect((await taken.json()).message).toMatch(/already exists/);

    const hostileForms: Record<string, string>[] = [
      { intent: "rename-theme", themeId: "<script>", name: "x" },
      { intent: "move-comments", themeId: timelineTheme.id },
      { intent: "respond", themeId: theme.id, response: "a\u0000b" },
      { intent: "create-theme", name: "x".repeat(500) },
      { intent: "drop-tables" },
    ];
    for (const hostile of hostileForms) {
      const response = await send("facilitator", hostile);
      expect(response.status, JSON.stringify(hostile)).toBe(400);
      expect((await response.json()).message.length).toBeGreaterThan(5);
    }
    const elsewhere = await send("facilitator", {
      intent: "respond",
      themeId: "c0000000000000000000000000",
      response: "x",
    });
    expect(elsewhere.status).toBe(404);
    // Nothing above changed what was saved.
    expect(await app.ctx.db.comment.count({ where: { themeId: theme.id } })).toBe(growth.length);
    expect(await app.ctx.db.commentTheme.count({ where: { periodId } })).toBe(2);
  });

  it("counts exactly for staff, by section, stakeholder group and region", async () => {
    const { body } = await load();
    expect(body.counts.total).toBe(22);
    const byGroup = Object.fromEntries(
      body.counts.byStakeholderGroup.map((r: { label: string; count: number | null }) => [
        r.label,
        r.count,
      ]),
    );
    // Staff see the 3 parents; suppression is for what the public sees (the response, below).
    expect(byGroup).toEqual({ Administrators: 5, Parents: 3, Teachers: 14 });
    expect(body.counts.byRegion).toEqual([{ label: "Central", count: 22 }]);
    expect(body.counts.bySection.map((r: { label: string }) => r.label)).toEqual([
      "Section 2: Performance Standards",
      "Section 4: Accreditation",
    ]);
    const rows = body.counts.themesByStakeholderGroup.rows;
    expect(rows.map((r: { label: string }) => r.label)).toEqual([
      "Growth in small schools",
      "Timeline",
      "Not themed",
    ]);
    for (const row of rows) for (const count of row.counts) expect(count).not.toBeNull();
  });

  it("keeps a response per theme, the final draft and the summary of changes", async () => {
    const theme = await app.ctx.db.commentTheme.findFirstOrThrow({
      where: { periodId, name: "Growth in small schools" },
    });
    const responded = await send("recorder", {
      intent: "respond",
      themeId: theme.id,
      response: "Growth for schools under 100 students will use three years of data.",
    });
    expect(responded.status).toBe(200);
    const saved = await send("facilitator", {
      intent: "final-draft",
      changesSummary: "- Growth uses three years of data for small schools.",
      finalDraft:
        "# Performance Standards\nGrowth is measured over three years.\n\n# Accreditation\nPhased in.",
    });
    expect(saved.status).toBe(200);
    const period = await app.ctx.db.commentPeriod.findUniqueOrThrow({ where: { id: periodId } });
    expect(period.changesSummary).toContain("three years");
    expect(period.finalDraft).toContain("# Accreditation");
  });

  it("drafts the response to comments once, publishes it, and the period page links to it", async () => {
    const drafted = await send("facilitator", { intent: "draft-response" });
    expect(drafted.status).toBe(204);
    const location = drafted.headers.get("x-remix-redirect")!;
    const publicationId = location.split("/").at(-1)!;
    const again = await send("recorder", { intent: "draft-response" });
    expect(again.headers.get("x-remix-redirect")).toBe(location);
    expect(await app.ctx.db.publication.count({ where: { kind: "response" } })).toBe(1);

    const published = await postForm(
      app.url,
      `${location}?_data=${encodeURIComponent("routes/work-groups.$slug.publications.$publicationId")}`,
      cookies.facilitator,
      { intent: "publish" },
    );
    expect(published.status).toBe(200);

    const doc = await fetch(`${app.url}/public/${slug}/publications/${publicationId}/md`);
    expect(doc.status).toBe(200);
    const text = await doc.text();
    for (const expected of [
      "Response to comments: MSIP 6 Comprehensive Guide",
      "22 comments were received",
      "Teachers: 14",
      // The public reads suppressed counts: Parents (3), and Administrators (5) with them, or
      // 22 − 14 − 5 would give the 3 back.
      "Parents: fewer than 5",
      "Administrators: fewer than 5",
      "Growth in small schools (",
      "Growth for schools under 100 students will use three years of data.",
      "Summary of changes",
      "Growth uses three years of data for small schools.",
      "Final draft",
      "Growth is measured over three years.",
    ]) {
      expect(text).toContain(expected);
    }
    // Only counts and the staff's words: no commenter's name, no comment text.
    expect(text).not.toContain(SECRET_NAME);
    expect(text).not.toContain(GROWTH[0]);
    expect(text).not.toContain("spam.example");

    const periodPage = await fetch(`${app.url}/public/${slug}/comment-periods/${periodId}`);
    expect(await periodPage.text()).toContain(`/public/${slug}/publications/${publicationId}`);
  });
});
