import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { ensureJoinCode } from "../../app/modules/session/join-code.server.ts";
import {
  type Cast,
  cookieFor,
  createUser,
  seedWorkGroup,
  startTestApp,
  type TestApp,
} from "../support/app.ts";
import {
  expectNoSeriousViolations,
  expectTapTarget,
  inViewport,
  launchBrowser,
  newPerson,
  type Person,
  waitForHydration,
} from "../support/browser.ts";
import { englishIn } from "../support/catalogue.ts";
import { postForm } from "../support/http.ts";
import { decodeQr } from "../support/qr.ts";
import { waitFor } from "../support/realtime.ts";

/**
 * Issue 17's phone journey, entirely in Spanish: a guest at a community forum scans the QR
 * code, joins without an account, posts three ideas into three columns, rates five ideas with
 * one tap each and sees the results. No word of the English catalogue appears on the way.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let guest: Person;
let facilitator = "";
let code = "";
const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  cast = await seedWorkGroup(app.ctx);
  code = await ensureJoinCode(app.ctx, cast.session.id);
  facilitator = await cookieFor(app.ctx, cast.facilitator.id);
  const allowed = await postForm(app.url, sessionPath(), facilitator, {
    intent: "guests",
    allowed: "on",
  });
  expect(allowed.status).toBe(200);
  for (const [i, text] of [
    "Tutorías entre compañeros después de clases",
    "Un calendario compartido de evaluaciones",
    "Noches familiares sobre las calificaciones",
    "Tiempo en el día para la retroalimentación",
    "Conferencias dirigidas por estudiantes",
  ].entries()) {
    const author = await createUser(app.ctx, `Autora ${i}`);
    await app.ctx.db.membership.create({
      data: { workGroupId: cast.workGroup.id, userId: author.id, role: "member" },
    });
    await postIdea(app.ctx, author, cast.board.id, { column: "vision", text });
  }
  guest = await newPerson(browser, app.url, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: "es-MX",
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function expectAllSpanish(page: Page, where: string) {
  expect(await page.locator("html").getAttribute("lang"), where).toBe("es");
  // What the page shows: textContent would also read the scripts' data, which is not shown.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is asserted
  const text = await page.locator("body").innerText();
  const title = await page.title();
  const english = englishIn(`${text}\n${title}`);
  expect(english, `${where}: English on the page`).toEqual([]);
  await expectNoSeriousViolations(page, where);
}

const movePhase = async (phase: string, expectedVersion: number) => {
  const moved = await postForm(app.url, sessionPath(), facilitator, {
    intent: "change-phase",
    phase,
    expectedVersion: String(expectedVersion),
    countdownMinutes: "0",
  });
  expect(moved.status).toBe(200);
};

describe("a guest on a phone, in Spanish", () => {
  it("scans the QR code and joins without an account", async () => {
    const { page } = guest;
    const svg = await (await fetch(`${app.url}/join/${code}/qr.svg`)).text();
    const link = decodeQr(svg);
    expect(link).toBe(`${app.url}/join/${code}`);
    await page.goto(link!);
    await waitForHydration(page);
    await page.getByRole("heading", { name: "Planning session" }).waitFor();
    await expectAllSpanish(page, "guest form");
    await page.getByLabel("¿De qué grupo forma parte?").selectOption({ label: "Parents" });
    await page.getByLabel("¿De dónde es?").selectOption({ label: "Central" });
    const join = page.getByRole("button", { name: "Unirse a la sesión" });
    await expectTapTarget(join);
    await join.tap();
    await page.waitForURL((url) => url.pathname === sessionPath());
    await waitForHydration(page);
    expect(new URL(page.url()).hash).toBe(`#board-${cast.board.id}`);
    expect(await inViewport(page, `#idea-text-${cast.board.id}`)).toBe(true);
    await page.getByText(/^En vivo\b/).waitFor({ timeout: 5_000 });
    await expectAllSpanish(page, "session page on arrival");
  });

  it("posts three ideas into three columns", async () => {
    const { page } = guest;
    for (const [column, text] of [
      ["Habilidades", "Capacitación sobre rúbricas para cada docente"],
      ["Recursos", "Tiempo libre los viernes"],
      ["Plan de acción", "Un piloto en dos escuelas esta primavera"],
    ] as const) {
      const chip = page.getByRole("radio", { name: column, exact: true });
      await chip.tap();
      const box = page.locator(`#idea-text-${cast.board.id}`);
      await box.fill(text);
      const post = page.getByRole("button", { name: "Publicar idea" });
      await expectTapTarget(post);
      await post.tap();
      await page
        .locator("li")
        .filter({ hasText: text })
        .getByText("Su idea: editar o retirar")
        .waitFor();
      await page
        .getByRole("status")
        .filter({ hasText: "Su idea está publicada." })
        .first()
        .waitFor();
    }
    const stored = await app.ctx.db.idea.findMany({
      where: { author: { guest: true } },
      select: { column: true },
    });
    expect(stored.map((i) => i.column).sort()).toEqual(["action_plan", "resources", "skills"]);
    await expectAllSpanish(page, "session page after posting");
  });

  it("rates five ideas with one tap each, then sees the results", async () => {
    const { page } = guest;
    await movePhase("rate", 0);
    const rate = page.getByRole("region", { name: "Calificar ideas" });
    await rate.getByText("Ha calificado 0 de 5 ideas.").waitFor({ timeout: 5_000 });
    await page.getByRole("status").filter({ hasText: "La sesión pasó a Calificar." }).waitFor();
    await expectAllSpanish(page, "rating");
    for (let done = 0; done < 5; done++) {
      await rate.getByText(`Ha calificado ${done} de 5 ideas.`).waitFor();
      const star = rate.getByRole("button", { name: "4 estrellas", exact: true });
      await expectTapTarget(star);
      await star.tap();
    }
    await waitFor(
      async () =>
        (await app.ctx.db.rating.count({ where: { user: { guest: true }, stars: 4 } })) === 5,
      5_000,
      "five ratings stored",
    );
    await movePhase("theme", 1);
    await page
      .getByRole("status")
      .filter({ hasText: "La sesión pasó a Agrupar en temas." })
      .waitFor();
    await page.reload();
    await waitForHydration(page);
    await page.getByRole("heading", { name: "Ideas clasificadas" }).waitFor();
    await page
      .getByText(/4,0 estrellas de 1 calificación/)
      .first()
      .waitFor();
    await expectAllSpanish(page, "results");
    expect(guest.errors).toEqual([]);
  });
});
