import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { RatingProgress } from "../../modules/board/ratings.server.ts";
import { Panel, summaryClass, Text } from "../ui/index.ts";
import { BoardName } from "./board-name.tsx";

/** How often the console asks how rating is going: live enough to decide when to close it. */
const EVERY_MS = 5_000;

/**
 * Rating progress for the facilitator, live while the session is in Rate: per board, how many
 * of the people here have rated, and the ideas still short of ratings.
 */
export function RatingProgressPanel({ url }: { url: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ boards: RatingProgress }>();
  const { load } = fetcher;
  useEffect(() => {
    load(url);
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") load(url);
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [url, load]);
  const boards = fetcher.data?.boards;
  return (
    <Panel title={t("ratingProgress.heading")} size="subheading" headingId="rating-progress">
      {!boards ? (
        <Text tone="muted">{t("ratingProgress.loading")}</Text>
      ) : (
        <ul className="mt-2 space-y-3">
          {boards.map((board) => (
            <li key={board.id}>
              <p className="font-medium">
                <BoardName title={board.title} wholeGroup={board.wholeGroup} />
              </p>
              <p>{t("ratingProgress.rated", { count: board.here, rated: board.rated })}</p>
              <progress
                className="h-2 w-full"
                max={Math.max(board.here, 1)}
                value={board.rated}
                aria-label={t("ratingProgress.rated", { count: board.here, rated: board.rated })}
              />
              {board.few.length > 0 ? (
                <details className="mt-1 text-small">
                  <summary className={summaryClass("label")}>
                    {t("ratingProgress.few", { count: board.few.length })}
                  </summary>
                  <ul className="list-disc space-y-1 pl-5">
                    {board.few.slice(0, 10).map((idea) => (
                      <li key={idea.id} className="break-words">
                        {`${idea.text} `}
                        <Text as="span" tone="muted">
                          ({t("ratingProgress.ratings", { count: idea.count })})
                        </Text>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : board.ideas > 0 ? (
                <Text tone="muted" size="small">
                  {t("ratingProgress.allRated")}
                </Text>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
