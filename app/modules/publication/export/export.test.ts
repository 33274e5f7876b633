import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import {
  expectInOrder,
  loadPdf,
  type PdfLine,
  pageText,
  pdfPages,
  structureOf,
  unzipText,
} from "../../../../tests/support/documents.ts";
import { type Block, outline, type PublishedDocument } from "../content.ts";
import { toDocx } from "./docx.ts";
import { toMarkdown } from "./markdown.ts";
import { printable, toPdf } from "./pdf.ts";

const RECOMMENDATIONS = [
  {
    title: "Recommendation 1: Expand high-dosage tutoring",
    steps: [
      "Hire twelve tutors for the ninth-grade cohort",
      "Schedule tutoring inside the school day, not after it",
      "Report attendance to families every two weeks",
    ],
  },
  {
    title: "Recommendation 2: Give every student an advisor",
    steps: [
      "Assign advisors by August 15",
      "Train advisors on the early-warning dashboard",
      "Hold a first advisory meeting in week one",
      "Review caseloads at the end of each quarter",
    ],
  },
  {
    title: "Recommendation 3: Rebuild the “family partnership” program — year-round",
    steps: [
      "Translate every notice into Spanish, Vietnamese and Somali",
      "Move conferences to evenings and weekends",
      "Fund a family liaison at each middle school",
    ],
  },
  {
    title: "Recommendation 4: Measure what matters",
    steps: [
      "Publish the dashboard on the district site",
      "Add a belonging survey to the spring census",
      "Retire three reports nobody reads",
    ],
  },
  {
    title: "Recommendation 5: Fund the plan <script>alert(1)</script>",
    steps: [
      "Ask the board for a two-year pilot budget",
      "Match the grant from the community foundation",
      "Show results before asking for year three",
    ],
  },
];

const FILLER =
  "The work group met eleven times between September and February, heard from students, " +
  "teachers and families at four listening sessions, and reviewed attendance, course-passing " +
  "and survey data for every high school in the district. ";

const HOSTILE =
  "Typed by a member: <script>alert('x')</script> *not bold* _not italic_ [not a link](javascript:alert(1)) " +
  "# not a heading `code` & &amp; | pipes | ~strike~ \\ backslash.";

function reportBlocks(): Block[] {
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "Executive summary" },
    {
      kind: "paragraph",
      runs: [
        { text: "This report is the " },
        { text: "final", bold: true },
        { text: " set of recommendations from the " },
        { text: "Success-Ready Students", italic: true },
        { text: " work group. Read the " },
        { text: "full data appendix", href: "https://example.org/appendix" },
        { text: ". An " },
        { text: "unsafe link", href: "javascript:alert(1)" },
        { text: " stays text. " },
        { text: FILLER.repeat(3) },
      ],
    },
    { kind: "paragraph", runs: [{ text: HOSTILE }] },
    { kind: "paragraph", runs: [{ text: "Café, señor, naïve — “quoted” and ‘single’… 50% ± 2" }] },
    { kind: "heading", level: 1, text: "Recommendations" },
  ];
  RECOMMENDATIONS.forEach((recommendation, index) => {
    blocks.push(
      { kind: "heading", level: 2, text: recommendation.title },
      { kind: "paragraph", runs: [{ text: FILLER.repeat(4) }] },
      { kind: "heading", level: 3, text: "Action steps" },
      {
        kind: "list",
        ordered: index % 2 === 0,
        items: recommendation.steps.map((step) => [{ text: step }]),
      },
    );
  });
  return blocks;
}

const REPORT: PublishedDocument = {
  title: "Closing the Opportunity Gap: Final Report",
  workGroupName: "Success-Ready Students Work Group",
  publishedAt: "2025-03-05T17:00:00.000Z",
  updatedAt: "2025-04-01T12:00:00.000Z",
  language: "en",
  blocks: reportBlocks(),
};

