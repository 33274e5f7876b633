import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CountTable, CrossCountTable } from "../components/comment-period/count-tables.tsx";
import { Button, CsrfInput, inputClass } from "../components/forms.tsx";
import { STAFF, StaffIn, StaffText, StaffWithin } from "../components/staff-text.tsx";
import {
  Card,
  Heading,
  Label,
  Legend,
  Notice,
  summaryClass,
  Text,
  TextLink,
} from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  getCommentAnalysis,
  runCommentTheming,
  suggestCommentThemes,
} from "../modules/comment-period/analysis.server.ts";
import { NOT_THEMED } from "../modules/comment-period/counts.ts";
import { commentThemingSchema } from "../modules/comment-period/schema.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated, usePageT } from "../modules/i18n/use-locale.ts";
import { createResponseToComments } from "../modules/publication/publication.server.ts";
import { THEME_LABEL_MAX } from "../modules/theming/schema.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, say, sayMessage, sayRefusal } from "../utils/http.server.ts";

export const handle = translated;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? titleIn(matches, "staffAnalysis.pageTitle", { title: data.period.title })
      : titleIn(matches, "staffPeriod.analysis"),
  },
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
  /** Text people wrote that the message quotes (theme names), marked as such on the page. */
  quoted?: string[];
  suggestions?: { label: string; commentIds: string[] }[];
  /** What was typed, given back when it was refused, so a page without JavaScript keeps it. */
  values?: Record<string, string>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "comment:moderate");
  const periodId = params.periodId ?? "";
  const form = await readForm(context, request);
  const locale = await signedInLocale(context, request);
  const intent = form.get("intent");
  if (intent === "suggest") {
    const { suggestions, model } = await suggestCommentThemes(context, access, periodId);
    const by = model
      ? say(locale, "theming.suggested.byModel", { model: model.name, host: model.host })
      : say(locale, "theming.suggested.byWords");
    return json<Reply>({
      ok: true,
      message: suggestions.length
        ? say(locale, "staffAnalysis.suggested", { count: suggestions.length, by })
        : say(locale, "staffAnalysis.nothingToSuggest"),
      suggestions,
    });
  }
  if (intent === "draft-response") {
    const drafted = await attempt(() =>
      createResponseToComments(context, user, access, periodId, locale),
    );
    if (!drafted.ok)
      return json<Reply>({ ok: false, message: sayRefusal(locale, drafted) }, drafted.status);
    return redirect(`/work-groups/${access.workGroup.slug}/publications/${drafted.value.id}`);
  }
  const typed = Object.fromEntries(
    [...form.entries()].flatMap(([key, value]) =>
      typeof value === "string" && key !== "csrf" && key !== "commentIds" ? [[key, value]] : [],
    ),
  );
  const submission = parseSubmission(form, commentThemingSchema);
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {})
      .flat()
      .flatMap((error) => (error ? [sayMessage(locale, error)] : []));
    return json<Reply>(
      {
        ok: false,
        message: errors.join(" ") || say(locale, "staffAnalysis.errors.check"),
        values: typed,
      },
      400,
    );
  }
  const done = await attempt(() => runCommentTheming(context, access, periodId, submission.value));
  if (!done.ok)
    return json<Reply>(
      { ok: false, message: sayRefusal(locale, done), values: typed },
      done.status,
    );
  const { key, values } = done.value;
  const quoted = ["theme", "from", "into"].flatMap((name) =>
    typeof values[name] === "string" ? [values[name] as string] : [],
  );
  return json<Reply>({ ok: true, message: say(locale, key, values), quoted });
}

type Analysis = ReturnType<typeof useLoaderData<typeof loader>>;
type CommentCard = Analysis["notThemed"][number];

