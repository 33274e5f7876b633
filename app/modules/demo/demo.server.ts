import type { AppContext } from "../../utils/app-context.ts";
import { hashPassword } from "../auth/password.server.ts";
import { reportDraft, summaryDraft } from "../publication/drafts.server.ts";
import { storeDraft, storeVersion } from "../publication/publication.server.ts";
import { DEFAULT_STAKEHOLDER_GROUPS } from "../work-group/defaults.ts";
import { loadDemoCommentPeriod } from "./demo-comment-period.ts";
import { loadDemoPlan } from "./demo-plan.ts";
import { loadDemoPlanReview } from "./demo-plan-review.ts";

/**
 * A demo drawn from the Success-Ready Students Work Group report (../shared/seeds): its
 * charge, essential questions, five areas of focus, members from every stakeholder group,
 * a past planning session with ideas on a Knoster board and themes drawn from them, and the
 * report's recommendations with key action steps. Loaded only into an empty
 * database, so it never touches a real install's data.
 */
export const DEMO_PASSWORD = "success-ready-2022";
const DOMAIN = "demo.convene.test";

const REGIONS = [
  "Central",
  "Kansas City",
  "Northeast",
  "Northwest",
  "South Central",
  "Southeast",
  "Southwest",
  "St. Louis",
];

/**
 * The Spanish names staff gave the demo's lists, so Spanish pages show them (staff text may
 * carry a Spanish version, issue 17); a city's name stays as it is.
 */
const SPANISH_NAMES: Record<string, string> = {
  Central: "Centro",
  Northeast: "Noreste",
  Northwest: "Noroeste",
  "South Central": "Centro Sur",
  Southeast: "Sureste",
  Southwest: "Suroeste",
  Students: "Estudiantes",
  Parents: "Madres y padres",
  Teachers: "Docentes",
  Administrators: "Administradores",
  "School board members": "Miembros de la junta escolar",
  Business: "Empresas",
  "Higher education": "Educación superior",
  Community: "Comunidad",
  "Agency staff": "Personal de la agencia",
  "Assessment for Learning": "Evaluación para el aprendizaje",
  "Professional Learning Design": "Diseño del aprendizaje profesional",
  Policy: "Políticas",
  "Accreditation & Accountability": "Acreditación y rendición de cuentas",
  "Innovation Zones": "Zonas de innovación",
};
const named = (name: string, position: number) => ({
  name,
  nameEs: SPANISH_NAMES[name] ?? null,
  position,
});

const MEMBERS: { name: string; role: string; group: string; region: string }[] = [
  { name: "Dana Facilitator", role: "facilitator", group: "Agency staff", region: "Central" },
  { name: "Riley Recorder", role: "recorder", group: "Agency staff", region: "Central" },
  { name: "Maya Student", role: "member", group: "Students", region: "Kansas City" },
  { name: "Jordan Parent", role: "member", group: "Parents", region: "Southwest" },
  { name: "Avery Teacher", role: "member", group: "Teachers", region: "St. Louis" },
  { name: "Sam Principal", role: "member", group: "Administrators", region: "Northeast" },
  { name: "Casey Board", role: "member", group: "School board members", region: "Southeast" },
  { name: "Morgan Business", role: "member", group: "Business", region: "Kansas City" },
  { name: "Taylor Professor", role: "member", group: "Higher education", region: "Northwest" },
  { name: "Jamie Neighbor", role: "member", group: "Community", region: "South Central" },
];

const IDEAS: { column: string; text: string }[] = [
  {
    column: "vision",
    text: "Support every student, every day in their learning with a learner-centered assessment system.",
  },
  {
    column: "vision",
    text: "Through-year assessments that give timely feedback students use to set their own goals.",
  },
  {
    column: "skills",
    text: "Use multiple measures that are authentic, continual over time and track progress toward learning targets.",
  },
  { column: "skills", text: "Assessment literacy for educators and all stakeholders." },
  {
    column: "incentives",
    text: "Students see mastery rewarded, with choice and voice in how they show it.",
  },
  { column: "resources", text: "Release time and training on how to use data for decisions." },
  {
    column: "resources",
    text: "Provide transportation so students can reach real-world learning opportunities.",
  },
  {
    column: "action_plan",
    text: "Pilot a through-year assessment model with volunteer districts.",
  },
];

