import { type Cell, MIN_CELL, suppressSmallCells } from "../anonymity/small-cells.ts";

/**
 * Counts of comments by section, stakeholder group, region and theme, as staff read them and
 * as the response to comments publishes them, small cells hidden by the rule every count by
 * group follows (anonymity/small-cells.ts): shown as "fewer than 5".
 */
export { MIN_CELL };
/** The row of comments in no theme (staff pages and the response to comments). */
export const NOT_THEMED = "Not themed";

export type Count = { label: string; count: number | null };

const shown = (cell: Cell) => (cell.hidden ? null : cell.count);

/**
 * One table of counts: `null` means suppressed. Labels sorted, as given in `order` first.
 * `exact`: staff's own view, nothing suppressed (suppression is for what the public sees).
 */
export function countTable(
  labels: readonly string[],
  order: readonly string[] = [],
  exact = false,
): Count[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const rank = (label: string) => {
    const at = order.indexOf(label);
    return at === -1 ? order.length : at;
  };
  const rows = [...counts.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([label, count]) => ({ label, cell: { count, hidden: false } }));
  if (!exact) suppressSmallCells([rows.map((r) => r.cell)]);
  return rows.map(({ label, cell }) => ({ label, count: shown(cell) }));
}

export type CrossTable = {
  columns: string[];
  rows: { label: string; counts: (number | null)[] }[];
};

/**
 * Rows by columns (themes by stakeholder group). Every item must be in one row, "not themed"
 * included, so that each column adds up to the column's count in its own table and the
 * suppression of rows and columns covers what those totals would give away.
 */
export function crossTable(
  items: readonly { row: string; column: string }[],
  rowOrder: readonly string[],
  exact = false,
): CrossTable {
  const columns = [...new Set(items.map((i) => i.column))].sort((a, b) => a.localeCompare(b));
  const rowLabels = [...new Set([...rowOrder, ...items.map((i) => i.row)])];
  const grid = rowLabels.map(() => columns.map(() => ({ count: 0, hidden: false })));
  for (const item of items) {
    const cell = grid[rowLabels.indexOf(item.row)]?.[columns.indexOf(item.column)];
    if (cell) cell.count++;
  }
  if (!exact) suppressSmallCells([...grid, ...columns.map((_, c) => grid.map((row) => row[c]!))]);
  return { columns, rows: rowLabels.map((label, r) => ({ label, counts: grid[r]!.map(shown) })) };
}
