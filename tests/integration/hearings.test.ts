import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCommentPeriodPublished } from "../../app/modules/comment-period/comment-period.server.ts";
import { issueFormToken } from "../../app/modules/comment-period/form-token.server.ts";
import { formScope } from "../../app/modules/hearing/registration.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { openCommentPeriod } from "../support/comments.ts";
import { postForm } from "../support/http.ts";
import { waitFor } from "../support/realtime.ts";

/**
 * Hearings and webinars of a comment period, over real HTTP: staff add them (roles enforced),
 * the public registers people and teams without an account, capacity holds under concurrent
 * registrations, the waitlist moves up when a place is cancelled by the emailed link, the
 * calendar file and the registrant export, and hostile input answered 4xx with nothing stored.
 * Mail goes through a real SMTP server (smtp-server) that keeps what it receives.
 */
type Mail = { to: string; subject: string; body: string };
const inbox: Mail[] = [];
let smtp: SMTPServer;
let app: TestApp;
let cast: Cast;
let cookies: Awaited<ReturnType<typeof startSeededApp>>["cookies"];
let period: { id: string; path: string };
const APP_URL = "https://convene.example.org";
const DISTRICT_TEAM = ["Principal", "Counselor", "Lead teacher", "Federal programs director"];

// Each registration comes from its own address (X-Forwarded-For through TRUST_PROXY), so the
// per-address limit stays out of the way except where it is tested.
let client = 0;
const from = () => ({ "x-forwarded-for": `203.0.113.${++client % 250}` });

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      stream.on("end", () => {
        // Quoted-printable soft line breaks, undone so links read whole.
        body = body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
        const subject = /^Subject: (.*)$/m.exec(body)?.[1] ?? "";
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), subject, body });
        callback();
      });
    },
  });
  smtp.listen(0, "127.0.0.1");
  await once(smtp.server, "listening");
  const port = (smtp.server.address() as AddressInfo).port;
  const seeded = await startSeededApp({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    APP_URL,
    TRUST_PROXY: "1",
  });
  ({ app, cast, cookies } = seeded);
  period = await openCommentPeriod(app.ctx, cast, { closesInMinutes: 7 * 24 * 60 });
});
afterAll(async () => {
  await app?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

const slug = () => cast.workGroup.slug;
const staffPath = (rest = "") =>
  `/work-groups/${slug()}/comment-periods/${period.id}/hearings${rest}`;
const LIST_ROUTE = "routes/work-groups.$slug.comment-periods.$periodId_.hearings._index";
const HEARING_ROUTE = "routes/work-groups.$slug.comment-periods.$periodId_.hearings.$hearingId";
const PUBLIC_ROUTE = "routes/public.$slug.comment-periods.$periodId_.hearings.$hearingId";
const publicPath = (hearingId: string, periodId = period.id) =>
  `/public/${slug()}/comment-periods/${periodId}/hearings/${hearingId}`;
/** A wall-clock time (the period is in UTC) some hours from now. */
const wallClock = (hours: number) =>
  new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);

/** A hearing added through the staff form; returns its id. */
async function addHearing(fields: Record<string, string> = {}) {
  const title = fields.title ?? `Hearing ${Math.random().toString(36).slice(2, 8)}`;
  const response = await postForm(
    app.url,
    `${staffPath()}?_data=${LIST_ROUTE}`,
    cookies.facilitator,
    {
      kind: "hearing",
      title,
      startsAt: wallClock(48),
      endsAt: wallClock(50),
      place: "Jefferson State Office Building, 205 Jefferson Street, Jefferson City",
      link: "",
      capacity: "",
      teamRoles: "",
      ...fields,
    },
  );
  expect(response.status).toBe(200);
  const hearing = await app.ctx.db.hearing.findFirstOrThrow({ where: { title } });
  return hearing.id;
}

/** A genuine form token as the hearing page hands out, served 30 seconds ago. */
const token = (hearingId: string, secondsAgo = 30) =>
  issueFormToken(
    app.ctx.config.sessionSecret,
    formScope(hearingId),
    Date.now() - secondsAgo * 1000,
  );

/** Posts the registration form as the page's script does (?_data=); the JSON answer. */
async function register(
  hearingId: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = from(),
) {
  const body = new URLSearchParams({
    token: token(hearingId),
    website: "",
    name: "Dana Parent",
    email: `dana.${Math.random().toString(36).slice(2, 8)}@example.org`,
    ...fields,
  });
  const response = await fetch(`${app.url}${publicPath(hearingId)}?_data=${PUBLIC_ROUTE}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
  return { status: response.status, body: await response.json() };
}

const registrations = (hearingId: string) =>
  app.ctx.db.registration.findMany({
    where: { hearingId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
const mailTo = (address: string, subject: RegExp) =>
  waitFor(
    () => inbox.find((m) => m.to === address && subject.test(m.subject)),
    5_000,
    `mail to ${address}`,
  );
/** A link from a mail, on the test server instead of the configured address. */
const linkIn = (mail: Mail, pattern: RegExp) =>
  (pattern.exec(mail.body)?.[0] ?? "").replace(APP_URL, "");
/** The cancel link in the confirmation mailed to this address. */
const cancelLinkFor = async (address: string) =>
  linkIn(
    await mailTo(address, /^(Registered|Waitlisted): /),
    new RegExp(`${APP_URL}/public/[\\w-]+/hearings/cancel/[\\w-]+`),
  );
/** With mail configured, every answer is this, whoever's address it was (issue 16). */
const CHECK_EMAIL = {
  checkEmail: true,
  state: null,
  position: null,
  emailed: true,
  cancelPath: null,
  team: [],
  requests: null,
};

describe("staff schedule hearings and webinars", () => {
  it("adds a hearing with team roles; members and recorders may not; bad input stores nothing", async () => {
    const fields = {
      kind: "hearing",
      title: "Public hearing on the Comprehensive Guide",
      startsAt: wallClock(72),
      endsAt: wallClock(74),
      place: "Jefferson State Office Building",
      link: "",
      capacity: "120",
      teamRoles: DISTRICT_TEAM.join("\n"),
    };
    for (const who of ["memberA", "recorder", "outsider"] as const) {
      const refused = await postForm(
        app.url,
        `${staffPath()}?_data=${LIST_ROUTE}`,
        cookies[who],
        fields,
      );
      expect(refused.status, who).toBe(who === "outsider" ? 404 : 403);
    }
    const bad = await postForm(app.url, `${staffPath()}?_data=${LIST_ROUTE}`, cookies.facilitator, {
      ...fields,
      endsAt: wallClock(70),
      link: "javascript:alert(1)",
      capacity: "-4",
    });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()).reply;
    expect(error.endsAt).toEqual(["It must end after it starts."]);
    expect(error.link[0]).toMatch(/https/);
    expect(error.capacity[0]).toMatch(/at least 1 place/);
    expect(await app.ctx.db.hearing.count()).toBe(0);

    const added = await postForm(
      app.url,
      `${staffPath()}?_data=${LIST_ROUTE}`,
      cookies.facilitator,
      fields,
    );
    expect(added.status).toBe(200);
    const hearing = await app.ctx.db.hearing.findFirstOrThrow({ where: { title: fields.title } });
    expect(hearing).toMatchObject({ capacity: 120, timeZone: "UTC", kind: "hearing" });
    expect(hearing.teamRoles.split("\n")).toEqual(DISTRICT_TEAM);
    expect(hearing.startsAt.toISOString().slice(0, 16)).toBe(fields.startsAt);

    // Recorders read the list (attendance), members cannot.
    const list = await fetch(`${app.url}${staffPath()}`, { headers: { cookie: cookies.recorder } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(fields.title);
    const hidden = await fetch(`${app.url}${staffPath()}`, {
      headers: { cookie: cookies.memberA },
    });
    expect(hidden.status).toBe(403);
  });

  it("lists the hearing on the public page with a Register link and a calendar link", async () => {
    const hearingId = await addHearing({ title: "Listed hearing" });
    const page = await (await fetch(`${app.url}${period.path}`)).text();
    expect(page).toContain(`href="${publicPath(hearingId)}"`);
    expect(page).toContain(`href="${publicPath(hearingId)}/calendar.ics"`);
    const own = await fetch(`${app.url}${publicPath(hearingId)}`);
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).toContain("Listed hearing");
    expect(html).toContain('name="token"');
    const spanish = await (await fetch(`${app.url}${publicPath(hearingId)}?lang=es`)).text();
    expect(spanish).toContain("Inscríbase en este evento");
  });
});

describe("the public registers", () => {
  it("registers a person, without JavaScript too, and emails the confirmation with a working cancel link", async () => {
    const hearingId = await addHearing({
      title: "Webinar for families",
      kind: "webinar",
      place: "",
      link: "https://meet.example.org/msip6",
    });
    const answer = await register(hearingId, { name: "Pat Parent", email: "Pat@Example.org" });
    expect(answer.status).toBe(200);
    // The page says only "check your email": the place and the link go to the address.
    expect(answer.body.done).toEqual(CHECK_EMAIL);
    const [stored] = await registrations(hearingId);
    expect(stored).toMatchObject({
      name: "Pat Parent",
      email: "pat@example.org",
      status: "registered",
    });

    const mail = await mailTo("pat@example.org", /^Registered: Webinar for families/);
    expect(mail.body).toContain("Join online: https://meet.example.org/msip6");
    expect(mail.body).toContain(`${APP_URL}${publicPath(hearingId)}/calendar.ics`);
    const cancelLink = linkIn(
      mail,
      new RegExp(`${APP_URL}/public/[\\w-]+/hearings/cancel/[\\w-]+`),
    );
    expect(cancelLink).toMatch(new RegExp(`^/public/${slug()}/hearings/cancel/`));
    // Only the hash of the cancel token is stored.
    expect(cancelLink).not.toContain(stored!.tokenHash);

    // A form posted without JavaScript gets the page back, saying so.
    const plain = await fetch(`${app.url}${publicPath(hearingId)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...from() },
      body: new URLSearchParams({
        token: token(hearingId),
        website: "",
        name: "Sam <script>alert(1)</script>",
        email: "sam@example.org",
      }),
    });
    expect(plain.status).toBe(200);
    const html = await plain.text();
    expect(html).toContain("Check your email");
    expect(html).not.toContain("<script>alert(1)</script>");
  });

  it("registers a district team of four, one place for the team, each member in the export with their role", async () => {
    const hearingId = await addHearing({
      title: "District teams hearing",
      capacity: "1",
      teamRoles: DISTRICT_TEAM.join("\n"),
    });
    const team = ["Ana Principal", "Kim Counselor", "Lee Teacher", "Rosa Director"];
    const answer = await register(hearingId, {
      name: "Dana Contact",
      email: "dana@district.example.org",
      organization: "Jefferson City Public Schools",
      party: "team",
      ...Object.fromEntries(team.map((name, i) => [`team[${i}]`, name])),
    });
    expect(answer.status).toBe(200);
    const [stored] = await registrations(hearingId);
    expect(stored!.status).toBe("registered");
    expect(JSON.parse(stored!.team)).toEqual(
      DISTRICT_TEAM.map((role, i) => ({ role, name: team[i] })),
    );
    const teamMail = await mailTo("dana@district.example.org", /^Registered: /);
    for (const name of team) expect(teamMail.body).toContain(name);

    // A second team, with the counselor's role left empty, waits: the first team took the place.
    const second = await register(hearingId, {
      name: "Second Contact",
      email: "second@district.example.org",
      party: "team",
      "team[0]": "Other Principal",
      "team[1]": "",
      "team[2]": "Other Teacher",
    });
    expect(second.status).toBe(200);
    const waiting = (await registrations(hearingId))[1]!;
    expect(waiting.status).toBe("waitlisted");
    expect(JSON.parse(waiting.team).map((m: { role: string }) => m.role)).toEqual([
      "Principal",
      "Lead teacher",
    ]);
    expect((await mailTo("second@district.example.org", /^Waitlisted: /)).body).toContain(
      "number 1",
    );

    const csv = await fetch(`${app.url}${staffPath(`/${hearingId}/registrants/csv`)}`, {
      headers: { cookie: cookies.recorder },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Registration,Status,Registered at (UTC),Name,Role,Organization,Contact,Contact email,Accommodations,Interpreter,Wishes to speak,Speaking on",
    );
    for (const [i, name] of team.entries())
      expect(text).toContain(
        `${name},${DISTRICT_TEAM[i]},Jefferson City Public Schools,Dana Contact,dana@district.example.org`,
      );
    expect(text).toContain("waitlisted");
    expect(lines).toHaveLength(1 + 4 + 2);
    const json = await fetch(`${app.url}${staffPath(`/${hearingId}/registrants/json`)}`, {
      headers: { cookie: cookies.facilitator },
    });
    expect((await json.json()).registrations[0].team).toHaveLength(4);
    const refused = await fetch(`${app.url}${staffPath(`/${hearingId}/registrants/csv`)}`, {
      headers: { cookie: cookies.memberA },
    });
    expect(refused.status).toBe(403);
    const unknown = await fetch(`${app.url}${staffPath(`/${hearingId}/registrants/xlsx`)}`, {
      headers: { cookie: cookies.facilitator },
    });
    expect(unknown.status).toBe(404);
  });

  it("waitlists when full, answers a repeated address with its registration, and a cancel moves the first person waiting up", async () => {
    const hearingId = await addHearing({ title: "Small room", capacity: "2" });
    const first = await register(hearingId, { name: "First", email: "first@example.org" });
    await register(hearingId, { name: "Second", email: "second@example.org" });
    const third = await register(hearingId, { name: "Third", email: "third@example.org" });
    const fourth = await register(hearingId, { name: "Fourth", email: "fourth@example.org" });
    for (const answer of [first, third, fourth]) expect(answer.body.done).toEqual(CHECK_EMAIL);
    expect((await registrations(hearingId)).map((r) => r.status)).toEqual([
      "registered",
      "registered",
      "waitlisted",
      "waitlisted",
    ]);
    const waitMail = await mailTo("third@example.org", /^Waitlisted: Small room/);
    expect(waitMail.body).toContain("number 1");
    expect((await mailTo("fourth@example.org", /^Waitlisted: Small room/)).body).toContain(
      "number 2",
    );
    const page = await (await fetch(`${app.url}${publicPath(hearingId)}`)).text();
    expect(page).toContain("All places are taken");

    // The same address again (another form): the registration stands, nothing new is stored,
    // and its owner is emailed the details; the page shows no link, and the owner's link stays
    // (a stranger who knows the address must not be able to void it).
    const before = inbox.length;
    const again = await register(hearingId, { name: "Someone else", email: "FIRST@example.org" });
    expect(again.status).toBe(200);
    // The same answer as a new registration's: the sender learns nothing about the address.
    expect(again.body).toEqual(first.body);
    expect(await registrations(hearingId)).toHaveLength(4);
    const resent = await waitFor(
      () => inbox.slice(before).find((m) => m.to === "first@example.org"),
      5_000,
    );
    expect(resent.body).toContain("Your registration stands as it was");
    expect(resent.body).not.toMatch(/\/hearings\/cancel\//);
    // The link given at first still works.
    const firstLink = await cancelLinkFor("first@example.org");
    expect((await fetch(`${app.url}${firstLink}`)).status).toBe(200);

    // A double click (the same form twice at once): one registration, the same answer.
    const formToken = token(hearingId);
    const clicks = await Promise.all(
      [1, 2].map(async () => {
        const response = await fetch(`${app.url}${publicPath(hearingId)}?_data=${PUBLIC_ROUTE}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...from() },
          body: new URLSearchParams({
            token: formToken,
            name: "Fifth",
            email: "fifth@example.org",
          }),
        });
        return (await response.json()).done;
      }),
    );
    expect(clicks).toEqual([CHECK_EMAIL, CHECK_EMAIL]);
    expect(await registrations(hearingId)).toHaveLength(5);
    await mailTo("fifth@example.org", /^Waitlisted: /);
    expect(inbox.filter((m) => m.to === "fifth@example.org")).toHaveLength(1);

    // Opening the link cancels nothing (mail scanners follow links); pressing the button does.
    const ask = await fetch(`${app.url}${firstLink}`);
    expect(ask.status).toBe(200);
    // The last policy given wins: the link never leaves in a Referer header.
    expect(ask.headers.get("referrer-policy")).toMatch(/(^|, )no-referrer$/);
    const askHtml = await ask.text();
    expect(askHtml).toContain("Yes, cancel my registration");
    expect(askHtml).toContain("<title>Cancel your registration</title>");
    expect(askHtml).toContain("Small room");
    expect((await registrations(hearingId))[0]!.status).toBe("registered");
    const cancelled = await fetch(`${app.url}${firstLink}`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.text()).toContain("Your registration is cancelled");
    const after = await registrations(hearingId);
    expect(after.map((r) => [r.name, r.status])).toEqual([
      ["First", "cancelled"],
      ["Second", "registered"],
      ["Third", "registered"],
      ["Fourth", "waitlisted"],
      ["Fifth", "waitlisted"],
    ]);
    const freed = await mailTo("third@example.org", /^A place is yours: Small room/);
    expect(freed.body).toContain("you are now registered");
    // Again: already cancelled, nobody else moves.
    const twice = await fetch(`${app.url}${firstLink}`, { method: "POST" });
    expect(await twice.text()).toContain("already cancelled");
    expect((await registrations(hearingId)).filter((r) => r.status === "registered")).toHaveLength(
      2,
    );

    // A cancelled address may register again: it joins the end of the waitlist.
    const mailsBefore = inbox.length;
    const back = await register(hearingId, { name: "First", email: "first@example.org" });
    expect(back.body.done).toEqual(CHECK_EMAIL);
    expect((await registrations(hearingId)).at(-1)!.status).toBe("waitlisted");
    const backMail = await waitFor(
      () => inbox.slice(mailsBefore).find((m) => m.to === "first@example.org"),
      5_000,
    );
    expect(backMail.body).toContain("number 3");
  });

  it("holds capacity under 30 registrations at once: exactly 10 places, 20 waiting", async () => {
    const hearingId = await addHearing({ title: "Crowded hearing", capacity: "10" });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        register(hearingId, { name: `Person ${i}`, email: `crowd${i}@example.org` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    // Each waiting person is told their own number, and no number is given twice.
    const waitMails = await waitFor(
      () => {
        const found = inbox.filter(
          (m) => /^crowd\d+@/.test(m.to) && /^Waitlisted: Crowded hearing/.test(m.subject),
        );
        return found.length === 20 ? found : undefined;
      },
      10_000,
      "20 waitlist mails",
    );
    const positions = waitMails
      .map((m) => Number(/number (\d+)/.exec(m.body)?.[1]))
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const stored = await registrations(hearingId);
    expect(stored.filter((r) => r.status === "registered")).toHaveLength(10);
    expect(stored.filter((r) => r.status === "waitlisted")).toHaveLength(20);

    // Staff raise the capacity to 12: the two waiting longest move up at once.
    const staff = await postForm(
      app.url,
      `${staffPath(`/${hearingId}`)}?_data=${HEARING_ROUTE}`,
      cookies.facilitator,
      {
        intent: "edit",
        kind: "hearing",
        title: "Crowded hearing",
        startsAt: wallClock(48),
        endsAt: wallClock(50),
        place: "Jefferson State Office Building, 205 Jefferson Street, Jefferson City",
        capacity: "12",
      },
    );
    expect(staff.status).toBe(200);
    expect((await staff.json()).message).toContain("2 moved up");
    const raised = await registrations(hearingId);
    expect(raised.filter((r) => r.status === "registered")).toHaveLength(12);
    const firstWaiting = stored.filter((r) => r.status === "waitlisted").slice(0, 2);
    for (const r of firstWaiting)
      expect(raised.find((x) => x.id === r.id)!.status).toBe("registered");

    // Staff cancel one (recorders may not): the next person waiting moves up.
    const someone = raised.find((r) => r.status === "registered")!;
    const recorder = await postForm(
      app.url,
      `${staffPath(`/${hearingId}`)}?_data=${HEARING_ROUTE}`,
      cookies.recorder,
      { intent: "cancel", registrationId: someone.id },
    );
    expect(recorder.status).toBe(403);
    const cancel = await postForm(
      app.url,
      `${staffPath(`/${hearingId}`)}?_data=${HEARING_ROUTE}`,
      cookies.facilitator,
      { intent: "cancel", registrationId: someone.id },
    );
    expect(cancel.status).toBe(200);
    const after = await registrations(hearingId);
    expect(after.filter((r) => r.status === "registered")).toHaveLength(12);
    expect(after.filter((r) => r.status === "waitlisted")).toHaveLength(17);
    const again = await postForm(
      app.url,
      `${staffPath(`/${hearingId}`)}?_data=${HEARING_ROUTE}`,
      cookies.facilitator,
      { intent: "cancel", registrationId: someone.id },
    );
    expect(again.status).toBe(409);

    // The staff page lists them with counts.
    const html = (
      await (
        await fetch(`${app.url}${staffPath(`/${hearingId}`)}`, {
          headers: { cookie: cookies.facilitator },
        })
      ).text()
    ).replace(/<!-- -->/g, "");
    expect(html).toContain("12 registered");
    expect(html).toContain("17 waitlisted");
  });
});

describe("the calendar file", () => {
  it("is a valid VCALENDAR with the hearing's times in UTC, CRLF lines, folded", async () => {
    const hearingId = await addHearing({
      title:
        "Public hearing, part 2; with a long title that needs folding across lines in the file",
    });
    const hearing = await app.ctx.db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    const response = await fetch(`${app.url}${publicPath(hearingId)}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await response.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    const utc = (at: Date) =>
      at
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z")
        .replace(/[-:]/g, "");
    expect(unfolded).toContain(`\r\nDTSTART:${utc(hearing.startsAt)}\r\n`);
    expect(unfolded).toContain(`\r\nDTEND:${utc(hearing.endsAt)}\r\n`);
    expect(unfolded).toContain(`\r\nUID:hearing-${hearingId}@convene.example.org\r\n`);
    expect(unfolded).toContain(
      "SUMMARY:Public hearing\\, part 2\\; with a long title that needs folding across lines in the file",
    );
    expect(unfolded).toContain("LOCATION:Jefferson State Office Building\\, 205 Jefferson Street");
    expect(unfolded).toContain(`URL:${APP_URL}${publicPath(hearingId)}`);
    expect(unfolded).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  });
});

describe("hostile and mistaken input", () => {
  it("answers 4xx with a message and stores nothing", async () => {
    const hearingId = await addHearing({ title: "Guarded", teamRoles: "Principal\nCounselor" });
    const other = await addHearing({ title: "Other" });
    const cases: [Record<string, string>, number, string | null][] = [
      [{ name: "" }, 400, "hearing.problem"],
      [{ email: "not an address" }, 400, "hearing.problem"],
      [{ email: "" }, 400, "hearing.problem"],
      [{ name: "x".repeat(201) }, 400, "hearing.problem"],
      [{ name: "Bell\u0007" }, 400, "hearing.problem"],
      [{ "team[2]": "No such role" }, 400, "hearing.teamInvalid"],
      [{ "team[99999999]": "Far away" }, 400, "hearing.teamInvalid"],
      [{ name: "", "name[99999999]": "Far away", "x[99999999]": "y" }, 400, "hearing.problem"],
      [{ website: "http://spam.example" }, 400, "hearing.automated"],
      [{ token: "forged.token.value.sig" }, 400, "hearing.expired"],
      [{ token: token(other) }, 400, "hearing.expired"],
      [{ token: token(hearingId, 0) }, 400, "hearing.tooFast"],
    ];
    for (const [fields, status, problem] of cases) {
      const answer = await register(hearingId, fields);
      expect(answer.status, JSON.stringify(fields)).toBe(status);
      expect(answer.body.problem, JSON.stringify(fields)).toBe(problem);
      expect(answer.body.done).toBeNull();
    }
    const fieldErrors = (await register(hearingId, { email: "nope", name: "" })).body.reply.error;
    expect(fieldErrors).toMatchObject({
      email: ["hearing.invalidEmail"],
      name: ["hearing.nameMissing"],
    });
    // Not a form at all, a form for a hearing that does not exist, or of another period.
    const json = await fetch(`${app.url}${publicPath(hearingId)}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...from() },
      body: "{}",
    });
    expect(json.status).toBeGreaterThanOrEqual(400);
    expect(json.status).toBeLessThan(500);
    expect((await register("nope", {})).status).toBe(404);
    const wrongPeriod = await fetch(
      `${app.url}${publicPath(hearingId, "other-period")}?_data=${PUBLIC_ROUTE}`,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: token(hearingId), name: "A", email: "a@example.org" }),
      },
    );
    expect(wrongPeriod.status).toBe(404);
    for (const path of [
      `/public/${slug()}/hearings/cancel/not-a-token`,
      `/public/${slug()}/hearings/cancel/${"x".repeat(500)}`,
    ]) {
      const page = await fetch(`${app.url}${path}`);
      expect(page.status).toBe(404);
      expect((await fetch(`${app.url}${path}`, { method: "POST" })).status).toBe(404);
    }
    expect(await registrations(hearingId)).toHaveLength(0);
  });

  it("limits registrations from one address", async () => {
    const hearingId = await addHearing({ title: "Open to all" });
    const headers = { "x-forwarded-for": "192.0.2.77" };
    const answers = [];
    for (let i = 0; i < 31; i++)
      answers.push(await register(hearingId, { email: `many${i}@example.org` }, headers));
    expect(answers.slice(0, 30).every((a) => a.status === 200)).toBe(true);
    expect(answers[30]!.status).toBe(429);
    expect(answers[30]!.body).toMatchObject({ problem: "hearing.tooMany" });
    expect(answers[30]!.body.retryAfter).toBeGreaterThan(0);
    expect(await registrations(hearingId)).toHaveLength(30);
  });

  it("closes registration when the event has ended", async () => {
    const hearingId = await addHearing({
      title: "Yesterday",
      startsAt: wallClock(-26),
      endsAt: wallClock(-24),
    });
    const answer = await register(hearingId);
    expect(answer.status).toBe(403);
    expect(answer.body.problem).toBe("hearing.closed");
    expect(await (await fetch(`${app.url}${publicPath(hearingId)}`)).text()).toContain(
      "This event has ended",
    );
  });

  it("answers 404 for every hearing of an unpublished period, and staff still see it", async () => {
    const hearingId = await addHearing({ title: "Soon withdrawn" });
    const registered = await register(hearingId, { email: "withdrawn@example.org" });
    const access = {
      workGroup: { id: cast.workGroup.id, slug: slug(), name: cast.workGroup.name },
      role: "facilitator" as const,
    };
    await setCommentPeriodPublished(app.ctx, access, period.id, false);
    try {
      expect((await fetch(`${app.url}${publicPath(hearingId)}`)).status).toBe(404);
      expect((await fetch(`${app.url}${publicPath(hearingId)}/calendar.ics`)).status).toBe(404);
      expect((await register(hearingId)).status).toBe(404);
      expect(registered.status).toBe(200);
      expect(
        (await fetch(`${app.url}${await cancelLinkFor("withdrawn@example.org")}`)).status,
      ).toBe(404);
      const staff = await fetch(`${app.url}${staffPath(`/${hearingId}`)}`, {
        headers: { cookie: cookies.facilitator },
      });
      expect(staff.status).toBe(200);
    } finally {
      await setCommentPeriodPublished(app.ctx, access, period.id, true);
    }
  });

  it("deletes a hearing only when confirmed, and tells those registered", async () => {
    const hearingId = await addHearing({ title: "To be deleted" });
    await register(hearingId, { email: "deleted@example.org" });
    const route = `${staffPath(`/${hearingId}`)}?_data=${HEARING_ROUTE}`;
    const unconfirmed = await postForm(app.url, route, cookies.facilitator, { intent: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect(await app.ctx.db.hearing.count({ where: { id: hearingId } })).toBe(1);
    const deleted = await postForm(app.url, route, cookies.facilitator, {
      intent: "delete",
      confirm: "yes",
    });
    expect(deleted.status).toBe(204);
    expect(await app.ctx.db.hearing.count({ where: { id: hearingId } })).toBe(0);
    expect(await registrations(hearingId)).toHaveLength(0);
    await mailTo("deleted@example.org", /^Cancelled: To be deleted/);
    expect((await fetch(`${app.url}${publicPath(hearingId)}`)).status).toBe(404);
  });
});
