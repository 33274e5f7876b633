import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { RatingProgress } from "../../modules/board/ratings.server.ts";
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
    <section
      aria-labelledby="rating-progress"
      className="rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="rating-progress" className="text-lg font-semibold">
        {t("ratingProgress.heading")}
      </h2>
      {!boards ? (
        <p className="text-slate-700">{t("ratingProgress.loading")}</p>
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
                <details className="mt-1 text-sm">
                  <summary className="min-h-11 cursor-pointer py-2">
                    {t("ratingProgress.few", { count: board.few.length })}
                  </summary>
                  <ul className="list-disc space-y-1 pl-5">
                    {board.few.slice(0, 10).map((idea) => (
                      <li key={idea.id} className="break-words">
                        {`${idea.text} `}
                        <span className="text-slate-700">
                          ({t("ratingProgress.ratings", { count: idea.count })})
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : board.ideas > 0 ? (
                <p className="text-sm text-slate-700">{t("ratingProgress.allRated")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
