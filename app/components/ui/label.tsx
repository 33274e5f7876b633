import { cx } from "./cx.ts";

/** A control's name, above it. */
export function Label({
  size = "body",
  className,
  ...props
}: React.LabelHTMLAttributes<HTMLLabelElement> & { size?: "body" | "small" | "large" }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the caller gives htmlFor or the control inside
    <label
      {...props}
      className={cx(
        "block font-medium",
        size === "small" && "text-small",
        size === "large" && "text-subheading",
        className,
      )}
    />
  );
}

/** The question a group of radios or checkboxes answers. */
export function Legend({ className, ...props }: React.HTMLAttributes<HTMLLegendElement>) {
  return <legend {...props} className={cx("font-medium", className)} />;
}
