import type { SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { BoardIdea } from "../../modules/board/board-doc.ts";
import { KNOSTER_ELEMENTS } from "../../modules/board/knoster.ts";
import { type AreaReadiness, readiness } from "../../modules/board/readiness.ts";
import { IDEA_MAX_LENGTH } from "../../modules/board/schema.ts";
import { useLiveBoard } from "../../realtime/use-live-board.ts";
import { Button, CsrfInput } from "../forms.tsx";

/** What the session page's action answers a command posted from a fetcher form. */
export type CommandReply = {
  intent: string;
  result?: SubmissionResult<string[]> | null;
  boardId?: string | null;
  message?: string | null;
};

type BoardProps = {
  board: { id: string; title: string; ideas: BoardIdea[] };
  canPost: boolean;
  /** Why ideas cannot be posted now (brainstorm is over), or null while they can. */
  closed: string | null;
  /** Facilitators see the Knoster readiness check, updated as ideas arrive. */
  showReadiness: boolean;
  userName: string;
};

export function LiveBoard({ board, canPost, closed, showReadiness, userName }: BoardProps) {
  const { ideas, status, present } = useLiveBoard(board.id, board.ideas, userName);
  const headingId = `board-${board.id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-xl font-semibold">
          Board: {board.title}
        </h2>
        <p className="text-sm text-slate-700">
          {/* Only the connection state is announced; joins and leaves would be constant noise. */}
          <span role="status">
            {status === "live"
              ? "Live"
              : status === "connecting"
                ? "Connecting…"
                : "Offline, reconnecting…"}
          </span>
          {present.length > 0 ? <span>{` · Here now: ${present.join(", ")}`}</span> : null}
        </p>
      </div>
      <div className="grid gap-3 md:grid-cols-5">
        {KNOSTER_ELEMENTS.map((element) => {
          const columnIdeas = ideas.filter((i) => i.column === element.key);
          return (
            <div key={element.key} className="rounded-lg border border-slate-300 bg-white p-3">
              <h3 className="font-semibold">
                {element.label}{" "}
                <span className="text-sm font-normal text-slate-700">({columnIdeas.length})</span>
              </h3>
              <ul
                className="mt-2 space-y-2"
                aria-label={`${element.label} ideas`}
                data-column={element.key}
              >
                {columnIdeas.map((idea) => (
                  <li
                    key={idea.id}
                    className="whitespace-pre-wrap break-words rounded-md bg-brand-50 p-2 text-sm"
                  >
                    {idea.text}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {showReadiness ? (
        <Readiness
          report={readiness(
            board.title,
            ideas.map((i) => i.column),
          )}
        />
      ) : null}
      {canPost && closed ? (
        <p className="rounded-md border border-slate-300 bg-slate-100 p-3">{closed}</p>
      ) : canPost ? (
        <PostIdeaForm boardId={board.id} />
      ) : null}
    </section>
  );
}

function PostIdeaForm({ boardId }: { boardId: string }) {
  const fetcher = useFetcher<CommandReply>();
  const formRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const data =
    fetcher.data && "boardId" in fetcher.data && fetcher.data.boardId === boardId
      ? fetcher.data
      : null;
  const errors = data?.result?.error;
  const textError = errors?.text?.[0] ?? errors?.column?.[0] ?? errors?.[""]?.[0] ?? null;
  // reply({ resetForm: true }) carries no status, only `initialValue: null`: a reply without
  // errors is the success.
  const posted = fetcher.state === "idle" && !!data?.result && !errors;
  const draftKey = `convene:idea-draft:${boardId}`;
  useEffect(() => {
    if (posted && textRef.current) {
      textRef.current.value = "";
      sessionStorage.removeItem(draftKey);
      textRef.current.focus();
    }
  }, [posted, draftKey]);
  // A typed idea survives a dropped connection or a reload until it is posted.
  useEffect(() => {
    const draft = sessionStorage.getItem(draftKey);
    if (draft && textRef.current && !textRef.current.value) textRef.current.value = draft;
  }, [draftKey]);
  const textId = `idea-text-${boardId}`;
  const errorId = `idea-error-${boardId}`;
  return (
    <fetcher.Form
      method="post"
      ref={formRef}
      className="rounded-lg border border-slate-300 bg-white p-4"
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="post-idea" />
      <input type="hidden" name="boardId" value={boardId} />
      <fieldset className="space-y-3">
        <legend className="font-semibold">Post an idea (anonymous)</legend>
        <div className="flex flex-wrap gap-4">
          {KNOSTER_ELEMENTS.map((element, i) => (
            <label key={element.key} className="flex items-center gap-1">
              <input type="radio" name="column" value={element.key} defaultChecked={i === 0} />
              {element.label}
            </label>
          ))}
        </div>
        <label htmlFor={textId} className="block font-medium">
          Your idea
        </label>
        <textarea
          id={textId}
          ref={textRef}
          name="text"
          rows={3}
          maxLength={IDEA_MAX_LENGTH}
          required
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? errorId : undefined}
          className="block w-full rounded-md border border-slate-400 p-2"
          onInput={(e) => sessionStorage.setItem(draftKey, e.currentTarget.value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter posts, so a keyboard user never has to leave the text box.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) formRef.current?.requestSubmit();
          }}
        />
        {textError ? (
          <p id={errorId} role="alert" className="text-sm text-red-800">
            {textError}
          </p>
        ) : null}
        <Button pending={fetcher.state !== "idle"}>Post idea</Button>
        <p className="text-sm text-slate-700">
          Ctrl+Enter posts. Other members never see who wrote an idea.
        </p>
      </fieldset>
    </fetcher.Form>
  );
}

function Readiness({ report }: { report: AreaReadiness }) {
  const gaps = report.elements.filter((e) => e.status !== "ok");
  return (
    <details className="rounded-lg border border-slate-300 bg-white p-3">
      <summary className="cursor-pointer font-semibold">
        Knoster readiness:{" "}
        {gaps.length === 0
          ? "every element has ideas"
          : `${gaps.length} element${gaps.length === 1 ? "" : "s"} missing or thin`}
      </summary>
      <ul className="mt-2 space-y-1">
        {report.elements.map((e) => (
          <li key={e.element}>
            <span className="font-medium">{e.label}</span>: {e.ideas} idea
            {e.ideas === 1 ? "" : "s"}
            {e.status === "ok" ? "" : ` — ${e.status}; the model predicts ${e.risk}`}
          </li>
        ))}
      </ul>
    </details>
  );
}