/** Themes the co-facilitators drew from the demo board, by the ideas' places in IDEAS. */
const THEMES: { label: string; ideas: number[] }[] = [
  { label: "Learner-centered, through-year assessment", ideas: [0, 1, 4] },
  { label: "Assessment literacy and data use", ideas: [2, 3, 5] },
];

/**
 * The seed report's recommendations with some of their key action steps, in its words; the
 * dates, owners and statuses are the demo's own, to show an improvement plan under way.
 */
const RECOMMENDATIONS: {
  title: string;
  coverage: string[];
  themes: number[];
  goal?: { specific: string; measurable: string; timely: string };
  steps: {
    description: string;
    owner: string;
    horizon: string;
    startsOn?: string;
    dueOn?: string;
    status: string;
    resourceNote?: string;
  }[];
}[] = [
  {
    title: "Develop policy that supports competency-based learning.",
    coverage: ["vision", "incentives"],
    themes: [],
    steps: [
      {
        description: "Create a steering committee to support CBL policy development.",
        owner: "DESE",
        horizon: "30_days",
        startsOn: "2022-07-01",
        dueOn: "2022-08-01",
        status: "done",
      },
      {
        description:
          "Prioritize policy that supports the creation of a reimagined assessment system, and funding state ADA at 95% for competency-based credit.",
        owner: "Steering committee",
        horizon: "school_year",
        startsOn: "2022-08-01",
        dueOn: "2023-06-30",
        status: "in_progress",
      },
    ],
  },
  {
    title:
      "Design/build a competency-based assessment for learning system (inclusive of federal requirements).",
    coverage: ["vision", "skills", "resources", "action_plan"],
    themes: [0, 1],
    goal: {
      specific:
        "A reimagined K-12 assessment for learning system recommended to the Commissioner of Education.",
      measurable: "Implemented statewide no later than the 2024-25 school year.",
      timely: "Design during the 2022-2023 school year.",
    },
    steps: [
      {
        description:
          "Create an Assessment Work Group to address technical design of an assessment system that meets federal requirements.",
        owner: "DESE",
        horizon: "60_days",
        startsOn: "2022-07-01",
        dueOn: "2022-09-01",
        status: "done",
      },
      {
        description: "Support DESE in seeking federal waivers and legislative support as needed.",
        owner: "Assessment Work Group",
        horizon: "school_year",
        startsOn: "2022-09-01",
        dueOn: "2023-01-15",
        status: "blocked",
      },
      {
        description:
          "Identify resources including on-going professional learning to support local and statewide assessment for learning implementation.",
        owner: "Assessment Work Group",
        horizon: "long_range",
        status: "not_started",
      },
    ],
  },
  {
    title: "Launch Innovation Zone Cohort 1 in 2022-2023.",
    coverage: ["incentives", "resources"],
    themes: [],
    steps: [
      {
        description:
          "Design the application and approval process with representatives from the SRSWG.",
        owner: "DESE",
        horizon: "90_days",
        startsOn: "2022-08-01",
        dueOn: "2022-10-31",
        status: "in_progress",
        resourceNote: "The process will require facilitation support.",
      },
    ],
  },
  {
    title:
      "Expand capacity for Missouri school districts to engage students in Business-to-Education (B2E) opportunities.",
    coverage: ["incentives", "resources"],
    themes: [],
    steps: [
      {
        description:
          "Create a Blue Ribbon Commission consisting of business leaders to champion Competency Based Learning and Real World Learning opportunities.",
        owner: "DESE",
        horizon: "school_year",
        status: "not_started",
        resourceNote:
          "Facilitation/coordination support is needed along with in-kind support from participating organizations.",
      },
    ],
  },
  {
    title:
      "In all engagement processes, model best practices in stakeholder engagement and effective communication.",
    coverage: ["vision", "action_plan"],
    themes: [],
    steps: [
      {
        description:
          "Develop and implement a unified strategy to inform stakeholders on the why, what, when and how of these recommendations.",
        owner: "State and regional educational agencies",
        horizon: "long_range",
        status: "in_progress",
      },
    ],
  },
];

export type Demo = {
  workGroupName: string;
  adminEmail: string;
  facilitatorEmail: string;
  memberEmail: string;
  password: string;
};

