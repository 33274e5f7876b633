import type { AppContext } from "../../utils/app-context.ts";
import { type SaidValues, say } from "../../utils/http.server.ts";
import type { MessageKey, SayKey } from "../i18n/en.ts";
import type { Locale } from "../i18n/i18n.ts";
import type { Block, PublishedDocument, Run } from "../publication/content.ts";
import type { WorkGroupAccess } from "../work-group/work-group.server.ts";
import { planFormats } from "./format.ts";
import { schoolYearDays } from "./plan-years.ts";
import { inDateOrder, progressOf } from "./progress.ts";
import { REVIEW_OUTCOMES } from "./review-schema.ts";
import { GOAL_PARTS, PLAN_COMPONENTS, STEP_HORIZONS } from "./schema.ts";
import { IN_POSITION } from "./selects.ts";
import { listVersions, requirePlanIn, snapshotOf } from "./versions.server.ts";

/**
 * The plan's documents, in the words of the reader's language: the whole plan in the CSIP
 * handbook's template shape (its components in the handbook's order, then each goal with its
 * SMART goal, rationale, strategies, funding, standards, adult behaviors, measures and action
 * steps by horizon, then how it is evaluated and revised), and the annual progress report's
 * first draft. Both are the publication blocks every export renders (PDF, Word, Markdown).
 */

type Db = Pick<AppContext, "db">;

const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: "heading", level, text });
const p = (...runs: (Run | string)[]): Block => ({
  kind: "paragraph",
  runs: runs.map((run) => (typeof run === "string" ? { text: run } : run)),
});
const list = (items: (Run[] | string)[], ordered = false): Block => ({
  kind: "list",
  ordered,
  items: items.map((item) => (typeof item === "string" ? [{ text: item }] : item)),
});
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

function wordsIn(locale: Locale) {
  const format = planFormats(locale);
  const t = (key: SayKey, values: SaidValues = {}) => say(locale, key, values);
  return {
    t,
    ...format,
    schoolYear: (year: number) => t("planReview.schoolYear", { start: year, end: year + 1 }),
    horizon: (plan: { startYear: number; endYear: number }) =>
      t("planReview.horizon", {
        start: plan.startYear,
        end: plan.endYear,
        count: plan.endYear - plan.startYear,
      }),
  };
}
type Words = ReturnType<typeof wordsIn>;

/** A written component: its lines as a list where the handbook lists them, else as typed. */
function writtenText(words: Words, text: string, asList = false): Block[] {
  if (!text.trim()) return [p({ text: words.t("plans.notWritten"), italic: true })];
  return asList ? [list(lines(text), true)] : [p(text.trim())];
}

