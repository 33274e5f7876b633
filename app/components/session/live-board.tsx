import type { SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BoardIdea } from "../../modules/board/board-doc.ts";
import type { BoardColumn } from "../../modules/board/knoster.ts";
import { type AreaReadiness, readiness, readinessSummary } from "../../modules/board/readiness.ts";
import { IDEA_MAX_LENGTH, ideaSubmissionKey } from "../../modules/board/schema.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { Notes } from "../../realtime/notes-editor.tsx";
import {
  isOfflineReply,
  type OfflineReply,
  useOnline,
  whenOnline,
} from "../../realtime/offline.ts";
import { useLiveBoard } from "../../realtime/use-live-board.ts";
import { Button, CsrfInput, compactInputClass, FormError, inputClass } from "../forms.tsx";
import { StaffText } from "../staff-text.tsx";
import { Card, cardClass, Heading, Label, Notice, summaryClass, Text } from "../ui/index.ts";
import { WrittenText } from "../written-text.tsx";
import { BoardName } from "./board-name.tsx";

/** What the session page's action answers a command posted from a fetcher form. */
export type CommandReply = {
  intent: string;
  result?: SubmissionResult<string[]> | null;
  boardId?: string | null;
  message?: string | null;
  /** The idea a post stored. */
  ideaId?: string;
  /** The agenda item a removal took away, for Undo to put back. */
  removed?: {
    title: string;
    titleEs: string | null;
    minutes: number | null;
    presenter: string;
    materials: string[];
    position: number;
  } | null;
};

type BoardProps = {
  board: {
    id: string;
    title: string;
    /** The Spanish name of the board's area of focus, where staff gave one. */
    titleEs?: string | null;
    /** The whole group's board, named in the reader's language (knoster.ts). */
    wholeGroup: boolean;
    ideas: BoardIdea[];
    /** Ideas this person posted (only they learn which). */
    mine: string[];
    /** Hidden ideas, for facilitators to show again. */
    hidden: { id: string; text: string; reason: string }[];
    /** A breakout room's board comes with the room's notes. */
    roomNotes: { name: string; canEdit: boolean } | null;
  };
  canPost: boolean;
  /** Why ideas cannot be posted now (brainstorm is over), or null while they can. */
  closed: string | null;
  /** Facilitators see the Knoster readiness check, updated as ideas arrive. */
  showReadiness: boolean;
  /** Facilitators may hide an idea, with a reason, and show it again. */
  canModerate: boolean;
  /** The Knoster elements, and Consensus where the work group chose it. */
  columns: BoardColumn[];
  /** The work group chose named boards: ideas show who posted them. */
  named: boolean;
  userName: string;
  /** Told the board's live idea counts per column, for the console's tabs and overview. */
  onCounts?: (boardId: string, counts: Record<string, number>) => void;
  /**
   * False for a console tab not chosen: the board stays connected (its counts stay live) but
   * renders nothing, so a session of many rooms does not send every room's ideas as HTML.
   */
  shown?: boolean;
  /**
   * The console's board: each column's ideas scroll within it past a few screens' worth, so
   * the board and the controls around it stay in reach of a facilitator with 30 ideas a room.
   */
  bounded?: boolean;
};

