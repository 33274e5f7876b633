import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Button, CsrfInput } from "../components/forms.tsx";
import { readForm, requireUser } from "../modules/auth/auth-session.server.ts";
import { postIdea } from "../modules/board/board.server.ts";
import type { BoardIdea } from "../modules/board/board-doc.ts";
import { KNOSTER_ELEMENTS } from "../modules/board/knoster.ts";
import { IDEA_MAX_LENGTH, openBoardSchema, postIdeaSchema } from "../modules/board/schema.ts";
import { formatLabels } from "../modules/session/schema.ts";
import { getSessionPage, openBoard } from "../modules/session/session.server.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember, requireMembership } from "../modules/work-group/work-group.server.ts";
import { NotesEditor } from "../realtime/notes-editor.tsx";
import { useLiveBoard } from "../realtime/use-live-board.ts";
import { http } from "../utils/http.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const session = await getSessionPage(context, access, params.sessionId ?? "");
  return json({
    session,
    userName: user.name,
    can: {
      postIdea: can(access.role, "idea:post"),
      openBoard: can(access.role, "board:open"),
      editNotes: can(access.role, "notes:edit"),
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const form = await readForm(context, request);
  const intent = form.get("intent");
  if (intent === "post-idea") {
    const submission = parseWithZod(form, { schema: postIdeaSchema });
    if (submission.status !== "success") {
      return json(
        { intent, result: submission.reply(), boardId: String(form.get("boardId")) },
        { status: 400 },
      );
    }
    const boardId = String(form.get("boardId") ?? "");
    try {
      await postIdea(context, user, boardId, submission.value);
    } catch (error) {
      // A refusal (not a member, posting too fast) is shown beside the idea, which is kept.
      if (!(error instanceof Response)) throw error;
      const { message } = (await error.json()) as { message: string };
      return json(
        { intent, result: submission.reply({ formErrors: [message] }), boardId },
        { status: error.status },
      );
    }
    return json({ intent, result: submission.reply({ resetForm: true }), boardId });
  }
  if (intent === "open-board") {
    const access = await requireMembership(
      context,
      user.id,
      { slug: params.slug ?? "" },
      "board:open",
    );
    const submission = parseWithZod(form, { schema: openBoardSchema });
    if (submission.status !== "success")
      return json({ intent, result: submission.reply(), boardId: null }, { status: 400 });
    const result = await openBoard(context, user, access, params.sessionId ?? "", submission.value);
    if (!result.ok) {
      return json(
        { intent, result: submission.reply({ formErrors: [result.message] }), boardId: null },
        { status: 400 },
      );
    }
    return json({ intent, result: submission.reply({ resetForm: true }), boardId: result.boardId });
  }
  throw http(400, "Unknown action.");
}

/** A posted idea arrives through the live board; reloading every loader would only cost time. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "post-idea" ? false : defaultShouldRevalidate);

export default function SessionPage() {
  const { session, can, userName } = useLoaderData<typeof loader>();
  const [clientReady, setClientReady] = useState(false);
  useEffect(() => setClientReady(true), []);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{session.title}</h1>
        <p className="text-slate-700">
          {formatSessionTime(session.startsAt, session.timeZone)} ·{" "}
          {formatLabels[session.format as keyof typeof formatLabels] ?? session.format}
        </p>
      </div>
      {session.boards.length === 0 ? (
        <p className="rounded-md border border-slate-300 bg-white p-4">
          No board is open yet.
          {can.openBoard
            ? " Open one below to start collecting ideas."
            : " The facilitator opens one when the session starts."}
        </p>
      ) : null}
      {session.boards.map((board) => (
        <LiveBoard key={board.id} board={board} canPost={can.postIdea} userName={userName} />
      ))}
      {can.openBoard ? <OpenBoardForm areas={session.workGroup.areasOfFocus} /> : null}
      <section aria-labelledby="notes" className="space-y-2">
        <h2 id="notes" className="text-xl font-semibold">
          Session notes
        </h2>
        {clientReady ? (
          <NotesEditor sessionId={session.id} canEdit={can.editNotes} userName={userName} />
        ) : (
          <p className="text-slate-700">Loading the notes…</p>
        )}
      </section>
    </div>
  );
}

type BoardProps = {
  board: { id: string; title: string; ideas: BoardIdea[] };
  canPost: boolean;
  userName: string;
};

function LiveBoard({ board, canPost, userName }: BoardProps) {
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
      {canPost ? <PostIdeaForm boardId={board.id} /> : null}
    </section>
  );
}

function PostIdeaForm({ boardId }: { boardId: string }) {
  const fetcher = useFetcher<typeof action>();
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
  useEffect(() => {
    if (posted && textRef.current) {
      textRef.current.value = "";
      textRef.current.focus();
    }
  }, [posted]);
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

function OpenBoardForm({ areas }: { areas: { id: string; name: string }[] }) {
  return (
    <Form
      method="post"
      className="max-w-md space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="open-board" />
      <label htmlFor="areaOfFocusId" className="block font-semibold">
        Open a Knoster board
      </label>
      <select
        id="areaOfFocusId"
        name="areaOfFocusId"
        className="block w-full rounded-md border border-slate-400 p-2"
      >
        <option value="">Whole group</option>
        {areas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <Button>Open board</Button>
    </Form>
  );
}
