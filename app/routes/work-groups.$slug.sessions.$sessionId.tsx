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
import { readForm } from "../modules/auth/auth-session.server.ts";
import { editIdea, postIdea, setIdeaHidden, withdrawIdea } from "../modules/board/board.server.ts";
import { nextIdeaToRate, rateIdea, sessionResults } from "../modules/board/ratings.server.ts";
import {
  editIdeaSchema,
  hideIdeaSchema,
  ideaIdSchema,
  openBoardSchema,
  postIdeaSchema,
  rateIdeaSchema,
} from "../modules/board/schema.ts";
import {
  addBreakoutRoom,
  autoAssignRooms,
  getBreakoutRooms,
  roomStaffOptions,
} from "../modules/breakout-room/breakout-room.server.ts";
import { breakoutRoomSchema } from "../modules/breakout-room/schema.ts";
import { documentName } from "../modules/documents/document-name.ts";
import { readerLocale } from "../modules/i18n/locale.server.ts";
import { translated } from "../modules/i18n/use-locale.ts";
import {
  addAgendaItem,
  editAgendaItem,
  listAgenda,
  moveAgendaItem,
  removeAgendaItem,
  restoreAgendaItem,
  setCurrentAgendaItem,
} from "../modules/session/agenda.server.ts";
import { announce, BRING_BACK_MESSAGE } from "../modules/session/announcements.server.ts";
import { getAttendance, recordAttendance } from "../modules/session/attendance.server.ts";
import { sessionBreakdowns } from "../modules/session/breakdowns.server.ts";
import {
  listGuests,
  removeGuest,
  requireSessionParticipant,
  setGuestsAllowed,
} from "../modules/session/guests.server.ts";
import { joinDetails } from "../modules/session/join-code.server.ts";
import { changePhase } from "../modules/session/phases.server.ts";
import { ideasOpen, ratingOpen, resultsVisible } from "../modules/session/phases.ts";
import {
  agendaEditSchema,
  agendaItemSchema,
  agendaMoveSchema,
  agendaRestoreSchema,
  announcementSchema,
  changePhaseSchema,
  guestsSettingSchema,
  meetingLinkSchema,
  removeGuestSchema,
} from "../modules/session/schema.ts";
import { getSessionPage, openBoard, setMeetingUrl } from "../modules/session/session.server.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requirePermission } from "../modules/work-group/work-group.server.ts";
import { Notes } from "../realtime/notes-editor.tsx";
import { isNetworkFailure, notAfterOffline, type OfflineReply } from "../realtime/offline.ts";
import { useLiveSession } from "../realtime/use-live-session.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, http, sayMessage, sayRefusal } from "../utils/http.server.ts";

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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireSessionParticipant(
    context,
    request,
    params.slug,
    params.sessionId,
  );
  const form = await readForm(context, request);
  const sessionId = params.sessionId ?? "";
  const intent = String(form.get("intent"));
  // A participant's refusals in the page's language (the page is translated).
  const { locale } = readerLocale(request, user.locale);
  const refused = (status: number, message: string) =>
    json({ intent, result: null, boardId: null, message }, { status });
  const done = () => json({ intent, result: null, boardId: null, message: null });

  if (intent === "post-idea") {
    const boardId = String(form.get("boardId") ?? "");
    const submission = parseSubmission(form, postIdeaSchema);
    if (submission.status !== "success") {
      return json({ intent, result: submission.reply(), boardId, message: null }, { status: 400 });
    }
    // A refusal (brainstorm closed, posting too fast) is shown beside the idea, which is kept.
    const posted = await attempt(() => postIdea(context, user, boardId, submission.value));
    if (!posted.ok) {
      return json(
        {
          intent,
          result: submission.reply({ formErrors: [sayRefusal(locale, posted)] }),
          boardId,
          message: null,
        },
        { status: posted.status },
      );
    }
    // The idea's id tells the poster's page which idea is theirs, to edit or withdraw at once.
    return json({
      intent,
      result: submission.reply({ resetForm: true }),
      boardId,
      message: null,
      ideaId: posted.value.id,
    });
  }
  if (intent === "edit-idea") {
    const submission = parseSubmission(form, editIdeaSchema);
    if (submission.status !== "success") {
      const message = Object.values(submission.error ?? {}).flat()[0] ?? "Check the idea.";
      return refused(400, message);
    }
    const { ideaId, ...idea } = submission.value;
    const edited = await attempt(() => editIdea(context, user, ideaId, idea));
    return edited.ok ? done() : refused(edited.status, sayRefusal(locale, edited));
  }
  if (intent === "withdraw-idea" || intent === "show-idea") {
    const submission = parseSubmission(form, ideaIdSchema);
    if (submission.status !== "success") return refused(400, "Choose an idea.");
    const { ideaId } = submission.value;
    const changed = await attempt(() =>
      intent === "withdraw-idea"
        ? withdrawIdea(context, user, ideaId)
        : setIdeaHidden(context, user, ideaId, { hidden: false }),
    );
    return changed.ok ? done() : refused(changed.status, sayRefusal(locale, changed));
  }
  if (intent === "rate") {
    const submission = parseSubmission(form, rateIdeaSchema);
    if (submission.status !== "success") return refused(400, "Choose from 1 to 5 stars, or skip.");
    const rated = await attempt(() => rateIdea(context, user, submission.value));
    if (!rated.ok) return refused(rated.status, sayRefusal(locale, rated));
    return json({ intent, result: null, boardId: null, message: null });
  }
  if (access.role === "guest") {
    // A guest posts, edits and withdraws their own ideas and rates (above); the rest is the
    // work group's.
    throw http(403, "Guests can post and rate ideas only.");
  }
  if (intent === "meeting-link") {
    const submission = parseSubmission(form, meetingLinkSchema);
    if (submission.status !== "success")
      return json(
        { intent, result: submission.reply(), boardId: null, message: null },
        { status: 400 },
      );
    const url = submission.value.meetingUrl || null;
    await setMeetingUrl(context, user, access, sessionId, url);
    return json({ intent, result: submission.reply(), boardId: null, message: null });
  }
  if (intent === "guests") {
    const submission = parseSubmission(form, guestsSettingSchema);
    if (submission.status !== "success") return refused(400, "Choose whether guests may join.");
    requirePermission(access, "session:facilitate");
    await setGuestsAllowed(context, user, access, sessionId, submission.value.allowed === "on");
    return done();
  }
  if (intent === "remove-guest") {
    const submission = parseSubmission(form, removeGuestSchema);
    if (submission.status !== "success") return refused(400, "Choose a guest.");
    requirePermission(access, "session:facilitate");
    const removed = await attempt(() =>
      removeGuest(context, user, access, sessionId, submission.value.guestId),
    );
    return removed.ok ? done() : refused(removed.status, removed.message);
  }
  if (intent === "hide-idea") {
    const submission = parseSubmission(form, hideIdeaSchema);
    if (submission.status !== "success") {
      return refused(400, "Say why the idea is hidden; the reason is kept in the log.");
    }
    const { ideaId, reason } = submission.value;
    const hidden = await attempt(() =>
      setIdeaHidden(context, user, ideaId, { hidden: true, reason }),
    );
    return hidden.ok ? done() : refused(hidden.status, hidden.message);
  }
  if (intent === "announce") {
    const submission = parseSubmission(form, announcementSchema);
    if (submission.status !== "success") return refused(400, "Write the message for every room.");
    await announce(context, user, access, sessionId, submission.value.message);
    return done();
  }
  if (intent === "bring-back" || intent === "clear-announcement") {
    const message = intent === "bring-back" ? BRING_BACK_MESSAGE : null;
    await announce(context, user, access, sessionId, message);
    return done();
  }
  if (intent === "add-agenda-item") {
    const submission = parseSubmission(form, agendaItemSchema);
    if (submission.status !== "success") {
      const message = Object.values(submission.error ?? {}).flat()[0] ?? "Check the agenda item.";
      return refused(400, sayMessage(locale, message));
    }
    await addAgendaItem(context, user, access, sessionId, submission.value);
    return done();
  }
  if (intent === "edit-agenda-item" || intent === "restore-agenda-item") {
    const submission =
      intent === "edit-agenda-item"
        ? parseSubmission(form, agendaEditSchema)
        : parseSubmission(form, agendaRestoreSchema);
    if (submission.status !== "success") {
      const message = Object.values(submission.error ?? {}).flat()[0] ?? "Check the agenda item.";
      return refused(400, sayMessage(locale, message));
    }
    const value = submission.value;
    const changed = await attempt(() =>
      "itemId" in value
        ? editAgendaItem(context, user, access, sessionId, value.itemId, value)
        : restoreAgendaItem(context, user, access, sessionId, value),
    );
    return changed.ok ? done() : refused(changed.status, sayRefusal(locale, changed));
  }
  if (
    intent === "move-agenda-item" ||
    intent === "remove-agenda-item" ||
    intent === "current-agenda-item"
  ) {
    const submission = parseSubmission(form, agendaMoveSchema);
    if (submission.status !== "success") return refused(400, "Choose an agenda item.");
    const { itemId, direction } = submission.value;
    // A colleague may have removed the item a moment ago: said beside the agenda, the page stays.
    const moved = await attempt(async () => {
      if (intent === "move-agenda-item")
        return void (await moveAgendaItem(context, access, sessionId, itemId, direction ?? "up"));
      if (intent === "remove-agenda-item")
        return await removeAgendaItem(context, user, access, sessionId, itemId);
      return void (await setCurrentAgendaItem(context, access, sessionId, itemId));
    });
    if (!moved.ok) return refused(moved.status, sayRefusal(locale, moved));
    return json({
      intent,
      result: null,
      boardId: null,
      message: null,
      removed: moved.value ?? null,
    });
  }
  if (intent === "add-room") {
    const submission = parseSubmission(form, breakoutRoomSchema);
    if (submission.status !== "success") return refused(400, "Name the room.");
    const added = await addBreakoutRoom(context, user, access, sessionId, submission.value);
    return added.ok ? done() : refused(400, added.message);
  }
  if (intent === "auto-assign") {
    const assigned = await autoAssignRooms(context, user, access, sessionId);
    return assigned.ok ? done() : refused(400, assigned.message);
  }
  if (intent === "change-phase") {
    const submission = parseSubmission(form, changePhaseSchema);
    if (submission.status !== "success") {
      return refused(400, "Give the countdown in whole minutes, from 0 to 180.");
    }
    const changed = await changePhase(context, user, access, sessionId, submission.value);
    if (!changed.ok) return refused(409, changed.message);
    return json({ intent, result: null, boardId: null, message: null });
  }
  if (intent === "open-board") {
    const submission = parseSubmission(form, openBoardSchema);
    if (submission.status !== "success") return refused(400, "Choose an area of focus.");
    const opened = await openBoard(context, user, access, sessionId, submission.value);
    if (!opened.ok) return refused(400, opened.message);
    return json({ intent, result: null, boardId: opened.boardId, message: null });
  }
  throw http(400, "Unknown action.");
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
      <h1 className="text-2xl font-bold">
        <StaffText>{session.title}</StaffText>
      </h1>
      <p className="text-slate-700">
        {formatSessionTime(session.startsAt, session.timeZone, i18n.language)} ·{" "}
        {t(`session.format.${session.format}` as "session.format.virtual")}
        {session.workPhase ? (
          <>
            {` · ${t("session.workPhase")} `}
            <StaffText>{session.workPhase}</StaffText>
          </>
        ) : null}
      </p>
      {session.meetingUrl ? <JoinMeeting url={session.meetingUrl} /> : null}
      {can.seeWorkGroup ? (
        <p className="flex flex-wrap gap-x-4">
          <a
            className="text-brand-700 underline"
            href={`/work-groups/${session.workGroupSlug}/sessions/${session.id}/theming`}
          >
            {can.facilitate ? t("session.theme") : t("session.seeThemes")}
          </a>
          {can.facilitate ? (
            // A second window for the room's screen, following this one.
            <a
              className="text-brand-700 underline"
              href={`/work-groups/${session.workGroupSlug}/sessions/${session.id}/projector`}
              target="_blank"
              rel="noopener"
            >
              {t("projector.open")}
            </a>
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
      <h2 id="results-heading" className="text-xl font-semibold">
        {t("session.ranked")}
      </h2>
      <p className="text-sm text-slate-700">
        {t("session.rankedHow")}{" "}
        {can.seeWorkGroup ? (
          <a
            className="text-brand-700 underline"
            href={`/work-groups/${session.workGroupSlug}/sessions/${session.id}/report-back`}
          >
            {t("session.reportBack")}
          </a>
        ) : null}
      </p>
      <Results boards={results} />
    </section>
  ) : null;
  const noBoard =
    session.boards.length === 0 ? (
      <p className="rounded-md border border-slate-300 bg-white p-4">
        {t("session.noBoard")}{" "}
        {can.openBoard ? t("session.noBoardFacilitator") : t("session.noBoardMember")}
      </p>
    ) : null;
  const notes = can.seeWorkGroup ? (
    <section aria-labelledby="notes" className="space-y-2">
      <h2 id="notes" className="text-xl font-semibold">
        {t("session.notes")}
      </h2>
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
              <details className="rounded-lg border border-slate-300 bg-white p-4">
                <summary className="cursor-pointer text-lg font-semibold">
                  {t("session.attendance", {
                    present: attendance.names.length,
                    members: attendance.members,
                  })}
                </summary>
                <p className="mt-2">{attendance.names.join(", ") || t("session.nobodyYet")}</p>
              </details>
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
