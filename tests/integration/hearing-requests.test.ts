import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueFormToken } from "../../app/modules/comment-period/form-token.server.ts";
import { createHearing } from "../../app/modules/hearing/hearings.server.ts";
import { formScope } from "../../app/modules/hearing/registration.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { openCommentPeriod } from "../support/comments.ts";
import { postForm } from "../support/http.ts";
import { type Mail, startMailbox } from "../support/mail.ts";
import { waitFor } from "../support/realtime.ts";

/**
 * Issue 19, item 4, over real HTTP: a registration asks for accommodations, an interpreter
 * and to speak; staff see what to arrange with counts and a numbered speaker list that loses
 * cancelled registrations; both go into the exports; team roles count only for a team; the
 * confirmation says what was asked, in the language the person registered in; and hostile
 * input is answered 4xx with nothing stored.
 */
let app: TestApp;
let cast: Cast;
let cookies: Awaited<ReturnType<typeof startSeededApp>>["cookies"];
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let period: { id: string; path: string };
const PUBLIC_ROUTE = "routes/public.$slug.comment-periods.$periodId_.hearings.$hearingId";
const HEARING_ROUTE = "routes/work-groups.$slug.comment-periods.$periodId_.hearings.$hearingId";
const ROLES = "Principal\nCounselor\nLead teacher\nFederal programs director";

let client = 0;
const from = () => ({ "x-forwarded-for": `198.51.100.${++client % 250}` });

beforeAll(async () => {
  mailbox = await startMailbox();
  const seeded = await startSeededApp({
    SMTP_URL: mailbox.url,
    APP_URL: "https://convene.example.org",
    TRUST_PROXY: "1",
  });
  ({ app, cast, cookies } = seeded);
  period = await openCommentPeriod(app.ctx, cast, { title: "Hearings people can use" });
});
afterAll(async () => {
  await app?.stop();
  await mailbox?.close();
});

const access = () => ({
  workGroup: { id: cast.workGroup.id, slug: cast.workGroup.slug, name: cast.workGroup.name },
  role: "facilitator" as const,
});
const wallClock = (hours: number) =>
  new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);

async function addHearing(title: string, teamRoles = "") {
  const { id } = await createHearing(app.ctx, access(), period.id, {
    kind: "hearing",
    title,
    startsAt: wallClock(48),
    endsAt: wallClock(50),
    place: "Jefferson State Office Building",
    link: "",
    capacity: 3,
    teamRoles,
  });
  return id;
}
const publicPath = (hearingId: string) => `${period.path}/hearings/${hearingId}`;
const staffPath = (hearingId: string, rest = "") =>
  `/work-groups/${cast.workGroup.slug}/comment-periods/${period.id}/hearings/${hearingId}${rest}`;

