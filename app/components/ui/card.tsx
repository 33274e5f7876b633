import { type ReactNode, useId } from "react";
import { cx } from "./cx.ts";
import { Heading, type HeadingSize } from "./heading.tsx";

type CardTag =
  | "div"
  | "section"
  | "article"
  | "aside"
  | "li"
  | "p"
  | "details"
  | "fieldset"
  | "ul"
  | "ol";

/**
 * The one bordered box: a card holds one thing (an idea, a session, a form). `tone="sunken"`
 * is a quiet band inside a card or beside a board (filters, a toolbar).
 */
export function cardClass({
  tone = "raised",
  compact = false,
  list = false,
}: {
  tone?: "raised" | "sunken";
  compact?: boolean;
  /** A list in a card (a history, sign-ins): its items ruled apart, each padded itself. */
  list?: boolean;
} = {}) {
  return cx(
    "rounded-lg border border-line",
    list ? "divide-y divide-line" : compact ? "p-3" : "p-card",
    tone === "raised" ? "bg-surface" : "bg-sunken",
  );
}

export function Card({
  as: Tag = "div",
  tone,
  compact,
  list,
  className,
  ...props
}: React.HTMLAttributes<HTMLElement> & {
  as?: CardTag;
  list?: boolean;
  tone?: "raised" | "sunken";
  /** An item in a long list (an idea on a board): less padding. */
  compact?: boolean;
  open?: boolean;
}) {
  return <Tag {...props} className={cx(cardClass({ tone, compact, list }), className)} />;
}

/**
 * A card that is a region of the page with its own heading (the agenda, a form of its own):
 * a section landmark named by its heading.
 */
export function Panel({
  title,
  level = 2,
  size,
  headingId,
  actions,
  tone,
  compact,
  className,
  children,
  ...props
}: Omit<React.HTMLAttributes<HTMLElement>, "title"> & {
  title: ReactNode;
  level?: 2 | 3 | 4;
  size?: HeadingSize;
  /** The heading's id, where a link leads to it (#comment-form); else one is made. */
  headingId?: string;
  /** Beside the heading: a link or a small button that acts on the whole panel. */
  actions?: ReactNode;
  tone?: "raised" | "sunken";
  compact?: boolean;
}) {
  const madeId = useId();
  const id = headingId ?? madeId;
  return (
    <section
      aria-labelledby={id}
      {...props}
      className={cx(cardClass({ tone, compact }), className)}
    >
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Heading level={level} size={size} id={id}>
            {title}
          </Heading>
          {actions}
        </div>
      ) : (
        <Heading level={level} size={size} id={id}>
          {title}
        </Heading>
      )}
      {children}
    </section>
  );
}
