import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { BoardName } from "../components/session/board-name.tsx";
import { RatingProgressPanel } from "../components/session/rating-progress.tsx";
import { StaffText } from "../components/staff-text.tsx";
import type { BoardIdea } from "../modules/board/board-doc.ts";
import { sessionResults } from "../modules/board/ratings.server.ts";
import { themeSummaries } from "../modules/board/results.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { listAgenda } from "../modules/session/agenda.server.ts";
import { joinDetails } from "../modules/session/join-code.server.ts";
import { joinPath, spacedJoinCode } from "../modules/session/join-code.ts";
import { resultsVisible } from "../modules/session/phases.ts";
import { getSessionPage } from "../modules/session/session.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { useLiveBoard } from "../realtime/use-live-board.ts";
import { useCountdown, useLiveSession } from "../realtime/use-live-session.ts";

/** How many of the newest ideas the projector shows during brainstorm. */
const NEWEST = 6;
/** How many ideas per theme and per board in report back. */
const TOP = 3;

/** A full page for the room's screen: no app around it (root.tsx reads `bare`). */
export const handle = { ...translated, bare: true };

export const meta: MetaFunction = ({ matches }) => [{ title: titleIn(matches, "projector.title") }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "session:facilitate");
  const session = await getSessionPage(context, access, user.id, params.sessionId ?? "", {
    everyBoard: true,
  });
  const results = resultsVisible(session.phase) ? await sessionResults(context, session.id) : null;
  return json({
    session: {
      id: session.id,
      title: session.title,
      workGroupSlug: session.workGroupSlug,
      columns: session.columns.map((c) => c.key),
      boards: session.boards.map((b) => ({
        id: b.id,
        title: b.title,
        wholeGroup: b.wholeGroup,
        // Text and column only: the room's screen never says who posted.
        ideas: b.ideas.map(({ author: _author, ...idea }) => idea),
      })),
      live: {
        phase: session.phase,
        phaseVersion: session.phaseVersion,
        phaseEndsAt: session.phaseEndsAt,
        currentAgendaItemId: session.currentAgendaItemId,
        announcement: session.announcement,
        announcedAt: session.announcedAt,
      },
    },
    userName: user.name,
    agenda: (await listAgenda(context, session.id)).map((i) => ({
      id: i.id,
      title: i.title,
      titleEs: i.titleEs,
    })),
    join: await joinDetails(context, request, session.id),
    results,
    themes: results ? themeSummaries(results, TOP) : [],
  });
}

