import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea, setIdeaHidden } from "../../app/modules/board/board.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { loadThemingState } from "../../app/modules/theming/theming.server.ts";
import { readTheming } from "../../app/modules/theming/theming-doc.ts";
import { type Cast, cookieFor, createUser, startSeededApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";
import { connectProvider, waitFor } from "../support/realtime.ts";

let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};
let memberView: ReturnType<typeof connectProvider>;
const ideas: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
  const second = await createUser(app.ctx, "Cora Cofacilitator");
  await app.ctx.db.membership.create({
    data: { workGroupId: cast.workGroup.id, userId: second.id, role: "facilitator" },
  });
  cookies.cofacilitator = await cookieFor(app.ctx, second.id);
  for (const [key, column, text] of [
    ["release", "resources", "Release time for teachers"],
    ["grants", "resources", "Grant funding for districts"],
    ["stipends", "incentives", "Stipends for summer training"],
    ["coaching", "skills", "Coaching and feedback for teachers"],
    ["message", "vision", "A clear, common message to all stakeholders"],
  ] as const) {
    ideas[key] = (await postIdea(app.ctx, cast.memberA, cast.board.id, { column, text })).id;
  }
  memberView = connectProvider(app.url, documentName.theming(cast.session.id), cookies.memberB!);
  await memberView.synced;
});
afterAll(async () => {
  memberView?.close();
  await app?.stop();
});

// ?_data: the action's JSON, as the page's fetcher receives it.
const path = () =>
  `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}/theming?_data=routes/work-groups.$slug.sessions.$sessionId_.theming`;
const send = (who: string, fields: Record<string, string | string[]>) =>
  postForm(app.url, path(), cookies[who]!, fields);
const seen = () => readTheming(memberView.doc);
const themeNamed = (label: string) => seen().themes.find((t) => t.label === label);
const themeOf = (ideaKey: string) =>
  seen().ideas.find((i) => i.id === ideas[ideaKey])?.themeId ?? null;
/** What a member's live view shows equals what the database holds. */
async function converged() {
  const stored = await loadThemingState(app.ctx.db, cast.session.id);
  const view = seen();
  const key = (s: typeof view) =>
    JSON.stringify({
      themes: s.themes.map((t) => [t.id, t.label]).sort(),
      ideas: s.ideas.map((i) => [i.id, i.themeId]).sort(),
    });
  return key(view) === key(stored);
}

