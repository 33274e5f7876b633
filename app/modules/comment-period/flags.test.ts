import { describe, expect, it } from "vitest";
import { flagsOf } from "./flags.ts";

describe("comment flags", () => {
  it("flags personal information in the shapes people write it", () => {
    for (const text of [
      "Call me at (573) 751-4426 about my son.",
      "My email is parent@example.org",
      "My SSN is 123-45-6789",
      "We live at 1204 North Oak Street in Jefferson City.",
      "His date of birth is in May.",
    ]) {
      expect(flagsOf(text), text).toEqual(["personal-information"]);
    }
  });

  it("flags profanity, spelled plainly or disguised", () => {
    expect(flagsOf("This plan is shit.")).toEqual(["profanity"]);
    expect(flagsOf("What a fuuuucking mess, sh1t")).toEqual(["profanity"]);
  });

  it("leaves an ordinary comment alone, numbers and all", () => {
    expect(
      flagsOf(
        "Section 2 asks districts to report 3 years of data by 2025; 90 days is not enough. Scunthorpe agrees.",
      ),
    ).toEqual([]);
  });
});
