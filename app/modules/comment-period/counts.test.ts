import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTable, crossTable, MIN_CELL } from "./counts.ts";

const many = (label: string, n: number) => Array.from({ length: n }, () => label);

describe("countTable", () => {
  it("shows counts of five and more, sorted by label", () => {
    expect(countTable([...many("Parent", 7), ...many("Educator", 5)])).toEqual([
      { label: "Educator", count: 5 },
      { label: "Parent", count: 7 },
    ]);
  });

  it("shows staff every count exactly", () => {
    const labels = [...many("Parent", 40), ...many("Educator", 9), "Student"];
    expect(countTable(labels, [], true)).toEqual([
      { label: "Educator", count: 9 },
      { label: "Parent", count: 40 },
      { label: "Student", count: 1 },
    ]);
    const cross = crossTable([{ row: "A", column: "Parent" }], ["A"], true);
    expect(cross.rows).toEqual([{ label: "A", counts: [1] }]);
  });

  it("hides a small count and the next smallest, so the total cannot give it back", () => {
    const table = countTable([...many("Parent", 40), ...many("Educator", 9), "Student"]);
    expect(table).toEqual([
      { label: "Educator", count: null },
      { label: "Parent", count: 40 },
      { label: "Student", count: null },
    ]);
  });

  it("follows the order it is given before the alphabet", () => {
    expect(countTable([...many("General", 6), ...many("2", 5)], ["2", "General"])).toEqual([
      { label: "2", count: 5 },
      { label: "General", count: 6 },
    ]);
  });

  it("never leaves a line with exactly one hidden cell while another could be hidden", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 8 }), (sizes) => {
        const labels = sizes.flatMap((n, i) => many(`g${i}`, n));
        const table = countTable(labels);
        const hidden = table.filter((row) => row.count === null).length;
        const visible = table.filter((row) => row.count !== null);
        expect(visible.every((row) => (row.count ?? 0) >= MIN_CELL)).toBe(true);
        if (hidden === 1) expect(visible).toEqual([]);
      }),
    );
  });
});

describe("crossTable", () => {
  it("suppresses along rows and columns and keeps every row asked for", () => {
    const items = [
      ...many("Funding", 12).map((row) => ({ row, column: "Parent" })),
      ...many("Funding", 6).map((row) => ({ row, column: "Educator" })),
      ...many("Not themed", 2).map((row) => ({ row, column: "Parent" })),
      ...many("Not themed", 8).map((row) => ({ row, column: "Educator" })),
    ];
    const table = crossTable(items, ["Funding", "Timeline", "Not themed"]);
    expect(table.columns).toEqual(["Educator", "Parent"]);
    expect(table.rows.map((r) => r.label)).toEqual(["Funding", "Timeline", "Not themed"]);
    // Not themed × Parent is 2: hidden; its row and column each give up one more cell.
    const [funding, timeline, notThemed] = table.rows;
    expect(notThemed?.counts).toEqual([null, null]);
    expect(timeline?.counts).toEqual([0, 0]);
    expect(funding?.counts.filter((c) => c === null).length).toBe(2);
  });

  it("no row or column is left with a single hidden cell beside another count", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (grid) => {
          const items = grid.flatMap((row, r) =>
            row.flatMap((n, c) => many(`c${c}`, n).map((column) => ({ row: `r${r}`, column }))),
          );
          const table = crossTable(
            items,
            grid.map((_, r) => `r${r}`),
          );
          const lines = [
            ...table.rows.map((r) => r.counts),
            ...table.columns.map((_, c) => table.rows.map((r) => r.counts[c])),
          ];
          for (const line of lines) {
            const hidden = line.filter((n) => n === null).length;
            if (hidden === 1) expect(line.every((n) => n === null || n === 0)).toBe(true);
            expect(
              line.every((n) => n === null || n === undefined || n === 0 || n >= MIN_CELL),
            ).toBe(true);
          }
        },
      ),
    );
  });
});
