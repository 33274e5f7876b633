import { Fragment, type ReactNode } from "react";
import { cx } from "./cx.ts";

export type Bar = { key: string; label: ReactNode; value: number | null };

/**
 * A picture of a few counts (ideas per Knoster column, people per stakeholder group), for
 * people who would rather look than read. It is always drawn beside the table of the same
 * figures, which is what a screen reader reads: the picture is hidden from it. A count kept
 * back (a group too small to show) has no bar and reads as a dash, so the picture never tells
 * what the table does not. Bars are SVG drawn by attributes, as the Content-Security-Policy
 * allows no inline styles.
 */
export function BarChart({
  bars,
  format = String,
  className,
}: {
  bars: Bar[];
  format?: (value: number) => string;
  className?: string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  return (
    <div
      aria-hidden="true"
      className={cx(
        "grid grid-cols-[minmax(5rem,max-content)_minmax(4rem,1fr)_max-content] items-center gap-x-3 gap-y-1 text-small",
        className,
      )}
    >
      {bars.map((bar) => (
        <Fragment key={bar.key}>
          <span className="truncate">{bar.label}</span>
          <svg className="h-4 w-full" focusable="false" aria-hidden="true">
            <rect width="100%" height="100%" rx="2" className="fill-sunken" />
            {bar.value ? (
              <rect
                width={`${(bar.value / max) * 100}%`}
                height="100%"
                rx="2"
                className="fill-action"
              />
            ) : null}
          </svg>
          <span className="text-right tabular-nums">
            {bar.value === null ? "–" : format(bar.value)}
          </span>
        </Fragment>
      ))}
    </div>
  );
}
