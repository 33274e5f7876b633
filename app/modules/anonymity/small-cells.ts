/**
 * The one rule for anything computed from people's contributions and shown as a count by
 * group: comment counts, session participation, a breakout room's label. Fewer than MIN_CELL
 * people could point at one person (the one counselor from a small district), so such a count
 * is hidden, and so is a breakout room too small to hide an anonymous idea among its people.
 */
export const MIN_CELL = 5;

export type Cell = { count: number; hidden: boolean };

/**
 * Hides small cells, then more cells in every line (a table, a row or a column) that would give
 * a hidden one back. A line's total is taken as known (it is printed elsewhere, or is the sum of
 * another table), so the hidden cells of a line must be at least two and add up to MIN_CELL or
 * more: one hidden cell is its total minus the others, and two hidden ones adding up to 2 are
 * both 1. While a line fails that, its smallest visible cell is hidden too.
 */
export function suppressSmallCells(lines: Cell[][]) {
  for (const line of lines) {
    for (const cell of line) if (cell.count > 0 && cell.count < MIN_CELL) cell.hidden = true;
  }
  // Each pass hides at least one more cell or stops, so this ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter((c) => c.hidden);
      if (hidden.length === 0) continue;
      const sum = hidden.reduce((total, c) => total + c.count, 0);
      if (hidden.length >= 2 && sum >= MIN_CELL) continue;
      const next = line
        .filter((c) => !c.hidden && c.count > 0)
        .sort((a, b) => a.count - b.count)[0];
      if (next) {
        next.hidden = true;
        changed = true;
      }
    }
  }
}
