import { forwardRef } from "react";
import { cx } from "./cx.ts";

export type NoticeTone = "info" | "success" | "warning" | "error";

const tones: Record<NoticeTone, string> = {
  info: "border-info-line bg-info-soft",
  success: "border-success-line bg-success-soft",
  warning: "border-warning-line bg-warning-soft",
  error: "border-danger-line bg-danger-soft text-danger",
};

/**
 * A message about the page or what just happened: its tone is said by its words and its edge,
 * never by colour alone. One that appears after an action is `live` (an error is an alert, the
 * rest a status, read out when it appears); one that is there when the page loads is not.
 */
export const Notice = forwardRef<
  HTMLElement,
  React.HTMLAttributes<HTMLElement> & {
    tone?: NoticeTone;
    live?: boolean;
    as?: "div" | "p" | "section";
  }
>(function Notice({ tone = "info", live = false, as: Tag = "div", className, ...props }, ref) {
  return (
    <Tag
      ref={ref as React.Ref<HTMLDivElement>}
      role={live ? (tone === "error" ? "alert" : "status") : undefined}
      {...props}
      className={cx("rounded-md border-l-4 border p-3", tones[tone], className)}
    />
  );
});
