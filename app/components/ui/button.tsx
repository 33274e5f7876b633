import { Link, type LinkProps } from "@remix-run/react";
import { forwardRef } from "react";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { cx } from "./cx.ts";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";
export type ButtonSize = "sm" | "md" | "lg";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-action text-on-action hover:bg-action-strong",
  secondary: "border border-control bg-surface text-ink hover:bg-sunken",
  danger: "border border-danger-line bg-surface text-danger hover:bg-danger-soft",
  link: "text-link underline hover:text-action-strong",
};

/**
 * Every size is a 44 px target on a phone (WCAG 2.5.5); a small button shrinks to 32 px only
 * where a pointer is likely (640 px and wider), for rows of compact controls.
 */
const sizes: Record<ButtonSize, string> = {
  sm: "min-h-tap px-3 py-1 text-small sm:min-h-8",
  md: "min-h-tap px-4 py-2",
  lg: "min-h-12 px-6 py-3 text-subheading",
};

/** The classes of a button, for a control that must be another element (a summary, a label). */
export function buttonClass({
  variant = "primary",
  size = "md",
  fullWidth = false,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
} = {}) {
  return cx(
    "inline-flex items-center justify-center gap-2 rounded-md font-medium aria-disabled:cursor-wait",
    variants[variant],
    variant === "link" ? "min-h-tap" : sizes[size],
    fullWidth && "w-full",
  );
}

type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  /** Its form is being sent: the button says so ("Working…") in the reader's language. */
  pending?: boolean;
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
};

/** A button; it submits its form unless told otherwise (type="button"). */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { children, pending, variant, size, fullWidth, className, ...props },
  ref,
) {
  const { t } = usePageT();
  return (
    <button
      ref={ref}
      type="submit"
      {...props}
      aria-disabled={pending || props["aria-disabled"] || undefined}
      className={cx(buttonClass({ variant, size, fullWidth }), className)}
    >
      {pending ? t("forms.working") : children}
    </button>
  );
});

type LinkLook = {
  variant?: Exclude<ButtonVariant, "link">;
  size?: ButtonSize;
  fullWidth?: boolean;
};

/**
 * A link that starts something ("Go to the board", "Join the meeting"), drawn as a button: a
 * route of the app (`to`) or anything else (`href`).
 */
export function ButtonLink(
  props:
    | (LinkProps & LinkLook & { href?: never })
    | (React.AnchorHTMLAttributes<HTMLAnchorElement> & LinkLook & { href: string; to?: never }),
) {
  const { variant = "secondary", size, fullWidth, className, ...rest } = props;
  const look = cx(buttonClass({ variant, size, fullWidth }), className);
  if ("to" in rest && rest.to !== undefined)
    return <Link {...(rest as LinkProps)} className={look} />;
  const { children, ...anchor } = rest as React.AnchorHTMLAttributes<HTMLAnchorElement>;
  return (
    <a {...anchor} className={look}>
      {children}
    </a>
  );
}
