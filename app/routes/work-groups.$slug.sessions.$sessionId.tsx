import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import type {
  ClientActionFunctionArgs,
  ClientLoaderFunctionArgs,
  ShouldRevalidateFunction,
} from "@remix-run/react";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AGENDA_SHORTCUT, Agenda } from "../components/session/agenda.tsx";
import { Announcement } from "../components/session/announcement.tsx";
import { BoardTabs, type ReportCounts } from "../components/session/board-tabs.tsx";
import { Breakdowns } from "../components/session/breakdowns.tsx";
import { BreakoutRooms } from "../components/session/breakout-rooms.tsx";
import { GuestsPanel } from "../components/session/guests-panel.tsx";
import { JoinPanel } from "../components/session/join-panel.tsx";
import { LiveBoard } from "../components/session/live-board.tsx";
import { JoinMeeting, MeetingLinkForm } from "../components/session/meeting-link.tsx";
import { OpenBoardForm } from "../components/session/open-board-form.tsx";
import { PHASE_SHORTCUT, PhaseBar } from "../components/session/phase-bar.tsx";
import { RatingPanel } from "../components/session/rating-panel.tsx";
import { RatingProgressPanel } from "../components/session/rating-progress.tsx";
import { Results } from "../components/session/results.tsx";
import { ShortcutList, useShortcuts } from "../components/session/shortcuts.tsx";
import { StaffText } from "../components/staff-text.tsx";
import { Card, Heading, summaryClass, Text, TextLink } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { nextIdeaToRate, sessionResults } from "../modules/board/ratings.server.ts";
import {
  getBreakoutRooms,
  roomStaffOptions,
} from "../modules/breakout-room/breakout-room.server.ts";
import { documentName } from "../modules/documents/document-name.ts";
import { readerLocale } from "../modules/i18n/locale.server.ts";
import { translated } from "../modules/i18n/use-locale.ts";
import { listAgenda } from "../modules/session/agenda.server.ts";
import { getAttendance, recordAttendance } from "../modules/session/attendance.server.ts";
import { sessionBreakdowns } from "../modules/session/breakdowns.server.ts";
import { runSessionCommand } from "../modules/session/commands.server.ts";
import { listGuests, requireSessionParticipant } from "../modules/session/guests.server.ts";
import { joinDetails } from "../modules/session/join-code.server.ts";
import { ideasOpen, ratingOpen, resultsVisible } from "../modules/session/phases.ts";
import { getSessionPage } from "../modules/session/session.server.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { Notes } from "../realtime/notes-editor.tsx";
import { isNetworkFailure, notAfterOffline, type OfflineReply } from "../realtime/offline.ts";
import { useLiveSession } from "../realtime/use-live-session.ts";

/** The session's join code and link, for facilitators to share. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, access } = await requireSessionParticipant(
    context,
    request,
    params.slug,
    params.sessionId,
  );
  const session = await getSessionPage(context, access, user.id, params.sessionId ?? "");
  await recordAttendance(context, session.id, user.id);
  const mayRate = can(access.role, "idea:rate");
  const facilitates = can(access.role, "session:facilitate");
  return json({
    session,
    userName: user.name,
    can: {
      // A guest sees this session's boards and nothing else of the work group.
      seeWorkGroup: access.role !== "guest",
      postIdea: can(access.role, "idea:post"),
      openBoard: can(access.role, "board:open"),
      editNotes: can(access.role, "notes:edit"),
      facilitate: can(access.role, "session:facilitate"),
      draftSummary: can(access.role, "publication:edit"),
    },
    rating:
      mayRate && ratingOpen(session.phase)
        ? await nextIdeaToRate(context, user.id, session.id)
        : null,
    results: resultsVisible(session.phase) ? await sessionResults(context, session.id) : null,
    rooms: await getBreakoutRooms(context, session.id, user.id, facilitates),
    agenda: await listAgenda(context, session.id),
    attendance: facilitates ? await getAttendance(context, access.workGroup.id, session.id) : null,
    breakdowns: facilitates ? { table: await sessionBreakdowns(context.db, session.id) } : null,
    join: facilitates ? await joinDetails(context, request, session.id) : null,
    staff: facilitates ? await roomStaffOptions(context, access.workGroup.id) : null,
    guests: facilitates
      ? { allowed: session.guestsAllowed, list: await listGuests(context, session.id) }
      : null,
  });
}

/** Every command of the session page, run by one module (session/commands.server.ts). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireSessionParticipant(
    context,
    request,
    params.slug,
    params.sessionId,
  );
  const form = await readForm(context, request);
  // A participant's refusals in the page's language (the page is translated).
  const { locale } = readerLocale(request, user.locale);
  const { status, ...reply } = await runSessionCommand(
    { ctx: context, user, access, sessionId: params.sessionId ?? "", locale },
    form,
  );
  return json(reply, { status });
}

/**
 * In the browser: a command that got no answer (the phone lost its connection) is answered
 * as "offline" instead of replacing the page with an error; the form that sent it keeps its
 * content and sends it again when the connection is back (realtime/offline.ts).
 */
