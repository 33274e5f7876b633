import { Link, type LinkProps } from "@remix-run/react";
import { cx } from "./cx.ts";

type Look = {
  /**
   * A link on its own line (in a list of links, "Back to …"): 44 px tall, a thumb's target
   * (WCAG 2.5.5). A link inside a sentence keeps the line's height.
   */
  standalone?: boolean;
};

export function textLinkClass({ standalone = false }: Look = {}) {
  return cx(
    "text-link underline underline-offset-2 hover:text-action-strong hover:decoration-2",
    standalone && "inline-block py-2.5",
  );
}

/**
 * A link that looks like one: a route of the app (`to`, through Remix's Link) or anything
 * else (`href`: a download, another site, a fragment).
 */
export function TextLink(
  props:
    | (LinkProps & Look & { href?: never })
    | (React.AnchorHTMLAttributes<HTMLAnchorElement> & Look & { href: string; to?: never }),
) {
  if ("to" in props && props.to !== undefined) {
    const { standalone, className, ...rest } = props;
    return <Link {...rest} className={cx(textLinkClass({ standalone }), className)} />;
  }
  const { standalone, className, children, ...rest } =
    props as React.AnchorHTMLAttributes<HTMLAnchorElement> & Look;
  return (
    <a {...rest} className={cx(textLinkClass({ standalone }), className)}>
      {children}
    </a>
  );
}
