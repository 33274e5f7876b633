import { describe, expect, it } from "vitest";
import { bodyBlocks, splitDraft } from "./sections.ts";

describe("splitting a draft into sections", () => {
  it("cuts at headings and numbers the sections, keeping an introduction", () => {
    const sections = splitDraft(
      "The preliminary draft of the Comprehensive Guide.\r\n\r\n# Performance Standards\nAcademic achievement.\n\n## Continuous Improvement\n- Needs assessment\n- CSIP\n",
    );
    expect(sections).toEqual([
      {
        number: 1,
        heading: "Introduction",
        body: "The preliminary draft of the Comprehensive Guide.",
      },
      { number: 2, heading: "Performance Standards", body: "Academic achievement." },
      { number: 3, heading: "Continuous Improvement", body: "- Needs assessment\n- CSIP" },
    ]);
    expect(bodyBlocks(sections[2]?.body ?? "")).toEqual([
      { kind: "list", items: ["Needs assessment", "CSIP"] },
    ]);
  });

  it("makes one section of a draft without headings, and none of blank space", () => {
    expect(splitDraft("Just one paragraph.")).toEqual([
      { number: 1, heading: "Introduction", body: "Just one paragraph." },
    ]);
    expect(splitDraft("# Only a heading")).toEqual([
      { number: 1, heading: "Only a heading", body: "" },
    ]);
  });
});
