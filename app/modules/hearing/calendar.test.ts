import { describe, expect, it } from "vitest";
import { calendarFile, escapeText, foldLine, utcDateTime } from "./calendar.ts";

/** Reads a calendar file back the way a calendar program does: unfold, split, unescape. */
function read(file: string) {
  const unfolded = file.replace(/\r\n[ \t]/g, "");
  const properties = new Map<string, string>();
  for (const line of unfolded.split("\r\n").filter(Boolean)) {
    const colon = line.indexOf(":");
    const value = line
      .slice(colon + 1)
      .replace(/\\(.)/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
    properties.set(line.slice(0, colon), value);
  }
  return properties;
}

const event = {
  uid: "hearing-abc@convene.example.org",
  stamp: new Date("2026-11-20T08:00:00Z"),
  start: new Date("2026-12-01T16:00:00Z"),
  end: new Date("2026-12-01T18:00:00Z"),
  summary: "Public hearing on the Comprehensive Guide; MSIP 6, part 2",
  location: "Jefferson State Office Building, 205 Jefferson Street, Jefferson City",
  description:
    "Public hearing.\nJoin: https://example.org/join?a=1,b=2\nAudiencia pública sobre la guía — ñandú 🎉 ".repeat(
      3,
    ),
  url: "https://convene.example.org/public/wg/comment-periods/p/hearings/h",
};

describe("the calendar file", () => {
  const file = calendarFile(event);

  it("is one VEVENT in a VCALENDAR, with CRLF line ends and nothing else", () => {
    expect(file.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(file.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(file.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(file.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it("gives times in UTC with Z, and every property a calendar needs", () => {
    const properties = read(file);
    expect(properties.get("DTSTART")).toBe("20261201T160000Z");
    expect(properties.get("DTEND")).toBe("20261201T180000Z");
    expect(properties.get("DTSTAMP")).toBe("20261120T080000Z");
    expect(properties.get("UID")).toBe(event.uid);
    expect(properties.get("PRODID")).toBeTruthy();
    expect(properties.get("URL")).toBe(event.url);
  });

  it("escapes commas, semicolons and line breaks, and reads back exactly", () => {
    expect(file).toContain("SUMMARY:Public hearing on the Comprehensive Guide\\; MSIP 6\\, part 2");
    const properties = read(file);
    expect(properties.get("SUMMARY")).toBe(event.summary);
    expect(properties.get("LOCATION")).toBe(event.location);
    expect(properties.get("DESCRIPTION")).toBe(event.description);
  });

  it("folds lines at 75 octets without splitting a character", () => {
    for (const line of file.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(file.split("\r\n").some((line) => line.startsWith(" "))).toBe(true);
  });

  it("leaves out what is not given and drops control characters", () => {
    const bare = calendarFile({
      ...event,
      location: undefined,
      description: undefined,
      url: undefined,
      summary: "A\u0007B",
    });
    expect(bare).not.toContain("LOCATION");
    expect(bare).not.toContain("URL:");
    expect(read(bare).get("SUMMARY")).toBe("AB");
  });
});

describe("the pieces", () => {
  it("writes UTC times", () => {
    expect(utcDateTime(new Date("2022-03-26T04:59:00.000Z"))).toBe("20220326T045900Z");
  });

  it("escapes backslashes first", () => {
    expect(escapeText("a\\b;c,d\r\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("folds a long line of three-octet characters on character boundaries", () => {
    const folded = foldLine(`X:${"€".repeat(60)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`X:${"€".repeat(60)}`);
  });

  it("leaves a short line alone", () => {
    expect(foldLine("VERSION:2.0")).toBe("VERSION:2.0");
  });
});
