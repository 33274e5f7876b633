import { columnLabel } from "../../modules/board/knoster.ts";

export type BoardResults = {
  id: string;
  title: string;
  ideas: { id: string; text: string; column: string; average: number | null; count: number }[];
};

/** Each board's ideas, best first: average stars and how many rated, never who. */
export function Results({ boards, top }: { boards: BoardResults[]; top?: number }) {
  return (
    <div className="space-y-6">
      {boards.map((board) => (
        <section key={board.id} aria-labelledby={`results-${board.id}`}>
          <h3 id={`results-${board.id}`} className="text-lg font-semibold">
            {board.title}
          </h3>
          {board.ideas.length === 0 ? (
            <p className="text-slate-700">No ideas on this board.</p>
          ) : (
            <ol className="mt-2 list-decimal space-y-2 pl-6">
              {board.ideas.slice(0, top).map((idea) => (
                <li key={idea.id} className="break-words">
                  <span className="whitespace-pre-wrap">{idea.text}</span>{" "}
                  <span className="text-sm text-slate-700">
                    ({columnLabel(idea.column)} ·{" "}
                    {idea.average === null
                      ? "not rated"
                      : `${idea.average.toFixed(1)} stars from ${idea.count} rating${idea.count === 1 ? "" : "s"}`}
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
