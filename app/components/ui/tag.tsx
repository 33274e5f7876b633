import { cx } from "./cx.ts";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<Tone, string> = {
  neutral: "border-control bg-sunken text-ink",
  info: "border-info-line bg-info-soft text-info",
  success: "border-success-line bg-success-soft text-success",
  warning: "border-warning-line bg-warning-soft text-warning",
  danger: "border-danger-line bg-danger-soft text-danger",
};

/** A short status beside a thing's name ("Overdue", "Draft", "Hidden"): words, never colour alone. */
export function Tag({
  tone = "neutral",
  as: Element = "span",
  className,
  ...props
}: React.HTMLAttributes<HTMLElement> & {
  tone?: Tone;
  /** "strong" where the status is a warning the reader must not miss (overdue, blocked). */
  as?: "span" | "strong";
}) {
  return (
    <Element
      {...props}
      className={cx(
        "inline-flex items-center rounded border px-2 py-0.5 text-small font-medium",
        tones[tone],
        className,
      )}
    />
  );
}
