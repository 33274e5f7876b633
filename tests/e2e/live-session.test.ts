import type { Browser, Locator, Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, seedWorkGroup, startTestApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  launchBrowser,
  newPerson,
  open,
  type Person,
  signIn,
} from "../support/browser.ts";

/**
 * One live session, start to finish, in five browsers: a facilitator runs the agenda, breakout
 * rooms and phases; four members from two stakeholder groups and two regions post, rate and read
 * the results. Everything is done through the pages; the database is only seeded and read.
 */

type Member = {
  person: Person;
  user: { id: string; name: string; email: string };
  group: "Teachers" | "Parents";
  /** Their breakout room's name, once auto-assigned. */
  room: string;
  /** The idea they post into their room's board. */
  idea: { column: string; label: string; text: string };
};

let app: TestApp;
let browser: Browser;
let cast: Awaited<ReturnType<typeof seedWorkGroup>>;
let fay: Person; // facilitator
let members: Member[];
/** Dev's live session document can be held back, as on a slow connection. */
const stall = { on: false, held: [] as (() => void)[] };
const startedAt = Date.now();
const timings: string[] = [];

const AGENDA_ITEM = "Breakout brainstorm: what stands in the way";
const ROOMS = ["Room Maple", "Room Cedar"];
const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;

function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  return run().finally(() => timings.push(`${label}: ${Date.now() - t0} ms`));
}

const board = (page: Page, title: string) =>
  page.getByRole("region", { name: `Board: ${title}`, exact: true });
/** The facilitator's console shows one board at a time: its tab opens it. */
async function faysBoard(title: string) {
  await fay.page.getByRole("tab", { name: new RegExp(`^${title} \\(\\d+\\)$`) }).click();
  return board(fay.page, title);
}
const ideaItem = (scope: Locator, column: string, text: string) =>
  scope.locator(`ul[data-column="${column}"] > li`).filter({ hasText: text });
const rateRegion = (page: Page) => page.getByRole("region", { name: "Rate ideas" });

