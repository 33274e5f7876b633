import { describe, expect, it } from "vitest";
import { isLiveNow } from "./live-now.ts";

const startsAt = new Date("2026-12-03T15:00:00Z");
const at = (iso: string) => new Date(iso);

describe("a session is live", () => {
  it("from half an hour before it starts", () => {
    expect(isLiveNow({ startsAt, agendaMinutes: 0 }, at("2026-12-03T14:29:00Z"))).toBe(false);
    expect(isLiveNow({ startsAt, agendaMinutes: 0 }, at("2026-12-03T14:31:00Z"))).toBe(true);
  });

  it("until its agenda has run, and at least two hours", () => {
    expect(isLiveNow({ startsAt, agendaMinutes: 30 }, at("2026-12-03T16:59:00Z"))).toBe(true);
    expect(isLiveNow({ startsAt, agendaMinutes: 30 }, at("2026-12-03T17:01:00Z"))).toBe(false);
    expect(isLiveNow({ startsAt, agendaMinutes: 240 }, at("2026-12-03T18:59:00Z"))).toBe(true);
    expect(isLiveNow({ startsAt, agendaMinutes: 240 }, at("2026-12-03T19:01:00Z"))).toBe(false);
  });
});