function formatSeconds(total: number) {
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/**
 * The projector view, for a second window on the room's screen: type readable across a room,
 * high contrast, how to join, where the session is, and what the phase is about: live counts
 * and the newest ideas in brainstorm, rating progress in rate, the themes and top-rated ideas
 * after. It follows the facilitator live.
 */
export default function Projector() {
  const { session, userName, agenda, join, results, themes } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const live = useLiveSession(session.id, session.live);
  const remaining = useCountdown(live.phaseEndsAt);
  const current = agenda.find((i) => i.id === live.currentAgendaItemId);
  const [ideas, setIdeas] = useState<Record<string, BoardIdea[]>>({});
  const report = useCallback(
    (boardId: string, list: BoardIdea[]) => setIdeas((all) => ({ ...all, [boardId]: list })),
    [],
  );
  const everyIdea = useMemo(
    () => session.boards.flatMap((b) => ideas[b.id] ?? b.ideas),
    [ideas, session.boards],
  );
  const newest = [...everyIdea]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, NEWEST);
  return (
    <main
      id="main"
      className="min-h-screen bg-slate-950 p-10 text-[1.75rem] leading-snug text-white"
    >
      {session.boards.map((board) => (
        <BoardFeed key={board.id} board={board} userName={userName} onIdeas={report} />
      ))}
      <div className="grid gap-10 xl:grid-cols-[minmax(0,1fr)_auto]">
        <div className="space-y-8">
          <header>
            <h1 className="text-5xl font-bold">
              <StaffText>{session.title}</StaffText>
            </h1>
            <p className="mt-4 text-4xl">
              {t(`phase.${live.phase}` as MessageKey)}
              {remaining !== null ? (
                <span className="ml-6 font-mono font-bold text-amber-300">
                  {remaining > 0 ? formatSeconds(remaining) : t("phaseBar.timeUp")}
                </span>
              ) : null}
            </p>
            {current ? (
              <p className="mt-2">
                {`${t("agenda.nowLabel")} `}
                <StaffText es={current.titleEs}>{current.title}</StaffText>
              </p>
            ) : null}
            {live.announcement ? (
              <p className="mt-4 rounded-lg border-2 border-amber-300 p-4">
                <StaffText>{live.announcement}</StaffText>
              </p>
            ) : null}
          </header>
          {live.phase === "brainstorm" ? (
            <>
              <section aria-labelledby="counts">
                <h2 id="counts" className="text-3xl font-semibold">
                  {t("projector.ideasSoFar", { count: everyIdea.length })}
                </h2>
                <ul className="mt-4 grid grid-cols-2 gap-4 lg:grid-cols-5">
                  {session.columns.map((column) => (
                    <li key={column} className="rounded-lg border-2 border-control p-4">
                      <span className="block">{t(`knoster.${column}` as MessageKey)}</span>
                      <span className="block text-6xl font-bold">
                        {everyIdea.filter((i) => i.column === column).length}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
              {newest.length > 0 ? (
                <section aria-labelledby="newest">
                  <h2 id="newest" className="text-3xl font-semibold">
                    {t("projector.newest")}
                  </h2>
                  <ul className="mt-4 space-y-3" aria-live="polite">
                    {newest.map((idea) => (
                      <li key={idea.id} className="break-words border-l-4 border-amber-300 pl-4">
                        <span className="block">{idea.text}</span>
                        <span className="block text-slate-300">
                          {t(`knoster.${idea.column}` as MessageKey)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </>
          ) : null}
          {live.phase === "rate" ? (
            <div className="text-ink">
              <RatingProgressPanel
                url={`/work-groups/${session.workGroupSlug}/sessions/${session.id}/rating-progress`}
              />
            </div>
          ) : null}
          {results ? (
            <section aria-labelledby="themes" className="space-y-6">
              {themes.length > 0 ? (
                <>
                  <h2 id="themes" className="text-3xl font-semibold">
                    {t("reportBack.themes")}
                  </h2>
                  <ol className="space-y-6">
                    {themes.map((theme) => (
                      <li key={theme.id}>
                        <h3 className="text-3xl font-bold text-amber-300">
                          <StaffText>{theme.label}</StaffText>
                        </h3>
                        <ol className="mt-2 list-decimal space-y-2 pl-10">
                          {theme.top.map((idea) => (
                            <li key={idea.id} className="break-words">
                              {idea.text}
                              <span className="block text-slate-300">
                                <BoardName
                                  title={idea.board.title}
                                  wholeGroup={idea.board.wholeGroup}
                                />
                              </span>
                            </li>
                          ))}
                        </ol>
                      </li>
                    ))}
                  </ol>
                </>
              ) : (
                <>
                  <h2 id="themes" className="text-3xl font-semibold">
                    {t("projector.topIdeas")}
                  </h2>
                  {results.map((board) => (
                    <div key={board.id}>
                      <h3 className="text-3xl font-bold text-amber-300">
                        <BoardName title={board.title} wholeGroup={board.wholeGroup} />
                      </h3>
                      <ol className="mt-2 list-decimal space-y-2 pl-10">
                        {board.ideas
                          .filter((i) => i.average !== null)
                          .slice(0, TOP)
                          .map((idea) => (
                            <li key={idea.id} className="break-words">
                              {idea.text}
                            </li>
                          ))}
                      </ol>
                    </div>
                  ))}
                </>
              )}
            </section>
          ) : null}
        </div>
        <aside aria-labelledby="join" className="space-y-4 xl:w-96">
          <h2 id="join" className="text-3xl font-semibold">
            {t("joinPanel.heading")}
          </h2>
          <img
            src={`${joinPath(join.code)}/qr.svg`}
            alt={t("joinPanel.qrAlt", { link: join.link })}
            width={320}
            height={320}
            className="h-80 w-80 rounded-lg bg-surface"
          />
          <p>
            {t("joinPanel.code")}
            <span className="block font-mono text-6xl font-bold tracking-widest">
              {spacedJoinCode(join.code)}
            </span>
          </p>
          <p className="break-all">{join.link}</p>
        </aside>
      </div>
    </main>
  );
}

/** One board's live ideas, told to the projector (which counts and lists them); shows nothing. */
function BoardFeed({
  board,
  userName,
  onIdeas,
}: {
  board: { id: string; ideas: BoardIdea[] };
  userName: string;
  onIdeas: (boardId: string, ideas: BoardIdea[]) => void;
}) {
  const { ideas } = useLiveBoard(board.id, board.ideas, userName);
  useEffect(() => onIdeas(board.id, ideas), [board.id, ideas, onIdeas]);
  return null;
}
