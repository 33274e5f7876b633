import { Fragment } from "react";
import { type Block, linkAddress, type Run } from "../../modules/publication/content.ts";
import { cardClass, cx, Heading, TextLink } from "../ui/index.ts";

/** The anchor of a heading, so the table of contents can link to it. */
export function headingId(index: number) {
  return `section-${index + 1}`;
}

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, index) => {
        let node = <>{run.text}</>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.italic) node = <em>{node}</em>;
        const href = linkAddress(run.href);
        if (href) node = <TextLink href={href}>{node}</TextLink>;
        // Runs are never reordered, so their position is a stable key.
        return <Fragment key={index}>{node}</Fragment>;
      })}
    </>
  );
}

/**
 * A published summary or report. The document's title is the page's h1, so its headings sit
 * one level below; each level-1 and level-2 heading gets an anchor for the contents list.
 */
export function PublishedBlocks({
  blocks,
  firstHeading = 0,
}: {
  blocks: Block[];
  firstHeading?: number;
}) {
  // Anchors count on from the parts before this one, so a contents link finds its heading.
  let headingIndex = firstHeading - 1;
  return (
    <div className="space-y-3 leading-relaxed">
      {blocks.map((block, index) => {
        const key = index;
        if (block.kind === "heading") {
          const id = block.level <= 2 ? headingId(++headingIndex) : undefined;
          if (block.level === 1)
            return (
              <Heading level={2} size="title" key={key} id={id} className="pt-4">
                {block.text}
              </Heading>
            );
          if (block.level === 2)
            return (
              <Heading level={3} size="heading" key={key} id={id} className="pt-3">
                {block.text}
              </Heading>
            );
          return (
            <Heading level={4} size="subheading" key={key} className="pt-2">
              {block.text}
            </Heading>
          );
        }
        if (block.kind === "paragraph")
          return (
            <p key={key} className="whitespace-pre-line">
              <Runs runs={block.runs} />
            </p>
          );
        const List = block.ordered ? "ol" : "ul";
        return (
          <List
            key={key}
            start={block.ordered ? block.start : undefined}
            className={`${block.ordered ? "list-decimal" : "list-disc"} space-y-1 pl-6`}
          >
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <Runs runs={item} />
              </li>
            ))}
          </List>
        );
      })}
    </div>
  );
}

export type ContentsEntry = { text: string; level: 1 | 2; part: number };

/** The contents of a document shown in parts: each heading links to its part and anchor. */
export function Contents({
  entries,
  label,
  part,
}: {
  entries: ContentsEntry[];
  label: string;
  part: number;
}) {
  if (entries.length < 3) return null;
  return (
    <nav aria-label={label} className={cx(cardClass(), "print:hidden")}>
      <Heading level={2} size="minor">
        {label}
      </Heading>
      <ol className="mt-2 space-y-1">
        {entries.map((entry, index) => (
          <li key={headingId(index)} className={entry.level === 2 ? "pl-4" : ""}>
            <TextLink
              href={`${entry.part === part ? "" : `?part=${entry.part}`}#${headingId(index)}`}
            >
              {entry.text}
            </TextLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
