import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { readStoredDocument } from "../../app/modules/documents/lexical-document.server.ts";
import { en } from "../../app/modules/i18n/en.ts";
import { es } from "../../app/modules/i18n/es.ts";
import { blockText } from "../../app/modules/publication/content.ts";
import { recordAttendance } from "../../app/modules/session/attendance.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";

let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};
const secret = {
  session: "Closed-door budget session",
  recommendation: "Unpublished recommendation about stipends",
  hiddenIdea: "A hidden idea nobody outside may read",
  draftTitle: "Summary: Draft nobody published",
};
let hiddenSessionId = "";
let hiddenRecommendationId = "";
let publicRecommendationId = "";

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
  const db = app.ctx.db;
  await db.workGroup.update({
    where: { id: cast.workGroup.id },
    data: {
      purpose: "Study how schools prepare students for success.",
      essentialQuestions: "What does success-ready mean?",
    },
  });
  await db.agendaItem.create({
    data: {
      sessionId: cast.session.id,
      position: 1,
      title: "Welcome and charge",
      minutes: 15,
      presenter: "Dana",
      materials: "https://example.org/slides\njavascript:alert(1)",
    },
  });
  const idea = await postIdea(app.ctx, cast.memberA, cast.board.id, {
    column: "resources",
    text: "Release time for teachers to collaborate",
  });
  const hidden = await postIdea(app.ctx, cast.memberB, cast.board.id, {
    column: "vision",
    text: secret.hiddenIdea,
  });
  await db.idea.update({
    where: { id: hidden.id },
    data: { hiddenAt: new Date(), hiddenReason: "Off topic" },
  });
  await db.theme.create({
    data: {
      sessionId: cast.session.id,
      label: "Time to collaborate",
      position: 1,
      ideas: { connect: [{ id: idea.id }] },
    },
  });
  hiddenSessionId = (
    await db.session.create({
      data: {
        workGroupId: cast.workGroup.id,
        title: secret.session,
        startsAt: new Date("2027-01-05T15:00:00Z"),
        timeZone: "America/Chicago",
        format: "in_person",
      },
    })
  ).id;
  publicRecommendationId = (
    await db.recommendation.create({
      data: {
        workGroupId: cast.workGroup.id,
        position: 1,
        title: "Create a state-level Success-Ready Students Network",
        actionSteps: {
          create: [
            {
              position: 1,
              description: "Design the application process",
              ownerGroup: "DESE",
              horizon: "90_days",
              status: "in_progress",
            },
          ],
        },
      },
    })
  ).id;
  hiddenRecommendationId = (
    await db.recommendation.create({
      data: { workGroupId: cast.workGroup.id, position: 2, title: secret.recommendation },
    })
  ).id;
  await db.membership.update({
    where: { workGroupId_userId: { workGroupId: cast.workGroup.id, userId: cast.memberA.id } },
    data: { showNamePublicly: true },
  });
  await recordAttendance(app.ctx, cast.session.id, cast.memberA.id);
});
afterAll(async () => {
  await app?.stop();
});

const base = () => `/work-groups/${cast.workGroup.slug}`;
const site = () => `/public/${cast.workGroup.slug}`;
const onSite = (who: string, fields: Record<string, string>) =>
  postForm(
    app.url,
    `${base()}/public-site?_data=routes/work-groups.$slug.public-site`,
    cookies[who]!,
    fields,
  );
const onPublication = (who: string, id: string, fields: Record<string, string>) =>
  postForm(
    app.url,
    `${base()}/publications/${id}?_data=routes/work-groups.$slug.publications.$publicationId`,
    cookies[who]!,
    fields,
  );
const anonymous = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { headers });

async function draftSummary(who: string, sessionId: string) {
  const response = await onSite(who, { intent: "new-summary", sessionId });
  expect(response.status).toBe(204); // Remix answers a redirect to a data request with 204 + X-Remix-Redirect
  const location = response.headers.get("x-remix-redirect") ?? "";
  return location.split("/").at(-1)!;
}

