import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { createSummary } from "../../app/modules/publication/publication.server.ts";
import {
  addActionStep,
  createRecommendation,
} from "../../app/modules/recommendation/recommendation.server.ts";
import { actionStepSchema } from "../../app/modules/recommendation/schema.ts";
import { runThemingCommand } from "../../app/modules/theming/theming.server.ts";
import { createInvite } from "../../app/modules/work-group/members.server.ts";
import { requireMembership } from "../../app/modules/work-group/work-group.server.ts";
import { linkOrigin } from "../../app/utils/request.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { englishIn, shownText } from "../support/catalogue.ts";
import { formClient, postForm } from "../support/http.ts";
import { connectProvider } from "../support/realtime.ts";

/** Issue 17: the signed-in app's language, chosen on any page and kept on the account. */
let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
});
afterAll(() => app?.stop());

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
const page = async (path: string, headers: Record<string, string>) => {
  const html = await (await fetch(`${app.url}${path}`, { headers })).text();
  return { html, lang: /<html lang="(\w+)"/.exec(html)?.[1] };
};

describe("the interface language", () => {
  it("follows the browser until the person chooses, then the account", async () => {
    const spanishBrowser = { cookie: cookies.memberA!, "accept-language": "es-MX,es;q=0.9" };
    const before = await page(sessionPath(), spanishBrowser);
    expect(before.lang).toBe("es");
    expect(before.html).toContain("Publique una idea");
    // The staff pages follow the browser too: the comment periods' list, for one.
    const periods = await page(`/work-groups/${cast.workGroup.slug}/comment-periods`, {
      ...spanishBrowser,
      cookie: cookies.facilitator!,
    });
    expect(periods.lang).toBe("es");
    expect(periods.html).toContain("Períodos de comentarios");

    const chosen = await postForm(app.url, "/language", cookies.memberA!, {
      lang: "en",
      back: sessionPath(),
    });
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get("location")).toBe(sessionPath());
    const user = await app.ctx.db.user.findUniqueOrThrow({ where: { id: cast.memberA.id } });
    expect(user.locale).toBe("en");
    // The account's choice wins over the Spanish browser, in any browser it signs in to.
    expect((await page(sessionPath(), spanishBrowser)).lang).toBe("en");

    await postForm(app.url, "/language", cookies.memberA!, { lang: "es", back: "/" });
    const after = await page(sessionPath(), { cookie: cookies.memberA! });
    expect(after.lang).toBe("es");
    expect(after.html).toContain("Lluvia de ideas");
  });

  it("says a participant's refusal in their language", async () => {
    await app.ctx.db.session.update({ where: { id: cast.session.id }, data: { phase: "rate" } });
    const late = await fetch(
      `${app.url}${sessionPath()}?_data=${encodeURIComponent("routes/work-groups.$slug.sessions.$sessionId")}`,
      {
        method: "POST",
        headers: {
          cookie: cookies.memberB!,
          "accept-language": "es",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          csrf: "test-csrf-token",
          intent: "post-idea",
          boardId: cast.board.id,
          column: "vision",
          text: "Demasiado tarde",
        }),
      },
    );
    expect(late.status).toBe(409);
    expect(JSON.stringify(await late.json())).toContain(
      "La lluvia de ideas está cerrada: la sesión está en la fase Calificar",
    );
    await app.ctx.db.session.update({
      where: { id: cast.session.id },
      data: { phase: "brainstorm" },
    });
  });

  it("speaks Spanish on the way in: home, sign-in, sign-up, links, invites, the work group", async () => {
    const spanish = { "accept-language": "es-US,es;q=0.9" };
    const signedOut = [
      "/",
      "/login",
      "/signup",
      "/login/email",
      "/forgot-password",
      "/reset-password/no-such-token",
      "/login/link/no-such-token",
      "/invite/no-such-token",
    ];
    const signedIn = ["/", `/work-groups/${cast.workGroup.slug}`, "/account"];
    const visits = [
      ...signedOut.map((path) => ({ path, headers: spanish })),
      ...signedIn.map((path) => ({ path, headers: { ...spanish, cookie: cookies.facilitator! } })),
    ];
    for (const { path, headers } of visits) {
      const response = await fetch(`${app.url}${path}`, { headers, redirect: "manual" });
      const html = await response.text();
      expect([200, 410], path).toContain(response.status);
      expect(/<html lang="(\w+)"/.exec(html)?.[1], path).toBe("es");
      expect(englishIn(shownText(html)), `${path}: English on the page`).toEqual([]);
    }
    // Staff wrote the work group's words in English: a Spanish page marks them so.
    const workGroup = await page(`/work-groups/${cast.workGroup.slug}`, {
      ...spanish,
      cookie: cookies.facilitator!,
    });
    expect(workGroup.html).toContain("Planificar una sesión");
    expect(workGroup.html).toMatch(/<span lang="en">[^<]+<\/span>/);
  });

  it("speaks Spanish on the work group's pages: program, members, recommendations, plan, history", async () => {
    // A recommendation with a step, and an open invite, through the real services: the pages
    // show them with every control around them.
    const access = await requireMembership(app.ctx, cast.facilitator.id, {
      id: cast.workGroup.id,
    });
    const recommendation = await createRecommendation(app.ctx, cast.facilitator, access, {
      title: "Fund tutoring",
    });
    await addActionStep(
      app.ctx,
      cast.facilitator,
      access,
      recommendation.id,
      actionStepSchema.parse({
        description: "Hire tutors",
        ownerGroup: "Regional centers",
        horizon: "school_year",
        status: "in_progress",
        startsOn: "2020-01-06",
        dueOn: "2020-05-29",
        resources: "Two tutors per school",
        fundingSource: "Title I",
      }),
    );
    await createInvite(
      app.ctx,
      cast.facilitator,
      access,
      { role: "member", days: 7 },
      linkOrigin(app.ctx, new Request(app.url)),
    );
    const base = `/work-groups/${cast.workGroup.slug}`;
    const spanish = { "accept-language": "es-US,es;q=0.9", cookie: cookies.facilitator! };
    const visit = async (path: string) => {
      const response = await fetch(`${app.url}${path}`, { headers: spanish });
      const html = await response.text();
      expect(response.status, path).toBe(200);
      expect(/<html lang="(\w+)"/.exec(html)?.[1], path).toBe("es");
      expect(englishIn(shownText(html)), `${path}: English on the page`).toEqual([]);
      return html;
    };
    const pages: Record<string, string> = {};
    for (const path of [
      `/programs/${cast.program.slug}`,
      `${base}/members`,
      `${base}/recommendations`,
      `${base}/recommendations/${recommendation.id}`,
      `${base}/action-plan`,
      `${base}/history`,
    ]) {
      pages[path] = await visit(path);
    }
    // The owner's members page has the controls to change roles and remove people.
    await app.ctx.db.membership.update({
      where: {
        workGroupId_userId: { workGroupId: cast.workGroup.id, userId: cast.facilitator.id },
      },
      data: { role: "owner" },
    });
    try {
      expect(await visit(`${base}/members`)).toContain("Sí, retirar a Ada Member");
    } finally {
      await app.ctx.db.membership.update({
        where: {
          workGroupId_userId: { workGroupId: cast.workGroup.id, userId: cast.facilitator.id },
        },
        data: { role: "facilitator" },
      });
    }
    expect(pages[`/programs/${cast.program.slug}`]).toContain("Agregar un grupo de trabajo");
    expect(pages[`${base}/members`]).toContain("Invitaciones vigentes");
    // Staff wrote the recommendation and its step in English: a Spanish page marks them so.
    const shown = pages[`${base}/recommendations/${recommendation.id}`]!;
    expect(shown).toContain('Recomendación 1: <span lang="en">Fund tutoring</span>');
    expect(shown).toContain('Responsable: <span lang="en">Regional centers</span>');
    expect(shown).toContain("Este año escolar");
    expect(pages[`${base}/action-plan`]).toContain("Atrasado");
    expect(pages[`${base}/history`]).toContain('<span lang="en">Added the recommendation');
  });

  it("speaks Spanish on the staff pages: settings, public site, a summary's editor, theming", async () => {
    const access = await requireMembership(app.ctx, cast.facilitator.id, {
      id: cast.workGroup.id,
    });
    // A draft summary, ideas and a theme that feeds a recommendation, through the real
    // services: the pages show them with every control around them.
    const summary = await createSummary(app.ctx, cast.facilitator, access, cast.session.id, "en");
    const ideas = [];
    for (const text of ["Release time for teachers", "Grant funding for districts"]) {
      ideas.push(
        await postIdea(app.ctx, cast.memberA, cast.board.id, { column: "resources", text }),
      );
    }
    await runThemingCommand(app.ctx, cast.facilitator, access, cast.session.id, {
      intent: "create-theme",
      label: "Time to collaborate",
      ideaIds: [ideas[0]!.id],
    });
    const theme = await app.ctx.db.theme.findFirstOrThrow({
      where: { sessionId: cast.session.id, label: "Time to collaborate" },
    });
    const recommendation = await createRecommendation(app.ctx, cast.facilitator, access, {
      title: "Protect collaboration time",
    });
    await app.ctx.db.recommendationTheme.create({
      data: { recommendationId: recommendation.id, themeId: theme.id },
    });

    const base = `/work-groups/${cast.workGroup.slug}`;
    const spanish = { "accept-language": "es-US,es;q=0.9", cookie: cookies.facilitator! };
    const visit = async (path: string) => {
      const response = await fetch(`${app.url}${path}`, { headers: spanish });
      const html = await response.text();
      expect(response.status, path).toBe(200);
      expect(/<html lang="(\w+)"/.exec(html)?.[1], path).toBe("es");
      expect(englishIn(shownText(html)), `${path}: English on the page`).toEqual([]);
      return html;
    };
    const theming = `${base}/sessions/${cast.session.id}/theming`;
    const pages: Record<string, string> = {};
    // Settings are the owner's.
    await app.ctx.db.membership.update({
      where: {
        workGroupId_userId: { workGroupId: cast.workGroup.id, userId: cast.facilitator.id },
      },
      data: { role: "owner" },
    });
    try {
      for (const path of [
        `${base}/settings`,
        `${base}/public-site`,
        `${base}/publications/${summary.id}`,
        theming,
      ]) {
        pages[path] = await visit(path);
      }
    } finally {
      await app.ctx.db.membership.update({
        where: {
          workGroupId_userId: { workGroupId: cast.workGroup.id, userId: cast.facilitator.id },
        },
        data: { role: "facilitator" },
      });
    }
    expect(pages[`${base}/settings`]).toContain("Guardar la configuración");
    expect(pages[`${base}/public-site`]).toContain("Redactar un resumen de sesión");
    expect(pages[`${base}/public-site`]).toContain("<title>Sitio público · Convene</title>");
    // Staff text stays as written, marked as English on the Spanish page.
    expect(pages[`${base}/public-site`]).toContain(
      '<span lang="en">Summary: Planning session</span>',
    );
    const editor = pages[`${base}/publications/${summary.id}`]!;
    expect(editor).toContain("Un borrador: nadie fuera del grupo de trabajo lo ve");
    expect(editor).toContain('Resumen de sesión de <span lang="en">Planning session</span>');
    const themes = pages[theming]!;
    expect(themes).toContain("2 ideas de todas las salas, 1 tema, 1 sin tema todavía.");
    expect(themes).toContain("Sin tema todavía (1)");
    expect(themes).toContain('<span lang="en">Time to collaborate</span>');
    expect(themes).toMatch(/Recomendación \d: <span lang="en">Protect collaboration time<\/span>/);
    expect(themes).toContain("Este tema está vinculado a una recomendación. Al eliminarlo:");
    expect(themes).toContain("<title>Temas: Planning session · Convene</title>");

    // What the theming page's commands answer, in Spanish, with the theme names marked.
    const command = async (fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams({ csrf: "test-csrf-token" });
      for (const [name, value] of Object.entries(fields)) {
        for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
      }
      const response = await fetch(
        `${app.url}${theming}?_data=${encodeURIComponent("routes/work-groups.$slug.sessions.$sessionId_.theming")}`,
        {
          method: "POST",
          headers: { ...spanish, "content-type": "application/x-www-form-urlencoded" },
          body,
        },
      );
      return {
        status: response.status,
        reply: (await response.json()) as { message: string; written?: string[] },
      };
    };
    const created = await command({
      intent: "create-theme",
      label: "Funding",
      ideaId: [ideas[1]!.id],
    });
    expect(created.status).toBe(200);
    expect(created.reply).toEqual({
      ok: true,
      intent: "create-theme",
      message: "Se creó el tema «Funding» con 1 idea",
      written: ["Funding"],
    });
    const refused = await command({ intent: "delete-theme", themeId: theme.id });
    expect(refused.status).toBe(409);
    expect(refused.reply.message).toBe(
      "«Time to collaborate» está vinculado a una recomendación. Elija si pasa el vínculo a otro tema o lo quita, y luego elimínelo.",
    );
    expect(refused.reply.written).toEqual(["Time to collaborate"]);
    expect((await command({ intent: "create-theme", label: "" })).reply.message).toBe(
      "Escriba el nombre del tema",
    );
    const suggested = await command({ intent: "suggest" });
    expect(suggested.reply.message).toBe(
      "Todas las ideas ya están en un tema: no hay nada que sugerir.",
    );
    // History keeps what was done in English.
    const history = await app.ctx.db.historyEntry.findFirstOrThrow({
      where: { sessionId: cast.session.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(history.summary).toBe("Created the theme “Funding” with 1 idea");

    // The public site's and the editor's forms say their errors in Spanish.
    const post = async (path: string, fields: Record<string, string>) => {
      const response = await fetch(`${app.url}${path}`, {
        method: "POST",
        headers: { ...spanish, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: "test-csrf-token", ...fields }),
        redirect: "manual",
      });
      expect(response.status, path).toBe(400);
      return response.text();
    };
    expect(await post(`${base}/public-site`, { intent: "new-report", title: " " })).toContain(
      "Escriba un título.",
    );
    expect(await post(`${base}/public-site`, { intent: "new-summary", sessionId: "" })).toContain(
      "Elija la sesión que quiere resumir.",
    );
    expect(
      await post(`${base}/publications/${summary.id}`, {
        intent: "rename",
        title: "x".repeat(201),
      }),
    ).toContain("El título debe tener menos de 200 caracteres.");
  });

  it("says the work group forms' errors in Spanish", async () => {
    const base = `/work-groups/${cast.workGroup.slug}`;
    const spanish = { "accept-language": "es", cookie: cookies.facilitator! };
    const post = async (path: string, fields: Record<string, string>) => {
      const response = await fetch(`${app.url}${path}`, {
        method: "POST",
        headers: { ...spanish, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: "test-csrf-token", ...fields }),
        redirect: "manual",
      });
      expect(response.status, path).toBe(400);
      return response.text();
    };
    expect(await post(`${base}/recommendations?index`, { title: "" })).toContain(
      "Escriba un título para la recomendación",
    );
    expect(
      await post(`${base}/members`, { intent: "invite", role: "member", days: "90" }),
    ).toContain("Un enlace funciona como máximo 30 días");
    expect(
      await post(`/programs/${cast.program.slug}`, {
        name: "Otro grupo",
        stakeholderGroups: "Padres\npadres",
      }),
    ).toContain("Cada grupo de partes interesadas puede aparecer una sola vez");
  });

  it("says a missing comment period or program in the reader's language", async () => {
    const missing = `/work-groups/${cast.workGroup.slug}/comment-periods/no-such-period`;
    const spanish = { cookie: cookies.facilitator!, "accept-language": "es" };
    const es = await fetch(`${app.url}${missing}`, { headers: spanish });
    expect(es.status).toBe(404);
    expect(shownText(await es.text())).toContain("No encontramos ese periodo de comentarios.");
    const en = await fetch(`${app.url}${missing}`, {
      headers: { ...spanish, "accept-language": "en" },
    });
    expect(shownText(await en.text())).toContain("We could not find that comment period.");
    const program = await fetch(`${app.url}/programs/no-such-program`, { headers: spanish });
    expect(shownText(await program.text())).toContain("No encontramos ese programa.");
  });

  it("says the sign-in forms' errors in Spanish", async () => {
    const visitor = formClient(app.url);
    await visitor.get("/login?lang=es");
    const wrong = await visitor.post("/login", { email: cast.memberB.email, password: "nope" });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("Ese correo y esa contraseña no coinciden con ninguna cuenta.");
    const invalid = await visitor.post("/login", { email: "nobody", password: "x" });
    expect(invalid.html).toContain("Escriba una dirección de correo como nombre@ejemplo.org");
    await visitor.get("/signup");
    const short = await visitor.post("/signup", {
      name: "Rosa",
      email: "rosa@example.org",
      password: "corta",
    });
    expect(short.status).toBe(400);
    expect(short.html).toContain("Use al menos 10 caracteres");
    const taken = await visitor.post("/signup", {
      name: "Otra Ada",
      email: cast.memberA.email,
      password: "una contraseña larga",
    });
    expect(taken.html).toContain("Ya existe una cuenta con este correo.");
  });

  it("marks an idea written in the other language, told from its text", async () => {
    await app.ctx.db.session.update({
      where: { id: cast.session.id },
      data: { phase: "brainstorm" },
    });
    const spanish =
      "Que las familias puedan venir a las reuniones por la tarde, con cuidado de niños";
    const english = "Families can come to the meetings in the evening, with child care provided";
    for (const text of [spanish, english])
      await postIdea(app.ctx, cast.memberA, cast.board.id, { column: "vision", text });
    const stored = await app.ctx.db.idea.findMany({
      where: { text: { in: [spanish, english] } },
      select: { text: true, language: true },
    });
    expect(Object.fromEntries(stored.map((i) => [i.text, i.language]))).toEqual({
      [spanish]: "es",
      [english]: "en",
    });
    const onEnglishPage = (await page(sessionPath(), { cookie: cookies.memberB! })).html;
    expect(onEnglishPage).toContain(`<span lang="es">${spanish}</span>`);
    expect(onEnglishPage).not.toContain(`<span lang="en">${english}</span>`);
    const onSpanishPage = (
      await page(sessionPath(), { cookie: cookies.memberB!, "accept-language": "es" })
    ).html;
    expect(onSpanishPage).toContain(`<span lang="en">${english}</span>`);
    expect(onSpanishPage).not.toContain(`<span lang="es">${spanish}</span>`);
    // Live too: the board's document carries the language, never who wrote it.
    const board = connectProvider(app.url, documentName.board(cast.board.id), cookies.memberB!);
    await board.synced;
    const live = [...board.doc.getMap("ideas").values()] as { text: string; lang?: string }[];
    board.close();
    expect(live.find((i) => i.text === spanish)?.lang).toBe("es");
  });

  it("refuses a language it does not have, and a way back off the site", async () => {
    const odd = await postForm(app.url, "/language", cookies.memberA!, { lang: "xx", back: "/" });
    expect(odd.status).toBe(400);
    const away = await postForm(app.url, "/language", cookies.memberA!, {
      lang: "en",
      back: "//evil.example/",
    });
    expect(away.headers.get("location")).toBe("/");
  });
});
