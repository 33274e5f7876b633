import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD, startTestApp, type TestApp } from "../support/app.ts";
import { formClient } from "../support/http.ts";
import { startMailbox } from "../support/mail.ts";
import {
  freePort,
  idpAccountFor,
  idpEnv,
  startIdp,
  type TestIdp,
} from "../support/oidc-provider.ts";
import { startServerProcess } from "../support/process.ts";

/**
 * Sign-in with an organization's OpenID provider, against a real one (oidc-provider): the
 * whole authorization code flow over HTTP, as a browser follows it.
 */

let app: TestApp;
let idp: TestIdp;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  idp = await startIdp({
    callback: `${origin}/login/provider/idp/callback`,
    postLogout: `${origin}/login`,
  });
  mailbox = await startMailbox();
  app = await startTestApp({
    PORT: String(port),
    APP_URL: origin,
    SMTP_URL: mailbox.url,
    ...idpEnv(idp.issuer, {
      OIDC_IDP_DOMAINS: "agency.test,example.org",
      OIDC_REQUIRED_DOMAINS: "agency.test",
    }),
  });
  await app.ctx.signInProviders.ready;
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await idp?.stop();
  await mailbox?.close();
});

/** A cookie-keeping client for the provider's side (its own host, its own cookies). */
function providerBrowser() {
  const jar = new Map<string, string>();
  const header = () => [...jar.values()].join("; ");
  return async (url: string, form?: Record<string, string>) => {
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      headers: {
        cookie: header(),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form ? new URLSearchParams(form) : undefined,
      redirect: "manual",
    });
    for (const set of response.headers.getSetCookie()) {
      const pair = set.split(";")[0]!;
      jar.set(pair.slice(0, pair.indexOf("=")), pair);
    }
    const location = response.headers.get("location");
    return { status: response.status, location: location ? new URL(location, url).href : null };
  };
}

/**
 * Presses "Sign in with Test Agency", signs in at the provider as `email`, and stops where
 * the provider sends the browser back: the callback address, not yet opened.
 */