describe("publishing", () => {
  let summaryId = "";
  let draftId = "";

  it("drafts a session summary from the session: agenda, attendance, themes with their best ideas", async () => {
    summaryId = await draftSummary("recorder", cast.session.id);
    const text = (await readStoredDocument(app.ctx, documentName.publication(summaryId)))
      .map(blockText)
      .join("\n");
    expect(text).toContain("Agenda");
    expect(text).toContain("Welcome and charge (15 minutes, Dana)");
    expect(text).toContain("Attendance");
    expect(text).toContain("Time to collaborate");
    expect(text).toContain("Release time for teachers to collaborate");
    expect(text).not.toContain(secret.hiddenIdea);
    draftId = await draftSummary("facilitator", hiddenSessionId);
    await app.ctx.db.publication.update({
      where: { id: draftId },
      data: { title: secret.draftTitle },
    });
  });

  it("shows nothing publicly until the work group page is published", async () => {
    expect((await anonymous(site())).status).toBe(404);
    expect((await anonymous(`${site()}/feed.xml`)).status).toBe(404);
    // Publishing a summary alone does not open the site.
    expect((await onPublication("facilitator", summaryId, { intent: "publish" })).status).toBe(200);
    expect((await anonymous(`${site()}/publications/${summaryId}`)).status).toBe(404);
  });

  it("lets only facilitators and owners publish", async () => {
    for (const who of ["recorder", "memberA"]) {
      expect(
        (await onSite(who, { intent: "publish-item", item: "work_group", publish: "yes" })).status,
      ).toBe(403);
      expect((await onPublication(who, summaryId, { intent: "publish" })).status).toBe(403);
    }
    expect(
      (await onSite("outsider", { intent: "publish-item", item: "work_group", publish: "yes" }))
        .status,
    ).toBe(404);
  });

  it("publishes item by item: the work group page, one agenda, one recommendation", async () => {
    for (const fields of [
      { item: "work_group", id: "", publish: "yes" },
      { item: "session", id: cast.session.id, publish: "yes" },
      { item: "recommendation", id: publicRecommendationId, publish: "yes" },
    ]) {
      expect((await onSite("facilitator", { intent: "publish-item", ...fields })).status).toBe(200);
    }
    const home = await (await anonymous(site())).text();
    expect(home).toContain("Study how schools prepare students for success.");
    expect(home).toContain("What does success-ready mean?");
    expect(home).toContain("Create a state-level Success-Ready Students Network");
    expect(home).toContain("Design the application process");
    expect(home).toContain("Planning session");
    expect(home).toContain("Summary: Planning session");
    // Members: counted, and named only where they agreed.
    expect(home).toContain("Ada Member");
    expect(home).not.toContain("Ben Member");
    const session = await (await anonymous(`${site()}/sessions/${cast.session.id}`)).text();
    expect(session).toContain("Welcome and charge");
    expect(session).toContain('href="https://example.org/slides"');
    expect(session).not.toContain("javascript:alert");
  });

  it("keeps every version, says when a summary was updated, and hides it again when unpublished", async () => {
    const page = () => anonymous(`${site()}/publications/${summaryId}`);
    expect(await (await page()).text()).not.toContain("Updated");
    const again = await onPublication("facilitator", summaryId, { intent: "publish" });
    expect(await again.json()).toEqual({ notice: "Version 2 is published." });
    expect(await (await page()).text()).toContain("Updated");
    expect((await onPublication("facilitator", summaryId, { intent: "unpublish" })).status).toBe(
      200,
    );
    expect((await page()).status).toBe(404);
    expect((await anonymous(`${site()}/publications/${summaryId}/pdf`)).status).toBe(404);
    expect(await (await anonymous(site())).text()).not.toContain("Summary: Planning session");
    await onPublication("facilitator", summaryId, { intent: "publish" });
    expect((await page()).status).toBe(200);
    const versions = await app.ctx.db.publicationVersion.count({
      where: { publicationId: summaryId },
    });
    expect(versions).toBe(3);
  });

  it("walks every public page and file: no draft or unpublished item is reachable", async () => {
    const seen = new Map<string, string>();
    const queue = [site(), `${site()}?lang=es`];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      const response = await anonymous(path);
      expect(response.status, path).toBe(200);
      const type = response.headers.get("content-type") ?? "";
      const body =
        type.includes("pdf") || type.includes("officedocument") ? "" : await response.text();
      seen.set(path, body);
      for (const [, href] of body.matchAll(/href="([^"]+)"/g)) {
        const url = new URL(href!.replaceAll("&amp;", "&"), `${app.url}${path}`);
        if (
          url.origin === app.url &&
          url.pathname.startsWith(site()) &&
          !seen.has(url.pathname + url.search)
        ) {
          queue.push(url.pathname + url.search);
        }
      }
    }
    const paths = [...seen.keys()];
    expect(paths).toEqual(
      expect.arrayContaining([
        `${site()}/feed.xml`,
        `${site()}/sessions/${cast.session.id}`,
        `${site()}/publications/${summaryId}`,
        `${site()}/publications/${summaryId}/md`,
        `${site()}/publications/${summaryId}/pdf`,
      ]),
    );
    const everything = [...seen.values()].join("\n");
    for (const text of Object.values(secret)) expect(everything).not.toContain(text);
    expect(everything).not.toContain(hiddenSessionId);
    expect(everything).not.toContain(draftId);
    expect(everything).not.toContain(hiddenRecommendationId);
    // And asked for directly, every unpublished item answers 404.
    for (const path of [
      `${site()}/sessions/${hiddenSessionId}`,
      `${site()}/publications/${draftId}`,
      `${site()}/publications/${draftId}/md`,
      `${site()}/publications/${draftId}/docx`,
      `/public/no-such-group`,
    ]) {
      expect((await anonymous(path)).status, path).toBe(404);
    }
  });

  it("answers in Spanish when asked, and remembers the choice", async () => {
    const spanish = await anonymous(`${site()}?lang=es`);
    const html = await spanish.text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain("Propósito");
    expect(html).toContain("Recomendación 1");
    expect(html).toContain("En curso");
    expect(spanish.headers.get("set-cookie")).toContain("convene_lang=es");
    expect(await (await anonymous(site(), { cookie: "convene_lang=es" })).text()).toContain(
      "Preguntas esenciales",
    );
    expect(
      await (await anonymous(site(), { "accept-language": "es-MX,es;q=0.9" })).text(),
    ).toContain("Sesiones");
    // No interface string is left in English on the Spanish pages. The document itself is
    // shown as its staff wrote it: its own lines (a "Themes" heading) are not the interface's.
    const written = new Set(
      (await readStoredDocument(app.ctx, documentName.publication(summaryId))).map(blockText),
    );
    const english = Object.entries(en)
      .filter(([key, text]) => text !== es[key as keyof typeof es] && !text.includes("{{"))
      .map(([, text]) => text)
      .filter((text) => !written.has(text));
    for (const path of [
      site(),
      `${site()}/sessions/${cast.session.id}`,
      `${site()}/publications/${summaryId}`,
    ]) {
      const page = await (await anonymous(path, { cookie: "convene_lang=es" })).text();
      const visible = page.replace(/<script[\s\S]*?<\/script>/g, "");
      expect(
        english.filter((text) => visible.includes(`>${text}<`)),
        path,
      ).toEqual([]);
      expect(visible).toContain('lang="es"');
    }
    expect(
      await (await anonymous(site(), { "accept-language": "fr-FR,en;q=0.5" })).text(),
    ).toContain("Essential questions");
  });

  it("offers an Atom feed of what was published", async () => {
    const response = await anonymous(`${site()}/feed.xml`);
    expect(response.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await response.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    // The feed marks titles as HTML: they are escaped, so a title is read as text.
    expect(xml).toContain('<title type="html"><![CDATA[Summary: Planning session]]></title>');
    expect(xml).not.toContain(secret.draftTitle);
  });

  it("refuses bad requests with a message and changes nothing", async () => {
    const before = await app.ctx.db.workGroup.findUniqueOrThrow({
      where: { id: cast.workGroup.id },
      select: { publishedAt: true },
    });
    for (const fields of <Record<string, string>[]>[
      { intent: "publish-item", item: "everything", publish: "yes" },
      { intent: "publish-item", item: "work_group", publish: "maybe" },
      { intent: "publish-item", item: "session", id: "x".repeat(500), publish: "yes" },
      { intent: "delete-everything" },
      { intent: "new-summary", sessionId: "" },
      { intent: "new-report", title: "   " },
    ]) {
      const response = await onSite("facilitator", fields);
      expect(response.status, JSON.stringify(fields)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(
      (
        await onSite("facilitator", {
          intent: "publish-item",
          item: "session",
          id: "nosuchsession",
          publish: "yes",
        })
      ).status,
    ).toBe(404);
    expect(
      (await onSite("facilitator", { intent: "new-summary", sessionId: "nosuchsession" })).status,
    ).toBe(404);
    expect(
      (await onPublication("facilitator", summaryId, { intent: "rename", title: "" })).status,
    ).toBe(400);
    const after = await app.ctx.db.workGroup.findUniqueOrThrow({
      where: { id: cast.workGroup.id },
      select: { publishedAt: true },
    });
    expect(after).toEqual(before);
  });

  describe("what the public site must not leak (issue 16)", () => {
    it("names no unpublished session in listings or the feed, and escapes feed titles", async () => {
      // A summary of the closed-door session, published under a neutral title: the summary is
      // public, the session (its agenda) is not, so its title must not appear beside it.
      const id = await draftSummary("facilitator", hiddenSessionId);
      await app.ctx.db.publication.update({
        where: { id },
        data: { title: "Notes from January <b>bold</b>" },
      });
      expect((await onPublication("facilitator", id, { intent: "publish" })).status).toBe(200);
      const home = await (await anonymous(site())).text();
      expect(home).toContain("Notes from January");
      expect(home).not.toContain(secret.session);
      const xml = await (await anonymous(`${site()}/feed.xml`)).text();
      expect(xml).toContain("Notes from January &lt;b&gt;bold&lt;/b&gt;");
      expect(xml).not.toContain("<b>bold</b>");
      expect(xml).not.toContain(secret.session);
      await onPublication("facilitator", id, { intent: "unpublish" });
    });

    it("names an action step's owner only where the member chose to be named", async () => {
      const step = await app.ctx.db.actionStep.create({
        data: {
          recommendationId: publicRecommendationId,
          position: 2,
          description: "Invite districts to apply",
          ownerUserId: cast.memberB.id,
          horizon: "60_days",
          status: "not_started",
        },
      });
      const home = await (await anonymous(site())).text();
      expect(home).toContain("Invite districts to apply");
      expect(home).toContain("A member of the work group");
      expect(home).not.toContain("Ben Member");
      const spanish = await (await anonymous(`${site()}?lang=es`)).text();
      expect(spanish).toContain("Un miembro del grupo de trabajo");
      const response = await onSite("facilitator", { intent: "new-report", title: "Report" });
      const reportId = (response.headers.get("x-remix-redirect") ?? "").split("/").at(-1)!;
      const report = (await readStoredDocument(app.ctx, documentName.publication(reportId)))
        .map(blockText)
        .join("\n");
      expect(report).toContain("Invite districts to apply (a member of the work group");
      expect(report).not.toContain("Ben Member");
      // Once Ben chooses "Show my name", the public site names him.
      await app.ctx.db.membership.update({
        where: { workGroupId_userId: { workGroupId: cast.workGroup.id, userId: cast.memberB.id } },
        data: { showNamePublicly: true },
      });
      expect(await (await anonymous(site())).text()).toContain("Ben Member");
      await app.ctx.db.membership.update({
        where: { workGroupId_userId: { workGroupId: cast.workGroup.id, userId: cast.memberB.id } },
        data: { showNamePublicly: false },
      });
      await app.ctx.db.actionStep.delete({ where: { id: step.id } });
      await app.ctx.db.publication.delete({ where: { id: reportId } });
    });
  });

  describe("a long report on the web", () => {
    it("is cut into parts with contents across them; the downloads hold the whole", async () => {
      const blocks = [
        { kind: "heading", level: 2, text: "Executive summary" },
        { kind: "paragraph", runs: [{ text: "A long report." }] },
        { kind: "heading", level: 2, text: "Recommendations" },
        { kind: "paragraph", runs: [{ text: "Five of them." }] },
        { kind: "heading", level: 2, text: "Appendix: all ideas by theme" },
        {
          kind: "list",
          ordered: true,
          items: Array.from({ length: 1_000 }, (_, i) => [{ text: `Idea number ${i + 1}.` }]),
        },
      ];
      const publication = await app.ctx.db.publication.create({
        data: {
          workGroupId: cast.workGroup.id,
          kind: "report",
          title: "Long report",
          publishedNumber: 1,
          versions: {
            create: { number: 1, title: "Long report", content: JSON.stringify(blocks) },
          },
        },
      });
      const path = `${site()}/publications/${publication.id}`;
      const first = await (await anonymous(path)).text();
      expect(first).toContain("Part 1 of 4");
      expect(first).not.toContain("Idea number 1.");
      expect(first).toContain(`href="?part=2#section-3"`); // the appendix, from the contents
      const second = await (await anonymous(`${path}?part=2`)).text();
      expect(second).toContain('id="section-3"');
      expect(second).toContain("Idea number 1.");
      expect(second).not.toContain("Idea number 401.");
      const last = await (await anonymous(`${path}?part=4`)).text();
      expect(last).toContain("Idea number 1000.");
      expect(last).toContain('start="801"');
      for (const part of ["5", "0", "abc", "1.5"]) {
        expect((await anonymous(`${path}?part=${part}`)).status, part).toBe(404);
      }
      expect(await (await anonymous(`${path}/md`)).text()).toContain("Idea number 1000.");
    });
  });

  describe("the ideas spreadsheet", () => {
    it("lists every idea with session, room, column, theme and rating, never an author", async () => {
      const get = (who: string) =>
        fetch(`${app.url}${base()}/ideas.csv`, { headers: { cookie: cookies[who]! } });
      expect((await get("memberA")).status).toBe(403);
      const response = await get("recorder");
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      // Read as bytes: text() would drop the byte order mark spreadsheets need.
      const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
        await response.arrayBuffer(),
      );
      expect(csv.startsWith("\uFEFFSession,Date,Room,Board,Knoster element,Theme,Idea,")).toBe(
        true,
      );
      expect(csv).toContain(
        "Planning session,2026-12-01,Whole group,Whole group,Resources,Time to collaborate,Release time for teachers to collaborate,,0,\r\n",
      );
      for (const name of ["Ada Member", "Ben Member"]) expect(csv).not.toContain(name);
      // Hidden ideas are a facilitator's record: a recorder's file leaves them out (issue 16).
      expect(csv).not.toContain(secret.hiddenIdea);
      const facilitators = await (await get("facilitator")).text();
      expect(facilitators).toContain(`${secret.hiddenIdea},,0,yes\r\n`);
    });
  });
});