/** One comment with a box to tick, for moving it. */
function CommentChoice({ comment }: { comment: CommentCard }) {
  const { t } = usePageT();
  return (
    <Card as="li" compact>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="commentIds" value={comment.id} className="mt-1 h-4 w-4" />
        <span>
          <span className="font-mono text-small">{comment.trackingNumber}</span>
          <Text as="span" tone="muted" size="small">
            {" "}
            · {comment.stakeholderGroup}, {comment.region} ·{" "}
            {comment.sections
              ? t("staffAnalysis.commentSections", {
                  count: comment.sections.split(" ").filter(Boolean).length,
                  list: comment.sections,
                })
              : t("staffAnalysis.general")}
          </Text>
          <span className="mt-1 block whitespace-pre-line">{comment.body}</span>
        </span>
      </label>
    </Card>
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
  const { t: say } = usePageT();
  return (
    <select id={id} name="themeId" className={`${inputClass} w-auto`}>
      {themes
        .filter((t) => t.id !== exclude)
        .map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      {includeNotThemed ? <option value="">{say("staffAnalysis.notThemed")}</option> : null}
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
  const { t } = usePageT();
  const accept = useFetcher<Reply>();
  const inputId = `suggestion-${suggestion.commentIds[0]}`;
  useEffect(() => {
    if (accept.state === "idle" && accept.data?.ok) onDone();
  }, [accept.state, accept.data, onDone]);
  return (
    <Card as="li" compact className="space-y-2">
      <accept.Form method="post" className="space-y-2">
        <CsrfInput />
        {suggestion.commentIds.map((id) => (
          <input key={id} type="hidden" name="commentIds" value={id} />
        ))}
        <Label size="small" htmlFor={inputId}>
          {t("staffAnalysis.themeName", {
            comments: t("staffPeriod.comments", { count: suggestion.commentIds.length }),
          })}
        </Label>
        <input
          id={inputId}
          name="name"
          defaultValue={suggestion.label}
          maxLength={THEME_LABEL_MAX}
          required
          className={inputClass}
        />
        {sample.length ? (
          <ul className="list-disc pl-5 text-small text-ink">
            {sample.map((text) => (
              <li key={text} className="line-clamp-2">
                {text}
              </li>
            ))}
          </ul>
        ) : null}
        {accept.data && !accept.data.ok ? (
          <Text tone="danger" size="small" role="alert" className="font-medium">
            {accept.data.message}
          </Text>
        ) : null}
        <div className="flex gap-2">
          <Button name="intent" value="create-theme" pending={accept.state !== "idle"}>
            {t("theming.accept")}
          </Button>
          <Button type="button" variant="secondary" onClick={onDone}>
            {t("staffAnalysis.skip")}
          </Button>
        </div>
      </accept.Form>
    </Card>
  );
}

/**
 * A comment period's analysis and response: theme what people said (suggested and by hand),
 * read the counts, write a response per theme and the final draft, then draft the response
 * to comments publication. Every form works without JavaScript.
 */
export default function CommentAnalysisPage() {
  const { t } = usePageT();
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
  // The counts' labels as the server words them: "Section 2: Heading", "General", "Not themed".
  const sectionLabel = (label: string) => {
    const numbered = /^Section (\d+): ([\s\S]*)$/.exec(label);
    if (numbered)
      return (
        <StaffIn
          said={t("staffAnalysis.sectionLabel", { number: numbered[1], heading: STAFF })}
          staff={numbered[2]!}
        />
      );
    return label === "General" ? t("staffAnalysis.generalRow") : <StaffText>{label}</StaffText>;
  };
  const themeLabel = (label: string) =>
    label === NOT_THEMED ? t("staffAnalysis.notThemed") : <StaffText>{label}</StaffText>;

  return (
    <div className="space-y-8">
      <div>
        <Text size="small">
          <TextLink to={base}>
            <StaffText>{period.title}</StaffText>
          </TextLink>{" "}
          · {t("staffPeriod.analysis")}
        </Text>
        <Heading level={1}>{t("staffPeriod.analysis")}</Heading>
        <p className="mt-1">
          {t("staffAnalysis.summary", {
            kept: t("staffAnalysis.kept", { count: counts.total }),
            themes: t("theming.themes", { count: themes.length }),
            notThemed: notThemedCount,
          })}
        </p>
        <div aria-live="polite" role="status">
          {reply ? (
            <Notice
              as="p"
              tone={reply.ok ? "success" : "error"}
              className={reply.ok ? "mt-2" : "mt-2 font-medium"}
            >
              <StaffWithin said={reply.message} staff={reply.quoted ?? []} />
            </Notice>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="counts" className="space-y-3">
        <Heading level={2} id="counts">
          {t("staffAnalysis.counts")}
        </Heading>
        <Text tone="muted" size="small">
          {t("staffAnalysis.exact")}
        </Text>
        <div className="flex flex-wrap items-start gap-8">
          <CountTable
            caption={t("staffAnalysis.bySection")}
            heading={t("moderation.section")}
            rows={counts.bySection}
            label={sectionLabel}
          />
          <CountTable
            caption={t("staffAnalysis.byGroup")}
            heading={t("moderation.group")}
            rows={counts.byStakeholderGroup}
          />
          <CountTable
            caption={t("staffAnalysis.byRegion")}
            heading={t("staffAnalysis.region")}
            rows={counts.byRegion}
          />
        </div>
        {themes.length ? (
          <CrossCountTable
            caption={t("staffAnalysis.themesByGroup")}
            table={counts.themesByStakeholderGroup}
            label={themeLabel}
          />
        ) : null}
      </section>

      <section aria-labelledby="suggested" className="space-y-3">
        <Heading level={2} id="suggested">
          {t("theming.suggestions")}
        </Heading>
        <Form method="post" className="flex flex-wrap items-center gap-3">
          <CsrfInput />
          <Button
            name="intent"
            value="suggest"
            variant="secondary"
            pending={busy && navigation.formData?.get("intent") === "suggest"}
            disabled={notThemedCount === 0}
          >
            {suggestions.length ? t("theming.suggestAgain") : t("theming.suggest")}
          </Button>
          <Text as="span" tone="muted" size="small">
            {t("staffAnalysis.suggestHint")}
          </Text>
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
        <Heading level={2} id="not-themed">
          {t("staffAnalysis.notThemedHeading", { count: notThemedCount })}
        </Heading>
        {notThemedCount === 0 ? (
          <p>{t("staffAnalysis.allThemed")}</p>
        ) : (
          <Form method="post" className="space-y-3">
            <CsrfInput />
            <fieldset>
              <Legend>
                {notThemedCount > notThemed.length
                  ? t("staffAnalysis.tickFirst", { count: notThemed.length })
                  : t("staffAnalysis.tick")}
              </Legend>
              <ul className="mt-1 max-h-[40rem] space-y-2 overflow-y-auto">
                {notThemed.map((comment) => (
                  <CommentChoice key={comment.id} comment={comment} />
                ))}
              </ul>
            </fieldset>
            <div className="flex flex-wrap items-end gap-3">
              <div>
                <Label htmlFor="new-theme-name">{t("staffAnalysis.newTheme")}</Label>
                <input
                  id="new-theme-name"
                  name="name"
                  maxLength={THEME_LABEL_MAX}
                  defaultValue={typed("name", "")}
                  className={inputClass}
                />
              </div>
              <Button name="intent" value="create-theme">
                {t("staffAnalysis.createWithTicked")}
              </Button>
              {themes.length ? (
                <>
                  <div>
                    <Label htmlFor="move-to">{t("staffAnalysis.orMoveTo")}</Label>
                    <ThemeSelect id="move-to" themes={themes} />
                  </div>
                  <Button name="intent" value="move-comments" variant="secondary">
                    {t("theming.move")}
                  </Button>
                </>
              ) : null}
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="themes" className="space-y-4">
        <Heading level={2} id="themes">
          {t("staffAnalysis.themesHeading")}
        </Heading>
        {themes.length === 0 ? <p>{t("staffAnalysis.noThemes")}</p> : null}
        {themes.map((theme) => (
          <Card
            as="article"
            key={theme.id}
            aria-labelledby={`theme-${theme.id}`}
            className="space-y-3"
          >
            <Heading level={3} id={`theme-${theme.id}`}>
              <StaffIn
                said={t("staffAnalysis.themeHeading", {
                  name: STAFF,
                  comments: t("staffPeriod.comments", { count: theme.count }),
                })}
                staff={theme.name}
              />
            </Heading>
            <Form method="post" className="space-y-2">
              <CsrfInput />
              <input type="hidden" name="themeId" value={theme.id} />
              <Label htmlFor={`response-${theme.id}`}>{t("staffAnalysis.responseLabel")}</Label>
              <textarea
                id={`response-${theme.id}`}
                name="response"
                rows={4}
                defaultValue={typedFor(theme.id, "response", theme.response)}
                className={inputClass}
              />
              <Button name="intent" value="respond">
                {t("staffAnalysis.saveResponse")}
              </Button>
            </Form>
            <details>
              <summary className={summaryClass("label")}>
                {theme.count > theme.comments.length
                  ? t("staffAnalysis.inThemeFirst", {
                      shown: theme.comments.length,
                      total: theme.count,
                    })
                  : t("staffAnalysis.inTheme")}
              </summary>
              <Form method="post" className="mt-2 space-y-2">
                <CsrfInput />
                <fieldset>
                  <legend className="sr-only">
                    <StaffIn
                      said={t("staffAnalysis.commentsIn", { name: STAFF })}
                      staff={theme.name}
                    />
                  </legend>
                  <ul className="max-h-96 space-y-2 overflow-y-auto">
                    {theme.comments.map((comment) => (
                      <CommentChoice key={comment.id} comment={comment} />
                    ))}
                  </ul>
                </fieldset>
                <div className="flex flex-wrap items-end gap-2">
                  <div>
                    <Label size="small" htmlFor={`move-${theme.id}`}>
                      {t("staffAnalysis.moveTickedTo")}
                    </Label>
                    <ThemeSelect
                      id={`move-${theme.id}`}
                      themes={themes}
                      exclude={theme.id}
                      includeNotThemed
                    />
                  </div>
                  <Button name="intent" value="move-comments" variant="secondary">
                    {t("theming.move")}
                  </Button>
                </div>
              </Form>
            </details>
            <details>
              <summary className={summaryClass("label")}>{t("staffAnalysis.manage")}</summary>
              <div className="mt-2 flex flex-wrap items-end gap-4">
                <Form method="post" className="flex items-end gap-2">
                  <CsrfInput />
                  <input type="hidden" name="themeId" value={theme.id} />
                  <div>
                    <Label size="small" htmlFor={`rename-${theme.id}`}>
                      {t("theming.name")}
                    </Label>
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
                    {t("theming.rename")}
                  </Button>
                </Form>
                {themes.length > 1 ? (
                  <Form method="post" className="flex items-end gap-2">
                    <CsrfInput />
                    <input type="hidden" name="themeId" value={theme.id} />
                    <div>
                      <Label size="small" htmlFor={`merge-${theme.id}`}>
                        {t("theming.mergeInto")}
                      </Label>
                      <select
                        id={`merge-${theme.id}`}
                        name="intoThemeId"
                        className={`${inputClass} w-auto`}
                      >
                        {themes
                          .filter((other) => other.id !== theme.id)
                          .map((other) => (
                            <option key={other.id} value={other.id}>
                              {other.name}
                            </option>
                          ))}
                      </select>
                    </div>
                    <Button name="intent" value="merge-themes" variant="secondary">
                      {t("theming.merge")}
                    </Button>
                  </Form>
                ) : null}
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="themeId" value={theme.id} />
                  <Button name="intent" value="delete-theme" variant="danger">
                    {t("staffAnalysis.deleteTheme")}
                  </Button>
                </Form>
              </div>
            </details>
          </Card>
        ))}
      </section>

      <section aria-labelledby="final-draft" className="max-w-3xl space-y-3">
        <Heading level={2} id="final-draft">
          {t("staffAnalysis.finalDraftHeading")}
        </Heading>
        <Form method="post" className="space-y-3">
          <CsrfInput />
          <div>
            <Label htmlFor="changes-summary">{t("staffAnalysis.changesSummary")}</Label>
            <textarea
              id="changes-summary"
              name="changesSummary"
              rows={5}
              defaultValue={typed("changesSummary", period.changesSummary)}
              className={inputClass}
            />
          </div>
          <div>
            <Label htmlFor="final-draft-text">{t("staffAnalysis.finalDraft")}</Label>
            <textarea
              id="final-draft-text"
              name="finalDraft"
              rows={12}
              defaultValue={typed("finalDraft", period.finalDraft)}
              className={`${inputClass} font-mono text-small`}
            />
          </div>
          <Button name="intent" value="final-draft">
            {t("staffAnalysis.save")}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="response" className="space-y-2">
        <Heading level={2} id="response">
          {t("staffAnalysis.response")}
        </Heading>
        {response ? (
          <p>
            <TextLink to={`/work-groups/${slug}/publications/${response.id}`}>
              <StaffText>{response.title}</StaffText>
            </TextLink>{" "}
            ·{" "}
            {response.publishedNumber === null
              ? t("staffAnalysis.responseDraft")
              : t("staffAnalysis.responsePublic", { number: response.publishedNumber })}
            . {t("staffAnalysis.responseEdit")}
          </p>
        ) : canDraftResponse ? (
          <Form method="post" className="space-y-2">
            <CsrfInput />
            <p>{t("staffAnalysis.draftHint")}</p>
            <Button name="intent" value="draft-response">
              {t("staffAnalysis.draftResponse")}
            </Button>
          </Form>
        ) : (
          <p>{t("staffAnalysis.notDrafted")}</p>
        )}
      </section>
    </div>
  );
}
