import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../../app/modules/work-group/members.server.ts";
import { requireMembership } from "../../app/modules/work-group/work-group.server.ts";
import { linkOrigin } from "../../app/utils/request.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { openCommentPeriod } from "../support/comments.ts";
import { postForm } from "../support/http.ts";
import { makeFacilitatorOwner, postSettings } from "../support/settings.ts";

/**
 * Issue 17, item 7: staff-written text can have a Spanish version; Spanish pages show it where
 * given and mark the English they fall back to with lang="en".
 */
let app: TestApp;
let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await startSeededApp();
  ({ app, cast } = seeded);
  Object.assign(cookies, seeded.cookies);
  await makeFacilitatorOwner(app.ctx, cast);
});
afterAll(() => app?.stop());

const SPANISH = { "accept-language": "es-MX,es;q=0.9" };
const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
/**
 * A page's HTML as it is read: without its scripts (the loader's data holds both languages)
 * and without React's separators between neighbouring texts.
 */
const read = async (path: string, cookie: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}${path}`, { headers: { cookie, ...headers } });
  const html = (await response.text())
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replaceAll("<!-- -->", "");
  return { status: response.status, html };
};
const send = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${sessionPath()}`, {
    method: "POST",
    headers: {
      cookie: cookies.facilitator!,
      "content-type": "application/x-www-form-urlencoded",
      ...headers,
    },
    body: new URLSearchParams({ csrf: "test-csrf-token", ...fields }),
    redirect: "manual",
  });
const items = () =>
  app.ctx.db.agendaItem.findMany({
    where: { sessionId: cast.session.id },
    orderBy: { position: "asc" },
    select: { id: true, title: true, titleEs: true },
  });

describe("agenda item titles in Spanish", () => {
  it("are shown on Spanish pages where given; the English is marked where not", async () => {
    expect(
      (
        await send({
          intent: "add-agenda-item",
          title: "Welcome and introductions",
          titleEs: "  Bienvenida y presentaciones ",
          minutes: "10",
        })
      ).status,
    ).toBe(200);
    expect((await send({ intent: "add-agenda-item", title: "Report back" })).status).toBe(200);
    expect((await items()).map((i) => i.titleEs)).toEqual(["Bienvenida y presentaciones", null]);
    const [welcome] = await items();
    expect((await send({ intent: "current-agenda-item", itemId: welcome!.id })).status).toBe(200);

    const spanish = await read(sessionPath(), cookies.memberA!, SPANISH);
    expect(spanish.html).toContain("Ahora: Bienvenida y presentaciones");
    expect(spanish.html).not.toContain("Welcome and introductions");
    expect(spanish.html).toContain('<span lang="en">Report back</span>');
    const english = await read(sessionPath(), cookies.memberA!);
    expect(english.html).toContain("Now: Welcome and introductions");
    expect(english.html).not.toContain("Bienvenida y presentaciones");

    // The room's screen, and the facilitator's console with its named buttons.
    const projector = await read(`${sessionPath()}/projector`, cookies.facilitator!, SPANISH);
    expect(projector.html).toContain("Ahora: Bienvenida y presentaciones");
    const console = await read(sessionPath(), cookies.facilitator!, SPANISH);
    expect(console.html).toContain('aria-label="Quitar Bienvenida y presentaciones"');
    expect(console.html).toContain('value="Bienvenida y presentaciones"');
  });

  it("refuse a Spanish title that is too long, in the reader's language, keeping the item", async () => {
    const [welcome] = await items();
    const refused = await send(
      {
        intent: "edit-agenda-item",
        itemId: welcome!.id,
        title: "Welcome",
        titleEs: "x".repeat(161),
      },
      SPANISH,
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      "El título en español debe tener menos de 160 caracteres",
    );
    expect((await items())[0]).toMatchObject({
      title: "Welcome and introductions",
      titleEs: "Bienvenida y presentaciones",
    });
    // Emptied: the Spanish page falls back to the English, marked.
    expect(
      (
        await send({
          intent: "edit-agenda-item",
          itemId: welcome!.id,
          title: "Welcome and introductions",
          titleEs: " ",
        })
      ).status,
    ).toBe(200);
    expect((await items())[0]!.titleEs).toBeNull();
    expect((await read(sessionPath(), cookies.memberA!, SPANISH)).html).toContain(
      'Ahora: <span lang="en">Welcome and introductions</span>',
    );
  });

  it("come back with the item when a removal is undone", async () => {
    const [, report] = await items();
    await send({
      intent: "edit-agenda-item",
      itemId: report!.id,
      title: "Report back",
      titleEs: "Informe de los grupos",
    });
    const removed = await send({ intent: "remove-agenda-item", itemId: report!.id });
    expect(removed.status).toBe(200);
    expect(
      (
        await send({
          intent: "restore-agenda-item",
          title: "Report back",
          titleEs: "Informe de los grupos",
          position: "1",
        })
      ).status,
    ).toBe(200);
    expect((await items())[1]).toMatchObject({
      title: "Report back",
      titleEs: "Informe de los grupos",
    });
  });

  it("are shown on the public site's Spanish session page", async () => {
    await app.ctx.db.workGroup.update({
      where: { id: cast.workGroup.id },
      data: { publishedAt: new Date() },
    });
    await app.ctx.db.session.update({
      where: { id: cast.session.id },
      data: { agendaPublishedAt: new Date() },
    });
    const path = `/public/${cast.workGroup.slug}/sessions/${cast.session.id}`;
    const spanish = await read(`${path}?lang=es`, "");
    expect(spanish.status).toBe(200);
    expect(spanish.html).toContain("Informe de los grupos");
    expect(spanish.html).toContain('<span lang="en">Welcome and introductions</span>');
    const english = await read(`${path}?lang=en`, "");
    expect(english.html).toContain("Report back");
    expect(english.html).not.toContain("Informe de los grupos");
  });
});