export function LiveBoard({
  board,
  canPost,
  closed,
  showReadiness,
  canModerate,
  columns,
  named,
  userName,
  onCounts,
  shown = true,
  bounded = false,
}: BoardProps) {
  const { t } = useTranslation();
  // Ideas posted from this page are the poster's at once: no reload before "edit or withdraw".
  const [postedHere, setPostedHere] = useState<string[]>([]);
  const mine = new Set([...board.mine, ...postedHere]);
  // What the person's last action did, said to screen readers (and shown briefly).
  const [notice, setNotice] = useState("");
  const onPosted = useCallback(
    (id: string) => {
      setPostedHere((ids) => [...ids, id]);
      setNotice(t("board.posted"));
    },
    [t],
  );
  // A withdrawn idea leaves the board (and its buttons with it): focus goes back to the post
  // box, where the person's work continues, once the idea is gone.
  const [leaving, setLeaving] = useState<string | null>(null);
  const {
    ideas,
    status: socket,
    present: everyone,
  } = useLiveBoard(board.id, board.ideas, userName);
  // A guest on an anonymous board has no name: listing them would show a blank.
  const present = everyone.filter((name) => name.trim() !== "");
  // The browser may know it is offline before the socket notices (a socket can sit open on a
  // dead connection for a while): then the board says so at once.
  const online = useOnline();
  const status = online ? socket : "offline";
  const fresh = useFreshIdeas(ideas.map((i) => i.id));
  useEffect(() => {
    if (!onCounts) return;
    const counts: Record<string, number> = {};
    for (const column of columns) counts[column.key] = 0;
    for (const idea of ideas) counts[idea.column] = (counts[idea.column] ?? 0) + 1;
    onCounts(board.id, counts);
  }, [ideas, columns, board.id, onCounts]);
  useEffect(() => {
    if (!leaving || ideas.some((i) => i.id === leaving)) return;
    setLeaving(null);
    setNotice(t("board.withdrawn"));
    document.getElementById(`idea-text-${board.id}`)?.focus();
  }, [leaving, ideas, board.id, t]);
  const headingId = `board-${board.id}`;
  if (!shown) return null;
  return (
    // A container: the columns fit the board's own width (the console's board is narrower
    // than the page), not the window's.
    <section aria-labelledby={headingId} className="@container space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading level={2} id={headingId}>
          {`${t("board.headingLabel")} `}
          <BoardName title={board.title} wholeGroup={board.wholeGroup} es={board.titleEs} />
        </Heading>
        <Text tone="muted" size="small">
          {/* Only the connection state is announced; joins and leaves would be constant noise. */}
          <span role="status">
            {status === "live"
              ? t("board.live")
              : status === "connecting"
                ? t("board.connecting")
                : t("board.reconnecting")}
          </span>
          {present.length > 0 ? (
            <span>{` · ${t("board.here", { names: present.join(", ") })}`}</span>
          ) : null}
        </Text>
      </div>
      <p className="sr-only" role="status">
        {notice}
      </p>
      {/* The post box comes first: on a phone it is in view on arrival, above the columns. */}
      {canPost && closed ? (
        <Card as="p" tone="sunken" compact>
          {closed}
        </Card>
      ) : canPost ? (
        <PostIdeaForm boardId={board.id} columns={columns} named={named} onPosted={onPosted} />
      ) : null}
      <div
        className={`grid gap-3 @xl:grid-cols-3 ${columns.length > 5 ? "@4xl:grid-cols-6" : "@4xl:grid-cols-5"}`}
      >
        {columns.map((element) => {
          const columnIdeas = ideas.filter((i) => i.column === element.key);
          const label = t(`knoster.${element.key}` as "knoster.vision");
          return (
            <Card compact key={element.key}>
              <Heading level={3} size="minor">
                {label}{" "}
                <Text as="span" tone="muted" size="small" className="font-normal">
                  ({columnIdeas.length})
                </Text>
              </Heading>
              <ColumnPrompt column={element} />
              <ul
                className={`mt-2 space-y-2 ${bounded ? "max-h-72 overflow-y-auto pr-1" : ""}`}
                aria-label={t("board.columnIdeas", { column: label })}
                data-column={element.key}
              >
                {columnIdeas.map((idea) => (
                  <li
                    key={idea.id}
                    data-fresh={fresh.has(idea.id) || undefined}
                    className={`whitespace-pre-wrap break-words rounded-md p-2 text-small transition-colors duration-1000 ${fresh.has(idea.id) ? "bg-amber-100 ring-2 ring-amber-500" : "bg-info-soft"}`}
                  >
                    <WrittenText text={idea.text} lang={idea.lang} />
                    {idea.author ? (
                      <span className="block text-xs text-muted">{`— ${idea.author}`}</span>
                    ) : null}
                    {mine.has(idea.id) && !closed ? (
                      <OwnIdeaActions
                        idea={idea}
                        onWithdraw={() => setLeaving(idea.id)}
                        onSaved={() => setNotice(t("board.saved"))}
                      />
                    ) : null}
                    {canModerate ? <HideIdea idea={idea} /> : null}
                  </li>
                ))}
              </ul>
            </Card>
          );
        })}
      </div>
      {canModerate && board.hidden.length > 0 ? <HiddenIdeas hidden={board.hidden} /> : null}
      {board.roomNotes ? (
        <div className="space-y-2" data-notes>
          <Heading level={3} size="minor">
            {t("board.roomNotes", { title: board.title })}
          </Heading>
          <Notes
            id={board.roomNotes.name}
            label={t("board.roomNotes", { title: board.title })}
            canEdit={board.roomNotes.canEdit}
            userName={userName}
          />
        </div>
      ) : null}
      {showReadiness ? (
        <Readiness
          report={readiness(
            board.title,
            ideas.map((i) => i.column),
          )}
        />
      ) : null}
    </section>
  );
}