const TITLES = ["Executive summary", "Recommendations", ...RECOMMENDATIONS.map((r) => r.title)];
const TITLES_AND_STEPS = RECOMMENDATIONS.flatMap((r) => [r.title, ...r.steps]);

describe("PDF export", () => {
  let pages: PdfLine[][];
  let file: Buffer;

  beforeAll(async () => {
    file = await toPdf(REPORT);
    pages = await pdfPages(file);
  });

  it("is a multi-page PDF with the title, work group and dates up front", () => {
    expect(file.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const first = pageText(pages[0]!);
    expect(first).toContain("Closing the Opportunity Gap: Final Report");
    expect(first).toContain("Success-Ready Students Work Group");
    expect(first).toContain("Published March 5, 2025 · Updated April 1, 2025");
  });

  it("has every recommendation title followed by its action steps, in order", () => {
    const body = pages.slice(1).map(pageText).join(" ");
    expectInOrder(body, ["Executive summary", "Recommendations", ...TITLES_AND_STEPS]);
  });

  it("keeps typed markup and Unicode as text", () => {
    const all = pages.map(pageText).join("\n");
    expect(all).toContain("<script>alert('x')</script> *not bold*");
    expect(all).toContain("Café, señor, naïve — “quoted” and ‘single’… 50% ± 2");
  });

  it("numbers every page in the footer", () => {
    pages.forEach((page, index) => {
      expect(pageText(page)).toContain(`Page ${index + 1} of ${pages.length}`);
    });
  });

  it("lists each heading in the contents with the page it is on", () => {
    expect(pages[0]!.map((line) => line.text)).toContain("Contents");
    const contentsLines = pages[0]!;
    for (const title of TITLES) {
      const entry = contentsLines.find((line) => line.text.startsWith(title));
      expect(entry, `contents entry for "${title}"`).toBeDefined();
      const printedPage = Number(entry!.parts.at(-1));
      const actualPage =
        pages.findIndex((page, index) => index > 0 && pageText(page).includes(title)) + 1;
      expect(actualPage, `page of "${title}"`).toBeGreaterThan(1);
      expect(printedPage, `contents page for "${title}"`).toBe(actualPage);
    }
    // The report is long enough that the recommendations do not all share one page.
    const lastTitle = TITLES.at(-1)!;
    const lastEntry = contentsLines.find((line) => line.text.startsWith(lastTitle))!;
    expect(Number(lastEntry.parts.at(-1))).toBeGreaterThan(2);
  });

  it("has the title in its metadata and a bookmark for each heading", async () => {
    const loaded = await loadPdf(file);
    const { info } = await loaded.getMetadata();
    expect((info as { Title?: string }).Title).toBe(REPORT.title);
    const bookmarks = await loaded.getOutline();
    await loaded.destroy();
    expect(bookmarks.map((bookmark) => bookmark.title)).toEqual([
      "Executive summary",
      "Recommendations",
    ]);
    expect(bookmarks[1]!.items.map((bookmark) => bookmark.title)).toEqual(
      RECOMMENDATIONS.map((recommendation) => recommendation.title),
    );
  });

  it("is tagged: headings, paragraphs, lists and links in a structure tree", async () => {
    const loaded = await loadPdf(file);
    expect(await loaded.getMarkInfo()).toMatchObject({ Marked: true });
    const tree = await structureOf(loaded);
    await loaded.destroy();
    const roles = tree.flatMap((page) => page.roles);
    // One H1, the title; the report's own headings one level below it, as on the web page.
    expect(roles.filter((role) => role === "H1")).toHaveLength(1);
    expect(roles).toEqual(
      expect.arrayContaining(["Document", "H2", "H3", "H4", "P", "TOC", "TOCI"]),
    );
    const lists = roles.filter((role) => role === "L").length;
    expect(lists).toBe(RECOMMENDATIONS.length);
    const items = RECOMMENDATIONS.reduce((sum, r) => sum + r.steps.length, 0);
    expect(roles.filter((role) => role === "LI")).toHaveLength(items);
    expect(roles.filter((role) => role === "Lbl")).toHaveLength(items);
    expect(roles.filter((role) => role === "LBody")).toHaveLength(items);
    // Every contents entry and the one safe web link are links a screen reader can follow.
    expect(roles.filter((role) => role === "Link")).toHaveLength(TITLES.length + 1);
    // Every page's printed text is tied to the tree: no page is left unread.
    for (const page of tree) expect(page.content, `page ${page.number}`).toBeGreaterThan(0);
  });

  it("declares its language and title, and asks viewers to show the title", async () => {
    const loaded = await loadPdf(file);
    const { info } = await loaded.getMetadata();
    const preferences = await loaded.getViewerPreferences();
    await loaded.destroy();
    expect(info).toMatchObject({ Language: "en", Title: REPORT.title });
    expect(preferences).toMatchObject({ DisplayDocTitle: true });
  });

  it("is in Spanish when the publication is, words of its own included", async () => {
    const spanish: PublishedDocument = {
      ...REPORT,
      title: "Cerrar la brecha de oportunidades: informe final",
      language: "es",
    };
    const pdf = await toPdf(spanish);
    const loaded = await loadPdf(pdf);
    const { info } = await loaded.getMetadata();
    await loaded.destroy();
    expect(info).toMatchObject({ Language: "es", Title: spanish.title });
    const pagesOfSpanish = await pdfPages(pdf);
    const first = pageText(pagesOfSpanish[0]!);
    expect(first).toContain("Contenido");
    expect(first).toContain("Publicado el 5 de marzo de 2025 · Actualizado el 1 de abril de 2025");
    expect(first).toContain(`Página 1 de ${pagesOfSpanish.length}`);
  });

  it("swaps characters the standard fonts cannot show for stand-ins", () => {
    expect(printable("“Hi” — café")).toBe("“Hi” — café");
    expect(printable("😀 中文 ő ﬁ ≤ x\u200b\u0007")).toBe("? ?? o fi <= x");
    expect(printable("👩‍💻 e\u0301")).toBe("?? e");
  });

  it("does not fail on emoji, CJK, right-to-left text or control characters", async () => {
    const hostile: PublishedDocument = {
      title: "Rapport 😀 报告 — “ünïcödé”",
      workGroupName: "Grupo de trabajo ñ",
      publishedAt: "not a date",
      updatedAt: null,
      language: "en",
      blocks: [
        { kind: "heading", level: 1, text: "第一章 😀" },
        {
          kind: "paragraph",
          runs: [{ text: "مرحبا 👩‍💻 中文 ő\u0000\u0007 \ud800 tab\there\r\nnext line" }],
        },
        { kind: "list", ordered: false, items: [[{ text: "🎉 party", href: "javascript:x" }], []] },
      ],
    };
    const pdf = await toPdf(hostile);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await pdfPages(pdf)).map(pageText).join("\n");
    expect(text).toContain("Rapport ? ?? — “ünïcödé”");
    expect(text).toContain("Page 1 of");
  });
});

