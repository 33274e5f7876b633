import { describe, expect, it } from "vitest";
import { decodeAwarenessUpdate, encodeAwarenessEntries, ProtocolError } from "./protocol.ts";

describe("presence updates", () => {
  it("round-trip", () => {
    const entries = [
      { clientId: 7, clock: 3, state: { user: { name: "A" } } },
      { clientId: 9, clock: 1, state: null },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessEntries(entries))).toEqual(entries);
  });

  it("refuses oversize states, non-objects, too many entries and trailing bytes", () => {
    const big = encodeAwarenessEntries([
      { clientId: 1, clock: 1, state: { x: "y".repeat(5_000) } },
    ]);
    expect(() => decodeAwarenessUpdate(big)).toThrow(ProtocolError);
    const array = encodeAwarenessEntries([
      { clientId: 1, clock: 1, state: [1, 2] as unknown as null },
    ]);
    expect(() => decodeAwarenessUpdate(array)).toThrow(ProtocolError);
    const many = encodeAwarenessEntries(
      Array.from({ length: 5_001 }, (_, i) => ({ clientId: i, clock: 1, state: {} })),
    );
    expect(() => decodeAwarenessUpdate(many)).toThrow(ProtocolError);
    const trailing = new Uint8Array([
      ...encodeAwarenessEntries([{ clientId: 1, clock: 1, state: {} }]),
      0,
    ]);
    expect(() => decodeAwarenessUpdate(trailing)).toThrow(ProtocolError);
  });

  it("refuses truncated input", () => {
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 5, 1, 7]))).toThrow();
  });
});
