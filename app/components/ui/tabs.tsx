import { NavLink, type NavLinkProps } from "@remix-run/react";
import { cx } from "./cx.ts";

/**
 * The look of a tab: a bar under the chosen one, its words in ink; the others are links.
 * Shared by the work group's navigation (links, the current page marked by aria-current) and
 * the console's boards (buttons in a tablist, marked by aria-selected), so both read as tabs.
 */
export function tabClass(chosen: boolean) {
  return cx(
    "inline-flex min-h-tap items-center gap-1 border-b-4 px-3 py-2 font-medium",
    chosen ? "border-action text-ink" : "border-transparent text-link hover:border-line",
  );
}

/** The row the tabs sit on. */
export const tabRowClass = "flex flex-wrap gap-x-1 border-b border-line";

/**
 * A row of links to the parts of one thing (a work group): a nav landmark, named. It sits on
 * the rule under the page's header, which its chosen tab's bar meets.
 */
export function TabNav({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <nav aria-label={label} className="-mb-px flex flex-wrap gap-x-1">
      {children}
    </nav>
  );
}

export function TabLink(props: Omit<NavLinkProps, "className">) {
  return <NavLink {...props} className={({ isActive }) => tabClass(isActive)} />;
}
