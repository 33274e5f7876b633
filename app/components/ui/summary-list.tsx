import { cx } from "./cx.ts";

/**
 * Pairs of a name and its value (a step's owner, its due date): the names bold, beside their
 * values where there is room, above them on a phone. Its dt and dd are written plainly.
 */
export function SummaryList({ className, ...props }: React.HTMLAttributes<HTMLDListElement>) {
  return (
    <dl
      {...props}
      className={cx(
        "grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr] [&_dt]:font-semibold",
        className,
      )}
    />
  );
}