export async function clientAction({ request, serverAction }: ClientActionFunctionArgs) {
  const form = await request.clone().formData();
  try {
    return await serverAction<typeof action>();
  } catch (error) {
    if (!isNetworkFailure(error)) throw error;
    const reply: OfflineReply = {
      intent: String(form.get("intent") ?? ""),
      offline: true,
      boardId: typeof form.get("boardId") === "string" ? String(form.get("boardId")) : null,
    };
    return reply;
  }
}

/** The page's data as last loaded, to show while a reload cannot reach the server. */
let lastLoaded: SerializeFrom<typeof loader> | undefined;

/** Reloads that fail for want of a connection keep the page as it was, instead of an error. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  try {
    lastLoaded = await serverLoader<typeof loader>();
    return lastLoaded;
  } catch (error) {
    if (isNetworkFailure(error) && lastLoaded) return lastLoaded;
    throw error;
  }
}

/** A posted idea arrives through the live board; reloading every loader would only cost time. */
export const shouldRevalidate: ShouldRevalidateFunction = (args) =>
  args.formData?.get("intent") === "post-idea" ? false : notAfterOffline(args);

export const handle = translated;

export default function SessionPage() {
  const { t, i18n } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  useEffect(() => {
    lastLoaded = loaded;
  }, [loaded]);
  const {
    session,
    can,
    userName,
    rating,
    results,
    rooms,
    staff,
    agenda,
    breakdowns,
    attendance,
    join,
    guests,
  } = loaded;
  const live = useLiveSession(session.id, {
    phase: session.phase,
    phaseVersion: session.phaseVersion,
    phaseEndsAt: session.phaseEndsAt,
    currentAgendaItemId: session.currentAgendaItemId,
    announcement: session.announcement,
    announcedAt: session.announcedAt,
  });
  // The phase moved while the person was here: panels that open with it take focus, and if
  // what had focus went away (the post box when brainstorm closed), the phase bar takes it,
  // never the page body.
  const openedIn = useRef(session.phase);
  const [movedHere, setMovedHere] = useState(false);
  useEffect(() => {
    if (live.phase === openedIn.current) return;
    setMovedHere(true);
    const timer = setTimeout(() => {
      if (document.activeElement === document.body) document.getElementById("phase")?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [live.phase]);
  // Facilitators get the console: on a wide screen the controls stay in view beside the
  // boards, one board at a time. Everyone else gets the participant's page, their board first.
  const consoleView = can.facilitate;
  useShortcuts();
  const closed = ideasOpen(live.phase)
    ? null
    : t("board.closed", { phase: t(`phase.${live.phase}` as "phase.rate") });
  const liveBoard = (
    board: (typeof session.boards)[number],
    onCounts?: ReportCounts,
    shown = true,
  ) => (
    <LiveBoard
      key={board.id}
      board={board}
      canPost={can.postIdea}
      closed={closed}
      showReadiness={can.facilitate}
      canModerate={can.facilitate}
      columns={session.columns}
      named={session.workGroup.namedBoards}
      userName={userName}
      onCounts={onCounts}
      shown={shown}
      bounded={consoleView}
    />
  );
  const heading = (
    <div>
      <Heading level={1}>
        <StaffText>{session.title}</StaffText>
      </Heading>
      <Text tone="muted">
        {formatSessionTime(session.startsAt, session.timeZone, i18n.language)} ·{" "}
        {t(`session.format.${session.format}` as "session.format.virtual")}
        {session.workPhase ? (
          <>
            {` · ${t("session.workPhase")} `}
            <StaffText>{session.workPhase}</StaffText>
          </>
        ) : null}
      </Text>
      {session.meetingUrl ? <JoinMeeting url={session.meetingUrl} /> : null}
      {can.seeWorkGroup ? (
        <p className="flex flex-wrap gap-x-4">
          <TextLink href={`/work-groups/${session.workGroupSlug}/sessions/${session.id}/theming`}>
            {can.facilitate ? t("session.theme") : t("session.seeThemes")}
          </TextLink>
          {can.facilitate ? (
            // A second window for the room's screen, following this one.
            <TextLink
              href={`/work-groups/${session.workGroupSlug}/sessions/${session.id}/projector`}
              target="_blank"
              rel="noopener"
            >
              {t("projector.open")}
            </TextLink>
          ) : null}
        </p>
      ) : null}
    </div>
  );
  const phaseBar = (
    <PhaseBar
      state={live}
      canFacilitate={can.facilitate}
      draftSummary={
        can.draftSummary
          ? { action: `/work-groups/${session.workGroupSlug}/public-site`, sessionId: session.id }
          : null
      }
    />
  );
  const agendaPanel = (
    <Agenda
      items={agenda}
      current={live.currentAgendaItemId}
      canFacilitate={can.facilitate}
      startsAt={session.startsAt}
      timeZone={session.timeZone}
    />
  );
  const roomsPanel = (
    <BreakoutRooms
      rooms={rooms.rooms}
      anonymous={!session.workGroup.namedBoards}
      mine={rooms.mine}
      staff={staff}
      areas={session.workGroup.areasOfFocus}
      downloads={
        can.facilitate
          ? {
              zoom: `/work-groups/${session.workGroupSlug}/sessions/${session.id}/rooms.csv`,
              lists: `/work-groups/${session.workGroupSlug}/sessions/${session.id}/rooms.txt`,
            }
          : null
      }
    />
  );
  const resultsPanel = results ? (
    <section aria-labelledby="results-heading" className="space-y-3">
      <Heading level={2} id="results-heading">
        {t("session.ranked")}
      </Heading>
      <Text tone="muted" size="small">
        {t("session.rankedHow")}{" "}
        {can.seeWorkGroup ? (
          <TextLink
            href={`/work-groups/${session.workGroupSlug}/sessions/${session.id}/report-back`}
          >
            {t("session.reportBack")}
          </TextLink>
        ) : null}
      </Text>
      <Results boards={results} />
    </section>
  ) : null;
  const noBoard =
    session.boards.length === 0 ? (
      <Card as="p">
        {t("session.noBoard")}{" "}
        {can.openBoard ? t("session.noBoardFacilitator") : t("session.noBoardMember")}
      </Card>
    ) : null;
  const notes = can.seeWorkGroup ? (
    <section aria-labelledby="notes" className="space-y-2">
      <Heading level={2} id="notes">
        {t("session.notes")}
      </Heading>
      <Notes
        id={documentName.notes(session.id)}
        label={t("session.notes")}
        canEdit={can.editNotes}
        userName={userName}
      />
    </section>
  ) : null;

  if (!consoleView) {
    return (
      <div className="space-y-8">
        {heading}
        <Announcement message={live.announcement} canFacilitate={false} />
        {agendaPanel}
        {phaseBar}
        {roomsPanel}
        {rating ? <RatingPanel rating={rating} cameLive={movedHere} /> : null}
        {resultsPanel}
        {noBoard}
        {session.boards.map((board) => liveBoard(board))}
        {can.openBoard ? <OpenBoardForm areas={session.workGroup.areasOfFocus} /> : null}
        {notes}
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {heading}
      <div className="space-y-8 xl:grid xl:grid-cols-[minmax(22rem,26rem)_minmax(0,1fr)] xl:items-start xl:gap-8 xl:space-y-0">
        <aside
          aria-label={t("console.controls")}
          // In view while the boards scroll beside it. The phase control stays at its top; the
          // rest scrolls on its own when taller than the window.
          className="space-y-4 xl:sticky xl:top-4 xl:flex xl:max-h-[calc(100vh-2rem)] xl:flex-col xl:gap-4 xl:space-y-0"
        >
          <div className="xl:shrink-0">{phaseBar}</div>
          <div className="space-y-4 xl:min-h-0 xl:overflow-y-auto xl:pb-4 xl:pr-2">
            {live.phase === "rate" ? (
              <RatingProgressPanel
                url={`/work-groups/${session.workGroupSlug}/sessions/${session.id}/rating-progress`}
              />
            ) : null}
            {agendaPanel}
            <Announcement message={live.announcement} canFacilitate />
            <MeetingLinkForm url={session.meetingUrl} />
            {roomsPanel}
            {attendance ? (
              <Card as="details">
                <summary className={summaryClass("title")}>
                  {t("session.attendance", {
                    present: attendance.names.length,
                    members: attendance.members,
                  })}
                </summary>
                <p className="mt-2">{attendance.names.join(", ") || t("session.nobodyYet")}</p>
              </Card>
            ) : null}
            {breakdowns ? <Breakdowns table={breakdowns.table} /> : null}
            {can.openBoard ? <OpenBoardForm areas={session.workGroup.areasOfFocus} /> : null}
            {join ? (
              <JoinPanel code={join.code} link={join.link} guestsAllowed={session.guestsAllowed} />
            ) : null}
            {guests ? (
              <GuestsPanel
                allowed={guests.allowed}
                guests={guests.list}
                timeZone={session.timeZone}
              />
            ) : null}
            <ShortcutList
              shortcuts={[
                { keys: PHASE_SHORTCUT, what: t("console.shortcutPhase") },
                { keys: AGENDA_SHORTCUT, what: t("console.shortcutAgenda") },
              ]}
            />
          </div>
        </aside>
        <div className="min-w-0 space-y-8">
          {rating ? <RatingPanel rating={rating} cameLive={movedHere} /> : null}
          {resultsPanel}
          {noBoard}
          {session.boards.length > 0 ? (
            <BoardTabs boards={session.boards} columns={session.columns}>
              {(board, onCounts, shown) => liveBoard(board, onCounts, shown)}
            </BoardTabs>
          ) : null}
          {notes}
        </div>
      </div>
    </div>
  );
}
