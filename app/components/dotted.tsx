import { createElement, Fragment, type ReactNode } from "react";

/**
 * Parts of one line with " · " between them ("Owner: DESE · 90 days · Not started"), for parts
 * that are not all plain text (staff text is marked: staff-text.tsx).
 */
export function Dotted({ parts }: { parts: ReactNode[] }) {
  // As arguments, not an array: the parts have no keys, and need none.
  return createElement(
    Fragment,
    null,
    ...parts.flatMap((part, index) => (index === 0 ? [part] : [" · ", part])),
  );
}
