import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../app/modules/demo/demo.server.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import {
  expectInOrder,
  loadPdf,
  pageText,
  pdfPages,
  structureOf,
  unzipText,
} from "../support/documents.ts";

let app: TestApp;
let reportPath = "";
/** The demo's recommendations and their key action steps, in their order. */
let expected: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  await loadDemo(app.ctx);
  const report = await app.ctx.db.publication.findFirstOrThrow({
    where: { kind: "report" },
    select: { id: true },
  });
  reportPath = `/public/success-ready-students/publications/${report.id}`;
  const recommendations = await app.ctx.db.recommendation.findMany({
    orderBy: { position: "asc" },
    select: {
      title: true,
      actionSteps: { orderBy: { position: "asc" }, select: { description: true } },
    },
  });
  expect(recommendations).toHaveLength(5);
  expected = recommendations.flatMap((r) => [r.title, ...r.actionSteps.map((s) => s.description)]);
});
afterAll(async () => {
  await app?.stop();
});

const download = async (format: string) => {
  const response = await fetch(`${app.url}${reportPath}/${format}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toMatch(
    /^attachment; filename="success-ready-students-work-group-report[\w-]*\.\w+"$/,
  );
  return {
    type: response.headers.get("content-type"),
    body: Buffer.from(await response.arrayBuffer()),
  };
};

/** pdfkit's standard fonts print straight quotes as typed; compare on the words. */
const words = (text: string) => text.replace(/\s+/g, " ").trim();

describe("exports of the demo report", () => {
  it("PDF: every recommendation title and its action steps, in order, with contents and page numbers", async () => {
    const { type, body } = await download("pdf");
    expect(type).toBe("application/pdf");
    const pages = await pdfPages(body);
    const text = words(pages.map(pageText).join(" "));
    expect(text).toContain("Contents");
    expect(text).toMatch(/Page 1 of \d+/);
    // The body starts after the contents page, which lists the titles too.
    expectInOrder(
      text,
      expected.map(words),
      text.indexOf("Executive summary", text.indexOf("Contents") + 200),
    );
  });

  it("PDF: tagged for screen readers, with its language and title declared", async () => {
    const { body } = await download("pdf");
    const loaded = await loadPdf(body);
    const { info } = await loaded.getMetadata();
    const markInfo = await loaded.getMarkInfo();
    const preferences = await loaded.getViewerPreferences();
    const roles = (await structureOf(loaded)).flatMap((page) => page.roles);
    await loaded.destroy();
    expect(info).toMatchObject({
      Language: "en",
      Title: "Success-Ready Students Work Group Report and Recommendations",
    });
    expect(markInfo).toMatchObject({ Marked: true });
    expect(preferences).toMatchObject({ DisplayDocTitle: true });
    expect(roles.filter((role) => role === "H1")).toHaveLength(1);
    expect(roles).toEqual(expect.arrayContaining(["H2", "H3", "P", "L", "LI", "LBody"]));
    // Each recommendation's key action steps are a list item apiece.
    const items = roles.filter((role) => role === "LI").length;
    expect(items).toBeGreaterThanOrEqual(expected.length - 5);
  });

  it("DOCX: every recommendation title and its action steps, in order", async () => {
    const { type, body } = await download("docx");
    expect(type).toContain("wordprocessingml");
    const { value } = await mammoth.extractRawText({ buffer: body });
    const text = words(value);
    expectInOrder(text, expected.map(words), text.lastIndexOf("Executive summary"));
  });

  it("DOCX: the contents is complete on opening, every heading with its page", async () => {
    const { body } = await download("docx");
    const xml = unzipText(body).get("word/document.xml")!;
    const contents = /<w:docPartGallery w:val="Table of Contents"\/>.*?<\/w:sdt>/s.exec(xml)![0];
    const entries = [...contents.matchAll(/<w:hyperlink[^>]*>(.*?)<\/w:hyperlink>/gs)].map(
      ([, entry = ""]) => [...entry.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]),
    );
    expect(entries.map(([title]) => title)).toEqual([
      "Executive summary",
      "Essential questions",
      "Recommendations",
      "Summary of learning",
      "Work group members",
      "Appendix: all ideas by theme",
    ]);
    for (const [title, page] of entries) expect(Number(page), title).toBeGreaterThanOrEqual(2);
  });

  it("Markdown: every recommendation title and its action steps, in order", async () => {
    const { type, body } = await download("md");
    expect(type).toContain("text/markdown");
    const text = body.toString("utf8");
    expect(text.startsWith("# Success-Ready Students Work Group Report and Recommendations")).toBe(
      true,
    );
    // Markdown escapes its own punctuation in what people typed; unescape to compare.
    expectInOrder(words(text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, "$1")), expected.map(words));
  });

  it("an unknown format is a 404 with a message", async () => {
    const response = await fetch(`${app.url}${reportPath}/exe`);
    expect(response.status).toBe(404);
  });
});
