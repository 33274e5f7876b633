/**
 * The look of a <details> element's summary, the one thing people press to open it:
 * - "link": an action that opens a form ("Edit the goal", "Add a room"), a 44 px target;
 * - "quiet": the same for each item of a long list (an idea's "Edit", "Hide"), in small type
 *   so a board of many ideas stays short;
 * - "title": a part of the page folded away, named like a section's heading;
 * - "label": a part of a card folded away.
 */
export function summaryClass(kind: "link" | "quiet" | "title" | "label") {
  return {
    link: "min-h-tap cursor-pointer py-2.5 font-medium text-link underline underline-offset-2",
    quiet: "cursor-pointer text-small text-link underline underline-offset-2",
    title: "min-h-tap cursor-pointer py-2 text-subheading font-semibold",
    label: "min-h-tap cursor-pointer py-2 font-semibold",
  }[kind];
}
