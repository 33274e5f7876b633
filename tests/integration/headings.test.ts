import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededApp, type TestApp } from "../support/app.ts";
import { staffPages } from "../support/staff-pages.ts";

/**
 * Issue 18, the accessibility audit: every staff page has one h1 and no skipped heading level
 * (a screen reader's list of headings is how people find their way; WCAG 1.3.1). Crawled as
 * the facilitator.
 */
let app: TestApp;
let cookie = "";
const pages: string[] = [];

beforeAll(async () => {
  const seeded = await startSeededApp();
  app = seeded.app;
  cookie = seeded.cookies.facilitator;
  pages.push(...(await staffPages(app.ctx, seeded.cast)));
});
afterAll(() => app?.stop());

/** The page's headings in order, as a screen reader lists them: their levels and text. */
function headings(html: string) {
  const body = html.replace(/<script[\s\S]*?<\/script>/g, "");
  return [...body.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({
    level: Number(m[1]),
    text: m[2]!.replace(/<[^>]+>/g, "").trim(),
  }));
}

describe("staff pages' headings", () => {
  it("have one h1 each and never skip a level", async () => {
    const problems: string[] = [];
    for (const path of pages) {
      const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      const found = headings(await response.text());
      const h1s = found.filter((h) => h.level === 1);
      if (h1s.length !== 1) problems.push(`${path}: ${h1s.length} h1`);
      let previous = 0;
      for (const h of found) {
        if (h.level > previous + 1)
          problems.push(`${path}: h${h.level} "${h.text}" after h${previous}`);
        previous = h.level;
      }
    }
    expect(problems).toEqual([]);
  });
});