/** Posts the registration form as the page's script does; the status and JSON answer. */
async function register(
  hearingId: string,
  fields: [string, string][] = [],
  headers: Record<string, string> = {},
) {
  const given = new Set(fields.map(([name]) => name));
  const defaults: [string, string][] = [
    [
      "token",
      issueFormToken(app.ctx.config.sessionSecret, formScope(hearingId), Date.now() - 30_000),
    ],
    ["website", ""],
    ["name", "Dana Parent"],
    ["email", `dana.${Math.random().toString(36).slice(2, 8)}@example.org`],
  ];
  const body = new URLSearchParams([...defaults.filter(([name]) => !given.has(name)), ...fields]);
  const response = await fetch(`${app.url}${publicPath(hearingId)}?_data=${PUBLIC_ROUTE}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...from(), ...headers },
    body,
  });
  expect(response.status).toBeLessThan(500);
  return { status: response.status, body: await response.json() };
}
const registrations = (hearingId: string) =>
  app.ctx.db.registration.findMany({
    where: { hearingId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
const staffPage = async (hearingId: string) =>
  (
    await (
      await fetch(`${app.url}${staffPath(hearingId)}`, { headers: { cookie: cookies.recorder } })
    ).text()
  ).replace(/<!-- -->/g, "");
const download = async (hearingId: string, what: string) => {
  const response = await fetch(`${app.url}${staffPath(hearingId, what)}`, {
    headers: { cookie: cookies.recorder },
  });
  expect(response.status).toBe(200);
  return response;
};
const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
const mailTo = (address: string) =>
  waitFor(
    () => mailbox.inbox.find((m: Mail) => m.to === address),
    5_000,
    `the confirmation to ${address}`,
  );

describe("asking for what helps", () => {
  it("stores accommodations and an interpreter, counts them for staff and exports them", async () => {
    const hearingId = await addHearing("Hearing with requests");
    const asks: [string, string][][] = [
      [
        ["email", "ana@example.org"],
        ["accommodations", "captioning"],
        ["accommodations", "largePrint"],
        ["interpreter", "es"],
      ],
      [
        ["email", "ben@example.org"],
        ["accommodations", "captioning"],
        ["interpreter", "es"],
      ],
      [
        ["email", "cy@example.org"],
        ["interpreter", "es"],
        ["accommodationOther", "A seat near the door, please"],
      ],
      [
        ["email", "dee@example.org"],
        ["interpreter", "other"],
        ["interpreterOther", "Q’anjob’al"],
      ],
      // Waiting for a place: still counted, as a place may be freed for them.
      [
        ["email", "eve@example.org"],
        ["interpreter", "vi"],
        ["accommodations", "wheelchair"],
      ],
      [
        ["email", "fay@example.org"],
        ["accommodations", "signLanguage"],
      ],
    ];
    for (const fields of asks) expect((await register(hearingId, fields)).status).toBe(200);
    const stored = await registrations(hearingId);
    expect(stored[0]).toMatchObject({
      accommodations: JSON.stringify(["captioning", "largePrint"]),
      interpreter: "es",
      interpreterOther: "",
      accommodationOther: "",
      wishesToSpeak: false,
      locale: "en",
    });
    expect(stored[3]).toMatchObject({ interpreter: "other", interpreterOther: "Q’anjob’al" });
    expect(stored.map((r) => r.status)).toEqual([
      "registered",
      "registered",
      "registered",
      "waitlisted",
      "waitlisted",
      "waitlisted",
    ]);

    // Staff cancel one who asked for sign language: it is no longer counted.
    const fay = stored[5]!;
    const cancelled = await postForm(
      app.url,
      `${staffPath(hearingId)}?_data=${HEARING_ROUTE}`,
      cookies.facilitator,
      { intent: "cancel", registrationId: fay.id },
    );
    expect(cancelled.status).toBe(200);

    const page = await staffPage(hearingId);
    const html = page.slice(page.indexOf('id="to-arrange"'), page.indexOf('id="speakers"'));
    expect(html).toContain("3 ask for</span> an interpreter in Spanish");
    expect(html).toContain("1 asks for</span> an interpreter in Q’anjob’al");
    expect(html).toContain("1 asks for</span> an interpreter in Vietnamese");
    expect(html).toContain("2 ask for</span> captioning");
    expect(html).toContain("1 asks for</span> large print");
    expect(html).toContain("1 asks for</span> wheelchair access");
    expect(html).not.toContain("a sign language interpreter");
    expect(html).toContain("A seat near the door, please");

    const csv = csvLines(await (await download(hearingId, "/registrants/csv")).text());
    expect(csv[0]).toBe(
      "Registration,Status,Registered at (UTC),Name,Role,Organization,Contact,Contact email,Accommodations,Interpreter,Wishes to speak,Speaking on",
    );
    expect(csv[1]).toMatch(/,ana@example\.org,captioning; large print,Spanish,no,$/);
    expect(csv[3]).toMatch(/,cy@example\.org,"A seat near the door, please",Spanish,no,$/);
    expect(csv[4]).toContain(",Q’anjob’al,");
    const json = await (await download(hearingId, "/registrants/json")).json();
    expect(json.registrations[0]).toMatchObject({
      accommodations: ["captioning", "largePrint"],
      interpreter: "Spanish",
      interpreterLanguage: "es",
      wishesToSpeak: false,
    });
    expect(json.registrations[3]).toMatchObject({
      interpreter: "Q’anjob’al",
      interpreterLanguage: null,
    });

    // The confirmation says what was asked, so the person knows it was heard.
    const mail = await mailTo("ana@example.org");
    expect(mail.text).toContain("You asked for:");
    expect(mail.text).toContain("- Captioning (live text of what is said)");
    expect(mail.text).toContain("- Large print materials");
    expect(mail.text).toContain("- An interpreter: Spanish (español)");
  });
});

describe("signing up to speak", () => {
  it("lists speakers in registration order, numbered; a cancelled one drops off; exports it", async () => {
    const hearingId = await addHearing("Hearing with speakers");
    const people = [
      ["Ana First", "Section 2: funding"],
      ["Ben Quiet", null],
      ["Cy Second", ""],
      ["Dee Third", "Accountability"],
      ["Eve Waiting", "Budget, and <b>more</b>"],
    ] as const;
    for (const [name, topic] of people) {
      const fields: [string, string][] = [
        ["name", name],
        ["email", `${name.split(" ")[0]!.toLowerCase()}@speakers.example.org`],
      ];
      if (topic !== null) fields.push(["wishesToSpeak", "on"], ["speakingTopic", topic]);
      expect((await register(hearingId, fields)).status).toBe(200);
    }
    const stored = await registrations(hearingId);
    expect(stored.map((r) => [r.name, r.wishesToSpeak, r.speakingTopic])).toEqual([
      ["Ana First", true, "Section 2: funding"],
      ["Ben Quiet", false, ""],
      ["Cy Second", true, ""],
      ["Dee Third", true, "Accountability"],
      ["Eve Waiting", true, "Budget, and <b>more</b>"],
    ]);

    const before = csvLines(await (await download(hearingId, "/speakers/csv")).text());
    expect(before[0]).toBe(
      "Order,Name,Organization,Topic,Status,Registered at (UTC),Email,Registration",
    );
    expect(before.slice(1).map((line) => line.split(",").slice(0, 2))).toEqual([
      ["1", "Ana First"],
      ["2", "Cy Second"],
      ["3", "Dee Third"],
      ["4", "Eve Waiting"],
    ]);

    // Ana cancels by her link: the list closes up (and Dee moves up from the waitlist).
    const mail = await mailTo("ana@speakers.example.org");
    expect(mail.text).toContain("You signed up to speak.");
    expect(mail.text).toContain("You wish to speak on: Section 2: funding");
    const link = /\/public\/[\w-]+\/hearings\/cancel\/[\w-]+/.exec(mail.text)![0];
    expect((await fetch(`${app.url}${link}`, { method: "POST" })).status).toBe(200);

    const after = csvLines(await (await download(hearingId, "/speakers/csv")).text());
    expect(after.slice(1).map((line) => line.split(",").slice(0, 2))).toEqual([
      ["1", "Cy Second"],
      ["2", "Dee Third"],
      ["3", "Eve Waiting"],
    ]);
    const json = await (await download(hearingId, "/speakers/json")).json();
    expect(json.speakers.map((s: { order: number; name: string; status: string }) => s)).toEqual([
      expect.objectContaining({ order: 1, name: "Cy Second", topic: "", status: "registered" }),
      expect.objectContaining({ order: 2, name: "Dee Third", topic: "Accountability" }),
      expect.objectContaining({ order: 3, name: "Eve Waiting", status: "waitlisted" }),
    ]);

    const html = await staffPage(hearingId);
    const list = html.slice(html.indexOf('id="speakers"'), html.indexOf('id="registrants"'));
    expect(list.indexOf("Cy Second")).toBeLessThan(list.indexOf("Dee Third"));
    expect(list).not.toContain("Ana First");
    expect(list).not.toContain("Ben Quiet");
    expect(list).toContain("On: Accountability");
    // Staff-typed-to-them text is shown as text, never as markup.
    expect(list).toContain("Budget, and &lt;b&gt;more&lt;/b&gt;");

    // Members cannot download it; an unknown format is not found.
    const member = await fetch(`${app.url}${staffPath(hearingId, "/speakers/csv")}`, {
      headers: { cookie: cookies.memberA },
    });
    expect(member.status).toBe(403);
    const xlsx = await fetch(`${app.url}${staffPath(hearingId, "/speakers/xlsx")}`, {
      headers: { cookie: cookies.facilitator },
    });
    expect(xlsx.status).toBe(404);
  });
});

describe("a team, or just me", () => {
  it("keeps team names only for a team registration", async () => {
    const hearingId = await addHearing("Hearing for district teams", ROLES);
    const names: [string, string][] = [
      ["team[0]", "Ana Principal"],
      ["team[1]", "Kim Counselor"],
    ];
    // A parent registering themselves, with names left in the hidden team fields: ignored.
    const parent = await register(hearingId, [
      ["email", "parent@example.org"],
      ["party", "one"],
      ...names,
    ]);
    expect(parent.status).toBe(200);
    // No choice sent at all (an old form): just the person too.
    const unsaid = await register(hearingId, [["email", "unsaid@example.org"], ...names]);
    expect(unsaid.status).toBe(200);
    const team = await register(hearingId, [
      ["email", "contact@district.example.org"],
      ["party", "team"],
      ...names,
    ]);
    expect(team.status).toBe(200);
    const stored = await registrations(hearingId);
    expect(stored.map((r) => [r.email, JSON.parse(r.team).length])).toEqual([
      ["parent@example.org", 0],
      ["unsaid@example.org", 0],
      ["contact@district.example.org", 2],
    ]);

    // A hearing without roles takes no team at all, however it is asked.
    const open = await addHearing("Open hearing");
    const refused = await register(open, [["party", "team"], names[0]!]);
    expect(refused.status).toBe(400);
    expect(refused.body.problem).toBe("hearing.teamInvalid");
    const refusedParty = await register(open, [["party", "team"]]);
    expect(refusedParty.status).toBe(400);
    expect(refusedParty.body.reply.error.party).toEqual(["hearing.partyInvalid"]);
    expect(await registrations(open)).toHaveLength(0);

    // The page offers the choice, and says the team fields are only for a team.
    const page = await (await fetch(`${app.url}${publicPath(hearingId)}`)).text();
    expect(page).toMatch(/<input type="radio" name="party"[^>]*checked="" value="one"/);
    expect(page).toContain("A team from a school or district");
    expect(page).toContain("Only if you register a team.");
    const plain = await (await fetch(`${app.url}${publicPath(open)}`)).text();
    expect(plain).not.toContain('name="party"');
  });
});

describe("hostile and mistaken requests", () => {
  it("answers 400 with the error beside the field, and stores nothing", async () => {
    const hearingId = await addHearing("Guarded requests");
    const cases: [[string, string][], string, string][] = [
      [[["accommodations", "jetpack"]], "accommodations[0]", "hearing.accommodationInvalid"],
      [[["interpreter", "tlh"]], "interpreter", "hearing.interpreterInvalid"],
      [[["interpreter", "other"]], "interpreterOther", "hearing.languageMissing"],
      [
        [
          ["interpreter", "other"],
          ["interpreterOther", "https://spam.example"],
        ],
        "interpreterOther",
        "hearing.languageInvalid",
      ],
      [
        [
          ["interpreter", "other"],
          ["interpreterOther", "x".repeat(61)],
        ],
        "interpreterOther",
        "hearing.languageTooLong",
      ],
      [
        [["accommodationOther", "x".repeat(501)]],
        "accommodationOther",
        "hearing.accommodationOtherTooLong",
      ],
      [[["accommodationOther", "Bell\u0007"]], "accommodationOther", "hearing.controlCharacters"],
      [
        [
          ["wishesToSpeak", "on"],
          ["speakingTopic", "x".repeat(201)],
        ],
        "speakingTopic",
        "hearing.topicTooLong",
      ],
      [[["wishesToSpeak", "definitely"]], "wishesToSpeak", "hearing.speakInvalid"],
      [[["party", "crowd"]], "party", "hearing.partyInvalid"],
    ];
    for (const [fields, field, message] of cases) {
      const answer = await register(hearingId, fields);
      expect(answer.status, JSON.stringify(fields)).toBe(400);
      expect(answer.body.problem).toBe("hearing.problem");
      expect(answer.body.reply.error[field], JSON.stringify(fields)).toEqual([message]);
    }
    // Every mistake is said at once, not one after another.
    const several = await register(hearingId, [
      ["name", ""],
      ["interpreter", "other"],
    ]);
    expect(several.body.reply.error).toMatchObject({
      name: ["hearing.nameMissing"],
      interpreterOther: ["hearing.languageMissing"],
    });
    // Every box ticked many times over: at most the boxes there are.
    const flood = await register(
      hearingId,
      Array.from({ length: 50 }, () => ["accommodations", "captioning"] as [string, string]),
    );
    expect(flood.status).toBe(400);
    expect(JSON.stringify(flood.body).length).toBeLessThan(5_000);
    expect(await registrations(hearingId)).toHaveLength(0);

    // The same mistakes without JavaScript: the page again, with the message beside the field.
    const page = await fetch(`${app.url}${publicPath(hearingId)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...from() },
      body: new URLSearchParams({
        token: issueFormToken(
          app.ctx.config.sessionSecret,
          formScope(hearingId),
          Date.now() - 30_000,
        ),
        name: "Pat",
        email: "pat@example.org",
        interpreter: "other",
      }),
    });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain("Write the language you need an interpreter for.");
    expect(html).toMatch(/<option value="other"[^>]*selected=""/);
  });
});

describe("in Spanish", () => {
  it("mails the confirmation in Spanish, with what was asked", async () => {
    const hearingId = await addHearing("Audiencia con intérprete");
    const answer = await register(
      hearingId,
      [
        ["email", "rosa@example.org"],
        ["accommodations", "captioning"],
        ["interpreter", "es"],
        ["wishesToSpeak", "on"],
        ["speakingTopic", "Sección 3"],
      ],
      { cookie: "convene_lang=es" },
    );
    expect(answer.status).toBe(200);
    expect((await registrations(hearingId))[0]!.locale).toBe("es");
    const mail = await mailTo("rosa@example.org");
    expect(mail.subject).toBe("Inscripción confirmada: Audiencia con intérprete");
    expect(mail.text).toContain("Hola, Dana Parent:");
    expect(mail.text).toContain("Usted pidió:");
    expect(mail.text).toContain("- Subtítulos (texto en vivo de lo que se dice)");
    expect(mail.text).toContain("- Un intérprete: español");
    expect(mail.text).toContain("Desea hablar sobre: Sección 3");
    expect(mail.text).toContain("Cuándo:");
    expect(mail.text).not.toContain("When:");
  });
});