describe("DOCX export", () => {
  let file: Buffer;

  beforeAll(async () => {
    file = await toDocx(REPORT);
  });

  it("has every recommendation title followed by its action steps, in order", async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: file });
    expect(text).toContain("Closing the Opportunity Gap: Final Report");
    expect(text).toContain("Published March 5, 2025 · Updated April 1, 2025");
    // The body starts at the first paragraph; anything before it is the title and contents.
    const bodyStart = text.indexOf("This report is the final");
    expect(bodyStart).toBeGreaterThan(0);
    expectInOrder(text, ["Recommendations", ...TITLES_AND_STEPS], bodyStart);
    expect(text).toContain("<script>alert('x')</script> *not bold*");
    expect(text).toContain("Café, señor, naïve — “quoted” and ‘single’…");
  });

  it("uses Word heading styles and real lists", async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: file });
    expect(html).toMatch(heading(1, "Executive summary"));
    for (const recommendation of RECOMMENDATIONS) {
      expect(html).toMatch(heading(2, escapeHtml(recommendation.title)));
    }
    expect(html).toMatch(heading(3, "Action steps"));
    expect(html).toContain(`<ol><li>${RECOMMENDATIONS[0]!.steps[0]}</li>`);
    expect(html).toContain(`<ul><li>${RECOMMENDATIONS[1]!.steps[0]}</li>`);
    expect(html).toContain("<strong>final</strong>");
    expect(html).toContain("<em>Success-Ready Students</em>");
    expect(html).toContain('<a href="https://example.org/appendix">full data appendix</a>');
    expect(html).toContain("unsafe link");
    expect(html).not.toContain('href="javascript:');
  });

  it("opens with a complete contents: every heading, linked to it, with its page", () => {
    const files = unzipText(file);
    const body = files.get("word/document.xml")!;
    const entries = contentsEntries(body);
    expect(entries.map((entry) => entry.title)).toEqual(TITLES.map(escapeHtml));
    for (const entry of entries) {
      // The anchor is a bookmark on the heading itself.
      const heading = new RegExp(
        `<w:bookmarkStart[^>]*w:name="${entry.anchor}"[^>]*/>(?:(?!</w:p>).)*${escapeRegExp(entry.title)}`,
      );
      expect(body, `bookmark of "${entry.title}"`).toMatch(heading);
    }
    const pages = entries.map((entry) => Number(entry.page));
    expect(pages.every((page) => Number.isInteger(page) && page >= 2)).toBe(true);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    // The report runs over several pages, so the numbers are worked out, not all the same.
    expect(pages.at(-1)).toBeGreaterThan(pages[0]!);
    // Complete as written: Word is not asked to update fields when it opens the file.
    expect(files.get("word/settings.xml")).not.toContain("updateFields");
    expect(body).not.toMatch(/w:dirty="(true|1)"/);
    expect(files.get("word/styles.xml")).toMatch(/<w:lang w:val="en-US"\/>/);
  });

  it("is in Spanish when the publication is, contents and page footer included", async () => {
    const files = unzipText(await toDocx({ ...REPORT, language: "es" }));
    const body = files.get("word/document.xml")!;
    expect(body).toContain(">Contenido<");
    expect(body).toContain("Publicado el 5 de marzo de 2025 · Actualizado el 1 de abril de 2025");
    expect(contentsEntries(body)).toHaveLength(TITLES.length);
    expect(files.get("word/footer1.xml")).toMatch(/>Página <.*PAGE.*> de <.*NUMPAGES/);
    expect(files.get("word/styles.xml")).toMatch(/<w:lang w:val="es-US"\/>/);
  });

  it("leaves page numbers to Word past what is worth laying out, keeping every entry", async () => {
    const long: PublishedDocument = {
      ...REPORT,
      blocks: Array.from({ length: 40 }, (_, index): Block[] => [
        { kind: "heading", level: 2, text: `Theme ${index + 1}` },
        {
          kind: "list",
          ordered: false,
          items: Array.from({ length: 10 }, () => [{ text: "An idea" }]),
        },
      ]).flat(),
    };
    const entries = contentsEntries(unzipText(await toDocx(long)).get("word/document.xml")!);
    expect(entries).toHaveLength(40);
    expect(entries.every((entry) => entry.page === "" && entry.anchor !== "")).toBe(true);
  });

  it("does not fail on emoji, CJK or control characters", async () => {
    const docx = await toDocx({
      ...REPORT,
      title: "报告 😀",
      blocks: [{ kind: "paragraph", runs: [{ text: "中文 👩‍💻\u0000\u0007 \ud800 end" }] }],
    });
    const { value } = await mammoth.extractRawText({ buffer: docx });
    expect(value).toContain("中文 👩‍💻  end");
  });
});