describe("Knoster column prompts in Spanish", () => {
  const prompts = (fields: Record<string, string>) =>
    postSettings(app.url, cast, cookies.facilitator!, fields);

  it("are shown on Spanish pages where the work group wrote them", async () => {
    const saved = await prompts({
      "prompts.vision": "What should every graduate be able to do?",
      "promptsEs.vision": "¿Qué debería saber hacer cada graduado?",
      "promptsEs.skills": "¿Qué necesitan aprender los maestros?",
    });
    expect(saved.status).toBe(302);
    const spanish = (await read(sessionPath(), cookies.memberA!, SPANISH)).html;
    expect(spanish).toContain("¿Qué debería saber hacer cada graduado?");
    expect(spanish).toContain("¿Qué necesitan aprender los maestros?");
    expect(spanish).not.toContain("What should every graduate be able to do?");
    // No prompt of its own in either language: the Knoster default, in Spanish.
    expect(spanish).toContain("¿Qué tiempo, dinero, personas o herramientas necesita?");
    const english = (await read(sessionPath(), cookies.memberA!)).html;
    expect(english).toContain("What should every graduate be able to do?");
    expect(english).toContain("What do people need to learn or be able to do?");
    expect(english).not.toContain("¿Qué necesitan aprender los maestros?");
    const form = (await read(`/work-groups/${cast.workGroup.slug}/settings`, cookies.facilitator!))
      .html;
    expect(form).toContain('value="¿Qué debería saber hacer cada graduado?"');
    expect(form).toContain('lang="es"');
  });

  it("fall back to the English prompt, marked, where only that was written", async () => {
    await prompts({ "prompts.vision": "What should every graduate be able to do?" });
    const spanish = (await read(sessionPath(), cookies.memberA!, SPANISH)).html;
    expect(spanish).toContain('<span lang="en">What should every graduate be able to do?</span>');
    const stored = await app.ctx.db.workGroup.findUniqueOrThrow({
      where: { id: cast.workGroup.id },
      select: { columnPromptsEs: true },
    });
    expect(stored.columnPromptsEs).toBeNull();
  });

  it("refuse a Spanish prompt that is too long beside its field, keeping what was saved", async () => {
    await prompts({ "promptsEs.vision": "¿Qué debería saber hacer cada graduado?" });
    const long = await postForm(
      app.url,
      `/work-groups/${cast.workGroup.slug}/settings`,
      `${cookies.facilitator!}`,
      {
        name: "Test work group",
        stakeholderGroups: "Teachers\nParents",
        regions: "Central",
        workPhases: "Study",
        "promptsEs.vision": "x".repeat(161),
      },
    );
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("Keep the prompt under 160 characters");
    expect((await read(sessionPath(), cookies.memberA!, SPANISH)).html).toContain(
      "¿Qué debería saber hacer cada graduado?",
    );
  });
});

