import type { ReactNode } from "react";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { Card, EmptyState } from "../ui/index.ts";

export type WrittenPart = { key: string; label: string; content: ReactNode | null };

/**
 * A plan's or a goal's parts: each written one in its own box, and those not written yet named
 * together on one line, so that a new plan reads as a short list of what is left to write
 * rather than a page of empty boxes.
 */
export function WrittenParts({ parts }: { parts: WrittenPart[] }) {
  const { t, language } = usePageT();
  const written = parts.filter((part) => part.content !== null);
  const unwritten = parts.filter((part) => part.content === null).map((part) => part.label);
  return (
    <>
      {written.length > 0 ? (
        <dl className="space-y-4">
          {written.map((part) => (
            <Card key={part.key}>
              <dt className="font-semibold">{part.label}</dt>
              <dd className="mt-1">{part.content}</dd>
            </Card>
          ))}
        </dl>
      ) : null}
      {unwritten.length > 0 ? (
        <EmptyState>
          {t("plans.notWrittenParts", {
            parts: new Intl.ListFormat(language, { type: "conjunction" }).format(unwritten),
          })}
        </EmptyState>
      ) : null}
    </>
  );
}