describe("theming a session", () => {
  it("creates a theme from chosen ideas; a member sees it live and cannot change it", async () => {
    const created = await send("facilitator", {
      intent: "create-theme",
      label: "Time",
      ideaId: [ideas.release!],
    });
    expect(created.status).toBe(200);
    await waitFor(() => themeNamed("Time"), 1_000, "theme in the member's view");
    expect(themeOf("release")).toBe(themeNamed("Time")!.id);

    const refused = await send("memberB", { intent: "create-theme", label: "Mine" });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /does not allow theming/,
    );
    expect(themeNamed("Mine")).toBeUndefined();
  });

  it("keeps working while ideas still arrive, and drops hidden ones", async () => {
    const late = await postIdea(app.ctx, cast.memberB, cast.board.id, {
      column: "resources",
      text: "Money for substitutes",
    });
    await waitFor(
      () => seen().ideas.some((i) => i.id === late.id && i.themeId === null),
      1_000,
      "late idea",
    );
    ideas.late = late.id;
    await setIdeaHidden(app.ctx, cast.facilitator, late.id, { hidden: true, reason: "duplicate" });
    await waitFor(() => !seen().ideas.some((i) => i.id === late.id), 1_000, "hidden idea gone");
    const moveHidden = await send("facilitator", {
      intent: "move-ideas",
      themeId: themeNamed("Time")!.id,
      ideaId: [late.id],
    });
    expect(moveHidden.status).toBe(409);
    await setIdeaHidden(app.ctx, cast.facilitator, late.id, { hidden: false });
  });

  it("moves, renames, merges and splits, with two facilitators at once", async () => {
    const funding = await send("cofacilitator", {
      intent: "create-theme",
      label: "Funding",
      ideaId: [ideas.grants!, ideas.stipends!],
    });
    expect(funding.status).toBe(200);
    const money = await waitFor(() => themeNamed("Funding"), 1_000, "Funding");
    // One facilitator moves ideas while the other renames: both land.
    const [moved, renamed] = await Promise.all([
      send("facilitator", { intent: "move-ideas", themeId: money.id, ideaId: [ideas.late!] }),
      send("cofacilitator", { intent: "rename-theme", themeId: money.id, label: "Money/Funding" }),
    ]);
    expect([moved.status, renamed.status]).toEqual([200, 200]);
    await waitFor(() => themeOf("late") === money.id && themeNamed("Money/Funding"), 1_000, "both");

    // Merge "Time" into "Money/Funding", then split the release-time idea back out.
    const time = themeNamed("Time")!;
    expect(
      (
        await send("cofacilitator", {
          intent: "merge-themes",
          themeId: time.id,
          intoThemeId: money.id,
        })
      ).status,
    ).toBe(200);
    await waitFor(() => !themeNamed("Time") && themeOf("release") === money.id, 1_000, "merged");
    expect(
      (
        await send("facilitator", {
          intent: "create-theme",
          label: "Time",
          ideaId: [ideas.release!],
        })
      ).status,
    ).toBe(200);
    await waitFor(
      () => themeNamed("Time") && themeOf("release") === themeNamed("Time")!.id,
      1_000,
      "split",
    );
    await waitFor(converged, 1_000, "the member's view to match the database");
  });

  it("undoes a person's own last change, never a colleague's later one", async () => {
    const money = themeNamed("Money/Funding")!;
    const time = themeNamed("Time")!;
    expect(
      (
        await send("facilitator", {
          intent: "move-ideas",
          themeId: time.id,
          ideaId: [ideas.grants!, ideas.stipends!],
        })
      ).status,
    ).toBe(200);
    await waitFor(() => themeOf("grants") === time.id, 1_000, "moved");
    // The colleague moves one of them on; the first facilitator's undo leaves that one alone.
    await send("cofacilitator", { intent: "move-ideas", themeId: "", ideaId: [ideas.stipends!] });
    await waitFor(() => themeOf("stipends") === null, 1_000, "colleague's move");
    const undo = await send("facilitator", { intent: "undo" });
    expect(undo.status).toBe(200);
    expect(((await undo.json()) as { message: string }).message).toMatch(/^Undid: Moved 2 ideas/);
    await waitFor(() => themeOf("grants") === money.id, 1_000, "undone");
    expect(themeOf("stipends")).toBeNull();

    // Undo of a merge brings the theme back with its ideas.
    await send("facilitator", { intent: "merge-themes", themeId: time.id, intoThemeId: money.id });
    await waitFor(() => !themeNamed("Time"), 1_000, "merged");
    await send("facilitator", { intent: "undo" });
    await waitFor(
      () => themeNamed("Time")?.id === time.id && themeOf("release") === time.id,
      1_000,
      "merge undone",
    );

    const nothing = await send("memberA", { intent: "undo" });
    expect(nothing.status).toBe(403);
  });

  it("asks what to do with a recommendation's link before deleting the theme it comes from", async () => {
    const money = themeNamed("Money/Funding")!;
    const time = themeNamed("Time")!;
    const recommendation = await app.ctx.db.recommendation.create({
      data: {
        workGroupId: cast.workGroup.id,
        position: 1,
        title: "Fund professional learning",
        themes: { create: [{ themeId: money.id }] },
      },
    });
    const unasked = await send("facilitator", { intent: "delete-theme", themeId: money.id });
    expect(unasked.status).toBe(409);
    expect(((await unasked.json()) as { message: string }).message).toMatch(
      /feeds a recommendation/,
    );
    expect(themeNamed("Money/Funding")).toBeDefined();

    const moved = await send("facilitator", {
      intent: "delete-theme",
      themeId: money.id,
      link: "move",
      linkToThemeId: time.id,
    });
    expect(moved.status).toBe(200);
    await waitFor(() => !themeNamed("Money/Funding"), 1_000, "deleted");
    const links = await app.ctx.db.recommendationTheme.findMany({
      where: { recommendationId: recommendation.id },
    });
    expect(links.map((l) => l.themeId)).toEqual([time.id]);
    expect(themeOf("grants")).toBeNull();

    // Undo restores the theme, its ideas and the link where it was.
    await send("facilitator", { intent: "undo" });
    await waitFor(
      () => themeNamed("Money/Funding") && themeOf("grants") === money.id,
      1_000,
      "restored",
    );
    const restored = await app.ctx.db.recommendationTheme.findMany({
      where: { recommendationId: recommendation.id },
      orderBy: { themeId: "asc" },
    });
    expect(restored.map((l) => l.themeId).sort()).toEqual([money.id].sort());
  });

  it("keeps who changed what in the history", async () => {
    const entries = await app.ctx.db.historyEntry.findMany({
      where: { sessionId: cast.session.id },
      orderBy: { createdAt: "asc" },
      select: { summary: true, actor: { select: { name: true } } },
    });
    expect(entries[0]).toEqual({
      summary: "Created the theme “Time” with 1 idea",
      actor: { name: "Fay Facilitator" },
    });
    expect(entries.map((e) => e.summary)).toContain("Renamed “Funding” to “Money/Funding”");
    expect(entries.some((e) => e.actor?.name === "Cora Cofacilitator")).toBe(true);
  });

  it("suggests themes for the ideas not yet themed, applied only when accepted", async () => {
    const unthemed = seen()
      .ideas.filter((i) => i.themeId === null)
      .map((i) => i.id)
      .sort();
    expect(unthemed.length).toBeGreaterThan(1);
    const before = await loadThemingState(app.ctx.db, cast.session.id);
    const response = await send("facilitator", { intent: "suggest" });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as {
      suggestions: { label: string; ideaIds: string[] }[];
    };
    // Every idea not yet themed is in exactly one suggestion, and nothing changed yet.
    expect(reply.suggestions.flatMap((s) => s.ideaIds).sort()).toEqual(unthemed);
    expect(await loadThemingState(app.ctx.db, cast.session.id)).toEqual(before);
    expect((await send("memberA", { intent: "suggest" })).status).toBe(403);

    const first = reply.suggestions[0]!;
    const accepted = await send("facilitator", {
      intent: "accept-suggestion",
      label: "Edited suggestion",
      ideaId: first.ideaIds,
    });
    expect(accepted.status).toBe(200);
    await waitFor(() => themeNamed("Edited suggestion"), 1_000, "accepted theme");
    for (const id of first.ideaIds) {
      expect(seen().ideas.find((i) => i.id === id)?.themeId).toBe(
        themeNamed("Edited suggestion")!.id,
      );
    }
  });

  it.each([
    [{ intent: "rename-theme", themeId: "nope", label: "" }, 400, /Name the theme/],
    [{ intent: "rename-theme", themeId: "x".repeat(41), label: "A" }, 400, /Choose from the list/],
    [{ intent: "create-theme", label: "x".repeat(121) }, 400, /under 120 characters/],
    [{ intent: "create-theme", label: "Bell\u0007" }, 400, /control characters/],
    [{ intent: "move-ideas", themeId: "", ideaId: [] as string[] }, 400, /at least one idea/],
    [{ intent: "merge-themes", themeId: "abc", intoThemeId: "abc" }, 400, /another theme/],
    [{ intent: "rename-theme", themeId: "abc", label: "Gone" }, 409, /merged or deleted/],
    [{ intent: "explode" }, 400, /Unknown theming action/],
  ])("refuses %j with a message", async (fields, status, message) => {
    const before = await loadThemingState(app.ctx.db, cast.session.id);
    const response = await send("facilitator", fields as Record<string, string | string[]>);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
    expect(await loadThemingState(app.ctx.db, cast.session.id)).toEqual(before);
  });
});
