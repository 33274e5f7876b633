import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CountTable, CrossCountTable } from "../components/comment-period/count-tables.tsx";
import { Button, CsrfInput, inputClass } from "../components/forms.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  getCommentAnalysis,
  runCommentTheming,
  suggestCommentThemes,
} from "../modules/comment-period/analysis.server.ts";
import { NOT_THEMED } from "../modules/comment-period/counts.ts";
import { commentThemingSchema } from "../modules/comment-period/schema.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { createResponseToComments } from "../modules/publication/publication.server.ts";
import { THEME_LABEL_MAX } from "../modules/theming/schema.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt } from "../utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Analysis: ${data?.period.title ?? "Comment period"} · Convene` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  return json({
    slug: access.workGroup.slug,
    canDraftResponse: can(access.role, "publication:edit"),
    ...(await getCommentAnalysis(context, access, params.periodId ?? "")),
  });
}

type Reply = {
  ok: boolean;
  message: string;
  suggestions?: { label: string; commentIds: string[] }[];
  /** What was typed, given back when it was refused, so a page without JavaScript keeps it. */
  values?: Record<string, string>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "comment:moderate");
  const periodId = params.periodId ?? "";
  const form = await readForm(context, request);
  const intent = form.get("intent");
  if (intent === "suggest") {
    const { suggestions, by } = await suggestCommentThemes(context, access, periodId);
    return json<Reply>({
      ok: true,
      message: suggestions.length
        ? `${suggestions.length} suggested themes (${by}). Accept, rename or skip each one.`
        : "Every comment is in a theme: nothing to suggest.",
      suggestions,
    });
  }
  if (intent === "draft-response") {
    const locale = await signedInLocale(context, request);
    const drafted = await attempt(() =>
      createResponseToComments(context, user, access, periodId, locale),
    );
    if (!drafted.ok) return json<Reply>({ ok: false, message: drafted.message }, drafted.status);
    return redirect(`/work-groups/${access.workGroup.slug}/publications/${drafted.value.id}`);
  }
  const typed = Object.fromEntries(
    [...form.entries()].flatMap(([key, value]) =>
      typeof value === "string" && key !== "csrf" && key !== "commentIds" ? [[key, value]] : [],
    ),
  );
  const submission = parseSubmission(form, commentThemingSchema);
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flat();
    return json<Reply>(
      { ok: false, message: errors.join(" ") || "Check the form and try again.", values: typed },
      400,
    );
  }
  const done = await attempt(() => runCommentTheming(context, access, periodId, submission.value));
  if (!done.ok)
    return json<Reply>({ ok: false, message: done.message, values: typed }, done.status);
  return json<Reply>({ ok: true, message: done.value });
}

type Analysis = ReturnType<typeof useLoaderData<typeof loader>>;
type CommentCard = Analysis["notThemed"][number];

/** One comment with a box to tick, for moving it. */
function CommentChoice({ comment }: { comment: CommentCard }) {
  return (
    <li className="rounded-md border border-slate-300 p-2">
      <label className="flex items-start gap-2">
        <input type="checkbox" name="commentIds" value={comment.id} className="mt-1 h-4 w-4" />
        <span>
          <span className="font-mono text-sm">{comment.trackingNumber}</span>
          <span className="text-sm text-slate-700">
            {" "}
            · {comment.stakeholderGroup}, {comment.region} ·{" "}
            {comment.sections ? `sections ${comment.sections}` : "general"}
          </span>
          <span className="mt-1 block whitespace-pre-line">{comment.body}</span>
        </span>
      </label>
    </li>
  );
}

function ThemeSelect({
  id,
  themes,
  exclude,
  includeNotThemed,
}: {
  id: string;
  themes: { id: string; name: string }[];
  exclude?: string;
  includeNotThemed?: boolean;
}) {
  return (
    <select id={id} name="themeId" className={`${inputClass} w-auto`}>
      {themes
        .filter((t) => t.id !== exclude)
        .map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      {includeNotThemed ? <option value="">{NOT_THEMED}</option> : null}
    </select>
  );
}

/** A suggested theme: accepted (its name editable first) or skipped. */
function SuggestionCard({
  suggestion,
  sample,
  onDone,
}: {
  suggestion: { label: string; commentIds: string[] };
  sample: string[];
  onDone: () => void;
}) {
  const accept = useFetcher<Reply>();
  const inputId = `suggestion-${suggestion.commentIds[0]}`;
  useEffect(() => {
    if (accept.state === "idle" && accept.data?.ok) onDone();
  }, [accept.state, accept.data, onDone]);
  return (
    <li className="space-y-2 rounded-md border border-slate-300 p-3">
      <accept.Form method="post" className="space-y-2">
        <CsrfInput />
        {suggestion.commentIds.map((id) => (
          <input key={id} type="hidden" name="commentIds" value={id} />
        ))}
        <label htmlFor={inputId} className="block text-sm font-medium">
          Theme name ({suggestion.commentIds.length} comments)
        </label>
        <input
          id={inputId}
          name="name"
          defaultValue={suggestion.label}
          maxLength={THEME_LABEL_MAX}
          required
          className={inputClass}
        />
        {sample.length ? (
          <ul className="list-disc pl-5 text-sm text-slate-800">
            {sample.map((text) => (
              <li key={text} className="line-clamp-2">
                {text}
              </li>
            ))}
          </ul>
        ) : null}
        {accept.data && !accept.data.ok ? (
          <p role="alert" className="text-sm font-medium text-red-800">
            {accept.data.message}
          </p>
        ) : null}
        <div className="flex gap-2">
          <Button name="intent" value="create-theme" pending={accept.state !== "idle"}>
            Accept
          </Button>
          <Button type="button" variant="secondary" onClick={onDone}>
            Skip
          </Button>
        </div>
      </accept.Form>
    </li>
  );
}

/**
 * A comment period's analysis and response: theme what people said (suggested and by hand),
 * read the counts, write a response per theme and the final draft, then draft the response
 * to comments publication. Every form works without JavaScript.
 */
export default function CommentAnalysisPage() {
  const { t } = useTranslation();
  const { slug, period, themes, notThemed, notThemedCount, counts, response, canDraftResponse } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [suggestions, setSuggestions] = useState(reply?.suggestions ?? []);
  useEffect(() => {
    if (reply?.suggestions) setSuggestions(reply.suggestions);
  }, [reply]);
  const textOf = new Map(notThemed.map((c) => [c.id, c.body]));
  const typed = (key: string, fallback: string) => reply?.values?.[key] ?? fallback;
  const typedFor = (themeId: string, key: string, fallback: string) =>
    reply?.values?.themeId === themeId ? typed(key, fallback) : fallback;
  const base = `/work-groups/${slug}/comment-periods/${period.id}`;

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm">
          <Link to={base} className="underline">
            {period.title}
          </Link>{" "}
          · Analysis and response
        </p>
        <h1 className="text-2xl font-semibold">{t("staffPeriod.analysis")}</h1>
        <p className="mt-1">
          {counts.total} comments kept after moderation, {themes.length} themes, {notThemedCount}{" "}
          not themed yet. Hidden comments are left out.
        </p>
        <div aria-live="polite" role="status">
          {reply ? (
            <p
              className={`mt-2 rounded-md border p-2 ${reply.ok ? "border-green-300 bg-green-50" : "border-red-300 bg-red-50 font-medium text-red-900"}`}
            >
              {reply.message}
            </p>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="counts" className="space-y-3">
        <h2 id="counts" className="text-xl font-semibold">
          Who commented, on what
        </h2>
        <p className="text-sm text-slate-700">
          Staff see exact counts here. In the response to comments, which the public reads, counts
          from 1 to 4 are published as “&lt;5”, with one more count beside them where a total would
          give them back, so that no one can be singled out.
        </p>
        <div className="flex flex-wrap items-start gap-8">
          <CountTable caption="By section" rows={counts.bySection} />
          <CountTable caption="By stakeholder group" rows={counts.byStakeholderGroup} />
          <CountTable caption="By district or region" rows={counts.byRegion} />
        </div>
        {themes.length ? (
          <CrossCountTable
            caption="Themes by stakeholder group"
            table={counts.themesByStakeholderGroup}
          />
        ) : null}
      </section>

      <section aria-labelledby="suggested" className="space-y-3">
        <h2 id="suggested" className="text-xl font-semibold">
          Suggested themes
        </h2>
        <Form method="post" className="flex flex-wrap items-center gap-3">
          <CsrfInput />
          <Button
            name="intent"
            value="suggest"
            variant="secondary"
            pending={busy && navigation.formData?.get("intent") === "suggest"}
            disabled={notThemedCount === 0}
          >
            {suggestions.length ? "Suggest again" : "Suggest themes"}
          </Button>
          <span className="text-sm text-slate-700">
            Groups the comments not yet themed by what they say. Nothing changes until you accept
            one.
          </span>
        </Form>
        {suggestions.length ? (
          <ol className="grid gap-3 md:grid-cols-2">
            {suggestions.map((s) => (
              <SuggestionCard
                key={s.commentIds.join(" ")}
                suggestion={s}
                sample={s.commentIds.slice(0, 2).flatMap((id) => textOf.get(id) ?? [])}
                onDone={() => setSuggestions((list) => list.filter((other) => other !== s))}
              />
            ))}
          </ol>
        ) : null}
      </section>

      <section aria-labelledby="not-themed" className="space-y-3">
        <h2 id="not-themed" className="text-xl font-semibold">
          {NOT_THEMED} ({notThemedCount})
        </h2>
        {notThemedCount === 0 ? (
          <p>Every comment is in a theme.</p>
        ) : (
          <Form method="post" className="space-y-3">
            <CsrfInput />
            <fieldset>
              <legend className="font-medium">
                Tick comments, then put them in a theme
                {notThemedCount > notThemed.length
                  ? ` (the first ${notThemed.length} are listed)`
                  : ""}
              </legend>
              <ul className="mt-1 max-h-[40rem] space-y-2 overflow-y-auto">
                {notThemed.map((comment) => (
                  <CommentChoice key={comment.id} comment={comment} />
                ))}
              </ul>
            </fieldset>
            <div className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor="new-theme-name" className="block font-medium">
                  New theme
                </label>
                <input
                  id="new-theme-name"
                  name="name"
                  maxLength={THEME_LABEL_MAX}
                  defaultValue={typed("name", "")}
                  className={inputClass}
                />
              </div>
              <Button name="intent" value="create-theme">
                Create with the ticked comments
              </Button>
              {themes.length ? (
                <>
                  <div>
                    <label htmlFor="move-to" className="block font-medium">
                      Or move them to
                    </label>
                    <ThemeSelect id="move-to" themes={themes} />
                  </div>
                  <Button name="intent" value="move-comments" variant="secondary">
                    Move
                  </Button>
                </>
              ) : null}
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="themes" className="space-y-4">
        <h2 id="themes" className="text-xl font-semibold">
          Themes and responses
        </h2>
        {themes.length === 0 ? (
          <p>No themes yet: accept a suggestion or tick comments above.</p>
        ) : null}
        {themes.map((theme) => (
          <article
            key={theme.id}
            aria-labelledby={`theme-${theme.id}`}
            className="space-y-3 rounded-lg border border-slate-300 p-4"
          >
            <h3 id={`theme-${theme.id}`} className="text-lg font-semibold">
              {theme.name} ({theme.count} comments)
            </h3>
            <Form method="post" className="space-y-2">
              <CsrfInput />
              <input type="hidden" name="themeId" value={theme.id} />
              <label htmlFor={`response-${theme.id}`} className="block font-medium">
                Response to this theme
              </label>
              <textarea
                id={`response-${theme.id}`}
                name="response"
                rows={4}
                defaultValue={typedFor(theme.id, "response", theme.response)}
                className={inputClass}
              />
              <Button name="intent" value="respond">
                Save response
              </Button>
            </Form>
            <details>
              <summary className="cursor-pointer font-medium">
                Comments in this theme
                {theme.count > theme.comments.length
                  ? ` (the first ${theme.comments.length} of ${theme.count})`
                  : ""}
              </summary>
              <Form method="post" className="mt-2 space-y-2">
                <CsrfInput />
                <fieldset>
                  <legend className="sr-only">Comments in {theme.name}</legend>
                  <ul className="max-h-96 space-y-2 overflow-y-auto">
                    {theme.comments.map((comment) => (
                      <CommentChoice key={comment.id} comment={comment} />
                    ))}
                  </ul>
                </fieldset>
                <div className="flex flex-wrap items-end gap-2">
                  <div>
                    <label htmlFor={`move-${theme.id}`} className="block text-sm font-medium">
                      Move the ticked comments to
                    </label>
                    <ThemeSelect
                      id={`move-${theme.id}`}
                      themes={themes}
                      exclude={theme.id}
                      includeNotThemed
                    />
                  </div>
                  <Button name="intent" value="move-comments" variant="secondary">
                    Move
                  </Button>
                </div>
              </Form>
            </details>
            <details>
              <summary className="cursor-pointer font-medium">Rename, merge or delete</summary>
              <div className="mt-2 flex flex-wrap items-end gap-4">
                <Form method="post" className="flex items-end gap-2">
                  <CsrfInput />
                  <input type="hidden" name="themeId" value={theme.id} />
                  <div>
                    <label htmlFor={`rename-${theme.id}`} className="block text-sm font-medium">
                      Name
                    </label>
                    <input
                      id={`rename-${theme.id}`}
                      name="name"
                      required
                      maxLength={THEME_LABEL_MAX}
                      defaultValue={typedFor(theme.id, "name", theme.name)}
                      className={inputClass}
                    />
                  </div>
                  <Button name="intent" value="rename-theme" variant="secondary">
                    Rename
                  </Button>
                </Form>
                {themes.length > 1 ? (
                  <Form method="post" className="flex items-end gap-2">
                    <CsrfInput />
                    <input type="hidden" name="themeId" value={theme.id} />
                    <div>
                      <label htmlFor={`merge-${theme.id}`} className="block text-sm font-medium">
                        Merge into
                      </label>
                      <select
                        id={`merge-${theme.id}`}
                        name="intoThemeId"
                        className={`${inputClass} w-auto`}
                      >
                        {themes
                          .filter((t) => t.id !== theme.id)
                          .map((t) => (
                            <option key={t.id} value={t.id}>
                              {t.name}
                            </option>
                          ))}
                      </select>
                    </div>
                    <Button name="intent" value="merge-themes" variant="secondary">
                      Merge
                    </Button>
                  </Form>
                ) : null}
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="themeId" value={theme.id} />
                  <Button name="intent" value="delete-theme" variant="danger">
                    Delete theme (its comments go back to {NOT_THEMED.toLowerCase()})
                  </Button>
                </Form>
              </div>
            </details>
          </article>
        ))}
      </section>

      <section aria-labelledby="final-draft" className="max-w-3xl space-y-3">
        <h2 id="final-draft" className="text-xl font-semibold">
          Final draft and summary of changes
        </h2>
        <Form method="post" className="space-y-3">
          <CsrfInput />
          <div>
            <label htmlFor="changes-summary" className="block font-medium">
              Summary of changes
            </label>
            <textarea
              id="changes-summary"
              name="changesSummary"
              rows={5}
              defaultValue={typed("changesSummary", period.changesSummary)}
              className={inputClass}
            />
          </div>
          <div>
            <label htmlFor="final-draft-text" className="block font-medium">
              Final draft (text or Markdown; “# ” headings start sections)
            </label>
            <textarea
              id="final-draft-text"
              name="finalDraft"
              rows={12}
              defaultValue={typed("finalDraft", period.finalDraft)}
              className={`${inputClass} font-mono text-sm`}
            />
          </div>
          <Button name="intent" value="final-draft">
            Save
          </Button>
        </Form>
      </section>

      <section aria-labelledby="response" className="space-y-2">
        <h2 id="response" className="text-xl font-semibold">
          Response to comments
        </h2>
        {response ? (
          <p>
            <Link to={`/work-groups/${slug}/publications/${response.id}`} className="underline">
              {response.title}
            </Link>{" "}
            ·{" "}
            {response.publishedNumber === null
              ? "a draft, not public yet"
              : `version ${response.publishedNumber} is public`}
            . Edit and publish it there, like any report.
          </p>
        ) : canDraftResponse ? (
          <Form method="post" className="space-y-2">
            <CsrfInput />
            <p>
              Drafts the document from the counts, each theme with its response, the summary of
              changes and the final draft. You then edit it with others and publish it; the public
              comment period page links to it once it is public.
            </p>
            <Button name="intent" value="draft-response">
              Draft the response to comments
            </Button>
          </Form>
        ) : (
          <p>Not drafted yet. A facilitator drafts and publishes it.</p>
        )}
      </section>
    </div>
  );
}
