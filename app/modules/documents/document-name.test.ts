import { describe, expect, it } from "vitest";
import { documentName, parseDocumentName } from "./document-name.ts";

describe("document names", () => {
  it("round-trips board and notes names", () => {
    expect(parseDocumentName(documentName.board("abc123"))).toEqual({
      kind: "board",
      boardId: "abc123",
    });
    expect(parseDocumentName(documentName.notes("s1"))).toEqual({ kind: "notes", sessionId: "s1" });
  });

  it.each([
    "",
    "board",
    "board:",
    "board:ABC",
    "board:a:b",
    "notes:../x",
    "secrets:abc",
    `board:${"a".repeat(41)}`,
  ])("refuses %j", (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });
});
