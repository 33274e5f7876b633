import { describe, expect, it } from "vitest";
import { zonedTimeToUtc } from "../session/time.ts";
import { closedFrom, isTimeZone, periodState } from "./window.ts";

describe("a comment period's window", () => {
  // The MSIP 6 comment period: March 8-25, 2022, closing 11:59 pm Central. Daylight saving
  // began on March 13, so it opens in CST (UTC-6) and closes in CDT (UTC-5).
  const window = {
    opensAt: zonedTimeToUtc("2022-03-08T00:00", "America/Chicago"),
    closesAt: zonedTimeToUtc("2022-03-25T23:59", "America/Chicago"),
  };

  it("stores the wall-clock times as the right instants across daylight saving", () => {
    expect(window.opensAt.toISOString()).toBe("2022-03-08T06:00:00.000Z");
    expect(window.closesAt.toISOString()).toBe("2022-03-26T04:59:00.000Z");
  });

  it("is scheduled, then open, then closed, with the closing minute inside", () => {
    expect(periodState(window, new Date("2022-03-08T05:59:59.999Z"))).toBe("scheduled");
    expect(periodState(window, new Date("2022-03-08T06:00:00.000Z"))).toBe("open");
    expect(periodState(window, new Date("2022-03-26T04:59:59.999Z"))).toBe("open");
    expect(periodState(window, new Date("2022-03-26T05:00:00.000Z"))).toBe("closed");
    expect(closedFrom(window).toISOString()).toBe("2022-03-26T05:00:00.000Z");
  });

  it("knows real zone names only", () => {
    expect(isTimeZone("America/Chicago")).toBe(true);
    expect(isTimeZone("Central")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
