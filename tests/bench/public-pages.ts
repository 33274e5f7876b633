/**
 * Public pages (`npm run bench -- --only public-pages`): a work group's public site with a big
 * history behind it, read by people over HTTP. Target: p95 time to first byte under 100 ms for
 * every public page kind.
 *
 * Seeded straight through Prisma into a fresh migrated SQLite database before the server
 * starts: one published work group with 40 members (some named publicly), 50 sessions (each
 * with 5 agenda items, a whole-group board and two breakout rooms with a board each, six
 * themes, ~30 attendees), 10,000 ideas spread over the 150 boards (70 % themed, 40 % rated by
 * three members, 1 % hidden), and 10 recommendations with 4 key action steps each. Everything
 * is published: the site, every session's agenda, every recommendation, a summary per session
 * and one report. Their content is what the app itself drafts (summaryDraft and reportDraft in
 * app/modules/publication/drafts.server.ts); each summary gets notes until it is ~40 blocks
 * long, and the report's appendix lists every visible idea.
 *
 * Then the real server (startAppServer, production build, in its own child process like every
 * other benchmark) is asked for each page kind in turn: a warm-up, a pass one request at a
 * time (what one reader waits), then the measured pass with a few requests in flight, closed
 * loop (each client asks again as soon as it has read a page, so the server is never idle). A
 * browser's user agent, so the page streams as it does for people. Time to first byte is the
 * time until `await fetch()` resolves (the response headers have arrived); the body is read
 * afterwards, outside that time (its end is reported too), as is the server's CPU per request.
 *
 * Baseline, measured in the same passes against the same server and connections: GET /healthz
 * (Express answers it before Remix), so the ratio shows what each page itself costs.
 */
import { performance } from "node:perf_hooks";
import { KNOSTER_COLUMNS } from "../../app/modules/board/knoster.ts";
import type { Block } from "../../app/modules/publication/content.ts";
import { reportDraft, summaryDraft } from "../../app/modules/publication/drafts.server.ts";
import { HORIZONS, STATUSES } from "../../app/modules/recommendation/schema.ts";
import type { AppContext } from "../../app/utils/app-context.ts";
import { parseDatabaseUrl } from "../../server/config.ts";
import { createDb, prepareDb } from "../../server/db.ts";
import {
  benchProcessNote,
  LINE,
  ms,
  noiseNote,
  type StartOptions,
  startServer,
  target,
} from "./harness.ts";
import { benchIdea } from "./ideas.ts";
import { type KindResult, measureKind, type PageKind, passTables, ttfbP95 } from "./pages.ts";
import type { ServerKind } from "./servers.ts";
import { freshSqliteDatabase } from "./setup.ts";
import { seededRandom } from "./themes.ts";

export type PublicPagesOptions = {
  /** Measured requests per page kind (and for the baseline), `concurrency` in flight. */
  requests: number;
  /** Measured requests per page kind one at a time first (0: none). */
  sequential: number;
  /** Unmeasured requests per page kind first. */
  warmup: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Ideas in the database, spread over every board of every session. */
  ideas: number;
  sessions: number;
};

const TARGET_P95_MS = 100;
const SLUG = "success-ready-students";
const MEMBERS = 40;
const AGENDA_ITEMS = 5;
const ROOMS_PER_SESSION = 2;
const THEMES_PER_SESSION = 6;
const RECOMMENDATIONS = 10;
const STEPS_PER_RECOMMENDATION = 4;
const SUMMARY_BLOCKS = 40;

const STAKEHOLDER_GROUPS = [
  "Teachers",
  "Parents and families",
  "Students",
  "School and district leaders",
  "Community and business partners",
];
const REGIONS = ["Northeast", "Central", "Southwest", "Kansas City", "St. Louis"];
const AREAS = ["Academic readiness", "Career readiness", "Social-emotional readiness"];
const THEME_LABELS = [
  "Mentoring and advising",
  "Family communication",
  "Dual credit and pathways",
  "Teacher time and training",
  "Using readiness data",
  "Funding and sustainability",
  "Student voice",
  "Transitions between schools",
];
const AGENDA = [
  "Welcome and purpose of the day",
  "Review of what we heard last time",
  "Breakout rooms: Knoster brainstorm",
  "Report back and rating",
  "Next steps and closing",
];
const FIRST_NAMES = ["Ana", "Ben", "Chloe", "Dev", "Elena", "Femi", "Grace", "Hugo"];
const LAST_NAMES = ["Alvarez", "Brooks", "Chen", "Diallo", "Evans"];