/**
 * A column's prompt: the work group's own words in Spanish on a Spanish page where it wrote
 * them, else its own words as written (staff text, marked as English on other languages'
 * pages), else the Knoster default in the reader's language.
 */
export function ColumnPrompt({ column }: { column: BoardColumn }) {
  const { t, language } = usePageT();
  return (
    <Text tone="muted" size="small">
      {language === "es" && column.promptEs ? (
        column.promptEs
      ) : column.custom ? (
        <StaffText>{column.prompt}</StaffText>
      ) : (
        t(`knosterPrompt.${column.key}` as "knosterPrompt.vision")
      )}
    </Text>
  );
}

/** How long a newly arrived idea stays marked, so people notice what just came in. */
const FRESH_MS = 4_000;

/** Ids of ideas that arrived after the page loaded, for a few seconds each. */
function useFreshIdeas(ids: string[]) {
  const seen = useRef<Set<string> | null>(null);
  const timers = useRef<Set<ReturnType<typeof setTimeout>>>(new Set());
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const key = ids.join(",");
  useEffect(() => {
    const now = key ? key.split(",") : [];
    if (!seen.current) {
      seen.current = new Set(now);
      return;
    }
    const arrived = now.filter((id) => !seen.current!.has(id));
    for (const id of arrived) seen.current.add(id);
    if (arrived.length === 0) return;
    setFresh((current) => new Set([...current, ...arrived]));
    // Each arrival fades on its own clock; a later one does not keep an earlier one marked.
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setFresh((current) => new Set([...current].filter((id) => !arrived.includes(id))));
    }, FRESH_MS);
    timers.current.add(timer);
  }, [key]);
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);
  return fresh;
}

