import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { BoardColumn } from "../../modules/board/knoster.ts";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { BarChart, Button, Table, Td, Th, tabClass, tabRowClass } from "../ui/index.ts";
import { BoardName } from "./board-name.tsx";

type Board = {
  id: string;
  title: string;
  /** The Spanish name of the board's area of focus, where staff gave one. */
  titleEs?: string | null;
  wholeGroup: boolean;
  /** Visible ideas per column, as the page loaded them. */
  counts: Record<string, number>;
};
/** A board's live idea counts, by Knoster column. */
export type ColumnCounts = Record<string, number>;
export type ReportCounts = (boardId: string, counts: ColumnCounts) => void;

const OVERVIEW = "overview";

/**
 * The console's boards, one at a time: a tab per board with its live idea count, and an
 * overview of every board's counts per column. Every board stays mounted (hidden when not
 * chosen), so its counts and its connection stay live.
 *
 * The WAI-ARIA tabs pattern, written here (arrow keys, Home and End move between tabs; Enter
 * or Space opens one): the tab libraries we tried set inline styles, which the
 * Content-Security-Policy refuses (style-src 'self').
 */
export function BoardTabs<B extends Board>({
  boards,
  columns,
  children,
}: {
  boards: B[];
  columns: BoardColumn[];
  children: (board: B, reportCounts: ReportCounts, shown: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  // What the page loaded, until each board's live document reports (the page is right before
  // its scripts run).
  const [counts, setCounts] = useState<Record<string, ColumnCounts>>(() =>
    Object.fromEntries(boards.map((b) => [b.id, b.counts])),
  );
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
  const base = useId();
  const tabs = [...boards.map((b) => b.id), OVERVIEW];
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const to =
      event.key === "ArrowRight"
        ? (index + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tabs.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    tabRefs.current.get(tabs[to]!)?.focus();
  };
  const tab = (value: string, index: number, label: ReactNode) => (
    <button
      key={value}
      ref={(el) => {
        if (el) tabRefs.current.set(value, el);
        else tabRefs.current.delete(value);
      }}
      type="button"
      role="tab"
      id={`${base}-tab-${value}`}
      aria-controls={`${base}-panel-${value}`}
      aria-selected={chosen === value}
      // One tab stop for the whole list; the arrow keys move within it.
      tabIndex={chosen === value ? 0 : -1}
      onClick={() => setChosen(value)}
      onKeyDown={(event) => onKeyDown(event, index)}
      className={tabClass(chosen === value)}
    >
      {label}
    </button>
  );
  const panel = (value: string, children: ReactNode) => (
    <div
      key={value}
      role="tabpanel"
      id={`${base}-panel-${value}`}
      aria-labelledby={`${base}-tab-${value}`}
      hidden={chosen !== value}
      // No tab stop of its own: every panel starts with controls (the APG's advice).
      className="pt-4"
    >
      {children}
    </div>
  );
  return (
    <div>
      <div role="tablist" aria-label={t("console.boards")} className={tabRowClass}>
        {boards.map((board, index) =>
          tab(
            board.id,
            index,
            <>
              <BoardName title={board.title} wholeGroup={board.wholeGroup} es={board.titleEs} />{" "}
              <span className="font-normal">({total(board.id)})</span>
            </>,
          ),
        )}
        {tab(OVERVIEW, boards.length, t("console.overview"))}
      </div>
      {boards.map((board) => panel(board.id, children(board, reportCounts, chosen === board.id)))}
      {panel(
        OVERVIEW,
        <div className="space-y-4">
          {/* Every board's ideas per column, drawn; the table says the same, board by board. */}
          <BarChart
            bars={columns.map((c) => ({
              key: c.key,
              label: t(`knoster.${c.key}` as MessageKey),
              value: boards.reduce((sum, b) => sum + (counts[b.id]?.[c.key] ?? 0), 0),
            }))}
          />
          <Table className="text-small">
            <caption className="mb-2 text-left font-semibold">
              {t("console.overviewCaption")}
            </caption>
            <thead>
              <tr>
                <Th scope="col">{t("console.board")}</Th>
                {columns.map((c) => (
                  <Th key={c.key} scope="col" className="text-right">
                    {t(`knoster.${c.key}` as MessageKey)}
                  </Th>
                ))}
                <Th className="text-right">{t("console.total")}</Th>
              </tr>
            </thead>
            <tbody>
              {boards.map((board) => (
                <tr key={board.id}>
                  <Th dense scope="row">
                    <Button
                      type="button"
                      variant="link"
                      className="text-left"
                      onClick={() => setChosen(board.id)}
                    >
                      <BoardName
                        title={board.title}
                        wholeGroup={board.wholeGroup}
                        es={board.titleEs}
                      />
                    </Button>
                  </Th>
                  {columns.map((c) => {
                    const n = counts[board.id]?.[c.key] ?? 0;
                    return (
                      // An empty column is what a facilitator walks over to: it stands out.
                      <Td
                        key={c.key}
                        dense
                        className={n === 0 ? "text-right font-semibold text-danger" : "text-right"}
                      >
                        {n}
                      </Td>
                    );
                  })}
                  <Td dense className="text-right font-semibold">
                    {total(board.id)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>,
      )}
    </div>
  );
}