export async function loadDemo(ctx: Pick<AppContext, "db" | "log">): Promise<Demo | null> {
  if ((await ctx.db.user.count()) > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const email = (name: string) => `${name.split(" ")[0]!.toLowerCase()}@${DOMAIN}`;

  const demo = await ctx.db.$transaction(async (tx) => {
    const admin = await tx.user.create({
      data: { name: "Alex Admin", email: `admin@${DOMAIN}`, passwordHash, isAdmin: true },
    });
    const program = await tx.program.create({
      data: {
        slug: "school-improvement",
        name: "State School Improvement Program",
        description:
          "Work groups of stakeholders from every region advising the state board of education.",
        createdById: admin.id,
      },
    });
    const workGroup = await tx.workGroup.create({
      data: {
        programId: program.id,
        slug: "success-ready-students",
        name: "Success-Ready Students Work Group",
        purpose:
          "Explore alternatives that replace the traditional time-based educational system with a competency-based system, and recommend a course of action to the State Board of Education.",
        purposeEs:
          "Explorar alternativas que reemplacen el sistema educativo tradicional basado en el tiempo por un sistema basado en competencias, y recomendar un curso de acción a la Junta Estatal de Educación.",
        essentialQuestions: [
          "What is competency-based learning?",
          "What strategies, including professional development, are needed to support implementation of competency-based learning?",
          "What are barriers to competency based learning that need to be addressed locally and statewide with policy and practice?",
          "How can the assessment system be redesigned to support student mastery of priority standards?",
          "What is the framework and approval process for districts to voluntarily customize requirements in order to implement CBL practices?",
        ].join("\n"),
        essentialQuestionsEs: [
          "¿Qué es el aprendizaje basado en competencias?",
          "¿Qué estrategias, incluido el desarrollo profesional, se necesitan para apoyar la implementación del aprendizaje basado en competencias?",
          "¿Qué obstáculos al aprendizaje basado en competencias deben abordarse a nivel local y estatal con políticas y prácticas?",
          "¿Cómo se puede rediseñar el sistema de evaluación para apoyar el dominio de los estándares prioritarios por parte de los estudiantes?",
          "¿Cuál es el marco y el proceso de aprobación para que los distritos adapten voluntariamente los requisitos a fin de implementar prácticas de aprendizaje basado en competencias?",
        ].join("\n"),
        // The work group's own Vision prompt, in both languages (the others keep Knoster's).
        columnPrompts: JSON.stringify({
          vision: "What should every student be able to do when they graduate?",
        }),
        columnPromptsEs: JSON.stringify({
          vision: "¿Qué debería saber hacer cada estudiante al graduarse?",
        }),
        areasOfFocus: {
          create: [
            "Assessment for Learning",
            "Professional Learning Design",
            "Policy",
            "Accreditation & Accountability",
            "Innovation Zones",
          ].map(named),
        },
        stakeholderGroups: { create: DEFAULT_STAKEHOLDER_GROUPS.map(named) },
        regions: { create: REGIONS.map(named) },
        memberships: { create: { userId: admin.id, role: "owner" } },
      },
      include: { stakeholderGroups: true, regions: true, areasOfFocus: true },
    });
    const groupId = new Map(workGroup.stakeholderGroups.map((g) => [g.name, g.id]));
    const regionId = new Map(workGroup.regions.map((r) => [r.name, r.id]));
    const users = [];
    for (const m of MEMBERS) {
      const user = await tx.user.create({
        data: { name: m.name, email: email(m.name), passwordHash },
      });
      await tx.membership.create({
        data: {
          workGroupId: workGroup.id,
          userId: user.id,
          role: m.role,
          stakeholderGroupId: groupId.get(m.group) ?? null,
          regionId: regionId.get(m.region) ?? null,
          // Some members agreed to be named on the public site; the others are only counted.
          showNamePublicly: users.length % 2 === 0,
        },
      });
      users.push(user);
    }
    const session = await tx.session.create({
      data: {
        workGroupId: workGroup.id,
        title: "Planning session 1: Assessment for Learning",
        workPhase: "Planning",
        startsAt: new Date("2022-03-30T14:00:00Z"),
        timeZone: "America/Chicago",
        format: "virtual",
        agendaPublishedAt: new Date("2022-03-28T14:00:00Z"),
        agendaItems: {
          create: [
            {
              title: "Welcome and Introductory Comments",
              titleEs: "Bienvenida y comentarios iniciales",
              minutes: 10,
              presenter: "Dana Facilitator",
            },
            {
              title: "Assessment for Learning: what we learned in the study phase",
              titleEs: "Evaluación para el aprendizaje: lo que aprendimos en la fase de estudio",
              minutes: 20,
              presenter: "Dana Facilitator",
              materials: "https://example.org/srswg/session-4-slides.pdf",
            },
            {
              title: "Breakout rooms: Knoster boards",
              titleEs: "Salas de grupos: tableros de Knoster",
              minutes: 45,
            },
            // Left in English: Spanish pages show it marked as English.
            { title: "Report back and next steps", minutes: 15 },
          ].map((item, position) => ({ ...item, position: position + 1 })),
        },
      },
    });
    const area = workGroup.areasOfFocus.find((a) => a.name === "Assessment for Learning")!;
    const board = await tx.board.create({
      data: { sessionId: session.id, title: area.name, areaOfFocusId: area.id },
    });
    const contributors = users.filter((_, i) => i >= 2);
    const ideaIds: string[] = [];
    for (const [i, idea] of IDEAS.entries()) {
      const created = await tx.idea.create({
        data: {
          boardId: board.id,
          column: idea.column,
          text: idea.text,
          authorId: contributors[i % contributors.length]!.id,
          createdAt: new Date(Date.UTC(2022, 2, 30, 14, 20 + i)),
        },
      });
      ideaIds.push(created.id);
    }
    const themeIds: string[] = [];
    for (const [position, theme] of THEMES.entries()) {
      const created = await tx.theme.create({
        data: {
          sessionId: session.id,
          label: theme.label,
          position: position + 1,
          ideas: { connect: theme.ideas.map((i) => ({ id: ideaIds[i]! })) },
        },
      });
      themeIds.push(created.id);
    }
    for (const [position, r] of RECOMMENDATIONS.entries()) {
      await tx.recommendation.create({
        data: {
          workGroupId: workGroup.id,
          position: position + 1,
          title: r.title,
          knosterCoverage: r.coverage.join(","),
          goalSpecific: r.goal?.specific ?? "",
          goalMeasurable: r.goal?.measurable ?? "",
          goalTimely: r.goal?.timely ?? "",
          themes: { create: r.themes.map((i) => ({ themeId: themeIds[i]! })) },
          actionSteps: {
            create: r.steps.map((step, index) => ({
              position: index + 1,
              description: step.description,
              ownerGroup: step.owner,
              horizon: step.horizon,
              startsOn: step.startsOn ?? null,
              dueOn: step.dueOn ?? null,
              status: step.status,
              resourceNote: step.resourceNote ?? "",
            })),
          },
        },
      });
    }
    // The public site is on, with the first session's agenda and every recommendation.
    await tx.workGroup.update({ where: { id: workGroup.id }, data: { publishedAt: new Date() } });
    await tx.recommendation.updateMany({
      where: { workGroupId: workGroup.id },
      data: { publishedAt: new Date() },
    });
    return {
      workGroupName: workGroup.name,
      workGroupId: workGroup.id,
      sessionId: session.id,
      sessionTitle: session.title,
    };
  });
  // A published summary of the session and the report, generated as a facilitator would.
  const [summary, report] = [
    await summaryDraft(ctx, demo.sessionId, "en"),
    await reportDraft(ctx, demo.workGroupId, "en"),
  ];
  await ctx.db.$transaction(async (tx) => {
    const published = await storeDraft(tx, {
      workGroupId: demo.workGroupId,
      kind: "summary",
      sessionId: demo.sessionId,
      title: `Summary: ${demo.sessionTitle}`,
      blocks: summary,
    });
    await storeVersion(
      tx,
      { id: published.id, title: `Summary: ${demo.sessionTitle}` },
      summary,
      null,
    );
    const reportTitle = "Success-Ready Students Work Group Report and Recommendations";
    const draft = await storeDraft(tx, {
      workGroupId: demo.workGroupId,
      kind: "report",
      title: reportTitle,
      blocks: report,
    });
    await storeVersion(tx, { id: draft.id, title: reportTitle }, report, null);
  });
  await loadDemoCommentPeriod(ctx, demo.workGroupId);
  await loadDemoPlan(ctx, demo.workGroupId);
  await loadDemoPlanReview(ctx, demo.workGroupId);
  ctx.log.info("demo data loaded", { workGroup: demo.workGroupName });
  return {
    workGroupName: demo.workGroupName,
    adminEmail: `admin@${DOMAIN}`,
    facilitatorEmail: email("Dana Facilitator"),
    memberEmail: email("Maya Student"),
    password: DEMO_PASSWORD,
  };
}