function PostIdeaForm({
  boardId,
  columns,
  named,
  onPosted,
}: {
  boardId: string;
  columns: BoardColumn[];
  named: boolean;
  onPosted: (ideaId: string) => void;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply | OfflineReply>();
  const formRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const reply = fetcher.data?.boardId === boardId ? fetcher.data : null;
  const offline = isOfflineReply(reply) && fetcher.state === "idle";
  const data = reply && !isOfflineReply(reply) ? reply : null;
  // No answer (the connection dropped): the idea stays in the box and goes once the
  // connection is back; its draft key makes a second arrival the same idea.
  useEffect(() => {
    if (!offline) return;
    return whenOnline(() => {
      if (formRef.current) fetcher.submit(formRef.current);
    });
  }, [offline, fetcher.submit]);
  const errors = data?.result?.error;
  const textError =
    errors?.text?.[0] ??
    errors?.column?.[0] ??
    errors?.submissionKey?.[0] ??
    errors?.[""]?.[0] ??
    null;
  // reply({ resetForm: true }) carries no status, only `initialValue: null`: a reply without
  // errors is the success.
  const posted = fetcher.state === "idle" && !!data?.result && !errors;
  const draftKey = `convene:idea-draft:${boardId}`;
  // The draft's key goes with it: posting it again after a lost answer finds the stored idea.
  const submissionKeyKey = `convene:idea-key:${boardId}`;
  const [submissionKey, setSubmissionKey] = useState("");
  const [chosen, setChosen] = useState(columns[0]);
  const startDraft = useCallback(() => {
    const key = ideaSubmissionKey();
    sessionStorage.setItem(submissionKeyKey, key);
    setSubmissionKey(key);
  }, [submissionKeyKey]);
  useEffect(() => {
    if (posted && data?.ideaId) onPosted(data.ideaId);
  }, [posted, data?.ideaId, onPosted]);
  useEffect(() => {
    if (posted && textRef.current) {
      textRef.current.value = "";
      sessionStorage.removeItem(draftKey);
      startDraft();
      textRef.current.focus();
    }
  }, [posted, draftKey, startDraft]);
  // A typed idea survives a dropped connection or a reload until it is posted.
  useEffect(() => {
    const draft = sessionStorage.getItem(draftKey);
    if (draft && textRef.current && !textRef.current.value) textRef.current.value = draft;
    const key = sessionStorage.getItem(submissionKeyKey);
    if (key) setSubmissionKey(key);
    else startDraft();
  }, [draftKey, submissionKeyKey, startDraft]);
  const textId = `idea-text-${boardId}`;
  const errorId = `idea-error-${boardId}`;
  return (
    <fetcher.Form method="post" ref={formRef} className={cardClass()}>
      <CsrfInput />
      <input type="hidden" name="intent" value="post-idea" />
      <input type="hidden" name="boardId" value={boardId} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <fieldset className="space-y-3">
        <legend className="font-semibold">
          {named ? t("board.postNamed") : t("board.postAnonymous")}
        </legend>
        {/* Large targets for a thumb: each element is a chip at least 44 px tall. */}
        <div className="flex flex-wrap gap-2">
          {columns.map((element, i) => (
            <label
              key={element.key}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-full border border-control px-3 has-[:checked]:border-action has-[:checked]:bg-info-soft has-[:checked]:font-semibold"
            >
              <input
                type="radio"
                name="column"
                value={element.key}
                defaultChecked={i === 0}
                onChange={() => setChosen(element)}
              />
              {t(`knoster.${element.key}` as "knoster.vision")}
            </label>
          ))}
        </div>
        <div aria-live="polite">{chosen ? <ColumnPrompt column={chosen} /> : null}</div>
        <Label htmlFor={textId}>{t("board.yourIdea")}</Label>
        <textarea
          id={textId}
          ref={textRef}
          name="text"
          rows={3}
          maxLength={IDEA_MAX_LENGTH}
          required
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? errorId : undefined}
          className={inputClass}
          onInput={(e) => sessionStorage.setItem(draftKey, e.currentTarget.value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter posts, so a keyboard user never has to leave the text box.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) formRef.current?.requestSubmit();
          }}
        />
        {textError ? (
          <Text tone="danger" size="small" id={errorId} role="alert">
            {textError}
          </Text>
        ) : null}
        {offline ? (
          <Notice as="p" tone="warning" role="status" className="text-small">
            {t("board.offline")}
          </Notice>
        ) : null}
        <Button pending={fetcher.state !== "idle"}>{t("board.post")}</Button>
        <Text tone="muted" size="small">
          {named ? t("board.hintNamed") : t("board.hintAnonymous")}
        </Text>
      </fieldset>
    </fetcher.Form>
  );
}

