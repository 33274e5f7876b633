import { describe, expect, it } from "vitest";
import { ftsQuery, searchWords, tsQuery } from "./search.ts";

describe("comment search words", () => {
  it("folds case and accents and keeps only letters and digits", () => {
    expect(searchWords('Educación  "MSIP 6" OR parent*')).toEqual([
      "educacion",
      "msip",
      "6",
      "or",
      "parent",
    ]);
    expect(searchWords('")(*:&|!')).toEqual([]);
  });
  it("writes each database's prefix query", () => {
    expect(ftsQuery(["rural", "schools"])).toBe('"rural"* "schools"*');
    expect(tsQuery(["rural", "schools"])).toBe("rural:* & schools:*");
  });
});
