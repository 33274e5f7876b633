import type { ReactNode } from "react";
import { cx } from "./cx.ts";

/**
 * Where a list has nothing yet: what is missing, and what to do about it (a link or a button
 * as `action`), in a dashed box that reads as a place to fill.
 */
export function EmptyState({
  children,
  action,
  className,
  as: Tag = "div",
}: {
  children: ReactNode;
  action?: ReactNode;
  className?: string;
  as?: "div" | "li";
}) {
  return (
    <Tag
      className={cx(
        "rounded-lg border border-dashed border-control bg-surface p-card text-muted",
        className,
      )}
    >
      <p>{children}</p>
      {action ? <div className="mt-2">{action}</div> : null}
    </Tag>
  );
}
