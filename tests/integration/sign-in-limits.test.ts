import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD, startTestApp, type TestApp } from "../support/app.ts";
import { formClient } from "../support/http.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

async function guess(client: ReturnType<typeof formClient>, email: string, password: string) {
  await client.get("/login");
  return client.post("/login", { email, password });
}

/** Signs out through the page's own form, as a person does; the device cookie stays. */
async function signOut(client: ReturnType<typeof formClient>) {
  await client.get("/");
  expect((await client.post("/logout", {})).status).toBe(302);
}

describe("failed sign-ins slow guessing without locking the owner out", () => {
  it("refuses browsers the account was never used in, and lets the owner's browser in", async () => {
    const { email } = await createUser(app.ctx, "Olive Owner");
    // The owner signed in from this browser before, and signed out.
    const owner = await formClient(app.url).signIn(email, PASSWORD);
    expect(owner.cookie).toMatch(/convene-device=/);
    await signOut(owner);

    // A stranger uses up the account's allowance for unknown browsers.
    const stranger = formClient(app.url);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await guess(stranger, email, `guess ${i} wrong`)).status);
    expect(statuses).toEqual(Array(10).fill(400));
    const refused = await guess(stranger, email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.html).toContain("Too many failed sign-ins");

    // Another unknown browser, with the right password: refused too, with Retry-After.
    const newLaptop = formClient(app.url);
    const laptop = await guess(newLaptop, email, PASSWORD);
    expect(laptop.status).toBe(429);
    expect(Number(laptop.headers.get("retry-after"))).toBeGreaterThan(0);

    // The owner's browser still signs in: a typo first, then the right password.
    expect((await guess(owner, email, "a typo in it")).status).toBe(400);
    const back = await guess(owner, email, PASSWORD);
    expect(back.status).toBe(302);
    expect((await owner.get("/")).html).toContain("Olive Owner");

    // And the stranger is still refused.
    expect((await guess(stranger, email, PASSWORD)).status).toBe(429);
  });

  it("knows a browser only for the account it signed in to, and only by a cookie we signed", async () => {
    const victim = await createUser(app.ctx, "Vic Victim");
    const other = await createUser(app.ctx, "Sam Stranger");
    const owner = await formClient(app.url).signIn(victim.email, PASSWORD);
    // The stranger's browser is known, but for the stranger's own account.
    const stranger = await formClient(app.url).signIn(other.email, PASSWORD);
    await signOut(stranger);
    for (let i = 0; i < 10; i++) await guess(stranger, victim.email, `guess ${i} wrong`);
    expect((await guess(stranger, victim.email, PASSWORD)).status).toBe(429);

    // A device cookie tampered with makes nobody known; the owner's own still works.
    const [name, value] = /(\S*convene-device)=([^;]+)/.exec(owner.cookie)!.slice(1);
    const forged = formClient(app.url, `${name}=${value!.replace(/.{4}$/, "AAAA")}`);
    expect((await guess(forged, victim.email, PASSWORD)).status).toBe(429);
    const copied = formClient(app.url, `${name}=${value}`);
    expect((await guess(copied, victim.email, PASSWORD)).status).toBe(302);
  });

  it("counts a known browser's own failures: ten wrong passwords pause it too", async () => {
    const { email } = await createUser(app.ctx, "Kim Known");
    const owner = await formClient(app.url).signIn(email, PASSWORD);
    await signOut(owner);
    for (let i = 0; i < 10; i++) expect((await guess(owner, email, `wrong ${i}`)).status).toBe(400);
    const paused = await guess(owner, email, PASSWORD);
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
