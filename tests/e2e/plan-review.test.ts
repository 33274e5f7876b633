import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, cookieFor, startSeededApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  expectTapTarget,
  launchBrowser,
  newSignedInPerson,
  open,
  type Person,
} from "../support/browser.ts";

/**
 * A facilitator runs the plan's yearly review for last school year, revises the plan after it
 * and compares the two versions, then drafts the year's progress report and publishes it.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let fay: Person;
let planId = "";
const WAIT = { timeout: 5_000 };
const YEAR = new Date().getUTCFullYear() - 1;
const SCHOOL_YEAR = `${YEAR}-${YEAR + 1}`;
const DISTRICT = "Central Region Pilot School District";
const GOAL = "Assessment for learning";
const EVIDENCE = "Teachers giving a common formative assessment rose from 35% to 56%.";

const planPath = () => `/work-groups/${cast.workGroup.slug}/plans/${planId}`;

beforeAll(async () => {
  ({ app, cast } = await startSeededApp());
  const plan = await app.ctx.db.improvementPlan.create({
    data: {
      programId: cast.program.id,
      workGroupId: cast.workGroup.id,
      level: "district",
      name: DISTRICT,
      startYear: YEAR - 1,
      endYear: YEAR + 3,
      mission: "We partner with families to prepare every student.",
      goals: {
        create: {
          position: 1,
          title: GOAL,
          smartGoal: `80% of teachers give a common formative assessment in each unit by June ${YEAR + 3}.`,
          measures: {
            create: {
              position: 1,
              name: "Teachers giving a common formative assessment",
              unit: "%",
              baseline: 35,
              baselineOn: `${YEAR - 1}-08-15`,
              target: 80,
              targetOn: `${YEAR + 3}-06-01`,
              readings: { create: [{ value: 56, takenOn: `${YEAR + 1}-06-01` }] },
            },
          },
          steps: {
            create: [
              {
                position: 1,
                horizon: "30_days",
                description: "Form the assessment design team.",
                completedOn: `${YEAR}-08-26`,
              },
              { position: 2, horizon: "90_days", description: "Pilot in grades 3-5." },
            ],
          },
        },
      },
    },
  });
  planId = plan.id;
  browser = await launchBrowser();
  fay = await newSignedInPerson(browser, app.url, await cookieFor(app.ctx, cast.facilitator.id));
  fay.page.setDefaultTimeout(10_000);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a plan's yearly review and revision", () => {
  it("reaches review and revise from the plan, with the plan's horizon", async () => {
    const p = fay.page;
    await open(p, planPath());
    await Promise.all([
      p.waitForURL(/\/review$/),
      p.getByRole("link", { name: "Review and revise the plan" }).click(),
    ]);
    await p.getByRole("heading", { level: 1, name: "Review and revise" }).waitFor();
    await p.getByText(`District plan · ${YEAR - 1} to ${YEAR + 3}: 4 school years`).waitFor();
    await expectNoSeriousViolations(p, "the review and revise page");
  });

  it("keeps the plan as adopted as version 1", async () => {
    const p = fay.page;
    await p.getByRole("button", { name: "Save as version 1" }).click();
    await p.getByText("Say in a few words what changed").first().waitFor(WAIT);
    await p.getByLabel("What changed").fill("The plan as the board adopted it.");
    await p.getByRole("button", { name: "Save as version 1" }).click();
    await p.getByText("The plan is saved as version 1.").waitFor(WAIT);
    await p.getByText("The plan as the board adopted it.").waitFor();
  });

  it("runs the yearly review: each goal's outcome with evidence, then completes it", async () => {
    const p = fay.page;
    await Promise.all([
      p.waitForURL(new RegExp(`/review/${YEAR}$`)),
      p.getByRole("link", { name: `Yearly review ${SCHOOL_YEAR}` }).click(),
    ]);
    await p.getByRole("heading", { level: 1, name: `Yearly review ${SCHOOL_YEAR}` }).waitFor();
    // The year's results beside the form: the step done that year, the reading at its end.
    await p.getByText("Form the assessment design team.").waitFor();
    await p.getByText(/At the year.s end: 56 % on June 1, \d{4}/).waitFor();
    await expectNoSeriousViolations(p, "the yearly review");

    await p.getByRole("button", { name: "Complete review" }).click();
    await p.getByRole("alert").filter({ hasText: "1 goal has no outcome yet" }).waitFor(WAIT);

    await p.getByRole("button", { name: `Save the review of this goal ${GOAL}` }).click();
    await p.getByText("Choose met, progressing or not met").waitFor(WAIT);
    await p.getByLabel("Outcome", { exact: true }).selectOption({ label: "Progressing" });
    await p.getByLabel("Evidence", { exact: true }).fill(EVIDENCE);
    await p.getByRole("button", { name: `Save the review of this goal ${GOAL}` }).click();
    await p.getByText("The review of this goal is saved.").waitFor(WAIT);
    await p.getByRole("button", { name: "Complete review" }).click();
    await p.getByText(/Completed .* by Fay Facilitator\./).waitFor(WAIT);
    await expectNoSeriousViolations(p, "the completed yearly review");
  });

  it("revises the plan after the review and compares the two versions side by side", async () => {
    const p = fay.page;
    await open(p, planPath());
    await p.getByText("Edit the plan").click();
    await p
      .getByLabel("Mission statement")
      .fill("We partner with families and the community to prepare every student.");
    await p.getByRole("button", { name: "Save plan" }).click();
    await p.getByText("The plan is saved.").waitFor(WAIT);

    await open(p, `${planPath()}/review`);
    await p.getByLabel("What changed").fill("Named the community in the mission.");
    await p.getByRole("button", { name: "Save as version 2" }).click();
    await p.getByText("The plan is saved as version 2.").waitFor(WAIT);

    // The versions' list comes with the page's reload after the save: wait for it.
    await expect.poll(() => p.getByLabel("Second version").inputValue(), WAIT).toBe("2");
    await expect(p.getByLabel("First version").inputValue()).resolves.toBe("1");
    await Promise.all([
      p.waitForURL(/\/versions\/compare\?from=1&to=2$/),
      p.getByRole("button", { name: "Compare" }).click(),
    ]);
    await p.getByRole("heading", { level: 1, name: "Compare versions of the plan" }).waitFor();
    await p.getByText("Named the community in the mission.").waitFor();
    await p.getByText("1 part of the plan changed", { exact: true }).waitFor();
    await p.getByText("Mission statement", { exact: true }).waitFor();
    await expect(p.locator("ins").first().textContent()).resolves.toContain("the community");
    await expectNoSeriousViolations(p, "the comparison of two versions");
  });

  it("fits a phone: the comparison stacks, large targets, no sideways scrolling", async () => {
    const p = fay.page;
    await p.setViewportSize({ width: 390, height: 844 });
    await p.reload();
    await expectTapTarget(p.getByRole("button", { name: "Compare" }));
    await expectTapTarget(p.getByRole("link", { name: "Back to the plan" }));
    const scrolls = await p.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(scrolls).toBe(false);
    await expectNoSeriousViolations(p, "the comparison on a phone");
    await p.setViewportSize({ width: 1366, height: 768 });
  });

  it("drafts the year's progress report from the review and publishes it", async () => {
    const p = fay.page;
    await open(p, `${planPath()}/review/${YEAR}`);
    await Promise.all([
      p.waitForURL(/\/publications\/\w+$/),
      p.getByRole("button", { name: "Draft the progress report" }).click(),
    ]);
    const title = `Annual progress report ${SCHOOL_YEAR}: ${DISTRICT}`;
    await p.getByRole("heading", { level: 1, name: title }).waitFor();
    await p.getByText(EVIDENCE).waitFor();
    await expectNoSeriousViolations(p, "the progress report's draft");
    await p.getByRole("button", { name: "Publish", exact: true }).click();
    await p.getByText("Version 1 is published.").waitFor(WAIT);
    const report = await app.ctx.db.publication.findFirstOrThrow({
      where: { title },
      select: { kind: true, publishedNumber: true },
    });
    expect(report).toEqual({ kind: "report", publishedNumber: 1 });

    // The review links to its report from then on.
    await open(p, `${planPath()}/review/${YEAR}`);
    await p.getByRole("link", { name: "Open the progress report" }).waitFor();
  });
});
