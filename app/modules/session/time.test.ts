import { describe, expect, it } from "vitest";
import { formatSessionTime, zonedTimeToUtc } from "./time.ts";

describe("session times", () => {
  it("reads a wall-clock time in the session's zone", () => {
    expect(zonedTimeToUtc("2022-03-30T09:00", "America/Chicago").toISOString()).toBe(
      "2022-03-30T14:00:00.000Z",
    );
    expect(zonedTimeToUtc("2022-01-15T09:00", "America/Chicago").toISOString()).toBe(
      "2022-01-15T15:00:00.000Z",
    );
    expect(zonedTimeToUtc("2022-07-01T12:30", "UTC").toISOString()).toBe(
      "2022-07-01T12:30:00.000Z",
    );
  });

  it("settles the offset on the day daylight saving starts", () => {
    expect(zonedTimeToUtc("2022-03-13T09:00", "America/New_York").toISOString()).toBe(
      "2022-03-13T13:00:00.000Z",
    );
  });

  it("writes the time in the session's own zone", () => {
    const text = formatSessionTime("2022-03-30T14:00:00Z", "America/Chicago");
    expect(text).toContain("Wednesday, March 30, 2022");
    expect(text).toContain("9:00");
    expect(text).toContain("CDT");
  });
});