async function toCallback(email: string, redirectTo = "/account") {
  const browser = formClient(app.url);
  await browser.get("/login");
  const started = await browser.post("/login/provider/idp", { redirectTo });
  expect(started.status).toBe(302);
  const authorize = new URL(started.location!);
  expect(authorize.origin).toBe(idp.issuer);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  const at = providerBrowser();
  let step = await at(authorize.href);
  expect(step.location).toMatch(/\/interaction\//);
  step = await at(step.location!, { email, name: "Ivy Provider" });
  // The provider resumes the authorization and answers with a code for Convene.
  while (step.location && !step.location.startsWith(app.url)) step = await at(step.location);
  const callback = new URL(step.location!);
  expect(callback.pathname).toBe("/login/provider/idp/callback");
  return { browser, callback, authorize };
}

async function signInAt(email: string, redirectTo = "/account") {
  const { browser, callback } = await toCallback(email, redirectTo);
  const back = await browser.get(`${callback.pathname}${callback.search}`);
  return { browser, back };
}

const signInsOf = (email: string) =>
  app.ctx.db.signIn.findMany({ where: { user: { email } }, select: { provider: true } });

describe("a first sign-in with the provider", () => {
  it("makes an account from the verified email and name, and signs in", async () => {
    const { browser, back } = await signInAt("new.person@agency.test");
    expect(back.status).toBe(302);
    expect(back.location).toBe("/account");
    const user = await app.ctx.db.user.findUniqueOrThrow({
      where: { email: "new.person@agency.test" },
      select: { id: true, name: true, passwordHash: true, memberships: true },
    });
    expect(user.name).toBe("Ivy Provider");
    // No password, and no work group: invites still decide membership.
    expect(user.passwordHash).toBe("");
    expect(user.memberships).toEqual([]);
    expect(await signInsOf("new.person@agency.test")).toEqual([{ provider: "idp" }]);
    const account = await browser.get("/account");
    expect(account.status).toBe(200);
    expect(account.html).toContain("Test Agency (new.person@agency.test)");
    const events = await app.ctx.db.accountEvent.findMany({ where: { userId: user.id } });
    expect(events.map((e) => [e.kind, e.method, e.provider])).toEqual([
      ["account_created", "provider", "idp"],
    ]);
  });

  it("signs the same person in to the same account next time, by subject", async () => {
    const { back } = await signInAt("new.person@agency.test", "/");
    expect(back.location).toBe("/");
    expect(await app.ctx.db.user.count({ where: { email: "new.person@agency.test" } })).toBe(1);
    expect(
      await app.ctx.db.accountEvent.count({
        where: { kind: "signed_in", method: "provider", user: { email: "new.person@agency.test" } },
      }),
    ).toBe(1);
  });

  it("never follows a redirect off the site", async () => {
    const { back } = await signInAt("new.person@agency.test", "//evil.example/x");
    expect(back.location).toBe("/");
  });
});

describe("an existing account with the same email", () => {
  it("is linked only once its owner gives its password", async () => {
    const owner = await createUser(app.ctx, "Olive Owner");
    const { browser, back } = await signInAt(owner.email);
    expect(back.location).toBe("/login/confirm-account");
    // Not signed in yet, and nothing linked.
    expect(await signInsOf(owner.email)).toEqual([]);
    const page = await browser.get("/login/confirm-account");
    expect(page.html).toContain(`Convene already has an account for ${owner.email}`);

    const wrong = await browser.post("/login/confirm-account", {
      intent: "password",
      password: "not the password",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("That password does not match the account.");
    expect(await app.ctx.db.providerIdentity.count({ where: { userId: owner.id } })).toBe(0);

    const right = await browser.post("/login/confirm-account", {
      intent: "password",
      password: PASSWORD,
    });
    expect(right.status).toBe(302);
    expect(right.location).toBe("/account");
    expect(await signInsOf(owner.email)).toEqual([{ provider: "idp" }]);
    const linked = await app.ctx.db.providerIdentity.findFirstOrThrow({
      where: { userId: owner.id },
    });
    expect(linked.subject).toBe(idpAccountFor(owner.email).sub);

    // From now on the provider signs in straight to the account.
    const again = await signInAt(owner.email, "/");
    expect(again.back.location).toBe("/");
  });

  it("is linked by an emailed link opened in the same browser", async () => {
    const owner = await createUser(app.ctx, "Elia Emailed");
    const { browser } = await signInAt(owner.email);
    await browser.get("/login/confirm-account");
    const sent = await browser.post("/login/confirm-account", { intent: "email" });
    expect(sent.status).toBe(200);
    expect(sent.html).toContain(`A link is on its way to ${owner.email}`);
    await expect.poll(() => mailbox.inbox.filter((m) => m.to === owner.email).length).toBe(1);
    const mail = mailbox.inbox.find((m) => m.to === owner.email)!;
    const link = new RegExp(`${app.url}(/login/link/[\\w-]+[^\\s]*)`).exec(mail.text)?.[1];
    expect(link).toBeDefined();
    await browser.get(link!);
    const used = await browser.post(link!, {});
    expect(used.status).toBe(302);
    expect(await app.ctx.db.providerIdentity.count({ where: { userId: owner.id } })).toBe(1);
    expect(await signInsOf(owner.email)).toEqual([{ provider: "idp" }]);
  });

  it("stays unlinked when the confirmation is cancelled", async () => {
    const owner = await createUser(app.ctx, "Cato Cancel");
    const { browser } = await signInAt(owner.email);
    await browser.get("/login/confirm-account");
    const cancelled = await browser.post("/login/confirm-account", { intent: "cancel" });
    expect(cancelled.location).toBe("/login");
    expect((await browser.get("/login/confirm-account")).status).toBe(410);
    expect(await app.ctx.db.providerIdentity.count({ where: { userId: owner.id } })).toBe(0);
  });
});

describe("a domain that must sign in with its provider", () => {
  it("refuses password sign-in with a message naming the provider", async () => {
    const staff = formClient(app.url);
    await staff.get("/login");
    const refused = await staff.post("/login", {
      email: "new.person@agency.test",
      password: PASSWORD,
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(
      "People at agency.test sign in with Test Agency: use the “Sign in with Test Agency” button.",
    );
  });

  it("refuses emailed links, resets and sign-ups too, but not other domains", async () => {
    const someone = formClient(app.url);
    await someone.get("/login/email");
    const link = await someone.post("/login/email", { email: "new.person@agency.test" });
    expect(link.status).toBe(400);
    expect(link.html).toContain("People at agency.test sign in with Test Agency");
    await someone.get("/forgot-password");
    const reset = await someone.post("/forgot-password", { email: "new.person@agency.test" });
    expect(reset.status).toBe(400);
    await someone.get("/signup");
    const signUp = await someone.post("/signup", {
      name: "Sly",
      email: "sly@agency.test",
      password: PASSWORD,
    });
    expect(signUp.status).toBe(400);
    expect(await app.ctx.db.user.count({ where: { email: "sly@agency.test" } })).toBe(0);

    const parent = await createUser(app.ctx, "Pat Parent");
    await someone.signIn(parent.email, PASSWORD);
  });

  it("shows the provider's button on the sign-in page", async () => {
    const page = await formClient(app.url).get("/login");
    expect(page.html).toContain("Sign in with Test Agency");
  });
});

describe("what the callback refuses", () => {
  it("a forged state", async () => {
    const { browser, callback } = await toCallback("forged.state@agency.test");
    callback.searchParams.set("state", "not-the-state");
    const refused = await browser.get(`${callback.pathname}${callback.search}`);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("answer could not be checked");
    expect(await app.ctx.db.user.count({ where: { email: "forged.state@agency.test" } })).toBe(0);
  });

  it("a callback with no sign-in started in this browser, and a replayed one", async () => {
    const { browser, callback } = await toCallback("replay@agency.test");
    const stranger = await formClient(app.url).get(`${callback.pathname}${callback.search}`);
    expect(stranger.status).toBe(400);
    expect(stranger.html).toContain("took too long or was started in another browser");
    expect((await browser.get(`${callback.pathname}${callback.search}`)).status).toBe(302);
    const replayed = await browser.get(`${callback.pathname}${callback.search}`);
    expect(replayed.status).toBe(400);
  });

  it.each([
    ["a forged nonce", { claims: (c: Record<string, unknown>) => ({ ...c, nonce: "forged" }) }],
    [
      "an expired ID token",
      {
        claims: (c: Record<string, unknown>) => ({
          ...c,
          iat: Math.floor(Date.now() / 1000) - 7200,
          exp: Math.floor(Date.now() / 1000) - 3600,
        }),
      },
    ],
    ["an ID token signed by another key", { otherKey: true }],
    [
      "an ID token for another client",
      { claims: (c: Record<string, unknown>) => ({ ...c, aud: "someone-else" }) },
    ],
  ])("%s", async (_name, tamper) => {
    const email = `tampered.${Math.random().toString(36).slice(2, 8)}@agency.test`;
    const { browser, callback } = await toCallback(email);
    idp.tamper(tamper);
    try {
      const refused = await browser.get(`${callback.pathname}${callback.search}`);
      expect(refused.status).toBe(400);
      expect(refused.html).toContain("answer could not be checked, so nobody was signed in");
    } finally {
      idp.tamper(undefined);
    }
    expect(await app.ctx.db.user.count({ where: { email } })).toBe(0);
    expect(
      app.logs.some((l) => l.level === "warn" && l.message === "sign-in provider's answer refused"),
    ).toBe(true);
  });

  it("an email the provider has not verified", async () => {
    idp.accounts.set("unverified@agency.test", {
      ...idpAccountFor("unverified@agency.test"),
      emailVerified: false,
    });
    const { back } = await signInAt("unverified@agency.test");
    expect(back.status).toBe(400);
    expect(back.html).toContain("has not verified unverified@agency.test");
  });

  it("an email outside the provider's domains", async () => {
    const { back } = await signInAt("someone@elsewhere.test");
    expect(back.status).toBe(400);
    expect(back.html).toContain("Addresses at elsewhere.test cannot sign in with Test Agency");
    expect(await app.ctx.db.user.count({ where: { email: "someone@elsewhere.test" } })).toBe(0);
  });
});

describe("signing out", () => {
  it("ends the local sign-in and offers the provider's own sign-out", async () => {
    const { browser } = await signInAt("leaving@agency.test", "/");
    await browser.get("/account");
    const out = await browser.post("/logout", {});
    expect(out.location).toBe("/login?signedOut=idp");
    expect(await signInsOf("leaving@agency.test")).toEqual([]);
    const page = await browser.get(out.location!);
    expect(page.html).toContain("Sign out of Test Agency too");
    const endSession = /href="([^"]*session\/end[^"]*)"/
      .exec(page.html)?.[1]
      ?.replaceAll("&amp;", "&");
    expect(endSession).toBeDefined();
    const url = new URL(endSession!);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${app.url}/login`);
  });
});

describe("the admin's sign-in page", () => {
  it("lists the provider, that it answered, its redirect URI and its sign-ins", async () => {
    const admin = await createUser(app.ctx, "Ada Admin");
    await app.ctx.db.user.update({ where: { id: admin.id }, data: { isAdmin: true } });
    const browser = await formClient(app.url).signIn(admin.email, PASSWORD);
    const page = await browser.get("/admin/sign-in");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Test Agency");
    expect(page.html).toContain("Answered");
    expect(page.html).toContain(`${app.url}/login/provider/idp/callback`);
    expect(page.html).toMatch(/Test Agency: \d+/);
    expect(page.html).toContain("Account made · Test Agency");

    const member = await createUser(app.ctx, "Mo Member");
    const other = await formClient(app.url).signIn(member.email, PASSWORD);
    expect((await other.get("/admin/sign-in")).status).toBe(403);
  });
});

describe("a provider that does not answer at start", () => {
  it("leaves password sign-in working and says so in one log line", async () => {
    const closed = await freePort();
    const down = await startTestApp(idpEnv(`http://127.0.0.1:${closed}`));
    try {
      await down.ctx.signInProviders.ready;
      const person = await createUser(down.ctx, "Paz Password");
      await formClient(down.url).signIn(person.email, PASSWORD);
      const browser = formClient(down.url);
      const login = await browser.get("/login");
      expect(login.status).toBe(200);
      // Pressing the button within the minute asks nobody again: it says it is not answering.
      const tried = await browser.post("/login/provider/idp", { redirectTo: "/" });
      expect(tried.status).toBe(503);
      expect(tried.html).toContain("Test Agency is not answering right now");
      const lines = down.logs.filter((l) => l.fields?.provider === "idp");
      expect(lines).toHaveLength(1);
      expect(lines[0]!.level).toBe("warn");
      expect(lines[0]!.message).toContain("password sign-in still works");
    } finally {
      await down.stop();
    }
  });
});

describe("a malformed provider setting", () => {
  it("stops the server with a message naming it (exit code 78)", async () => {
    await expect(
      startServerProcess({
        SKIP_MIGRATE: "true",
        DATABASE_URL: "file:/tmp/convene-never-used.db",
        SESSION_SECRET: "provider-config-secret-0123456789abcdef",
        OIDC_PROVIDERS: "entra",
        OIDC_ENTRA_ISSUER: "login.microsoftonline.com/tenant",
        OIDC_ENTRA_CLIENT_ID: "x",
      }),
    ).rejects.toThrow(
      /exited with 78(?=[\s\S]*OIDC_ENTRA_ISSUER: "login\.microsoftonline\.com\/tenant" is not a URL)(?=[\s\S]*OIDC_ENTRA_CLIENT_SECRET: required)/,
    );
  });
});
