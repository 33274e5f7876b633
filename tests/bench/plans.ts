/**
 * Improvement plans (`npm run bench -- --only plans`): a program with 50 plans, 500 goals
 * (10 a plan), 1,000 measures with 20,000 readings, 3,000 action steps (6 a goal, each with
 * 2 progress updates, some overdue or blocked). The plan page and the implementation view, as
 * a facilitator opens them, round-robin over the 50 plans. Target: p95 time to first byte
 * under 100 ms, beside GET /healthz in the same passes (Express answers it before Remix), so
 * the ratio shows what the page itself costs. Ours only: the stock server has no pages.
 *
 * The real server (startAppServer, production build, its own child process, fresh SQLite),
 * seeded by startOurs with seedBenchPlans below. Page timing as in console.ts (pages.ts).
 */
import type { Db } from "../../server/db.ts";
import {
  benchProcessNote,
  LINE,
  ms,
  noiseNote,
  type StartOptions,
  sleep,
  startServer,
  target,
} from "./harness.ts";
import { type KindResult, measureKind, type PageKind, passTables, ttfbP95 } from "./pages.ts";
import type { ServerKind } from "./servers.ts";
import { freshSqliteDatabase } from "./setup.ts";

export type PlansOptions = {
  plans: number;
  goals: number;
  readings: number;
  requests: number;
  sequential: number;
  warmup: number;
  concurrency: number;
};

/** What startOurs seeds (plain data: it crosses to the server child as JSON). */
export type BenchPlansSeed = { plans: number; goals: number; readings: number };

const TARGET_P95_MS = 100;
const MEASURES_PER_GOAL = 2;
const STEPS_PER_GOAL = 6;
const UPDATES_PER_STEP = 2;
const HORIZONS = ["30_days", "60_days", "90_days", "long_range"];
const STATUSES = ["not_started", "in_progress", "blocked", "done"];

const day = (offset: number) =>
  new Date(Date.parse("2026-01-01T00:00:00Z") + offset * 86_400_000).toISOString().slice(0, 10);

/** Inserts in slices: SQLite bounds the variables of one statement. */
async function inSlices<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** The program's plans, written straight to the database; returns the plans' ids. */
export async function seedBenchPlans(
  db: Db,
  where: { programId: string; workGroupId: string; ownerIds: string[]; authorId: string },
  seed: BenchPlansSeed,
) {
  const planIds = Array.from({ length: seed.plans }, (_, p) => `benchplan${p}`);
  await db.improvementPlan.createMany({
    data: planIds.map((id, p) => ({
      id,
      programId: where.programId,
      workGroupId: where.workGroupId,
      level: p === 0 ? "district" : "school",
      name: p === 0 ? "Bench district" : `Bench school ${p}`,
      startYear: 2026,
      endYear: 2030,
      districtPlanId: p === 0 ? null : planIds[0],
      planningProcess: "A planning team of 24 stakeholders met six times.",
      prioritizedNeeds: "Reading in grades 3-5\nTeacher retention\nAttendance",
    })),
  });
  const goalsPerPlan = Math.ceil(seed.goals / seed.plans);
  const goals = Array.from({ length: seed.goals }, (_, g) => ({
    id: `benchgoal${g}`,
    planId: planIds[Math.floor(g / goalsPerPlan)]!,
    position: (g % goalsPerPlan) + 1,
    title: `Goal area ${g}: effective instruction`,
    smartGoal: "Students proficient in ELA rise from 52% to 62% by June 2029.",
    strategies: "Common formative assessments\nCollaborative data teams",
  }));
  await inSlices(goals, (data) => db.planGoal.createMany({ data }));
  const measures = goals.flatMap((goal, g) =>
    Array.from({ length: MEASURES_PER_GOAL }, (_, m) => ({
      id: `benchmeasure${g}x${m}`,
      goalId: goal.id,
      position: m + 1,
      name: `Measure ${m + 1} of goal ${g}`,
      unit: "%",
      baseline: 40,
      baselineOn: day(-400),
      target: 80,
      targetOn: day(800),
    })),
  );
  await inSlices(measures, (data) => db.goalMeasure.createMany({ data }));
  const readingsEach = Math.ceil(seed.readings / measures.length);
  const readings = measures.flatMap((measure) =>
    Array.from({ length: readingsEach }, (_, r) => ({
      measureId: measure.id,
      value: 40 + r,
      takenOn: day(-400 + r * 15),
      note: r % 4 === 0 ? "Walk-through records" : "",
    })),
  );
  await inSlices(readings, (data) => db.measureReading.createMany({ data }));
  const steps = goals.flatMap((goal, g) =>
    Array.from({ length: STEPS_PER_GOAL }, (_, s) => {
      const status = STATUSES[(g + s) % STATUSES.length]!;
      return {
        id: `benchstep${g}x${s}`,
        goalId: goal.id,
        position: s + 1,
        horizon: HORIZONS[s % HORIZONS.length]!,
        description: `Action step ${s + 1} of goal ${g}: train building leaders`,
        startsOn: day(-200 + s * 30),
        ownerUserId: where.ownerIds[(g * STEPS_PER_GOAL + s) % where.ownerIds.length]!,
        resources: "Release time",
        status,
        completedOn: status === "done" ? day(-20) : null,
      };
    }),
  );
  await inSlices(steps, (data) => db.planStep.createMany({ data }));
  const updates = steps.flatMap((step) =>
    Array.from({ length: UPDATES_PER_STEP }, (_, u) => ({
      stepId: step.id,
      reportedOn: day(-100 + u * 40),
      status: u === UPDATES_PER_STEP - 1 ? step.status : "in_progress",
      note: "Two of four buildings have started.",
      authorId: where.authorId,
    })),
  );
  await inSlices(updates, (data) => db.planStepUpdate.createMany({ data }));
  return planIds;
}

