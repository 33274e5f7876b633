import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { englishIn, shownText } from "../support/catalogue.ts";
import { formClient, postForm } from "../support/http.ts";

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
    // A page not yet in the catalogues stays English, and says so.
    expect((await page(`/work-groups/${cast.workGroup.slug}/members`, spanishBrowser)).lang).toBe(
      "en",
    );

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
