import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { formClient } from "../support/http.ts";
import { startMailbox } from "../support/mail.ts";
import { waitFor } from "../support/realtime.ts";

/** Issue 17: a member signs in with a link emailed through a real SMTP server. */
let app: TestApp;
let cast: Cast;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
const APP_URL = "http://convene.test";

beforeAll(async () => {
  mailbox = await startMailbox();
  ({ app, cast } = await startSeededApp({
    SMTP_URL: mailbox.url,
    SMTP_FROM: "convene@example.org",
    APP_URL,
  }));
});
afterAll(async () => {
  await app?.stop();
  await mailbox?.close();
});

/** Asks for a link as the page's form does; returns the link's path from the mail. */
async function askForLink(email: string, redirectTo = "/") {
  const client = formClient(app.url);
  await client.get("/login/email");
  const before = mailbox.inbox.length;
  const asked = await client.post("/login/email", { email, redirectTo });
  expect(asked.status).toBe(200);
  expect(asked.html).toContain("Check your email");
  const mail = await waitFor(
    () => mailbox.inbox.slice(before).find((m) => m.to === email),
    5_000,
    `the sign-in mail to ${email}`,
  );
  const link = new RegExp(`${APP_URL}(/login/link/[\\w-]+(\\?redirectTo=[^\\s]+)?)`).exec(
    mail.body,
  )?.[1];
  expect(link).toBeTruthy();
  return link!;
}

describe("signing in by emailed link", () => {
  it("signs a member in once, on the device that opens it, and back to where they were", async () => {
    const back = `/work-groups/${cast.workGroup.slug}`;
    const link = await askForLink(cast.memberA.email, back);
    const phone = formClient(app.url);
    // Opening the link (as a mail scanner would) signs nobody in.
    const opened = await phone.get(link);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain(`Sign in as Ada Member (${cast.memberA.email})`);
    expect(
      await app.ctx.db.signInLink.count({ where: { user: { id: cast.memberA.id }, usedAt: null } }),
    ).toBe(1);
    const signedIn = await phone.post(link, {});
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe(back);
    expect((await phone.get(back)).status).toBe(200);
    // Once only.
    const again = formClient(app.url);
    expect((await again.get(link)).html).toContain("This link no longer works");
    // Sent anyway, with a good form token from another page: still refused.
    await again.get("/login/email");
    expect((await again.post(link, {})).status).toBe(410);
    // Only the token's hash is stored.
    const token = link.split("/").at(-1)!.split("?")[0]!;
    const stored = await app.ctx.db.signInLink.findFirstOrThrow({
      where: { user: { id: cast.memberA.id } },
    });
    expect(stored.tokenHash).not.toContain(token);
  });

  it("expires after 15 minutes", async () => {
    const link = await askForLink(cast.memberB.email);
    await app.ctx.db.signInLink.updateMany({
      where: { user: { id: cast.memberB.id } },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const late = formClient(app.url);
    expect((await late.get(link)).html).toContain("This link no longer works");
    await late.get("/login/email");
    expect((await late.post(link, {})).status).toBe(410);
  });

  it("answers the same for an address with no account, and sends nothing", async () => {
    const client = formClient(app.url);
    await client.get("/login/email");
    const before = mailbox.inbox.length;
    const asked = await client.post("/login/email", { email: "nobody@example.org" });
    expect(asked.html).toContain("Check your email");
    await new Promise((r) => setTimeout(r, 300));
    expect(mailbox.inbox.slice(before).some((m) => m.to === "nobody@example.org")).toBe(false);
  });

  it("never sends anyone off the site afterwards", async () => {
    const link = await askForLink(cast.recorder.email, "/.//evil.example");
    const phone = formClient(app.url);
    await phone.get(link);
    expect((await phone.post(link, {})).location).toBe("/");
  });

  it("speaks the reader's language: the page, its errors and the mail", async () => {
    const client = formClient(app.url);
    // ?lang=es is the language switch: the browser keeps the choice in a cookie.
    const page = await client.get("/login/email?lang=es");
    expect(page.html).toContain('<html lang="es"');
    expect(page.html).toContain("Iniciar sesión por correo");
    const wrong = await client.post("/login/email", { email: "not an address" });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("Escriba una dirección de correo como nombre@ejemplo.org");
    const before = mailbox.inbox.length;
    const asked = await client.post("/login/email", { email: cast.outsider.email });
    expect(asked.html).toContain("Revise su correo");
    const mail = await waitFor(
      () => mailbox.inbox.slice(before).find((m) => m.to === cast.outsider.email),
      5_000,
      "the Spanish sign-in mail",
    );
    expect(mail.subject).toBe("Su enlace para iniciar sesión en Convene");
    expect(mail.text).toContain("abra este enlace antes de 15 minutos");
    const link = new RegExp(`${APP_URL}(/login/link/[\\w-]+)`).exec(mail.text)?.[1];
    const opened = await client.get(link!);
    expect(opened.html).toContain(`¿Iniciar sesión como ${cast.outsider.name}`);
  });

  it("limits how many links one address asks for", async () => {
    const client = formClient(app.url);
    await client.get("/login/email");
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await client.post("/login/email", { email: `many${i}@example.org` })).status);
    expect(statuses.at(-1)).toBe(429);
    const refused = await client.post("/login/email", { email: "more@example.org" });
    expect(refused.html).toContain("Too many sign-in links asked for");
  });
});
