import { describe, expect, it } from "vitest";
import { newJoinCode } from "./join-code.server.ts";
import { JOIN_CODE_ALPHABET, readJoinCode, spacedJoinCode } from "./join-code.ts";

describe("join codes", () => {
  it("are six characters with no look-alikes", () => {
    for (const ambiguous of ["0", "O", "1", "I", "L", "5", "S"])
      expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
    const codes = new Set(Array.from({ length: 500 }, newJoinCode));
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      expect(readJoinCode(code)).toBe(code);
    }
    expect(codes.size).toBeGreaterThan(495);
  });

  it("read what people type: any case, spaces and dashes", () => {
    expect(readJoinCode("abc-def")).toBe("ABCDEF");
    expect(readJoinCode(" ABC DEF ")).toBe("ABCDEF");
    expect(readJoinCode("k7m 2pq")).toBe("K7M2PQ");
  });

  it("refuse what cannot be a code", () => {
    for (const bad of ["", "ABCDE", "ABCDEFG", "ABC0EF", "ABCOEF", "ABC/../", "ÄBCDEF", null])
      expect(readJoinCode(bad)).toBeNull();
    expect(readJoinCode("A".repeat(1000))).toBeNull();
  });

  it("are shown in two groups of three", () => {
    expect(spacedJoinCode("K7M2PQ")).toBe("K7M 2PQ");
  });
});
