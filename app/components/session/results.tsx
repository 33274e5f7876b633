import { useTranslation } from "react-i18next";
import { BoardName } from "./board-name.tsx";

export type BoardResults = {
  id: string;
  title: string;
  wholeGroup: boolean;
  ideas: { id: string; text: string; column: string; average: number | null; count: number }[];
};

/** Each board's ideas, best first: average stars and how many rated, never who. */
export function Results({ boards, top }: { boards: BoardResults[]; top?: number }) {
  const { t, i18n } = useTranslation();
  const stars = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (
    <div className="space-y-6">
      {boards.map((board) => (
        <section key={board.id} aria-labelledby={`results-${board.id}`}>
          <h3 id={`results-${board.id}`} className="text-lg font-semibold">
            <BoardName title={board.title} wholeGroup={board.wholeGroup} />
          </h3>
          {board.ideas.length === 0 ? (
            <p className="text-slate-700">{t("results.empty")}</p>
          ) : (
            <ol className="mt-2 list-decimal space-y-2 pl-6">
              {board.ideas.slice(0, top).map((idea) => (
                <li key={idea.id} className="break-words">
                  <span className="whitespace-pre-wrap">{idea.text}</span>{" "}
                  <span className="text-sm text-slate-700">
                    ({t(`knoster.${idea.column}` as "knoster.vision")} ·{" "}
                    {idea.average === null
                      ? t("results.notRated")
                      : t("results.rated", {
                          average: stars.format(idea.average),
                          count: idea.count,
                        })}
                    )
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
