import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { rateIdea, sessionResults } from "../../app/modules/board/ratings.server.ts";
import { recordAttendance } from "../../app/modules/session/attendance.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { shownText } from "../support/catalogue.ts";

/**
 * Issue 18: results a facilitator can trust. Ten ideas, four of them never rated: no unrated
 * idea ranks above a rated one, each rated idea says how sure its place is, and the report
 * back shows the themes and rated ideas only.
 */
let app: TestApp;
let cast: Cast;
let cookies: Record<string, string>;
const texts = [
  "Competency rubrics for every course",
  "Flexible seat time",
  "Student-led conferences",
  "Micro-credentials for teachers",
  "Community partners for internships",
  "Grading for mastery, not points",
  // Never rated:
  "A shared calendar of pilots",
  "Parent nights in Spanish",
  "A state network of innovation zones",
  "Released time for peer observation",
];
const ids: string[] = [];

beforeAll(async () => {
  ({ app, cast, cookies } = await startSeededApp());
  const authors = [cast.facilitator, cast.recorder, cast.memberA, cast.memberB];
  for (const [index, text] of texts.entries()) {
    const author = authors[index % authors.length]!;
    ids.push((await postIdea(app.ctx, author, cast.board.id, { column: "vision", text })).id);
  }
  await app.ctx.db.session.update({ where: { id: cast.session.id }, data: { phase: "rate" } });
  // Ideas 0–5 rated: 0 highest, 5 a lone 3 (the case that used to rank under unrated ones).
  const raters = [cast.facilitator, cast.recorder, cast.memberA, cast.memberB];
  const plan: [number, number[]][] = [
    [0, [5, 5, 4, 5]],
    [1, [4, 4, 5, 4]],
    [2, [4, 3, 4, 4]],
    [3, [3, 3, 2, 3]],
    [4, [2, 1, 2, 2]],
    [5, [3]],
  ];
  for (const [idea, stars] of plan) {
    // Each by someone other than its author (three people; nobody rates their own idea).
    const others = raters.filter((p) => p !== authors[idea % authors.length]);
    for (const [r, value] of stars.slice(0, others.length).entries()) {
      await rateIdea(app.ctx, others[r]!, { ideaId: ids[idea]!, stars: value });
    }
  }
  await app.ctx.db.session.update({ where: { id: cast.session.id }, data: { phase: "theme" } });
  const theme = await app.ctx.db.theme.create({
    data: { sessionId: cast.session.id, label: "Mastery over seat time", position: 0 },
  });
  await app.ctx.db.idea.updateMany({
    where: { id: { in: [ids[0]!, ids[1]!, ids[6]!] } },
    data: { themeId: theme.id },
  });
});
afterAll(() => app?.stop());

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const html = async (path: string) =>
  (await fetch(`${app.url}${path}`, { headers: { cookie: cookies.facilitator! } })).text();

describe("results", () => {
  it("rank every rated idea above every unrated one, and say how sure each place is", async () => {
    const [board] = (await sessionResults(app.ctx, cast.session.id)).filter(
      (b) => b.id === cast.board.id,
    );
    const rated = board!.ideas.filter((i) => i.average !== null);
    expect(rated.length).toBeGreaterThanOrEqual(6);
    const lastRated = board!.ideas.findLastIndex((i) => i.average !== null);
    const firstUnrated = board!.ideas.findIndex((i) => i.average === null);
    expect(firstUnrated).toBeGreaterThan(lastRated);
    expect(board!.ideas[0]!.text).toBe(texts[0]);
    for (const idea of rated) {
      expect(idea.margin).toBeGreaterThan(0);
      expect(["clear", "close"]).toContain(idea.place);
    }
    // The lone 3-star rating says little: its place is not sure.
    expect(rated.find((i) => i.text === texts[5])!.place).toBe("close");
  });

  it("show the unrated ideas apart on the session page", async () => {
    const page = shownText(await html(sessionPath()));
    expect(page).toContain("4 ideas not rated yet");
    expect(page).toMatch(/give or take \d\.\d/);
    const lowestRated = page.indexOf(texts[4]!);
    for (const text of texts.slice(6)) expect(page.indexOf(text)).toBeGreaterThan(lowestRated);
  });

  it("report back the themes and rated ideas only", async () => {
    const page = shownText(await html(`${sessionPath()}/report-back`));
    expect(page).toContain("Themes");
    expect(page).toContain("Mastery over seat time");
    expect(page).toContain("3 ideas");
    // The theme's best-rated ideas, best first; its unrated one is counted but not listed.
    const theme = page.slice(page.indexOf("Mastery over seat time"));
    expect(theme.indexOf(texts[0]!)).toBeLessThan(theme.indexOf(texts[1]!));
    for (const text of texts.slice(6)) expect(page).not.toContain(text);
    expect(page).not.toContain("not rated");
  });

  it("tell the facilitator how rating is going, in counts only", async () => {
    for (const who of [cast.facilitator, cast.recorder, cast.memberA, cast.memberB])
      await recordAttendance(app.ctx, cast.session.id, who.id);
    const url = `${app.url}${sessionPath()}/rating-progress`;
    const answer = await fetch(url, { headers: { cookie: cookies.facilitator! } });
    expect(answer.status).toBe(200);
    const { boards } = (await answer.json()) as {
      boards: { id: string; here: number; rated: number; few: { text: string; count: number }[] }[];
    };
    const board = boards.find((b) => b.id === cast.board.id)!;
    expect([board.here, board.rated]).toEqual([4, 4]);
    // The lone-rated idea and the four unrated ones, fewest ratings first.
    expect(board.few.map((i) => i.count)).toEqual([0, 0, 0, 0, 1]);
    expect(board.few.at(-1)!.text).toBe(texts[5]);
    const raw = JSON.stringify(boards);
    for (const person of [cast.recorder, cast.memberA, cast.memberB])
      expect(raw).not.toContain(person.id);
    expect(raw).not.toContain("stars");
    // Members and people outside the work group are not told.
    for (const who of ["memberA", "outsider"]) {
      const refused = await fetch(url, { headers: { cookie: cookies[who]! } });
      expect(refused.status, who).toBeGreaterThanOrEqual(403);
      expect(refused.status, who).toBeLessThan(500);
    }
  });
});