/** The entries of the table of contents as written in document.xml: title, anchor and page. */
function contentsEntries(documentXml: string) {
  const contents = /<w:docPartGallery w:val="Table of Contents"\/>.*?<\/w:sdt>/s.exec(documentXml);
  expect(contents, "a table of contents").not.toBeNull();
  return [
    ...contents![0].matchAll(/<w:hyperlink[^>]*w:anchor="([^"]+)"[^>]*>(.*?)<\/w:hyperlink>/gs),
  ].map(([, anchor = "", entry = ""]) => {
    const [title = "", page = ""] = [...entry.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(
      (text) => text[1],
    );
    return { anchor, title, page };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** mammoth writes Word's heading styles as h1–h3, with the contents' bookmark inside. */
function heading(level: number, html: string): RegExp {
  const literal = html.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`<h${level}>(<a id="[^"]+"></a>)?${literal}</h${level}>`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

describe("Markdown export", () => {
  const markdown = toMarkdown(REPORT);

  it("starts with the title, work group and dates", () => {
    expect(markdown.split("\n").slice(0, 3)).toEqual([
      "# Closing the Opportunity Gap: Final Report",
      "",
      "Success-Ready Students Work Group · Published March 5, 2025 · Updated April 1, 2025",
    ]);
  });

  it("writes headings one level down from the title, in order", () => {
    const headings = markdown.split("\n").filter((line) => line.startsWith("#"));
    const expected = outline(REPORT.blocks).map(
      (entry) => `${"#".repeat(entry.level + 1)} ${toMarkdownText(entry.text)}`,
    );
    expect(headings.filter((line) => !line.startsWith("####")).slice(1)).toEqual(expected);
    expect(markdown).toContain("#### Action steps");
  });

  it("writes every title followed by its steps as lists", () => {
    expectInOrder(
      markdown,
      RECOMMENDATIONS.flatMap((recommendation, index) => [
        toMarkdownText(recommendation.title),
        ...recommendation.steps.map(
          (step, stepIndex) => `${index % 2 === 0 ? `${stepIndex + 1}.` : "-"} ${step}`,
        ),
      ]),
    );
  });

  it("formats runs and links", () => {
    expect(markdown).toContain(
      "This report is the **final** set of recommendations from the _Success-Ready Students_ " +
        "work group. Read the [full data appendix](https://example.org/appendix).",
    );
  });

  it("escapes what a person typed so it stays literal", () => {
    expect(markdown).toContain(
      "Typed by a member: \\<script\\>alert('x')\\</script\\> \\*not bold\\* \\_not italic\\_ " +
        "\\[not a link\\](javascript:alert(1)) # not a heading \\`code\\` \\& \\&amp; \\| pipes \\| " +
        "\\~strike\\~ \\\\ backslash.",
    );
    expect(markdown).not.toMatch(/<script>/);
  });

  it("escapes line-start markers and only links web and mail addresses", () => {
    const text = toMarkdown({
      ...REPORT,
      blocks: [
        { kind: "paragraph", runs: [{ text: "# one\n- two\n3. three\n> four" }] },
        { kind: "heading", level: 2, text: "Item #" },
        {
          kind: "paragraph",
          runs: [
            { text: "bad", href: "javascript:alert(1)" },
            { text: " " },
            { text: "mail", href: "mailto:a@example.org" },
            { text: " " },
            { text: "un" },
            { text: "believ", italic: true },
            { text: "able" },
          ],
        },
        { kind: "list", ordered: false, items: [[{ text: "a" }]] },
        { kind: "list", ordered: false, items: [[{ text: "b" }]] },
      ],
    });
    expect(text).toContain("\\# one\\\n\\- two\\\n3\\. three\\\n\\> four");
    expect(text).toContain("### Item \\#");
    expect(text).toContain("bad [mail](mailto:a@example.org) un*believ*able");
    // A second list straight after the first must not merge into it.
    expect(text).toContain("- a\n\n* b");
  });
});

/** What the Markdown export writes for the test titles, which hold `<` and `>`. */
function toMarkdownText(text: string): string {
  return text.replace(/[<>]/g, "\\$&");
}
