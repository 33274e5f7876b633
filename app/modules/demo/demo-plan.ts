import type { AppContext } from "../../utils/app-context.ts";
import { IN_ORDER } from "../recommendation/recommendation.server.ts";

/**
 * The demo's improvement plan: a pilot district's plan with the CSIP handbook's components
 * (../shared/seeds/csip-guidance-handbook.txt), one goal started from the work group's
 * assessment recommendation, one measure with a year of readings, and action steps in each
 * horizon with their progress updates: two done, one overdue (the grades 3-5 pilot, 90 days
 * from October 2022) and one blocked, so a newcomer sees what monitoring shows. The district
 * and its figures are the demo's own.
 */
const PLAN = {
  level: "district",
  name: "Central Region Pilot School District",
  startYear: 2022,
  endYear: 2027,
  planningProcess:
    "A planning team of teachers, parents, students, administrators, board members and business partners met six times in the spring of 2022, led by the superintendent, with a trained facilitator moving the team through the process. Staff and stakeholders are informed through the district website and a summary after each meeting.",
  beliefsVision:
    "All students can learn at high levels.\nStudents show what they know when they are ready, not when the calendar says.\nEvery student graduates ready for success.",
  mission:
    "We partner with families and the community to ensure every student masters the knowledge and skills for success after high school.",
  keyIssuesData:
    "English language arts proficiency has been flat for three years, and the gap for students with disabilities has widened. Fewer than half of graduates earn a college and career readiness credential.",
  keyIssuesFactors:
    "Internal: teachers lack common formative assessments and time to study the results together. External: a growing industrial park brings new families and partners ready to offer real-world learning.",
  prioritizedNeeds:
    "Assessment for learning in every classroom\nTime for teachers to collaborate on student results\nReal-world learning partnerships",
};

const GOAL = {
  fundingSources: "Title I, Part A; Title II, Part A; local professional development funds",
  standards: "MSIP 6 Performance Standards: academic achievement; subgroup achievement",
  adultBehaviors:
    "Teachers give a common formative assessment in each unit and meet in teams within a week to plan re-teaching from the results.",
  rationale:
    "Only 35% of teachers used common formative assessments in 2021-22 (walk-through data), and ELA proficiency was flat at 52% for three years (Annual Performance Report).",
};

const MEASURE = {
  name: "Teachers giving a common formative assessment in each unit",
  unit: "%",
  baseline: 35,
  baselineOn: "2022-08-15",
  target: 80,
  targetOn: "2025-06-01",
  source: "Building walk-through records",
};

/** A school year of monthly readings, rising as the training reaches the buildings. */
const READINGS = [
  ["2022-09-15", 36, "Before training"],
  ["2022-10-14", 38, ""],
  ["2022-11-15", 41, "After the first training day"],
  ["2022-12-15", 43, ""],
  ["2023-01-17", 42, "Two teams paused over the winter break"],
  ["2023-02-15", 47, ""],
  ["2023-03-15", 50, ""],
  ["2023-04-14", 53, "Grades 3-5 pilot started"],
  ["2023-05-15", 55, ""],
  ["2023-06-15", 56, "End of the school year"],
  ["2023-07-14", 56, "Summer school buildings only"],
  ["2023-08-15", 58, "Start of the new school year"],
] as const;

const STEPS: {
  horizon: string;
  description: string;
  startsOn: string;
  owner: string;
  resources: string;
  completedOn?: string;
  status?: string;
  /** Progress updates, oldest first: [date, status, note, evidence link]. */
  updates?: [string, string, string, string?][];
}[] = [
  {
    horizon: "30_days",
    description: "Form the assessment design team with a teacher from each building.",
    startsOn: "2022-08-01",
    owner: "Dana Facilitator",
    resources: "Release time for six teachers",
    completedOn: "2022-08-26",
    status: "done",
    updates: [
      ["2022-08-12", "in_progress", "Four of six buildings have named their teacher."],
      ["2022-08-26", "done", "The team met for the first time with all six buildings."],
    ],
  },
  {
    horizon: "60_days",
    description: "Train building leaders on the formative assessment cycle.",
    startsOn: "2022-09-01",
    owner: "Riley Recorder",
    resources: "Regional professional development center",
    completedOn: "2022-10-28",
    status: "done",
    updates: [
      [
        "2022-10-28",
        "done",
        "All building leaders attended both days.",
        "https://example.org/central-region/pd-sign-in-2022-10.pdf",
      ],
    ],
  },
  {
    horizon: "90_days",
    description: "Pilot common formative assessments in grades 3-5.",
    startsOn: "2022-10-03",
    owner: "Avery Teacher",
    resources: "Item bank licence; Title II, Part A",
    status: "in_progress",
    updates: [
      ["2022-11-15", "in_progress", "Grade 3 teams gave their first common assessment."],
      [
        "2023-01-17",
        "in_progress",
        "Grades 4 and 5 have not started: the item bank licence is still with purchasing.",
      ],
    ],
  },
  {
    horizon: "long_range",
    description: "Share an item bank with the neighbouring districts of the region.",
    startsOn: "2023-01-09",
    owner: "Dana Facilitator",
    resources: "Regional center data-sharing agreement",
    status: "blocked",
    updates: [
      [
        "2023-03-01",
        "blocked",
        "Waiting for the regional center's data-sharing agreement; the board meets on it in April.",
      ],
    ],
  },
  {
    horizon: "long_range",
    description:
      "Review the impact on student achievement each year and revise the plan with the planning team.",
    startsOn: "2023-06-01",
    owner: "Sam Principal",
    resources: "Annual Performance Report; walk-through data",
  },
];

export async function loadDemoPlan(ctx: Pick<AppContext, "db">, workGroupId: string) {
  const workGroup = await ctx.db.workGroup.findUniqueOrThrow({
    where: { id: workGroupId },
    select: {
      programId: true,
      memberships: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  const userId = new Map(workGroup.memberships.map((m) => [m.user.name, m.user.id]));
  const recommendations = await ctx.db.recommendation.findMany({
    where: { workGroupId },
    orderBy: IN_ORDER,
    select: {
      id: true,
      title: true,
      goalSpecific: true,
      goalMeasurable: true,
      goalTimely: true,
      strategies: true,
    },
  });
  const assessment = recommendations.find((r) => r.title.includes("assessment for learning"));
  await ctx.db.improvementPlan.create({
    data: {
      ...PLAN,
      programId: workGroup.programId,
      workGroupId,
      goals: {
        create: {
          position: 1,
          title: assessment?.title ?? "Assessment for learning",
          recommendationId: assessment?.id ?? null,
          smartGoal: assessment
            ? [assessment.goalSpecific, assessment.goalMeasurable, assessment.goalTimely]
                .filter(Boolean)
                .join("\n")
            : "",
          strategies:
            "Common formative assessments in every unit\nCollaborative data teams meeting weekly\nRe-teaching and enrichment blocks",
          ...GOAL,
          measures: {
            create: {
              ...MEASURE,
              position: 1,
              readings: {
                create: READINGS.map(([takenOn, value, note]) => ({ takenOn, value, note })),
              },
            },
          },
          steps: {
            create: STEPS.map(({ owner, updates = [], ...step }, index) => ({
              ...step,
              position: index + 1,
              ownerUserId: userId.get(owner) ?? null,
              updates: {
                create: updates.map(([reportedOn, status, note, evidenceUrl]) => ({
                  reportedOn,
                  status,
                  note,
                  evidenceUrl: evidenceUrl ?? "",
                  authorId: userId.get("Dana Facilitator") ?? null,
                })),
              },
            })),
          },
        },
      },
    },
  });
}