export async function runPlans(options: PlansOptions, kinds: ServerKind[], start: StartOptions) {
  if (!kinds.includes("ours")) {
    console.log("Plans: only our server has plans; skipped (--only stock).");
    return;
  }
  const database = freshSqliteDatabase();
  try {
    console.log("Plans: seeding and starting…");
    const server = await startServer(
      "ours",
      {
        databaseUrl: database.url,
        members: 50,
        boards: 1,
        plans: { plans: options.plans, goals: options.goals, readings: options.readings },
      },
      start,
    );
    const results: KindResult[] = [];
    try {
      // Seeding 30,000 rows kept the server's event loop busy: its load shedding holds for a
      // moment after (server/limiters.ts), which would answer the warm-up 503.
      await sleep(3_000);
      const plans = server.info.plans!;
      const origin = new URL(plans.appUrl).origin;
      let nextPlan = 0;
      let nextView = 0;
      const kinds: PageKind[] = [
        { name: "baseline /healthz", path: () => "/healthz", mustContain: "alive" },
        {
          name: "plan page",
          path: () => plans.planPaths[nextPlan++ % plans.planPaths.length]!,
          headers: { cookie: plans.cookie },
          mustContain: "Plan components",
        },
        {
          name: "implementation view",
          path: () => `${plans.planPaths[nextView++ % plans.planPaths.length]}/implementation`,
          headers: { cookie: plans.cookie },
          mustContain: "Monitor implementation",
        },
      ];
      for (const kind of kinds) {
        results.push(await measureKind(origin, kind, options, server.pid));
      }
    } finally {
      await server.close();
    }
    console.log(`\n${LINE}`);
    console.log(
      `Plans: ${options.plans} plans, ${options.goals} goals, ${options.readings} readings, ${options.goals * STEPS_PER_GOAL} action steps, as a facilitator`,
    );
    console.log(LINE);
    console.log(`Server:  ${server.info.description}`);
    console.log(
      `Load:    ${options.warmup} warm-up, ${options.sequential} one at a time, then ${options.requests} with ${options.concurrency} in flight (closed loop), per page`,
    );
    passTables(results, options, TARGET_P95_MS);
    const windows = results.map((r) => r.concurrent.cpu);
    const worst = windows.reduce((a, b) => (b.loopDelayP99Ms > a.loopDelayP99Ms ? b : a));
    console.log(`\nBench:   ${benchProcessNote(worst)} (worst pass)`);
    noiseNote(windows.map((c) => c.otherShare));
    console.log(`\nTargets (${options.concurrency} in flight)`);
    const base = ttfbP95(results[0]!.concurrent);
    for (const r of results.slice(1)) {
      const p95 = ttfbP95(r.concurrent);
      target(
        `${r.kind.name} p95 TTFB < ${TARGET_P95_MS} ms (${(p95 / base).toFixed(1)}x /healthz)`,
        `${ms(p95)} ms`,
        p95 < TARGET_P95_MS,
      );
    }
    console.log(LINE);
  } finally {
    database.drop();
  }
}
