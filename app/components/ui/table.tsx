import { cx } from "./cx.ts";

/**
 * A table of figures or records: rows ruled, headers bold and left-aligned, cells aligned to
 * the top. A table that can be wider than a phone sits in the page's own scrolling box
 * (overflow-x-auto), which it does not make here: a scrolling box needs a way in for the
 * keyboard, which only the page knows (a control inside, or a label of its own).
 */
export function Table({
  fit = false,
  className,
  ...props
}: React.TableHTMLAttributes<HTMLTableElement> & {
  /** As wide as its figures (a short count table), not the page's width. */
  fit?: boolean;
}) {
  return (
    <table
      {...props}
      className={cx("border-collapse text-left", fit ? undefined : "w-full", className)}
    />
  );
}

type Cell = {
  /** A table of many short figures: half the padding. */
  dense?: boolean;
};

const cell = (dense: boolean | undefined, className: string | undefined) =>
  cx(
    dense ? "py-1 pr-2" : "py-2 pr-3",
    "align-top",
    // A column of figures is aligned right by its cells; everything else reads from the left.
    /\btext-(right|center)\b/.test(className ?? "") ? undefined : "text-left",
    className,
  );

export function Th({
  dense,
  className,
  ...props
}: React.ThHTMLAttributes<HTMLTableCellElement> & Cell) {
  return (
    <th
      scope="col"
      {...props}
      className={cx(
        cell(dense, className),
        // A row's header names the row quietly; a column's heads the figures under it.
        props.scope === "row"
          ? "border-b border-line font-normal"
          : "border-b border-control font-semibold",
      )}
    />
  );
}

export function Td({
  dense,
  className,
  ...props
}: React.TdHTMLAttributes<HTMLTableCellElement> & Cell) {
  return <td {...props} className={cx(cell(dense, className), "border-b border-line")} />;
}
