import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD, startTestApp, type TestApp } from "../support/app.ts";
import {
  expectNoSeriousViolations,
  expectTapTarget,
  launchBrowser,
  newPerson,
  open,
  signIn,
} from "../support/browser.ts";
import { englishIn, shownText } from "../support/catalogue.ts";
import { freePort, idpEnv, startIdp, type TestIdp } from "../support/oidc-provider.ts";

/**
 * A staff member signs in with the agency's provider in a real browser: the button, the
 * provider's page, back signed in; signing out offers the provider's sign-out. The pages pass
 * axe, in English and in Spanish.
 */
let app: TestApp;
let idp: TestIdp;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  idp = await startIdp({
    callback: `${origin}/login/provider/idp/callback`,
    postLogout: `${origin}/login`,
  });
  app = await startTestApp({
    PORT: String(port),
    APP_URL: origin,
    ...idpEnv(idp.issuer, { OIDC_IDP_DOMAINS: "agency.test,example.org" }),
  });
  await app.ctx.signInProviders.ready;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await idp?.stop();
});

describe("a staff member with an agency account", () => {
  it("signs in with the provider, and out again with the provider's sign-out offered", async () => {
    const person = await newPerson(browser, app.url, { viewport: { width: 390, height: 844 } });
    const { page } = person;
    await open(page, "/login?redirectTo=%2Faccount");
    await expectNoSeriousViolations(page, "/login with a provider");
    const button = page.getByRole("button", { name: "Sign in with Test Agency" });
    await expectTapTarget(button);
    await button.click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByLabel("Email").fill("rosa.staff@agency.test");
    await page.getByLabel("Name").fill("Rosa Staff");
    await page.getByRole("button", { name: "Sign in at the provider" }).click();
    await page.waitForURL(`${app.url}/account`);
    await page.getByText("Rosa Staff · rosa.staff@agency.test").waitFor();
    await page.getByText("Test Agency (rosa.staff@agency.test)", { exact: false }).waitFor();
    await expectNoSeriousViolations(page, "/account after a provider sign-in");

    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.waitForURL(/\/login\?signedOut=idp/);
    const signOutThere = page.getByRole("link", { name: "Sign out of Test Agency too" });
    await signOutThere.waitFor();
    await expectNoSeriousViolations(page, "/login after signing out");
    expect(person.errors).toEqual([]);
    await signOutThere.click();
    // The provider's own sign-out page: its confirmation brings the person back to Convene.
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator("button[autofocus], button").first().click();
    await page.waitForURL((url) => url.href.startsWith(`${app.url}/login`));
    await person.close();
  });

  it("connects an existing account once its password is given", async () => {
    const owner = await createUser(app.ctx, "Omar Owner");
    const person = await newPerson(browser, app.url);
    const { page } = person;
    await open(page, "/login");
    await page.getByRole("button", { name: "Sign in with Test Agency" }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByRole("button", { name: "Sign in at the provider" }).click();
    await page.waitForURL(`${app.url}/login/confirm-account`);
    await expectNoSeriousViolations(page, "/login/confirm-account");
    await page.getByLabel("Password", { exact: true }).fill("wrong password here");
    await page.getByRole("button", { name: "Connect and sign in" }).click();
    await page.getByText("That password does not match the account.").waitFor();
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Connect and sign in" }).click();
    await page.waitForURL(`${app.url}/`);
    expect(await app.ctx.db.providerIdentity.count({ where: { userId: owner.id } })).toBe(1);
    await person.close();
  });
});

describe("the admin's sign-in page", () => {
  it("passes axe and lists the provider as answered", async () => {
    const admin = await createUser(app.ctx, "Alma Admin");
    await app.ctx.db.user.update({ where: { id: admin.id }, data: { isAdmin: true } });
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      const person = await newPerson(browser, app.url, { viewport });
      await signIn(person.page, admin.email);
      await open(person.page, "/admin/sign-in");
      await person.page.getByRole("heading", { name: "Test Agency" }).waitFor();
      await person.page.getByText("Answered", { exact: true }).waitFor();
      await expectNoSeriousViolations(person.page, `/admin/sign-in at ${viewport.width}px`);
      const wide = await person.page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth + 1,
      );
      expect(wide).toBe(false);
      await person.close();
    }
  });
});

describe("in Spanish", () => {
  it("the sign-in, confirmation and admin pages speak Spanish and pass axe", async () => {
    const person = await newPerson(browser, app.url, { locale: "es-ES" });
    const { page } = person;
    await open(page, "/login");
    await page.getByRole("button", { name: "Iniciar sesión con Test Agency" }).waitFor();
    await expectNoSeriousViolations(page, "/login in Spanish");
    expect(englishIn(shownText(await page.content()))).toEqual([]);

    const owner = await createUser(app.ctx, "Olga Dueña");
    await page.getByRole("button", { name: "Iniciar sesión con Test Agency" }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByRole("button", { name: "Sign in at the provider" }).click();
    await page.waitForURL(`${app.url}/login/confirm-account`);
    await page.getByRole("heading", { name: "Conecte su cuenta" }).waitFor();
    await expectNoSeriousViolations(page, "/login/confirm-account in Spanish");
    expect(englishIn(shownText(await page.content()))).toEqual([]);
    await person.close();

    const admin = await createUser(app.ctx, "Ana Administradora");
    await app.ctx.db.user.update({
      where: { id: admin.id },
      data: { isAdmin: true, locale: "es" },
    });
    const staff = await newPerson(browser, app.url, { locale: "es-ES" });
    await open(staff.page, "/login");
    await staff.page.getByLabel("Correo").fill(admin.email);
    await staff.page.getByLabel("Contraseña").fill(PASSWORD);
    await Promise.all([
      staff.page.waitForURL((url) => url.pathname !== "/login"),
      staff.page.getByRole("button", { name: "Iniciar sesión", exact: true }).click(),
    ]);
    await open(staff.page, "/admin/sign-in");
    await staff.page.getByText("Respondió", { exact: true }).waitFor();
    await expectNoSeriousViolations(staff.page, "/admin/sign-in in Spanish");
    expect(englishIn(shownText(await staff.page.content()))).toEqual([]);
    await staff.close();
  });
});