function Readiness({ report }: { report: AreaReadiness }) {
  const { t } = useTranslation();
  const gaps = report.elements.filter((e) => e.status !== "ok");
  return (
    <Card as="details" compact>
      <summary className={summaryClass("label")}>
        {t("board.readiness", {
          summary:
            gaps.length === 0 ? t("board.readyAll") : t("board.readyGaps", { count: gaps.length }),
        })}
      </summary>
      {/* One sentence a facilitator can read out to the room. */}
      <p className="mt-2">{readinessSummary(report)}</p>
      <ul className="mt-2 space-y-1">
        {report.elements.map((e) => (
          <li key={e.element}>
            <span className="font-medium">{e.label}</span>:{" "}
            {t("board.ideaCount", { count: e.ideas })}
            {e.status === "ok" ? "" : ` — ${e.status}; the model predicts ${e.risk}`}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The refusal of a command posted from one of these small forms, if any. */
function refusalOf(data: CommandReply | undefined, intent: string) {
  return data?.intent === intent ? (data.message ?? null) : null;
}

/** The author's own idea: edit it or withdraw it while brainstorm is open. */
function OwnIdeaActions({
  idea,
  onWithdraw,
  onSaved,
}: {
  idea: BoardIdea;
  onWithdraw: () => void;
  onSaved: () => void;
}) {
  const { t } = usePageT();
  const edit = useFetcher<CommandReply>();
  const withdraw = useFetcher<CommandReply>();
  const saving = useRef(false);
  useEffect(() => {
    if (edit.state !== "idle") {
      saving.current = true;
      return;
    }
    if (saving.current && edit.data?.intent === "edit-idea" && !edit.data.message) onSaved();
    saving.current = false;
  }, [edit.state, edit.data, onSaved]);
  const textId = `edit-${idea.id}`;
  const refusal = refusalOf(edit.data, "edit-idea") ?? refusalOf(withdraw.data, "withdraw-idea");
  return (
    <details className="mt-1 text-small">
      <summary className={summaryClass("quiet")}>
        {t("board.ownActions")}
        <span className="sr-only">{` “${idea.text.slice(0, 60)}”`}</span>
      </summary>
      <edit.Form method="post" className="mt-2 space-y-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="edit-idea" />
        <input type="hidden" name="ideaId" value={idea.id} />
        <input type="hidden" name="column" value={idea.column} />
        <Label htmlFor={textId}>{t("board.changeText")}</Label>
        <textarea
          id={textId}
          name="text"
          defaultValue={idea.text}
          maxLength={IDEA_MAX_LENGTH}
          rows={3}
          className={`block w-full ${compactInputClass}`}
        />
        <Button size="sm" variant="secondary" pending={edit.state !== "idle"}>
          {t("board.save")}
        </Button>
      </edit.Form>
      <withdraw.Form method="post" className="mt-2" onSubmit={onWithdraw}>
        <CsrfInput />
        <input type="hidden" name="intent" value="withdraw-idea" />
        <input type="hidden" name="ideaId" value={idea.id} />
        <Button size="sm" variant="danger" pending={withdraw.state !== "idle"}>
          {t("board.withdraw")}
          <span className="sr-only">{` “${idea.text.slice(0, 60)}”`}</span>
        </Button>
      </withdraw.Form>
      <FormError errors={refusal ? [refusal] : null} />
    </details>
  );
}

/** A facilitator hides an idea with a reason, which is logged; it can be shown again. */
/** HideIdea's words, said once per page language: a board of a thousand ideas has a thousand. */
const hideWords = new WeakMap<object, { hide: string; reason: string; hideThis: string }>();

function HideIdea({ idea }: { idea: BoardIdea }) {
  const { t } = usePageT();
  let words = hideWords.get(t);
  if (!words) {
    words = { hide: t("board.hide"), reason: t("board.reason"), hideThis: t("board.hideThis") };
    hideWords.set(t, words);
  }
  const fetcher = useFetcher<CommandReply>();
  const reasonId = `hide-${idea.id}`;
  const refusal = refusalOf(fetcher.data, "hide-idea");
  return (
    <details className="mt-1 text-small">
      <summary className="cursor-pointer text-muted underline">
        {words.hide}
        <span className="sr-only">{` ${t("board.hideIdea", { text: idea.text.slice(0, 60) })}`}</span>
      </summary>
      <fetcher.Form method="post" className="mt-2 space-y-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="hide-idea" />
        <input type="hidden" name="ideaId" value={idea.id} />
        <Label htmlFor={reasonId}>{words.reason}</Label>
        <input
          id={reasonId}
          name="reason"
          required
          minLength={3}
          maxLength={300}
          className={`block w-full ${compactInputClass}`}
        />
        <Button size="sm" variant="danger" pending={fetcher.state !== "idle"}>
          {words.hideThis}
        </Button>
        <FormError errors={refusal ? [refusal] : null} />
      </fetcher.Form>
    </details>
  );
}

function HiddenIdeas({ hidden }: { hidden: { id: string; text: string; reason: string }[] }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply>();
  return (
    <Card as="details" compact>
      <summary className={summaryClass("label")}>
        {t("board.hidden", { count: hidden.length })}
      </summary>
      <ul className="mt-2 space-y-2">
        {hidden.map((idea) => (
          <li key={idea.id} className="text-small">
            <span className="whitespace-pre-wrap break-words">{idea.text}</span>{" "}
            <Text as="span" tone="muted">
              {t("board.hiddenBecause", { reason: idea.reason })}
            </Text>
            <fetcher.Form method="post" className="inline">
              <CsrfInput />
              <input type="hidden" name="intent" value="show-idea" />
              <input type="hidden" name="ideaId" value={idea.id} />{" "}
              <Button
                size="sm"
                variant="secondary"
                aria-label={t("board.showAgainNamed", { text: idea.text.slice(0, 60) })}
              >
                {t("board.showAgain")}
              </Button>
            </fetcher.Form>
          </li>
        ))}
      </ul>
    </Card>
  );
}
