import PDFDocument from "pdfkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_SECONDS_TO_WRITE } from "../../app/modules/comment-period/form-token.server.ts";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { expectNoSeriousViolations, launchBrowser, newPerson, open } from "../support/browser.ts";
import { openCommentPeriod } from "../support/comments.ts";

/**
 * A visitor sends a comment with the district's letter as a PDF, through the real form, with
 * JavaScript and without: the receipt lists the file. A file that is not what its name says is
 * refused beside the Send button, and the text typed stays.
 */
let app: TestApp;
let browser: Browser;
let cast: Cast;
let letter: Buffer;

beforeAll(async () => {
  ({ app, cast } = await startSeededApp());
  browser = await launchBrowser();
  letter = await new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.text("The Ozark district's letter.");
    doc.end();
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

for (const javaScript of [true, false]) {
  describe(`files with a comment ${javaScript ? "with" : "without"} JavaScript`, () => {
    it("sends a PDF with the comment and refuses a file that is not one", async () => {
      const period = await openCommentPeriod(app.ctx, cast, {
        title: `Files (${javaScript ? "script" : "no script"})`,
      });
      const visitor = await newPerson(browser, app.url, { javaScriptEnabled: javaScript });
      const { page } = visitor;
      page.setDefaultTimeout(10_000);
      const write = async (text: string) => {
        if (javaScript) await open(page, period.path);
        else await page.goto(period.path);
        await page.getByLabel("You are commenting as").selectOption("Parents");
        await page.getByLabel("District or region").selectOption("Central");
        await page.getByRole("checkbox", { name: "Section 2: Performance Standards" }).check();
        await page.getByLabel("Your comment", { exact: true }).fill(text);
        await page.waitForTimeout(MIN_SECONDS_TO_WRITE * 1000);
      };
      await write("A comment with a file that is not a PDF.");
      await page.getByLabel("Files (optional)").setInputFiles({
        name: "letter.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("MZ this is a program, not a letter"),
      });
      await page.getByRole("button", { name: "Send comment" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "letter.pdf" });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        "“letter.pdf” is not a PDF, Word (.docx), PNG or JPEG file",
      );
      expect(await page.getByLabel("Your comment", { exact: true }).inputValue()).toBe(
        "A comment with a file that is not a PDF.",
      );
      if (javaScript) await expectNoSeriousViolations(page, "comment form with a refused file");

      await write("Our district's letter is attached.");
      await page.getByLabel("Files (optional)").setInputFiles({
        name: "Ozark letter.pdf",
        mimeType: "application/pdf",
        buffer: letter,
      });
      await page.getByRole("button", { name: "Send comment" }).click();
      await page.getByRole("heading", { name: "Your comment was received" }).waitFor();
      expect(await page.getByText("Files received with your comment:").count()).toBe(1);
      expect(await page.getByText(/Ozark letter\.pdf \(\d+ kB\)/).count()).toBe(1);
      const stored = await app.ctx.db.comment.findFirstOrThrow({
        where: { periodId: period.id, body: "Our district's letter is attached." },
        include: { attachments: true },
      });
      expect(stored.attachments.map((a) => [a.name, a.type])).toEqual([
        ["Ozark letter.pdf", "pdf"],
      ]);
      if (javaScript) await expectNoSeriousViolations(page, "receipt with a file");
      expect(visitor.errors).toEqual([]);
      await visitor.close();
    });
  });
}