describe("a work group's charge, questions, areas, groups and regions in Spanish", () => {
  const spanishVersions = {
    purpose: "Recommend how students show mastery.",
    purposeEs: "Recomendar cómo los estudiantes demuestran dominio.",
    essentialQuestions: "What is mastery?\nWho decides?",
    essentialQuestionsEs: "¿Qué es el dominio?\n¿Quién decide?",
    areasOfFocus: "Assessment\nPolicy",
    areasOfFocusEs: "Evaluación\nPolíticas",
    stakeholderGroups: "Teachers\nParents",
    stakeholderGroupsEs: "Docentes\nMadres y padres",
    regions: "Central",
    regionsEs: "",
  };
  const settings = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/work-groups/${cast.workGroup.slug}/settings`, {
      method: "POST",
      headers: {
        cookie: cookies.facilitator!,
        "content-type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body: new URLSearchParams({
        csrf: "test-csrf-token",
        name: "Test work group",
        workPhases: "Study",
        ...fields,
      }),
      redirect: "manual",
    });

  it("are saved from Settings and shown on Spanish pages where given", async () => {
    expect((await settings(spanishVersions)).status).toBe(302);
    const home = `/work-groups/${cast.workGroup.slug}`;
    const spanish = (await read(home, cookies.memberA!, SPANISH)).html;
    expect(spanish).toContain("Recomendar cómo los estudiantes demuestran dominio.");
    expect(spanish).toContain("¿Quién decide?");
    expect(spanish).toContain("Políticas");
    expect(spanish).not.toContain("Who decides?");
    const english = (await read(home, cookies.memberA!)).html;
    expect(english).toContain("Recommend how students show mastery.");
    expect(english).toContain("Who decides?");
    expect(english).not.toContain("Políticas");
    // The form shows what was saved, the Spanish fields marked as Spanish.
    const form = (await read(`${home}/settings`, cookies.facilitator!)).html;
    expect(form).toContain("Docentes\nMadres y padres");
    expect(form).toMatch(/<textarea[^>]*lang="es"/);
  });

  it("refuse a Spanish list that does not match the English line for line, keeping what was saved", async () => {
    const refused = await settings(
      { ...spanishVersions, stakeholderGroupsEs: "Docentes", purposeEs: "Otra cosa" },
      SPANISH,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Escriba una línea en español por cada línea de la lista en inglés");
    // What the person typed is still in the form.
    expect(html).toContain("Otra cosa");
    const stored = await app.ctx.db.workGroup.findUniqueOrThrow({
      where: { id: cast.workGroup.id },
      select: { purposeEs: true, stakeholderGroups: { select: { name: true, nameEs: true } } },
    });
    expect(stored.purposeEs).toBe("Recomendar cómo los estudiantes demuestran dominio.");
    expect(stored.stakeholderGroups).toEqual(
      expect.arrayContaining([{ name: "Parents", nameEs: "Madres y padres" }]),
    );
  });

  it("label the groups and regions people choose from, keeping what is stored", async () => {
    const access = await requireMembership(app.ctx, cast.facilitator.id, {
      id: cast.workGroup.id,
    });
    const { link } = await createInvite(
      app.ctx,
      cast.facilitator,
      access,
      { role: "member", days: 7 },
      linkOrigin(app.ctx, new Request(app.url)),
    );
    const parents = await app.ctx.db.stakeholderGroup.findFirstOrThrow({
      where: { workGroupId: cast.workGroup.id, name: "Parents" },
    });
    const invite = (await read(new URL(link).pathname, cookies.outsider!, SPANISH)).html;
    expect(invite).toContain(`<option value="${parents.id}">Madres y padres</option>`);
    // A region with no Spanish name: the English, marked.
    expect(invite).toMatch(/<option value="[^"]+" lang="en">Central<\/option>/);

    // The public comment form sends the English name, and says the Spanish one.
    const period = await openCommentPeriod(app.ctx, cast);
    const form = (await read(`${period.path}?lang=es`, "")).html;
    expect(form).toContain('<option value="Parents">Madres y padres</option>');
    expect(form).toContain('<option value="Member of the public">Público en general</option>');
    expect(form).not.toContain(">Parents<");
  });

  it("are shown on the public site's Spanish home", async () => {
    const [teachers, central] = await Promise.all([
      app.ctx.db.stakeholderGroup.findFirstOrThrow({
        where: { workGroupId: cast.workGroup.id, name: "Teachers" },
      }),
      app.ctx.db.region.findFirstOrThrow({ where: { workGroupId: cast.workGroup.id } }),
    ]);
    await app.ctx.db.membership.updateMany({
      where: { workGroupId: cast.workGroup.id },
      data: { stakeholderGroupId: teachers.id, regionId: central.id },
    });
    const home = `/public/${cast.workGroup.slug}`;
    const spanish = (await read(`${home}?lang=es`, "")).html;
    expect(spanish).toContain("Recomendar cómo los estudiantes demuestran dominio.");
    expect(spanish).toContain("¿Qué es el dominio?");
    expect(spanish).toContain("Docentes");
    expect(spanish).toContain('<span lang="en">Central</span>');
    const english = (await read(`${home}?lang=en`, "")).html;
    expect(english).toContain("What is mastery?");
    expect(english).not.toContain("¿Qué es el dominio?");
  });
});

describe("a comment period's title, instructions, policy and draft in Spanish", () => {
  const wall = (minutes: number) =>
    new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);
  const period = {
    title: "Draft attendance policy",
    titleEs: "Borrador de la política de asistencia",
    timeZone: "UTC",
    opensAt: wall(-60),
    closesAt: wall(24 * 60),
    instructions: "Tell us what you think.",
    instructionsEs: "Díganos qué piensa.",
    moderationPolicy: "Staff read every comment first.",
    moderationPolicyEs: "El personal lee primero cada comentario.",
    draft:
      "# Attendance\nStudents attend every day.\n\n# Absences\nAbsences are excused with a note.",
    draftEs:
      "# Asistencia\nLos estudiantes asisten todos los días.\n\n# Ausencias\nLas ausencias se justifican con una nota.",
  };
  const create = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/work-groups/${cast.workGroup.slug}/comment-periods`, {
      method: "POST",
      headers: {
        cookie: cookies.facilitator!,
        "content-type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body: new URLSearchParams({ csrf: "test-csrf-token", ...fields }),
      redirect: "manual",
    });
  const publish = async (location: string) => {
    const id = location.split("/").pop()!;
    await app.ctx.db.commentPeriod.update({ where: { id }, data: { publishedAt: new Date() } });
    return `/public/${cast.workGroup.slug}/comment-periods/${id}`;
  };

  it("refuse a Spanish draft whose sections do not match the English, keeping what was typed", async () => {
    const before = await app.ctx.db.commentPeriod.count();
    const refused = await create(
      { ...period, draftEs: "# Asistencia\nTodo en una sola sección." },
      SPANISH,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Dé al borrador en español tantas secciones como el de inglés");
    expect(html).toContain("Todo en una sola sección.");
    expect(await app.ctx.db.commentPeriod.count()).toBe(before);
  });

  it("are shown on the Spanish public page where given, the English marked where not", async () => {
    const created = await create(period);
    expect(created.status).toBe(302);
    const path = await publish(created.headers.get("location")!);
    const spanish = (await read(`${path}?lang=es`, "")).html;
    for (const text of [
      "Borrador de la política de asistencia",
      "Díganos qué piensa.",
      "El personal lee primero cada comentario.",
      "Ausencias",
      "Las ausencias se justifican con una nota.",
    ])
      expect(spanish).toContain(text);
    expect(spanish).not.toContain("Absences are excused");
    const english = (await read(`${path}?lang=en`, "")).html;
    expect(english).toContain("Absences are excused with a note.");
    expect(english).not.toContain("Díganos qué piensa.");
    // Staff pages too.
    const list = (
      await read(
        `/work-groups/${cast.workGroup.slug}/comment-periods`,
        cookies.facilitator!,
        SPANISH,
      )
    ).html;
    expect(list).toContain("Borrador de la política de asistencia");

    const plain = await create({
      ...period,
      title: "English only",
      titleEs: "",
      instructionsEs: "",
      moderationPolicyEs: "",
      draftEs: "",
    });
    expect(plain.status).toBe(302);
    const fallback = (await read(`${await publish(plain.headers.get("location")!)}?lang=es`, ""))
      .html;
    expect(fallback).toMatch(/<h1[^>]*lang="en"[^>]*>English only<\/h1>/);
    expect(fallback).toMatch(/<div[^>]*lang="en"[^>]*><p>Students attend every day.<\/p>/);
  });
});

describe("a hearing's details in Spanish", () => {
  it("are saved from the staff form and shown on Spanish public pages; too long is refused", async () => {
    const period = await openCommentPeriod(app.ctx, cast, { title: "Hearing period" });
    const staffPath = `/work-groups/${cast.workGroup.slug}/comment-periods/${period.id}/hearings`;
    const wall = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
    const hearing = {
      kind: "hearing",
      title: "Public hearing",
      titleEs: "Audiencia pública",
      startsAt: wall(3),
      endsAt: wall(3.1),
      place: "City Hall, room 2",
      placeEs: "Ayuntamiento, sala 2",
    };
    const tooLong = await postForm(app.url, staffPath, cookies.facilitator!, {
      ...hearing,
      titleEs: "x".repeat(201),
    });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("Keep the title under 200 characters");
    expect(await app.ctx.db.hearing.count({ where: { periodId: period.id } })).toBe(0);

    const added = await postForm(app.url, staffPath, cookies.facilitator!, hearing);
    expect(added.status).toBe(200);
    const stored = await app.ctx.db.hearing.findFirstOrThrow({ where: { periodId: period.id } });
    expect(stored).toMatchObject({ titleEs: "Audiencia pública", placeEs: "Ayuntamiento, sala 2" });

    const periodPage = (await read(`${period.path}?lang=es`, "")).html;
    expect(periodPage).toContain("Audiencia pública");
    expect(periodPage).toContain("Ayuntamiento, sala 2");
    const hearingPage = (await read(`${period.path}/hearings/${stored.id}?lang=es`, "")).html;
    expect(hearingPage).toContain("Audiencia pública");
    expect(hearingPage).toContain("Ayuntamiento, sala 2");
    expect(hearingPage).not.toContain("City Hall, room 2");
    const english = (await read(`${period.path}/hearings/${stored.id}?lang=en`, "")).html;
    expect(english).toContain("City Hall, room 2");
    // The staff form shows what was saved.
    const form = (await read(`${staffPath}/${stored.id}`, cookies.facilitator!)).html;
    expect(form).toContain('value="Ayuntamiento, sala 2"');
  });
});

describe("a board opened for an area of focus", () => {
  it("is named in Spanish on the Spanish session page where the area has a Spanish name", async () => {
    const area = await app.ctx.db.areaOfFocus.findFirstOrThrow({
      where: { workGroupId: cast.workGroup.id, name: "Policy" },
    });
    expect(area.nameEs).toBe("Políticas");
    await app.ctx.db.board.create({
      data: { sessionId: cast.session.id, title: area.name, areaOfFocusId: area.id },
    });
    const spanish = (await read(sessionPath(), cookies.memberA!, SPANISH)).html;
    expect(spanish).toContain("Políticas");
    expect(spanish).not.toContain(">Policy<");
    const english = (await read(sessionPath(), cookies.memberA!)).html;
    expect(english).toContain("Policy");
    expect(english).not.toContain("Políticas");
  });
});
