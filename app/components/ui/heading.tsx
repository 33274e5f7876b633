import { forwardRef } from "react";
import { cx } from "./cx.ts";

export type HeadingSize = "display" | "title" | "heading" | "subheading" | "minor";
type Level = 1 | 2 | 3 | 4 | 5 | 6;

const sizes: Record<HeadingSize, string> = {
  display: "text-display font-bold",
  title: "text-title font-bold",
  heading: "text-heading font-semibold",
  subheading: "text-subheading font-semibold",
  minor: "text-body font-semibold",
};

/** What each level looks like unless a page says otherwise. */
const byLevel: Record<Level, HeadingSize> = {
  1: "title",
  2: "heading",
  3: "subheading",
  4: "minor",
  5: "minor",
  6: "minor",
};

export function headingClass(level: Level, size?: HeadingSize) {
  return sizes[size ?? byLevel[level]];
}

/**
 * A heading: its level is the page's outline (one h1, no level skipped), its size the type
 * scale's step for that level; `size` sets a different step where a part of a page is quieter
 * (a heading inside a card) or louder (a public page's title).
 */
export const Heading = forwardRef<
  HTMLHeadingElement,
  React.HTMLAttributes<HTMLHeadingElement> & { level: Level; size?: HeadingSize }
>(function Heading({ level, size, className, ...props }, ref) {
  const Tag = `h${level}` as const;
  return <Tag ref={ref} {...props} className={cx(headingClass(level, size), className)} />;
});
