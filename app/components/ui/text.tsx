import { cx } from "./cx.ts";

const tones = {
  ink: "text-ink",
  muted: "text-muted",
  danger: "text-danger",
  success: "text-success",
} as const;

const sizes = { body: "", small: "text-small" } as const;

/**
 * A line of text in one of the scale's sizes and tones: a hint or a date is small and muted,
 * a refusal is danger. `as` keeps it a span inside a sentence or a label.
 */
export function Text({
  as: Tag = "p",
  tone = "ink",
  size = "body",
  className,
  ...props
}: React.HTMLAttributes<HTMLElement> & {
  as?: "p" | "span" | "div";
  tone?: keyof typeof tones;
  size?: keyof typeof sizes;
}) {
  const toneClass = tone === "ink" ? "" : tones[tone];
  return <Tag {...props} className={cx(sizes[size], toneClass, className) || undefined} />;
}