/** The whole plan as the handbook's template, for the Word download. */
export async function planDocument(
  ctx: Db,
  access: WorkGroupAccess,
  planId: string,
  locale: Locale,
): Promise<PublishedDocument> {
  const words = wordsIn(locale);
  const { t } = words;
  await requirePlanIn(ctx, access, planId);
  const [plan, stored, versions, reviews] = await Promise.all([
    snapshotOf(ctx, planId),
    ctx.db.improvementPlan.findUniqueOrThrow({
      where: { id: planId },
      select: { createdAt: true, updatedAt: true },
    }),
    listVersions(ctx, planId),
    ctx.db.planReview.findMany({
      where: { planId, completedAt: { not: null } },
      orderBy: { year: "asc" },
      select: {
        year: true,
        completedAt: true,
        goals: { select: { goalId: true, outcome: true } },
      },
    }),
  ]);
  const blocks: Block[] = [
    p(
      [t(`plans.level.${plan.level}` as MessageKey), words.horizon(plan)].join(" · "),
      versions[0] ? ` · ${t("planReview.document.version", { number: versions[0].number })}` : "",
    ),
  ];
  for (const component of PLAN_COMPONENTS) {
    blocks.push(h(1, t(`plans.component.${component}` as MessageKey)));
    blocks.push(...writtenText(words, plan[component], component === "prioritizedNeeds"));
  }
  blocks.push(h(1, t("plans.goals")));
  if (plan.goals.length === 0) blocks.push(p(t("plans.noGoals")));
  for (const goal of plan.goals) {
    blocks.push(h(2, goal.title));
    for (const part of GOAL_PARTS) {
      blocks.push(h(3, t(`plans.goal.part.${part}` as MessageKey)));
      blocks.push(...writtenText(words, goal[part], part === "strategies"));
    }
    blocks.push(h(3, t("plans.measures")));
    blocks.push(
      goal.measures.length
        ? list(
            goal.measures.map((m) =>
              [
                m.name,
                t("plans.measure.summary", {
                  baseline: t("plans.measure.value", {
                    value: words.number(m.baseline),
                    unit: m.unit,
                  }),
                  baselineOn: words.date(m.baselineOn),
                  target: t("plans.measure.value", { value: words.number(m.target), unit: m.unit }),
                  targetOn: words.date(m.targetOn),
                }),
                m.source ? t("plans.measure.source", { source: m.source }) : "",
              ]
                .filter(Boolean)
                .join(" · "),
            ),
          )
        : p({ text: t("plans.noMeasures"), italic: true }),
    );
    blocks.push(h(3, t("plans.steps")));
    for (const horizon of STEP_HORIZONS) {
      const steps = goal.steps.filter((s) => s.horizon === horizon);
      blocks.push(p({ text: `${t(`plans.horizon.${horizon}` as MessageKey)}:`, bold: true }));
      blocks.push(
        steps.length
          ? list(
              steps.map((s) =>
                [
                  s.description,
                  `${t("plans.step.startsOn")}: ${s.startsOn ? words.date(s.startsOn) : "—"}`,
                  `${t("plans.step.owner")}: ${s.ownerName ?? t("plans.step.notNamed")}`,
                  `${t("plans.step.resources")}: ${s.resources || t("plans.step.noResources")}`,
                  `${t("plans.step.completion")}: ${
                    s.completedOn ? words.date(s.completedOn) : t("plans.step.open")
                  }`,
                ].join(" · "),
              ),
              true,
            )
          : p({ text: t("plans.noSteps"), italic: true }),
      );
    }
  }
  // The handbook's last component: how the plan is evaluated at least annually and revised.
  blocks.push(h(1, t("planReview.document.evaluate")));
  blocks.push(h(2, t("planReview.reviews")));
  const titles = new Map(plan.goals.map((g) => [g.id, g.title]));
  blocks.push(
    reviews.length
      ? list(
          reviews.map((r) =>
            [
              t("planReview.document.reviewed", {
                year: words.schoolYear(r.year),
                date: words.date(r.completedAt!.toISOString().slice(0, 10)),
              }),
              ...r.goals
                .filter((g) => titles.has(g.goalId))
                .map((g) =>
                  t("planReview.report.goalOutcome", {
                    goal: titles.get(g.goalId)!,
                    outcome: outcomeWord(words, g.outcome),
                  }),
                ),
            ].join(" · "),
          ),
        )
      : p({ text: t("planReview.noReviews"), italic: true }),
  );
  blocks.push(h(2, t("planReview.versions")));
  blocks.push(
    versions.length
      ? list(
          [...versions].reverse().map((v) =>
            t("planReview.document.versionLine", {
              number: v.number,
              date: words.date(v.createdAt.slice(0, 10)),
              name: v.byName ?? t("planReview.someone"),
              note: v.note,
            }),
          ),
        )
      : p({ text: t("planReview.noVersions"), italic: true }),
  );
  return {
    title: t("planReview.document.title", { name: plan.name }),
    workGroupName: access.workGroup.name,
    publishedAt: stored.createdAt.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
    datesLine: t("planReview.document.asOf", {
      date: words.date(new Date().toISOString().slice(0, 10)),
    }),
    language: locale,
    blocks,
  };
}

function outcomeWord(words: Words, outcome: string) {
  return (REVIEW_OUTCOMES as readonly string[]).includes(outcome)
    ? words.t(`planReview.outcome.${outcome}` as MessageKey)
    : outcome;
}

/**
 * The annual progress report's first draft, from a completed yearly review: the handbook's
 * "summary of the completed work and the results of all implemented strategies and
 * evaluations", goal by goal, with each measure against its target at the end of the year.
 */
