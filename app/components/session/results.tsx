import { useTranslation } from "react-i18next";
import type { BoardResults, ResultIdea } from "../../modules/board/results.ts";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { EmptyState, Heading, summaryClass, Text } from "../ui/index.ts";
import { WrittenText } from "../written-text.tsx";
import { BoardName } from "./board-name.tsx";

/**
 * Each board's rated ideas, best first, with their average, how many rated and how sure the
 * place is (never who); the unrated ones apart, after, since they have no place. `top` keeps
 * the first few rated ones and leaves the unrated out: what a report back shows.
 */
export function Results({ boards, top }: { boards: BoardResults[]; top?: number }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      {boards.map((board) => {
        const rated = board.ideas.filter((idea) => idea.average !== null);
        const unrated = board.ideas.filter((idea) => idea.average === null);
        return (
          <section key={board.id} aria-labelledby={`results-${board.id}`}>
            <Heading level={3} id={`results-${board.id}`}>
              <BoardName title={board.title} wholeGroup={board.wholeGroup} />
            </Heading>
            {board.ideas.length === 0 ? (
              <EmptyState>{t("results.empty")}</EmptyState>
            ) : rated.length === 0 ? (
              <EmptyState>{t("results.noneRated")}</EmptyState>
            ) : (
              <ol className="mt-2 list-decimal space-y-2 pl-6">
                {rated.slice(0, top).map((idea) => (
                  <li key={idea.id} className="break-words">
                    <span className="whitespace-pre-wrap">
                      <WrittenText text={idea.text} lang={idea.lang} />
                    </span>
                    <RatingLine idea={idea} />
                  </li>
                ))}
              </ol>
            )}
            {top === undefined && unrated.length > 0 && rated.length > 0 ? (
              <details className="mt-3">
                <summary className={summaryClass("label")}>
                  {t("results.unrated", { count: unrated.length })}
                </summary>
                <Text tone="muted" size="small">
                  {t("results.unratedHint")}
                </Text>
                <ul className="mt-2 list-disc space-y-1 pl-6">
                  {unrated.map((idea) => (
                    <li key={idea.id} className="whitespace-pre-wrap break-words">
                      {idea.text}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

/** "Vision · 4.3 stars from 12 ratings, give or take 0.4 · could swap with a neighbour". */
export function RatingLine({ idea }: { idea: ResultIdea }) {
  const { t, i18n } = useTranslation();
  const oneDecimal = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const parts = [t(`knoster.${idea.column}` as MessageKey)];
  if (idea.average !== null) {
    parts.push(t("results.rated", { average: oneDecimal.format(idea.average), count: idea.count }));
    if (idea.margin !== null)
      parts.push(t("results.margin", { margin: oneDecimal.format(idea.margin) }));
    if (idea.place) parts.push(t(`results.place.${idea.place}`));
  }
  if (idea.theme) parts.push(t("results.theme", { theme: idea.theme.label }));
  return (
    <Text as="span" tone="muted" size="small" className="block">
      {parts.join(" · ")}
    </Text>
  );
}
