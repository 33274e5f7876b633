import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkGroup, startTestApp, type TestApp } from "../support/app.ts";
import { launchBrowser, newPerson, open, type Person, signIn } from "../support/browser.ts";

let app: TestApp;
let browser: Browser;
let cast: Awaited<ReturnType<typeof seedWorkGroup>>;
let fay: Person; // facilitator
let rory: Person; // recorder
let ada: Person; // member

const sessionPath = () => `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`;
/** The Lexical editor itself (its section is labelled "Session notes" too). */
const notes = (page: Page) => page.locator('[contenteditable][aria-label="Session notes"]');
const notesText = (page: Page) => notes(page).textContent();
const presence = (page: Page) => page.getByText(/Here now:/);

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  cast = await seedWorkGroup(app.ctx);
  [fay, rory, ada] = await Promise.all([
    newPerson(browser, app.url),
    newPerson(browser, app.url),
    newPerson(browser, app.url),
  ]);
  await signIn(fay.page, cast.facilitator.email);
  await signIn(rory.page, cast.recorder.email);
  await signIn(ada.page, cast.memberA.email);
  // One after another, so each page finds the others already present.
  for (const person of [rory, fay, ada]) {
    await open(person.page, sessionPath());
    await notes(person.page).waitFor();
    await presence(person.page).waitFor({ timeout: 5_000 });
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the session notes", () => {
  it("shows what the recorder types in the facilitator's editor", async () => {
    const typed = "Decision: pilot peer tutoring in two districts";
    await notes(rory.page).click();
    await rory.page.keyboard.type(typed);
    const typedAt = Date.now();
    await fay.page.waitForFunction(
      (typed) =>
        document
          .querySelector('[contenteditable][aria-label="Session notes"]')
          ?.textContent?.includes(typed),
      typed,
      { timeout: 3_000, polling: 10 },
    );
    console.info(
      `notes: recorder's last keystroke to facilitator's screen ≤ ${Date.now() - typedAt} ms`,
    );
    await expect.poll(() => notesText(rory.page)).toContain(typed);
    await expect(notesText(fay.page)).resolves.toContain(typed);
  });

  it("lets the facilitator write too, and the recorder sees it", async () => {
    const typed = "Follow-up: ask the parents' group";
    await notes(fay.page).click();
    await fay.page.keyboard.press("Control+End");
    await fay.page.keyboard.press("Enter");
    await fay.page.keyboard.type(typed);
    await expect.poll(() => notesText(rory.page), { timeout: 3_000 }).toContain(typed);
  });

  it("shows the notes to a member, who cannot edit them", async () => {
    const editor = notes(ada.page);
    await expect.poll(() => notesText(ada.page), { timeout: 3_000 }).toContain("Decision: pilot");
    await expect(editor.getAttribute("contenteditable")).resolves.toBe("false");
    await expect(editor.isEditable()).resolves.toBe(false);
    await expect(editor.getAttribute("aria-readonly")).resolves.toBe("true");
    // Trying anyway changes nothing, here or for anyone else.
    const before = await notesText(ada.page);
    await editor.click();
    await ada.page.keyboard.type("member was here");
    await ada.page.waitForTimeout(500);
    await expect(notesText(ada.page)).resolves.toBe(before);
    await expect(notesText(rory.page)).resolves.not.toContain("member was here");
    // The recorder's editor, by contrast, is editable.
    await expect(notes(rory.page).getAttribute("contenteditable")).resolves.toBe("true");
  });

  it("keeps the notes: a member who reloads reads them from the server", async () => {
    await open(ada.page, sessionPath());
    await expect
      .poll(() => notesText(ada.page), { timeout: 5_000 })
      .toContain("Decision: pilot peer tutoring in two districts");
    await presence(ada.page).waitFor({ timeout: 5_000 });
  });
});

describe("presence on the board", () => {
  it("shows who is connected", async () => {
    await expect
      .poll(() => presence(ada.page).textContent(), { timeout: 3_000 })
      .toBe(" · Here now: Ada Member, Fay Facilitator, Rory Recorder");
    await expect
      .poll(() => presence(fay.page).textContent(), { timeout: 3_000 })
      .toBe(" · Here now: Ada Member, Fay Facilitator, Rory Recorder");
  });

  it("drops a person who leaves", async () => {
    await rory.close();
    await expect
      .poll(() => presence(ada.page).textContent(), { timeout: 3_000 })
      .toBe(" · Here now: Ada Member, Fay Facilitator");
  });

  it("raised no script errors in any page", () => {
    expect(fay.errors).toEqual([]);
    expect(rory.errors).toEqual([]);
    expect(ada.errors).toEqual([]);
  });
});