export async function progressReportDraft(ctx: Db, planId: string, year: number, locale: Locale) {
  const words = wordsIn(locale);
  const { t } = words;
  const { from, to } = schoolYearDays(year);
  const plan = await ctx.db.improvementPlan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      name: true,
      startYear: true,
      endYear: true,
      reviews: {
        where: { year },
        select: {
          completedAt: true,
          goals: { select: { goalId: true, outcome: true, evidence: true, evidenceUrl: true } },
        },
      },
      goals: {
        orderBy: IN_POSITION,
        select: {
          id: true,
          title: true,
          smartGoal: true,
          measures: {
            orderBy: IN_POSITION,
            select: {
              name: true,
              unit: true,
              baseline: true,
              baselineOn: true,
              target: true,
              targetOn: true,
              readings: { where: { takenOn: { lte: to } }, select: { value: true, takenOn: true } },
            },
          },
          steps: {
            orderBy: IN_POSITION,
            select: { description: true, completedOn: true },
          },
        },
      },
    },
  });
  const review = plan.reviews[0];
  const outcomes = new Map((review?.goals ?? []).map((g) => [g.goalId, g]));
  const schoolYear = words.schoolYear(year);
  const blocks: Block[] = [
    p(
      t("planReview.report.intro", {
        plan: plan.name,
        year: schoolYear,
        horizon: words.horizon(plan),
        date: review?.completedAt ? words.date(review.completedAt.toISOString().slice(0, 10)) : "—",
      }),
    ),
    h(1, t("planReview.report.summary")),
    list(
      plan.goals.map((g) =>
        t("planReview.report.goalOutcome", {
          goal: g.title,
          outcome: outcomeWord(words, outcomes.get(g.id)?.outcome ?? ""),
        }),
      ),
    ),
  ];
  for (const goal of plan.goals) {
    const outcome = outcomes.get(goal.id);
    blocks.push(h(1, goal.title));
    if (goal.smartGoal) blocks.push(p({ text: goal.smartGoal, italic: true }));
    blocks.push(
      p(
        { text: `${t("planReview.outcomeLabel")}: `, bold: true },
        outcomeWord(words, outcome?.outcome ?? ""),
      ),
    );
    blocks.push(h(2, t("planReview.evidence")));
    if (outcome?.evidence) blocks.push(p(outcome.evidence));
    if (outcome?.evidenceUrl) {
      blocks.push(p({ text: t("planReview.evidenceLink"), href: outcome.evidenceUrl }));
    }
    blocks.push(h(2, t("planReview.report.measures")));
    blocks.push(
      goal.measures.length
        ? list(
            goal.measures.map((m) => {
              const latest = inDateOrder(m.readings).at(-1);
              const progress = progressOf(m);
              const value = (n: number) =>
                t("plans.measure.value", { value: words.number(n), unit: m.unit });
              return [
                m.name,
                latest
                  ? t("planReview.atYearEnd", {
                      value: value(latest.value),
                      date: words.date(latest.takenOn),
                    })
                  : t("plans.measure.noReadings"),
                t("planReview.report.target", {
                  target: value(m.target),
                  date: words.date(m.targetOn),
                  baseline: value(m.baseline),
                }),
                progress === null
                  ? ""
                  : t("plans.measure.progress", { percent: words.percent(progress) }),
              ]
                .filter(Boolean)
                .join(" · ");
            }),
          )
        : p({ text: t("plans.noMeasures"), italic: true }),
    );
    blocks.push(h(2, t("planReview.report.completed")));
    const done = goal.steps.filter(
      (s) => s.completedOn && s.completedOn >= from && s.completedOn <= to,
    );
    blocks.push(
      done.length
        ? list(
            done.map(
              (s) =>
                `${s.description} (${t("plans.step.completedOn", { date: words.date(s.completedOn!) })})`,
            ),
          )
        : p({ text: t("planReview.report.noneCompleted"), italic: true }),
    );
    const open = goal.steps.filter((s) => !s.completedOn).length;
    if (open) blocks.push(p(t("planReview.report.stillOpen", { count: open })));
  }
  return {
    title: t("planReview.report.title", { year: schoolYear, plan: plan.name }).slice(0, 200),
    blocks,
  };
}

/** The plan's action steps and measure readings, for its two spreadsheet downloads. */
export async function planExportRows(ctx: Db, access: WorkGroupAccess, planId: string) {
  const plan = await requirePlanIn(ctx, access, planId);
  const goals = await ctx.db.planGoal.findMany({
    where: { planId },
    orderBy: IN_POSITION,
    select: {
      title: true,
      steps: {
        orderBy: IN_POSITION,
        select: {
          horizon: true,
          description: true,
          startsOn: true,
          ownerUser: { select: { name: true } },
          resources: true,
          completedOn: true,
        },
      },
      measures: {
        orderBy: IN_POSITION,
        select: {
          name: true,
          unit: true,
          baseline: true,
          target: true,
          targetOn: true,
          readings: {
            orderBy: [{ takenOn: "asc" }, { createdAt: "asc" }],
            select: { value: true, takenOn: true, note: true, evidenceUrl: true },
          },
        },
      },
    },
  });
  return {
    plan,
    steps: goals.flatMap((g) =>
      g.steps.map(({ ownerUser, ...s }) => ({
        ...s,
        goal: g.title,
        ownerName: ownerUser?.name ?? null,
      })),
    ),
    readings: goals.flatMap((g) =>
      g.measures.flatMap(({ readings, ...m }) =>
        readings.map((r) => ({ ...r, goal: g.title, measure: m })),
      ),
    ),
  };
}