/** A 25-character id like the database's cuids, the same in every run. */
const cuid = (kind: string, n: number) =>
  `c${kind}${n.toString(36).padStart(23 - kind.length, "0")}`;

type Seeded = {
  slug: string;
  sessionIds: string[];
  summaryIds: string[];
  reportId: string;
  counts: Record<string, number>;
  summaryBlocks: number;
  reportBlocks: number;
  reportContentKb: number;
  /** How long the app's reportDraft took over these ideas (the staff's "draft report"). */
  reportDraftMs: number;
  seedS: number;
};

/** Notes a recorder might have taken, so a summary reaches ~SUMMARY_BLOCKS blocks. */
function notes(blocks: Block[], session: number): Block[] {
  // The draft has no notes section when nothing was noted: the recorder's notes start one.
  const out: Block[] = [...blocks, { kind: "heading", level: 2, text: "Notes" }];
  for (let n = 0; out.length < SUMMARY_BLOCKS; n++) {
    const idea = (k: number) => benchIdea(session * 97 + n * 5 + k).text.replace(/ \(#\d+\)$/, "");
    out.push({ kind: "heading", level: 3, text: `Discussion: ${AGENDA[n % AGENDA.length]}` });
    out.push({
      kind: "paragraph",
      runs: [
        { text: "The group came back to a point raised last time: " },
        { text: idea(0).toLowerCase(), italic: true },
        { text: ". Several members asked for examples from districts that already do this." },
      ],
    });
    out.push({
      kind: "list",
      ordered: false,
      items: [0, 1, 2].map((k) => [{ text: idea(k + 1) }]),
    });
  }
  return out;
}

async function seed(databaseUrl: string, options: PublicPagesOptions): Promise<Seeded> {
  const t0 = performance.now();
  const database = parseDatabaseUrl(databaseUrl);
  const db = createDb(database);
  await prepareDb(db, database);
  const random = seededRandom(20261201);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const now = new Date();
  try {
    const program = await db.program.create({
      data: { slug: "public-bench", name: "Public site bench program" },
    });
    const workGroup = await db.workGroup.create({
      data: {
        programId: program.id,
        slug: SLUG,
        name: "Success-Ready Students Work Group",
        purpose:
          "Recommend how schools, families and communities can make every student ready for success after high school: in college, in a career and in life.",
        essentialQuestions: [
          "What does it mean for a student to be success-ready?",
          "Which supports make the biggest difference, and for whom?",
          "How will we know the work is reaching every student?",
        ].join("\n"),
        publishedAt: now,
      },
    });
    const workGroupId = workGroup.id;
    const named = (names: string[], kind: string) =>
      names.map((name, position) => ({
        id: cuid(kind, position),
        workGroupId,
        name,
        position,
      }));
    await db.stakeholderGroup.createMany({ data: named(STAKEHOLDER_GROUPS, "sg") });
    await db.region.createMany({ data: named(REGIONS, "rg") });
    await db.areaOfFocus.createMany({ data: named(AREAS, "af") });

    const userIds = Array.from({ length: MEMBERS }, (_, i) => cuid("us", i));
    await db.user.createMany({
      data: userIds.map((id, i) => ({
        id,
        name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`,
        email: `public-bench-${i}@bench.example.org`,
        passwordHash: "not a password hash: nobody signs in",
      })),
    });
    const roles = ["owner", "facilitator", "facilitator", "recorder"];
    await db.membership.createMany({
      data: userIds.map((userId, i) => ({
        workGroupId,
        userId,
        role: roles[i] ?? (i % 13 === 12 ? "observer" : "member"),
        stakeholderGroupId: i % 9 === 8 ? null : cuid("sg", i % STAKEHOLDER_GROUPS.length),
        regionId: i % 11 === 10 ? null : cuid("rg", i % REGIONS.length),
        showNamePublicly: i % 3 === 0,
      })),
    });

    const start = Date.parse("2025-09-02T14:00:00Z");
    const sessionIds = Array.from({ length: options.sessions }, (_, s) => cuid("se", s));
    const sessionTitles = sessionIds.map(
      (_, s) => `Session ${s + 1}: ${THEME_LABELS[s % THEME_LABELS.length]}`,
    );
    await db.session.createMany({
      data: sessionIds.map((id, s) => ({
        id,
        workGroupId,
        title: sessionTitles[s]!,
        startsAt: new Date(start + s * 7 * 86_400_000),
        timeZone: "America/Chicago",
        format: ["virtual", "in_person", "hybrid"][s % 3]!,
        workPhase: s < options.sessions / 2 ? "Study" : "Planning",
        phase: "report_back",
        agendaPublishedAt: now,
      })),
    });
    await db.agendaItem.createMany({
      data: sessionIds.flatMap((sessionId, s) =>
        AGENDA.slice(0, AGENDA_ITEMS).map((title, position) => ({
          id: cuid("ag", s * AGENDA_ITEMS + position),
          sessionId,
          position,
          title,
          minutes: [10, 20, 45, 30, 15][position],
          presenter: position % 2 === 0 ? "Grace Chen" : "",
          materials:
            position === 1
              ? `https://example.org/slides/session-${s + 1}.pdf\nhttps://example.org/video/session-${s + 1}`
              : "",
        })),
      ),
    });
    await db.attendance.createMany({
      data: sessionIds.flatMap((sessionId, s) =>
        userIds.filter((_, i) => (i + s) % 4 !== 0).map((userId) => ({ sessionId, userId })),
      ),
    });
    const roomIds = sessionIds.flatMap((_, s) =>
      Array.from({ length: ROOMS_PER_SESSION }, (_, r) => cuid("br", s * ROOMS_PER_SESSION + r)),
    );
    await db.breakoutRoom.createMany({
      data: roomIds.map((id, k) => ({
        id,
        sessionId: sessionIds[Math.floor(k / ROOMS_PER_SESSION)]!,
        name: `Room ${(k % ROOMS_PER_SESSION) + 1}`,
        areaOfFocusId: cuid("af", k % AREAS.length),
      })),
    });
    // Per session: the whole-group board, then one board per breakout room.
    const boardsPerSession = 1 + ROOMS_PER_SESSION;
    const boards = sessionIds.flatMap((sessionId, s) =>
      Array.from({ length: boardsPerSession }, (_, b) => {
        const roomIndex = s * ROOMS_PER_SESSION + b - 1;
        return {
          id: cuid("bd", s * boardsPerSession + b),
          sessionId,
          title: b === 0 ? "Whole group" : `Room ${b}`,
          breakoutRoomId: b === 0 ? null : roomIds[roomIndex]!,
          areaOfFocusId: b === 0 ? null : cuid("af", roomIndex % AREAS.length),
        };
      }),
    );
    await db.board.createMany({ data: boards });
    const themes = sessionIds.flatMap((sessionId, s) =>
      Array.from({ length: THEMES_PER_SESSION }, (_, position) => ({
        id: cuid("th", s * THEMES_PER_SESSION + position),
        sessionId,
        label: THEME_LABELS[(s + position) % THEME_LABELS.length]!,
        position,
      })),
    );
    await db.theme.createMany({ data: themes });

    // Ideas: idea n is in session n % sessions, on one of its boards, 70 % of them themed.
    const ideas = Array.from({ length: options.ideas }, (_, n) => {
      const s = n % options.sessions;
      const idea = benchIdea(n);
      const themed = random() < 0.7;
      const hidden = random() < 0.01;
      return {
        id: cuid("id", n),
        boardId:
          boards[s * boardsPerSession + (Math.floor(n / options.sessions) % boardsPerSession)]!.id,
        column: pick(KNOSTER_COLUMNS),
        text: idea.text.replace(/ \(#\d+\)$/, ` (${n + 1})`),
        authorId: pick(userIds),
        createdAt: new Date(start + s * 7 * 86_400_000 + 3_600_000 + n * 50),
        themeId: themed
          ? cuid("th", s * THEMES_PER_SESSION + Math.floor(random() * THEMES_PER_SESSION))
          : null,
        hiddenAt: hidden ? now : null,
        hiddenReason: hidden ? "Off topic" : null,
      };
    });
    await db.idea.createMany({ data: ideas });
    const ratings = ideas
      .filter(() => random() < 0.4)
      .flatMap((idea, k) =>
        [0, 1, 2].map((r) => ({
          ideaId: idea.id,
          userId: userIds[(k + r * 7) % MEMBERS]!,
          stars: random() < 0.1 ? null : 1 + Math.floor(random() * 5),
        })),
      );
    await db.rating.createMany({ data: ratings });

    const recommendationIds = Array.from({ length: RECOMMENDATIONS }, (_, r) => cuid("rc", r));
    await db.recommendation.createMany({
      data: recommendationIds.map((id, position) => ({
        id,
        workGroupId,
        position,
        title: `${benchIdea(position * 11)
          .text.replace(/ \(#\d+\)$/, "")
          .replace(/\.$/, "")}`,
        rationale:
          "Members in every region named this as the support that made the biggest difference, and the ratings put it near the top in each breakout room that discussed it.",
        knosterCoverage: "vision,skills,resources",
        publishedAt: now,
      })),
    });
    await db.actionStep.createMany({
      data: recommendationIds.flatMap((recommendationId, r) =>
        Array.from({ length: STEPS_PER_RECOMMENDATION }, (_, position) => {
          const k = r * STEPS_PER_RECOMMENDATION + position;
          return {
            id: cuid("as", k),
            recommendationId,
            position,
            description: `Step ${position + 1}: ${benchIdea(k * 3 + 1).text.replace(/ \(#\d+\)$/, "")}`,
            ownerUserId: k % 3 === 0 ? userIds[k % MEMBERS]! : null,
            ownerGroup: k % 3 === 0 ? "" : "Regional centers",
            horizon: HORIZONS[k % HORIZONS.length]!,
            dueOn: k % 2 === 0 ? `2027-0${1 + (k % 9)}-15` : null,
            status: STATUSES[k % STATUSES.length]!,
          };
        }),
      ),
    });
    await db.recommendationTheme.createMany({
      data: recommendationIds.flatMap((recommendationId, r) =>
        [0, 1].map((t) => ({
          recommendationId,
          themeId: cuid("th", (r * 5 + t) * THEMES_PER_SESSION),
        })),
      ),
    });

    // The published documents, as the app drafts them (only the database is used).
    const ctx = { db } as unknown as AppContext;
    const summaryIds = sessionIds.map((_, s) => cuid("ps", s));
    const summaries: { id: string; content: string; title: string; sessionId: string }[] = [];
    let summaryBlocks = 0;
    for (const [s, sessionId] of sessionIds.entries()) {
      const blocks = notes(await summaryDraft(ctx, sessionId, "en"), s);
      summaryBlocks += blocks.length;
      summaries.push({
        id: summaryIds[s]!,
        sessionId,
        title: `Summary of session ${s + 1}`,
        content: JSON.stringify(blocks),
      });
    }
    const draftStart = performance.now();
    const report = await reportDraft(ctx, workGroupId, "en");
    const reportDraftMs = performance.now() - draftStart;
    const reportId = cuid("pr", 0);
    const reportContent = JSON.stringify(report);
    const publishedAt = (s: number) => new Date(start + (s * 7 + 3) * 86_400_000);
    await db.publication.createMany({
      data: [
        ...summaries.map(({ id, sessionId, title }) => ({
          id,
          workGroupId,
          kind: "summary",
          sessionId,
          title,
          publishedNumber: 1,
        })),
        {
          id: reportId,
          workGroupId,
          kind: "report",
          title: "Final report",
          publishedNumber: 1,
        },
      ],
    });
    await db.publicationVersion.createMany({
      data: [
        ...summaries.map(({ id, title, content }, s) => ({
          publicationId: id,
          number: 1,
          title,
          content,
          publishedById: userIds[3],
          publishedAt: publishedAt(s),
        })),
        {
          publicationId: reportId,
          number: 1,
          title: "Success-Ready Students Work Group: final report",
          content: reportContent,
          publishedById: userIds[0],
          publishedAt: publishedAt(options.sessions),
        },
      ],
    });
    return {
      slug: SLUG,
      sessionIds,
      summaryIds,
      reportId,
      counts: {
        sessions: sessionIds.length,
        boards: boards.length,
        ideas: ideas.length,
        "hidden ideas": ideas.filter((i) => i.hiddenAt).length,
        ratings: ratings.length,
        members: MEMBERS,
        recommendations: RECOMMENDATIONS,
        "action steps": RECOMMENDATIONS * STEPS_PER_RECOMMENDATION,
        publications: summaries.length + 1,
      },
      summaryBlocks: summaryBlocks / summaries.length,
      reportBlocks: report.length,
      reportContentKb: Buffer.byteLength(reportContent) / 1024,
      reportDraftMs,
      seedS: (performance.now() - t0) / 1000,
    };
  } finally {
    await db.$disconnect();
  }
}

async function measure(
  options: PublicPagesOptions,
  seeded: Seeded,
  databaseUrl: string,
  start: StartOptions,
) {
  // The server also seeds its own small, unpublished work group (startOurs); nothing here reads it.
  const server = await startServer("ours", { databaseUrl, members: 1, boards: 1 }, start);
  const origin = new URL(server.info.postUrl).origin;
  const random = seededRandom(7);
  const site = `/public/${seeded.slug}`;
  const any = (ids: string[]) => ids[Math.floor(random() * ids.length)];
  const kinds: PageKind[] = [
    { name: "baseline /healthz", path: () => "/healthz", mustContain: "alive" },
    { name: "home", path: () => site, mustContain: "Work Group: final report" },
    { name: "home ?lang=es", path: () => `${site}?lang=es`, mustContain: 'lang="es"' },
    {
      name: `session (any of ${seeded.sessionIds.length})`,
      path: () => `${site}/sessions/${any(seeded.sessionIds)}`,
      mustContain: "Summary of session",
    },
    {
      name: `summary (any of ${seeded.summaryIds.length})`,
      path: () => `${site}/publications/${any(seeded.summaryIds)}`,
      mustContain: "Discussion: ",
    },
    {
      name: "report (every idea)",
      path: () => `${site}/publications/${seeded.reportId}`,
      mustContain: "Appendix: all ideas by theme",
    },
    { name: "feed.xml", path: () => `${site}/feed.xml`, mustContain: "<feed" },
  ];
  const results: KindResult[] = [];
  try {
    for (const kind of kinds) {
      results.push(await measureKind(origin, kind, options, server.pid));
    }
  } finally {
    await server.close();
  }
  return { results, description: server.info.description };
}

function report(
  options: PublicPagesOptions,
  seeded: Seeded,
  results: KindResult[],
  description: string,
) {
  console.log(`\n${LINE}`);
  console.log(
    `Public pages: one published work group, ${options.sessions} sessions, ${options.ideas.toLocaleString("en")} ideas`,
  );
  console.log(LINE);
  console.log(`Server:  ${description}`);
  console.log(
    `Data:    ${Object.entries(seeded.counts)
      .map(([what, n]) => `${n.toLocaleString("en")} ${what}`)
      .join(", ")}`,
  );
  console.log(
    `         summaries ${seeded.summaryBlocks.toFixed(0)} blocks each; report ${seeded.reportBlocks} blocks, ${seeded.reportContentKb.toFixed(0)} KB of JSON (every visible idea in its appendix); seeded in ${seeded.seedS.toFixed(1)} s`,
  );
  console.log(
    `Load:    per page kind, one kind after another: ${options.warmup} warm-up, ${options.sequential ? `${options.sequential} requests one at a time, then ` : ""}${options.requests} requests ${options.concurrency} in flight (closed loop: each client asks again as soon as it has read a page)`,
  );
  console.log(
    "Client:  fetch (undici), keep-alive, a browser's user agent and Accept-Language: en (so the page streams as for people)",
  );
  console.log(
    "TTFB:    request start → response headers (await fetch()); the body is read afterwards",
  );
  console.log(
    "Columns: TTFB percentiles in ms; p95/base = p95 over the baseline's p95 in the same pass; last p95 = request start → body read, ms; KB = page size; CPU/req = server process CPU time per request (ms, /proc); req/s achieved",
  );
  passTables(results, options, TARGET_P95_MS);
  const windows = results.flatMap((r) => [
    r.concurrent.cpu,
    ...(r.sequential ? [r.sequential.cpu] : []),
  ]);
  const worst = windows.reduce((a, b) => (b.loopDelayP99Ms > a.loopDelayP99Ms ? b : a));
  console.log("");
  console.log(`Bench:   ${benchProcessNote(worst)} (worst pass)`);
  console.log(
    `Aside:   the app's reportDraft over these ideas took ${seeded.reportDraftMs.toFixed(0)} ms (the staff's "draft report", not a public page)`,
  );
  noiseNote(windows.map((c) => c.otherShare));

  console.log(`\nTargets (${options.concurrency} in flight)`);
  let all = true;
  for (const r of results.slice(1)) {
    const p95 = ttfbP95(r.concurrent);
    const ok = p95 < TARGET_P95_MS;
    all &&= ok;
    target(`${r.kind.name} p95 TTFB < ${TARGET_P95_MS} ms`, `${ms(p95)} ms`, ok);
  }
  console.log(all ? "  => All targets hold." : "  => The targets do NOT all hold (see above).");
  console.log(LINE);
}

export async function runPublicPages(
  options: PublicPagesOptions,
  kinds: ServerKind[],
  start: StartOptions,
) {
  if (!kinds.includes("ours")) {
    console.log("Public pages: only our server has public pages; skipped (--only stock).");
    return;
  }
  const database = freshSqliteDatabase();
  try {
    console.log("Public pages: seeding…");
    const seeded = await seed(database.url, options);
    console.log("Public pages: measuring…");
    const { results, description } = await measure(options, seeded, database.url, start);
    report(options, seeded, results, description);
  } finally {
    database.drop();
  }
}
