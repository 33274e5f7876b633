/**
 * The shared components every page is composed of, staff and public: one way to draw each
 * thing, from the tokens in app/tailwind.css.
 */
export { type Bar, BarChart } from "./bar-chart.tsx";
export { Button, ButtonLink, buttonClass } from "./button.tsx";
export { Card, cardClass, Panel } from "./card.tsx";
export { cx } from "./cx.ts";
export { EmptyState } from "./empty-state.tsx";
export { Heading, headingClass } from "./heading.tsx";
export { Label, Legend } from "./label.tsx";
export { Notice } from "./notice.tsx";
export { summaryClass } from "./summary.tsx";
export { SummaryList } from "./summary-list.tsx";
export { Table, Td, Th } from "./table.tsx";
export { TabLink, TabNav, tabClass, tabRowClass } from "./tabs.tsx";
export { Tag } from "./tag.tsx";
export { Text } from "./text.tsx";
export { TextLink, textLinkClass } from "./text-link.tsx";
