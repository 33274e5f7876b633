import { describe, expect, it } from "vitest";
import { actionStepsCsv } from "./action-steps-csv.ts";

const step = {
  recommendationNumber: 2,
  recommendationTitle: "Establish innovation zones",
  description: 'Design the "System Design Group" application, with DESE',
  ownerName: null,
  ownerGroup: "DESE",
  horizon: "90_days",
  startsOn: "2027-01-04",
  dueOn: "2027-03-31",
  status: "in_progress",
  resources: "Facilitation support\nGrant funding (if available)",
  fundingSource: "Kauffman Foundation",
  resourceNote: '=HYPERLINK("http://evil")',
};

describe("the action steps CSV", () => {
  const csv = actionStepsCsv([step], "en");

  it("starts with a UTF-8 byte order mark and ends rows with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).startsWith("Recommendation,Recommendation title,Action step,Owner,")).toBe(
      true,
    );
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("quotes commas, quotes and line breaks the RFC 4180 way", () => {
    expect(csv).toContain('"Design the ""System Design Group"" application, with DESE"');
    expect(csv).toContain('"Facilitation support\nGrant funding (if available)"');
    expect(csv).toContain(",90 days,2027-01-04,2027-03-31,In progress,");
  });

  it("is in the reader's language, headers and words alike", () => {
    const spanish = actionStepsCsv([step], "es");
    expect(spanish.slice(1).startsWith("Recomendación,Título de la recomendación,")).toBe(true);
    expect(spanish).toContain(",90 días,2027-01-04,2027-03-31,En curso,");
  });

  it("keeps a formula from running in a spreadsheet", () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toMatch(/,"?=HYPERLINK/);
  });
});