/** Marks the page, so a later check can tell it was never reloaded. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
  });
}
async function expectSameDocument(page: Page, who: string) {
  await expect(
    page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    `${who}'s page was reloaded`,
  ).resolves.toBe(true);
}

const everyone = () => [fay, ...members.map((m) => m.person)];
const member = (name: string) => members.find((m) => m.user.name.startsWith(name))!;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  cast = await seedWorkGroup(app.ctx);
  const db = app.ctx.db;
  const cleo = await createUser(app.ctx, "Cleo Member");
  const dev = await createUser(app.ctx, "Dev Member");
  const north = await db.region.create({
    data: { workGroupId: cast.workGroup.id, name: "North", position: 1 },
  });
  const groups = await db.stakeholderGroup.findMany({ where: { workGroupId: cast.workGroup.id } });
  const central = await db.region.findFirstOrThrow({
    where: { workGroupId: cast.workGroup.id, name: "Central" },
  });
  const groupId = (name: string) => groups.find((g) => g.name === name)!.id;
  const roster = [
    { user: cast.memberA, group: "Teachers", region: central.id },
    { user: cast.memberB, group: "Parents", region: central.id },
    { user: cleo, group: "Teachers", region: north.id },
    { user: dev, group: "Parents", region: north.id },
  ] as const;
  for (const { user, group, region } of roster) {
    await db.membership.upsert({
      where: { workGroupId_userId: { workGroupId: cast.workGroup.id, userId: user.id } },
      create: {
        workGroupId: cast.workGroup.id,
        userId: user.id,
        role: "member",
        stakeholderGroupId: groupId(group),
        regionId: region,
      },
      update: { stakeholderGroupId: groupId(group), regionId: region },
    });
  }
  const ideas = [
    { column: "vision", label: "Vision", text: "Every student leaves with a plan for next year" },
    { column: "skills", label: "Skills", text: "Train advisors to run planning conferences" },
    { column: "incentives", label: "Incentives", text: "Count planning work toward credit" },
    { column: "resources", label: "Resources", text: "A shared calendar of campus visits" },
  ];
  const people = await Promise.all(roster.map(() => newPerson(browser, app.url)));
  fay = await newPerson(browser, app.url);
  members = roster.map((r, i) => ({
    person: people[i]!,
    user: r.user,
    group: r.group,
    room: "",
    idea: ideas[i]!,
  }));

  // Dev's connection to the session's live document passes through here, so the test can hold
  // back what the server sends (a slow or stalled connection) and let it through later.
  const devPerson = member("Dev").person;
  await devPerson.context.routeWebSocket(
    (url) => decodeURIComponent(url.pathname).includes("/session:"),
    (ws: WebSocketRoute) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (stall.on) stall.held.push(() => ws.send(message));
        else ws.send(message);
      });
    },
  );

  await time("sign-in, 5 people", () =>
    Promise.all([
      signIn(fay.page, cast.facilitator.email),
      ...members.map((m) => signIn(m.person.page, m.user.email)),
    ]),
  );
  await time("open the session page, 5 people", () =>
    Promise.all(everyone().map((p) => open(p.page, sessionPath()))),
  );
  await Promise.all(
    everyone().map((p) =>
      board(p.page, "Whole group")
        .getByText(/^Live\b/)
        .waitFor(),
    ),
  );
}, 90_000);

afterAll(async () => {
  console.info(
    `live session journey, ${Math.round((Date.now() - startedAt) / 100) / 10} s in all:\n  ${timings.join("\n  ")}`,
  );
  await browser?.close();
  await app?.stop();
});

describe("a live session: agenda, breakout rooms, brainstorm, rate, theme", () => {
  it("follows the facilitator's current agenda item on every member's page, live", async () => {
    await Promise.all(members.map((m) => markDocument(m.person.page)));
    const agenda = fay.page.getByRole("region", { name: "Agenda" });
    await agenda.getByText("Add an agenda item").click();
    await agenda.getByLabel("Title", { exact: true }).fill(AGENDA_ITEM);
    await agenda.getByLabel("Time box (minutes)").fill("25");
    await agenda.getByRole("button", { name: "Add item" }).click();
    await agenda.getByText(`1. ${AGENDA_ITEM}`).waitFor();
    await agenda.getByRole("button", { name: /^Make current:/ }).click();
    await agenda.getByText(`Now: ${AGENDA_ITEM}`, { exact: true }).waitFor();
    await time("agenda: 'Make current' to 'Now:' on 4 member pages", () =>
      Promise.all(
        members.map((m) =>
          m.person.page
            .getByText(`Now: ${AGENDA_ITEM}`, { exact: true })
            .waitFor({ timeout: 5_000 }),
        ),
      ),
    );
    for (const m of members) {
      await expectSameDocument(m.person.page, m.user.name);
      await expect(
        m.person.page.locator('li[aria-current="true"]').filter({ hasText: AGENDA_ITEM }).count(),
      ).resolves.toBe(1);
    }
  });

  it("puts members into two breakout rooms that each mix stakeholder groups", async () => {
    const rooms = fay.page.getByRole("region", { name: "Breakout rooms" });
    await rooms.getByText("No breakout rooms yet").waitFor();
    await rooms.getByText("Add a breakout room").click();
    const roomCard = (name: string) =>
      rooms.getByRole("listitem").filter({ has: fay.page.getByText(name, { exact: true }) });
    for (const name of ROOMS) {
      await rooms.getByLabel("Room name").fill(name);
      await rooms.getByRole("button", { name: "Add room" }).click();
      await roomCard(name).waitFor();
    }
    await rooms
      .getByRole("button", { name: "Auto-assign members and guests (mixing groups and regions)" })
      .click();
    for (const name of ROOMS)
      await roomCard(name)
        .getByText(/^Members: /)
        .waitFor();

    // In the database: every member is in one room, and each room has both stakeholder groups.
    const placed = await app.ctx.db.breakoutRoomMember.findMany({
      where: { room: { sessionId: cast.session.id } },
      select: { userId: true, room: { select: { name: true } } },
    });
    expect(placed).toHaveLength(members.length);
    for (const m of members) {
      m.room = placed.find((p) => p.userId === m.user.id)?.room.name ?? "";
      expect(ROOMS, `${m.user.name}'s room`).toContain(m.room);
    }
    for (const name of ROOMS) {
      const inRoom = members.filter((m) => m.room === name);
      expect(inRoom.map((m) => m.group).sort(), `stakeholder groups in ${name}`).toEqual([
        "Parents",
        "Teachers",
      ]);
      // The facilitator's page lists the same people in the room.
      await expect(
        roomCard(name)
          .getByText(/^Members: /)
          .textContent(),
      ).resolves.toBe(
        `Members: ${inRoom
          .map((m) => m.user.name)
          .sort()
          .join(", ")}`,
      );
    }
    // Each room has its own board, on the facilitator's page already.
    for (const name of ROOMS) await (await faysBoard(name)).waitFor();

    // A room of two would give its anonymous ideas' authors away, so a room takes ideas only
    // with five people or more (issue 16): three more members join each room, without browsers.
    for (const name of ROOMS) {
      const room = await app.ctx.db.breakoutRoom.findFirstOrThrow({
        where: { sessionId: cast.session.id, name },
      });
      for (let i = 0; i < 3; i++) {
        const extra = await createUser(app.ctx, `${name} extra ${i}`);
        await app.ctx.db.membership.create({
          data: { workGroupId: cast.workGroup.id, userId: extra.id, role: "member" },
        });
        await app.ctx.db.breakoutRoomMember.create({ data: { roomId: room.id, userId: extra.id } });
      }
    }

    // Each member, after a reload, is told their room and finds its board.
    await Promise.all(
      members.map(async (m) => {
        await open(m.person.page, sessionPath());
        await m.person.page
          .getByRole("heading", { name: `Your breakout room: ${m.room}`, exact: true })
          .waitFor();
        await board(m.person.page, m.room)
          .getByText(/^Live\b/)
          .waitFor({ timeout: 5_000 });
      }),
    );
    for (const name of ROOMS)
      await (await faysBoard(name)).getByText(/^Live\b/).waitFor({ timeout: 5_000 });
  });

  it("shows each member's idea live to their roommate and the facilitator", async () => {
    await Promise.all(everyone().map((p) => markDocument(p.page)));
    for (const m of members) {
      const mine = board(m.person.page, m.room);
      await mine.getByRole("radio", { name: m.idea.label, exact: true }).check();
      await mine.getByLabel("Your idea").fill(m.idea.text);
      const t0 = Date.now();
      await mine.getByRole("button", { name: "Post idea" }).click();
      const roommate = members.find((o) => o.room === m.room && o !== m)!;
      await ideaItem(board(roommate.person.page, m.room), m.idea.column, m.idea.text).waitFor({
        timeout: 3_000,
      });
      timings.push(`${m.user.name}'s idea on their roommate's screen: ${Date.now() - t0} ms`);
      await ideaItem(await faysBoard(m.room), m.idea.column, m.idea.text).waitFor({
        timeout: 3_000,
      });
      await ideaItem(mine, m.idea.column, m.idea.text).waitFor({ timeout: 3_000 });
      await expect.poll(() => mine.getByLabel("Your idea").inputValue()).toBe("");
      // Never in another room's board.
      const other = ROOMS.find((r) => r !== m.room)!;
      await expect(
        ideaItem(await faysBoard(other), m.idea.column, m.idea.text).count(),
      ).resolves.toBe(0);
    }
    await expectSameDocument(fay.page, "the facilitator");
    for (const m of members) await expectSameDocument(m.person.page, m.user.name);
    await expect(
      app.ctx.db.idea.count({ where: { board: { sessionId: cast.session.id } } }),
    ).resolves.toBe(members.length);
  });

  it("moves everyone to Rate live, and refuses an idea posted after brainstorm closed", async () => {
    const dev = member("Dev");
    const devBoard = board(dev.person.page, dev.room);
    const late = "One more: a family night about course choices";
    await devBoard.getByLabel("Your idea").fill(late);
    await Promise.all(everyone().map((p) => markDocument(p.page)));
    stall.on = true;

    const t0 = Date.now();
    await fay.page.getByRole("button", { name: "Move to Rate" }).click();
    const others = members.filter((m) => m !== dev);
    await time("phase: 'Move to Rate' to the Rate panel on 3 member pages", () =>
      Promise.all(
        others.map((m) =>
          rateRegion(m.person.page)
            .getByText(/You have rated 0 of 3 ideas/)
            .waitFor({
              timeout: 5_000,
            }),
        ),
      ),
    );
    for (const m of others) {
      await expectSameDocument(m.person.page, m.user.name);
      const page = m.person.page;
      await expect(
        page.getByRole("list", { name: "Phases" }).locator('[aria-current="step"]').textContent(),
      ).resolves.toBe("2. Rate");
      // The post form gave way to why it is gone.
      await board(page, m.room)
        .getByText(/^Brainstorm is closed: /)
        .waitFor();
      await expect(board(page, m.room).getByLabel("Your idea").count()).resolves.toBe(0);
    }
    timings.push(`phase change to 3 members (all revalidated): ${Date.now() - t0} ms`);

    // Dev's page has not heard yet and still shows the form with the typed idea: posting it is
    // refused, the page says why and keeps the idea.
    await expect(devBoard.getByLabel("Your idea").inputValue()).resolves.toBe(late);
    await devBoard.getByRole("button", { name: "Post idea" }).click();
    const refusal = devBoard.getByRole("alert");
    await refusal.waitFor({ timeout: 3_000 });
    await expect(refusal.textContent()).resolves.toBe(
      "Brainstorm is closed: the session is in the Rate phase, so ideas cannot be posted or changed now.",
    );
    await expect(devBoard.getByText(/^Brainstorm is closed: /).isVisible()).resolves.toBe(true);
    await expect(devBoard.getByLabel("Your idea").inputValue()).resolves.toBe(late);
    await expect(app.ctx.db.idea.count({ where: { text: late } })).resolves.toBe(0);

    // The phase arrives: Dev's page moves on too, without a reload.
    stall.on = false;
    for (const send of stall.held.splice(0)) send();
    await rateRegion(dev.person.page)
      .getByText(/You have rated 0 of 3 ideas/)
      .waitFor({
        timeout: 5_000,
      });
    await expectSameDocument(dev.person.page, dev.user.name);
    await expect(devBoard.getByText(/^Brainstorm is closed: /).isVisible()).resolves.toBe(true);
    await rateRegion(fay.page).waitFor();

    await expectNoSeriousViolations(members[0]!.person.page, `${sessionPath()} (member, Rate)`);
  });

  /** Every rating given, by idea text: what the results must show. */
  const given = new Map<string, (number | null)[]>();

  it("lets each member rate every other idea, one at a time, with a skip", async () => {
    await time("rating: 4 members, 3 ideas each", () =>
      Promise.all(
        members.map(async (m, raterIndex) => {
          const page = m.person.page;
          const rate = rateRegion(page);
          for (let done = 0; done < 3; done++) {
            await rate.getByText(`You have rated ${done} of 3 ideas.`).waitFor();
            const text = (await rate.locator("blockquote").textContent()) ?? "";
            const idea = members.find((o) => o.idea.text === text)?.idea;
            expect(idea, `${m.user.name} is offered an idea from the board: ${text}`).toBeTruthy();
            expect(text, `${m.user.name} is offered their own idea`).not.toBe(m.idea.text);
            await rate.getByText(`${idea!.label} · `).waitFor();
            const ratings = given.get(text) ?? [];
            given.set(text, ratings);
            if (raterIndex === 0 && done === 0) {
              ratings.push(null);
              await rate.getByRole("button", { name: "Skip", exact: true }).click();
            } else {
              const stars = ((text.length + raterIndex) % 5) + 1;
              ratings.push(stars);
              const name = ["", "1 star: weak", "2 stars", "3 stars", "4 stars", "5 stars: strong"][
                stars
              ]!;
              // One tap rates the idea and brings the next one.
              await rate.getByRole("button", { name, exact: true }).click();
            }
          }
          await rate.getByText("You have rated 3 of 3 ideas.").waitFor();
          await rate.getByText(/^You have rated every idea\. Thank you!/).waitFor();
          await expect(rate.locator("blockquote").count()).resolves.toBe(0);
        }),
      ),
    );
    // Every idea was offered to each of the three other members once.
    expect([...given.values()].map((r) => r.length)).toEqual([3, 3, 3, 3]);
    await expect(
      app.ctx.db.rating.count({ where: { idea: { board: { sessionId: cast.session.id } } } }),
    ).resolves.toBe(12);
  });

  it("shows the ranked ideas with their averages to the facilitator and members at Theme", async () => {
    await Promise.all(everyone().map((p) => markDocument(p.page)));
    await fay.page.getByRole("button", { name: "Move to Theme" }).click();
    const results = (page: Page) => page.getByRole("region", { name: "Ranked ideas" });
    await time("phase: 'Move to Theme' to the ranked ideas on 5 pages", () =>
      Promise.all(everyone().map((p) => results(p.page).waitFor({ timeout: 5_000 }))),
    );
    for (const m of members) await expectSameDocument(m.person.page, m.user.name);

    for (const p of everyone()) {
      const list = results(p.page);
      for (const m of members) {
        const stars = given.get(m.idea.text)!.filter((s): s is number => s !== null);
        const average = (stars.reduce((a, b) => a + b, 0) / stars.length).toFixed(1);
        const item = list
          .getByRole("region", { name: m.room, exact: true })
          .getByRole("listitem")
          .filter({ hasText: m.idea.text });
        // The idea, then its line: column, average, how many rated, the margin and how sure
        // its place is.
        const line = `${m.idea.label} · ${average} stars from ${stars.length} rating${stars.length === 1 ? "" : "s"}`;
        await expect(item.textContent()).resolves.toMatch(
          new RegExp(
            `^${escapeRegExp(m.idea.text + line)} · give or take \\d\\.\\d · (its place is clear|could swap places with a neighbour)$`,
          ),
        );
      }
      // The rating panel is gone once rating closed.
      await expect(rateRegion(p.page).count()).resolves.toBe(0);
    }
    await expectNoSeriousViolations(members[0]!.person.page, `${sessionPath()} (member, Theme)`);
  });

  it("raised no script errors in any page", () => {
    for (const p of everyone()) expect(p.errors).toEqual([]);
  });
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
