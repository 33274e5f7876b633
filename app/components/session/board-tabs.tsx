import * as Tabs from "@radix-ui/react-tabs";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BoardColumn } from "../../modules/board/knoster.ts";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { BoardName } from "./board-name.tsx";

type Board = { id: string; title: string; wholeGroup: boolean };
/** A board's live idea counts, by Knoster column. */
export type ColumnCounts = Record<string, number>;
export type ReportCounts = (boardId: string, counts: ColumnCounts) => void;

const OVERVIEW = "overview";

/**
 * The console's boards, one at a time: a tab per board with its live idea count, and an
 * overview of every board's counts per column. Every board stays mounted (hidden when not
 * chosen), so its counts and its connection stay live. Tabs by Radix (arrow keys, Home, End,
 * the WAI-ARIA tabs pattern).
 */
export function BoardTabs<B extends Board>({
  boards,
  columns,
  children,
}: {
  boards: B[];
  columns: BoardColumn[];
  children: (board: B, reportCounts: ReportCounts) => ReactNode;
}) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<Record<string, ColumnCounts>>({});
  const reportCounts = useCallback<ReportCounts>((boardId, next) => {
    setCounts((all) =>
      JSON.stringify(all[boardId]) === JSON.stringify(next) ? all : { ...all, [boardId]: next },
    );
  }, []);
  const [chosen, setChosen] = useState(boards[0]?.id ?? OVERVIEW);
  // A link to a board (#board-…) opens its tab.
  useEffect(() => {
    const fromHash = window.location.hash.replace(/^#board-/, "");
    if (boards.some((b) => b.id === fromHash)) setChosen(fromHash);
  }, [boards]);
  const total = (boardId: string) =>
    Object.values(counts[boardId] ?? {}).reduce((sum, n) => sum + n, 0);
  return (
    <Tabs.Root value={chosen} onValueChange={setChosen} activationMode="manual">
      <Tabs.List
        aria-label={t("console.boards")}
        className="flex flex-wrap gap-1 border-b border-slate-300"
      >
        {boards.map((board) => (
          <Tabs.Trigger key={board.id} value={board.id} className={tabClass}>
            <BoardName title={board.title} wholeGroup={board.wholeGroup} />{" "}
            <span className="font-normal">({total(board.id)})</span>
          </Tabs.Trigger>
        ))}
        <Tabs.Trigger value={OVERVIEW} className={tabClass}>
          {t("console.overview")}
        </Tabs.Trigger>
      </Tabs.List>
      {boards.map((board) => (
        <Tabs.Content
          key={board.id}
          value={board.id}
          forceMount
          className="pt-4 outline-none focus-visible:ring-2 focus-visible:ring-brand-700 data-[state=inactive]:hidden"
        >
          {children(board, reportCounts)}
        </Tabs.Content>
      ))}
      <Tabs.Content value={OVERVIEW} className="pt-4">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left font-semibold">{t("console.overviewCaption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">
                {t("console.board")}
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="py-2 pr-3 text-right">
                  {t(`knoster.${c.key}` as MessageKey)}
                </th>
              ))}
              <th scope="col" className="py-2 text-right">
                {t("console.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {boards.map((board) => (
              <tr key={board.id} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-3 font-normal">
                  <button
                    type="button"
                    className="min-h-11 text-left text-brand-700 underline"
                    onClick={() => setChosen(board.id)}
                  >
                    <BoardName title={board.title} wholeGroup={board.wholeGroup} />
                  </button>
                </th>
                {columns.map((c) => {
                  const n = counts[board.id]?.[c.key] ?? 0;
                  return (
                    // An empty column is what a facilitator walks over to: it stands out.
                    <td
                      key={c.key}
                      className={`py-1 pr-3 text-right ${n === 0 ? "font-semibold text-red-800" : ""}`}
                    >
                      {n}
                    </td>
                  );
                })}
                <td className="py-1 text-right font-semibold">{total(board.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Tabs.Content>
    </Tabs.Root>
  );
}

const tabClass =
  "min-h-11 rounded-t-md border border-b-0 border-transparent px-3 py-2 font-medium text-brand-700 hover:bg-slate-100 data-[state=active]:border-slate-300 data-[state=active]:bg-white data-[state=active]:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-700";
