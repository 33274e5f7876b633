import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en, type MessageKey } from "../../app/modules/i18n/en.ts";
import { sendOverdueDigests } from "../../app/modules/improvement-plan/digest.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";
import { startMailbox } from "../support/mail.ts";

/**
 * Issue 20, monitoring: action steps take dated progress updates, overdue and blocked steps
 * stand out, the implementation view filters every step, and owners get a weekly email of
 * their overdue steps through a real SMTP server.
 */
let app: TestApp;
let cast: Cast;
let cookies: Record<string, string>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let planId = "";
let goalId = "";
let otherGoalId = "";
const APP_URL = "http://convene.test";
const GOAL_ROUTE = "routes/work-groups.$slug.plans.$planId_.goals.$goalId";

/** A calendar day counted from today. */
function isoDay(offsetDays: number, from = Date.now()) {
  return new Date(from + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const base = () => `/work-groups/${cast.workGroup.slug}`;
const onGoal = (who: string, fields: Record<string, string>, goal = goalId) =>
  postForm(
    app.url,
    `${base()}/plans/${planId}/goals/${goal}?_data=${GOAL_ROUTE}`,
    cookies[who]!,
    fields,
  );
const page = (who: string, path: string) =>
  fetch(`${app.url}${base()}${path}`, { headers: { cookie: cookies[who]! } });

type Reply = {
  result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
};
async function fieldErrors(response: Response) {
  const reply = (await response.json()) as Reply;
  const said: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(reply.result?.error ?? {})) {
    said[field] = (keys ?? []).map((key) => en[key as MessageKey] ?? key);
  }
  return { said, typed: reply.result?.initialValue ?? {} };
}

/** Action steps made directly: what each owner has, dated around today. */
async function step(
  goal: string,
  position: number,
  description: string,
  fields: {
    ownerUserId?: string | null;
    horizon?: string;
    startsOn?: string | null;
    dueOn?: string | null;
    status?: string;
    completedOn?: string | null;
  },
) {
  return app.ctx.db.planStep.create({
    data: { goalId: goal, position, description, horizon: "30_days", ...fields },
  });
}

let ada = { overdue: "", late: "", done: "", onTime: "" };
let benOverdue = "";

beforeAll(async () => {
  mailbox = await startMailbox();
  ({ app, cast, cookies } = await startSeededApp({
    SMTP_URL: mailbox.url,
    SMTP_FROM: "convene@example.org",
    APP_URL,
  }));
  const plan = await app.ctx.db.improvementPlan.create({
    data: {
      programId: cast.program.id,
      workGroupId: cast.workGroup.id,
      level: "district",
      name: "Riverside R-IV School District",
      startYear: 2026,
      endYear: 2030,
      goals: {
        create: [
          { position: 1, title: "Effective instruction" },
          { position: 2, title: "Collaborative cultures" },
        ],
      },
    },
    include: { goals: { orderBy: { position: "asc" } } },
  });
  planId = plan.id;
  goalId = plan.goals[0]!.id;
  otherGoalId = plan.goals[1]!.id;
  const memberA = cast.memberA.id;
  ada = {
    // Started 40 days ago with a 30-day horizon: due 10 days ago.
    overdue: (
      await step(goalId, 1, "Train building leaders on formative assessment", {
        ownerUserId: memberA,
        startsOn: isoDay(-40),
      })
    ).id,
    // A long range step is overdue only with a due date the team gave.
    late: (
      await step(otherGoalId, 1, "Publish the teacher collaboration schedule", {
        ownerUserId: memberA,
        horizon: "long_range",
        startsOn: isoDay(-400),
        dueOn: isoDay(-3),
        status: "in_progress",
      })
    ).id,
    done: (
      await step(goalId, 2, "Form the assessment design team", {
        ownerUserId: memberA,
        startsOn: isoDay(-100),
        status: "done",
        completedOn: isoDay(-75),
      })
    ).id,
    onTime: (
      await step(goalId, 3, "Pilot common assessments in grades 3-5", {
        ownerUserId: memberA,
        horizon: "90_days",
        startsOn: isoDay(-10),
      })
    ).id,
  };
  await step(otherGoalId, 2, "Review the plan each year", {
    ownerUserId: memberA,
    horizon: "long_range",
    startsOn: isoDay(-800),
  });
  benOverdue = (
    await step(otherGoalId, 3, "Schedule weekly data team meetings", {
      ownerUserId: cast.memberB.id,
      horizon: "60_days",
      startsOn: isoDay(-90),
      status: "blocked",
    })
  ).id;
  await app.ctx.db.user.update({ where: { id: cast.memberB.id }, data: { locale: "es" } });
});
afterAll(async () => {
  await app?.stop();
  await mailbox?.close();
});

describe("progress updates", () => {
  it("are dated, kept on the step, and set its status; done completes it on that date", async () => {
    const first = await onGoal("recorder", {
      intent: "record-progress",
      stepId: ada.onTime,
      reportedOn: isoDay(-5),
      status: "in_progress",
      note: "Two of four buildings have started.",
      evidenceUrl: "https://example.org/walkthroughs/2026-11",
    });
    expect(first.status).toBe(200);
    expect(
      (await app.ctx.db.planStep.findUniqueOrThrow({ where: { id: ada.onTime } })).status,
    ).toBe("in_progress");
    const done = await onGoal("facilitator", {
      intent: "record-progress",
      stepId: ada.onTime,
      reportedOn: isoDay(-1),
      status: "done",
      note: "All four buildings gave the assessment.",
    });
    expect(done.status).toBe(200);
    const completed = await app.ctx.db.planStep.findUniqueOrThrow({ where: { id: ada.onTime } });
    expect(completed).toMatchObject({ status: "done", completedOn: isoDay(-1) });
    // An update typed in late for an earlier day is kept but does not undo the later one.
    const late = await onGoal("facilitator", {
      intent: "record-progress",
      stepId: ada.onTime,
      reportedOn: isoDay(-3),
      status: "blocked",
      note: "Copies ran out (typed in late).",
    });
    expect(late.status).toBe(200);
    expect(
      await app.ctx.db.planStep.findUniqueOrThrow({ where: { id: ada.onTime } }),
    ).toMatchObject({ status: "done", completedOn: isoDay(-1) });
    expect(await app.ctx.db.planStepUpdate.count({ where: { stepId: ada.onTime } })).toBe(3);

    const html = await (await page("memberA", `/plans/${planId}/goals/${goalId}`)).text();
    expect(html).toContain("Progress updates");
    const newest = html.indexOf("All four buildings gave the assessment.");
    const oldest = html.indexOf("Two of four buildings have started.");
    expect(newest).toBeGreaterThan(0);
    expect(oldest).toBeGreaterThan(newest);
    expect(html).toContain('href="https://example.org/walkthroughs/2026-11"');
    expect(html).toContain("by Rory Recorder");
  });

  it("say beside the field what is wrong, keep what was typed, and save nothing", async () => {
    const before = await app.ctx.db.planStepUpdate.count();
    const typed = {
      intent: "record-progress",
      stepId: ada.overdue,
      reportedOn: isoDay(2),
      status: "in_progress",
      note: "Planned for next week",
      evidenceUrl: "javascript:alert(1)",
    };
    const refused = await onGoal("facilitator", typed);
    expect(refused.status).toBe(400);
    const { said, typed: kept } = await fieldErrors(refused);
    expect(said.reportedOn).toEqual([en["plans.errors.reportedInFuture"]]);
    expect(said.evidenceUrl).toEqual([en["plans.errors.evidenceUrl"]]);
    expect(kept.note).toBe("Planned for next week");

    const long = await onGoal("facilitator", {
      ...typed,
      reportedOn: isoDay(0),
      evidenceUrl: "",
      note: "x".repeat(2001),
      status: "finished",
    });
    expect(long.status).toBe(400);
    const { said: saidLong } = await fieldErrors(long);
    expect(saidLong.note).toEqual([en["plans.errors.noteLong"]]);
    expect(saidLong.status).toEqual([en["plans.errors.status"]]);

    const noDate = await onGoal("facilitator", { ...typed, reportedOn: "", evidenceUrl: "" });
    expect((await fieldErrors(noDate)).said.reportedOn).toEqual([en["plans.errors.reportedOn"]]);
    expect(await app.ctx.db.planStepUpdate.count()).toBe(before);
  });

  it("are the planning team's to record: members are refused, outsiders see nothing", async () => {
    const update = {
      intent: "record-progress",
      stepId: ada.overdue,
      reportedOn: isoDay(0),
      status: "in_progress",
    };
    expect((await onGoal("memberA", update)).status).toBe(403);
    expect((await onGoal("outsider", update)).status).toBe(404);
    // A step of another goal is not this goal's: refused beside the form, nothing saved.
    const elsewhere = await onGoal("facilitator", { ...update, stepId: benOverdue });
    expect(elsewhere.status).toBe(400);
    expect((await fieldErrors(elsewhere)).said.stepId).toEqual([en["plans.errors.step"]]);
    expect(await app.ctx.db.planStepUpdate.count({ where: { stepId: benOverdue } })).toBe(0);
  });

  it("refuse a person responsible from outside the planning team", async () => {
    const refused = await onGoal("facilitator", {
      intent: "edit-step",
      stepId: ada.overdue,
      horizon: "30_days",
      description: "Train building leaders on formative assessment",
      startsOn: isoDay(-40),
      ownerUserId: cast.outsider.id,
    });
    expect(refused.status).toBe(400);
    expect((await fieldErrors(refused)).said.ownerUserId).toEqual([
      en["plans.errors.ownerOutsideTeam"],
    ]);
    const kept = await app.ctx.db.planStep.findUniqueOrThrow({ where: { id: ada.overdue } });
    expect(kept.ownerUserId).toBe(cast.memberA.id);
  });
});

describe("overdue and blocked steps", () => {
  it("stand out in words on the plan and goal pages", async () => {
    const plan = await (await page("memberA", `/plans/${planId}`)).text();
    expect(plan).toContain("action steps need attention");
    expect(plan).toMatch(/Overdue: due [^<]+<\/strong>[\s\S]*Train building leaders/);
    expect(plan).toMatch(/Blocked<\/strong>[\s\S]*Schedule weekly data team meetings/);
    expect(plan).toContain("1 action step overdue");
    expect(plan).toContain("1 action step blocked");
    // Done, on time and long range without a due date: none of them stand out.
    expect(plan).not.toMatch(/Overdue[^<]*<\/strong>[\s\S]{0,400}Form the assessment design team/);
    expect(plan).not.toContain("Review the plan each year");
    const goal = await (await page("memberA", `/plans/${planId}/goals/${otherGoalId}`)).text();
    expect(goal).toMatch(/Overdue: due [^<]+<\/strong>[\s\S]*Publish the teacher collaboration/);
    expect(goal).toContain("No due date");
  });
});

describe("a plan with many steps needing attention", () => {
  it("lists the most pressing few, blocked first, and links to all of them", async () => {
    const goal = await app.ctx.db.planGoal.findUniqueOrThrow({ where: { id: otherGoalId } });
    await app.ctx.db.planStep.createMany({
      data: Array.from({ length: 10 }, (_, n) => ({
        goalId: goal.id,
        position: 100 + n,
        horizon: "30_days",
        description: `Late step number ${n + 1}`,
        startsOn: isoDay(-200 + n),
      })),
    });
    try {
      const plan = await (await page("memberA", `/plans/${planId}`)).text();
      const total = Number(/(\d+) action steps need attention/.exec(plan)?.[1]);
      expect(total).toBeGreaterThan(10);
      expect(plan).toContain(`See all ${total} in the implementation view`);
      const listed = plan.slice(plan.indexOf("need attention"), plan.indexOf("See all"));
      expect(listed.match(/<li /g)?.length).toBe(8);
      // Blocked comes first; the longest overdue (started 200 days ago) leads the rest.
      expect(listed.indexOf("Schedule weekly data team meetings")).toBeLessThan(
        listed.indexOf("Late step number 1<"),
      );
      expect(listed).not.toContain("Late step number 10<");
    } finally {
      await app.ctx.db.planStep.deleteMany({ where: { description: { startsWith: "Late step" } } });
    }
  });
});

describe("the implementation view", () => {
  const view = (who: string, query = "") => page(who, `/plans/${planId}/implementation${query}`);

  it("lists every step of the plan with counts, for every member", async () => {
    const response = await view("memberA");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("6 action steps");
    for (const d of ["Train building leaders", "Publish the teacher", "Review the plan each year"])
      expect(html).toContain(d);
    expect((await view("outsider")).status).toBe(404);
  });

  it("filters by person responsible, horizon, goal and status, with a GET form", async () => {
    const html = await (await view("facilitator", "?status=overdue")).text();
    expect(html).toContain("3 of 6 action steps");
    expect(html).toContain("Train building leaders");
    expect(html).toContain("Publish the teacher collaboration schedule");
    expect(html).toContain("Schedule weekly data team meetings");
    expect(html).not.toContain("Form the assessment design team");
    const ben = await (await view("facilitator", `?owner=${cast.memberB.id}`)).text();
    expect(ben).toContain("1 of 6 action steps");
    const longRange = await (
      await view("facilitator", `?horizon=long_range&goal=${otherGoalId}`)
    ).text();
    expect(longRange).toContain("2 of 6 action steps");
    expect(longRange).toContain('<option value="long_range" selected="">');
  });

  it("says when nothing matches, and ignores filters it does not know", async () => {
    const none = await (
      await view("facilitator", `?status=blocked&horizon=30_days&goal=${goalId}`)
    ).text();
    expect(none).toContain("No action steps match these filters.");
    expect(none).toContain("Clear the filters");
    // Clearing is a plain link to the view without its query: no JavaScript needed.
    expect(none).toContain(`href="${base()}/plans/${planId}/implementation"`);
    const unknown = await view("facilitator", "?status=lost&owner=nobody&goal=%00");
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain("6 action steps");
  });

  it("says so when the plan has no steps yet", async () => {
    const empty = await app.ctx.db.improvementPlan.create({
      data: {
        programId: cast.program.id,
        workGroupId: cast.workGroup.id,
        level: "school",
        name: "Riverside Elementary",
        startYear: 2026,
        endYear: 2029,
      },
    });
    const html = await (await page("memberA", `/plans/${empty.id}/implementation`)).text();
    expect(html).toContain("This plan has no action steps yet.");
  });
});

describe("the weekly digest", () => {
  it("mails each owner exactly their overdue steps, in their language, once a week", async () => {
    // Someone who left the planning team is no longer responsible: not mailed.
    const leaver = cast.recorder.id;
    await step(goalId, 9, "Order the item bank licence", {
      ownerUserId: leaver,
      startsOn: isoDay(-60),
    });
    await app.ctx.db.membership.delete({
      where: { workGroupId_userId: { workGroupId: cast.workGroup.id, userId: leaver } },
    });
    const now = new Date();
    const before = mailbox.inbox.length;
    const first = await sendOverdueDigests(app.ctx, now);
    const mails = mailbox.inbox.slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([cast.memberA.email, cast.memberB.email].sort());
    expect(first.sent).toHaveLength(2);

    const toAda = mails.find((m) => m.to === cast.memberA.email)!;
    expect(toAda.subject).toBe("You have 2 overdue action steps");
    expect(toAda.text).toContain("Hello Ada Member");
    expect(toAda.text).toContain("Train building leaders on formative assessment");
    expect(toAda.text).toContain("Publish the teacher collaboration schedule");
    expect(toAda.text).toContain(`${APP_URL}${base()}/plans/${planId}/goals/${otherGoalId}`);
    for (const other of [
      "Form the assessment design team",
      "Pilot common assessments",
      "Review the plan each year",
      "Schedule weekly data team meetings",
      "Order the item bank licence",
    ])
      expect(toAda.text).not.toContain(other);

    const toBen = mails.find((m) => m.to === cast.memberB.email)!;
    expect(toBen.subject).toBe("Tiene 1 paso de acción atrasado");
    expect(toBen.text).toContain("Schedule weekly data team meetings");
    expect(toBen.text).toContain("vencía el");
    expect(toBen.text).not.toContain("Train building leaders");

    // A restart, or a second process, in the same week sends nothing again.
    const again = await sendOverdueDigests(app.ctx, new Date(now.getTime() + 3_600_000));
    expect(again.sent).toEqual([]);
    expect(mailbox.inbox.length).toBe(before + 2);

    // Next week, Ada's done step is still not in it; the step done since drops out.
    await app.ctx.db.planStep.update({
      where: { id: ada.late },
      data: { status: "done", completedOn: isoDay(0) },
    });
    const nextWeek = await sendOverdueDigests(app.ctx, new Date(now.getTime() + 7 * 86_400_000));
    expect(nextWeek.week).not.toBe(first.week);
    const adaNext = mailbox.inbox.slice(before + 2).find((m) => m.to === cast.memberA.email)!;
    expect(adaNext.subject).toBe("You have 1 overdue action step");
    expect(adaNext.text).not.toContain("Publish the teacher collaboration schedule");
  });
});
