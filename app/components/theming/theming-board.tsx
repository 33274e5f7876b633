import { useFetcher, useRevalidator } from "@remix-run/react";
import { type DragEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MessageKey } from "../../modules/i18n/en.ts";
import type { ThemingIdea, ThemingState, ThemingTheme } from "../../modules/theming/theming-doc.ts";
import { useLiveTheming } from "../../realtime/use-live-theming.ts";
import type { ThemingReply } from "../../routes/work-groups.$slug.sessions.$sessionId_.theming.tsx";
import { Dotted } from "../dotted.tsx";
import { Button, CsrfInput, compactInputClass, inlineInputClass, useCsrfToken } from "../forms.tsx";
import { STAFF, StaffIn, StaffText, StaffWithin } from "../staff-text.tsx";
import {
  Card,
  cardClass,
  cx,
  Heading,
  Label,
  Legend,
  summaryClass,
  Text,
  TextLink,
} from "../ui/index.ts";
import { Suggestions } from "./suggestions.tsx";

type Feeds = Record<string, { id: string; number: number; title: string }[]>;

type Props = {
  slug: string;
  session: { id: string; title: string; phase: string };
  state: ThemingState;
  boards: { id: string; title: string; room: string | null; wholeGroup: boolean }[];
  ratings: Record<string, { average: number | null; count: number }>;
  feeds: Feeds;
  canEdit: boolean;
};

/** The form the selection checkboxes belong to (they sit in the idea cards, all over the page). */
const SELECTION_FORM = "theming-selection";
const IDEA_TYPE = "application/x-convene-ideas";
const THEME_TYPE = "application/x-convene-theme";
/** One fetcher for every theming command, so one status line reports the last of them. */
export const THEMING_FETCHER = "theming";

/**
 * The session-wide theming space: every room's ideas with their room, Knoster column and
 * rating, grouped into themes. Facilitators move ideas by drag and drop or by selecting them
 * (checkboxes) and choosing a theme; they rename, merge, split and delete themes, undo their
 * own last change, and review suggested themes. Everyone else sees the same themes, live,
 * without the controls. Every change is a command the server checks.
 */
export function ThemingBoard(props: Props) {
  const { slug, session, boards, ratings, feeds, canEdit } = props;
  const { t, i18n } = useTranslation();
  const { state, status } = useLiveTheming(session.id, props.state);
  const fetcher = useFetcher<ThemingReply>({ key: THEMING_FETCHER });
  const csrf = useCsrfToken();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const revalidator = useRevalidator();

  const boardById = useMemo(() => new Map(boards.map((b) => [b.id, b])), [boards]);
  const oneDecimal = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const byTheme = useMemo(() => {
    const groups = new Map<string | null, ThemingIdea[]>();
    const themeIds = new Set(state.themes.map((theme) => theme.id));
    for (const idea of state.ideas) {
      const key = idea.themeId && themeIds.has(idea.themeId) ? idea.themeId : null;
      const group = groups.get(key);
      if (group) group.push(idea);
      else groups.set(key, [idea]);
    }
    return groups;
  }, [state]);

  // A board opened after the page loaded: reload once to learn its name and room.
  const unknownBoard = state.ideas.some((i) => !boardById.has(i.boardId));
  useEffect(() => {
    if (unknownBoard && revalidator.state === "idle") revalidator.revalidate();
  }, [unknownBoard, revalidator]);

  // Ideas that left (withdrawn, hidden) leave the selection too.
  useEffect(() => {
    setSelected((current) => {
      const present = new Set(state.ideas.map((i) => i.id));
      const kept = [...current].filter((id) => present.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [state.ideas]);

  // A command that worked clears the selection it acted on (and a created theme's name), and
  // only that: an idea ticked while the command was on its way stays ticked.
  const reply = fetcher.data;
  const [newLabel, setNewLabel] = useState("");
  const createButton = useRef<HTMLButtonElement>(null);
  const actedOn = useRef<string[]>([]);
  if (fetcher.formData) actedOn.current = fetcher.formData.getAll("ideaId").map(String);
  useEffect(() => {
    if (reply?.ok && reply.intent !== "suggest") {
      const sent = new Set(actedOn.current);
      setSelected((current) => {
        const kept = [...current].filter((id) => !sent.has(id));
        return kept.length === current.size ? current : new Set(kept);
      });
    }
    if (reply?.ok && reply.intent === "create-theme") setNewLabel("");
  }, [reply]);

  const submit = (fields: Record<string, string | string[]>) => {
    const form = new FormData();
    form.set("csrf", csrf);
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    }
    fetcher.submit(form, { method: "post" });
  };

  const toggle = (ideaId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(ideaId);
      else next.delete(ideaId);
      return next;
    });

  const dragIdeas = (event: DragEvent, ideaId: string) => {
    const ids = selected.has(ideaId) ? [...selected] : [ideaId];
    event.dataTransfer.setData(IDEA_TYPE, JSON.stringify(ids));
    event.dataTransfer.setData("text/plain", ids.join(","));
    event.dataTransfer.effectAllowed = "move";
  };

  /** Dropping ideas on a theme (or on "Not yet themed") moves them; a theme on a theme merges. */
  const dropOn = (themeId: string | null) => (event: DragEvent) => {
    event.preventDefault();
    const ideas = event.dataTransfer.getData(IDEA_TYPE);
    const theme = event.dataTransfer.getData(THEME_TYPE);
    if (ideas) {
      submit({
        intent: "move-ideas",
        themeId: themeId ?? "",
        ideaId: JSON.parse(ideas) as string[],
      });
    } else if (theme && themeId && theme !== themeId) {
      submit({ intent: "merge-themes", themeId: theme, intoThemeId: themeId });
    }
  };

  const card = (idea: ThemingIdea) => {
    const board = boardById.get(idea.boardId);
    const rating = ratings[idea.id];
    const fed = idea.themeId ? feeds[idea.themeId] : undefined;
    return (
      <li
        key={idea.id}
        id={`idea-${idea.id}`}
        draggable={canEdit}
        onDragStart={canEdit ? (event) => dragIdeas(event, idea.id) : undefined}
        className={`rounded-md border bg-surface p-2 text-small shadow-sm ${
          selected.has(idea.id) ? "border-action ring-2 ring-focus" : "border-line"
        } ${canEdit ? "cursor-grab" : ""}`}
      >
        <div className="flex items-start gap-2">
          {canEdit ? (
            <input
              type="checkbox"
              name="ideaId"
              value={idea.id}
              form={SELECTION_FORM}
              id={`select-${idea.id}`}
              checked={selected.has(idea.id)}
              onChange={(event) => toggle(idea.id, event.target.checked)}
              className="mt-1 h-4 w-4"
            />
          ) : null}
          <label htmlFor={canEdit ? `select-${idea.id}` : undefined} className="flex-1">
            <span className="block text-ink">{idea.text}</span>
            <span className="block text-xs text-muted">
              <Dotted
                parts={[
                  !board ? (
                    t("console.board")
                  ) : board.wholeGroup ? (
                    t("openBoard.wholeGroup")
                  ) : (
                    <StaffText>{boardLabel(board)}</StaffText>
                  ),
                  t(`knoster.${idea.column}` as MessageKey),
                  // In words: a screen reader says "★" as "black star".
                  ...(rating?.count
                    ? [
                        t("results.rated", {
                          average: oneDecimal.format(rating.average ?? 0),
                          count: rating.count,
                        }),
                      ]
                    : []),
                ]}
              />
            </span>
          </label>
        </div>
        {fed?.length ? (
          <p className="mt-1 text-xs text-muted">
            {t("theming.fed")}{" "}
            {fed.map((r, index) => (
              <span key={r.id}>
                {index > 0 ? ", " : ""}
                <TextLink href={`/work-groups/${slug}/recommendations/${r.id}`}>
                  {t("recommendation.number", { number: r.number })}
                </TextLink>
              </span>
            ))}
          </p>
        ) : null}
      </li>
    );
  };

  const unthemed = byTheme.get(null) ?? [];
  const busy = fetcher.state !== "idle";

  return (
    <div className="space-y-6">
      <div>
        <p>
          <TextLink href={`/work-groups/${slug}/sessions/${session.id}`}>
            {t("theming.back")}
          </TextLink>
        </p>
        <Heading level={1}>
          <StaffIn said={t("theming.title", { title: STAFF })} staff={session.title} />
        </Heading>
        <Text tone="muted">
          {t("theming.counts", {
            ideas: t("theming.ideasFromEveryRoom", { count: state.ideas.length }),
            themes: t("theming.themes", { count: state.themes.length }),
            unthemed: t("theming.unthemed", { count: unthemed.length }),
          })}{" "}
          <span className="text-small">
            {status === "live"
              ? t("theming.live")
              : status === "connecting"
                ? t("theming.connecting")
                : t("theming.offline")}
          </span>
        </Text>
        <Text tone="muted" size="small">
          {canEdit ? t("theming.helpEdit") : t("theming.helpRead")}
        </Text>
      </div>

      {canEdit ? (
        <fetcher.Form
          method="post"
          id={SELECTION_FORM}
          aria-label={t("theming.actions")}
          // Sticky only where the window is tall and wide enough to keep it and the ideas in
          // view: at 400% zoom (320 by 256 CSS px) the bar, wrapped, is taller than the window
          // and would cover every idea and the focused checkbox (WCAG 1.4.10, 2.4.11).
          className={cx(
            cardClass({ tone: "sunken", compact: true }),
            "top-0 z-10 flex flex-wrap items-end gap-3 md:[@media(min-height:40rem)]:sticky",
          )}
        >
          <CsrfInput />
          <Text size="small" className="w-full font-medium" aria-live="polite">
            {selected.size === 0
              ? t("theming.noneSelected")
              : t("theming.selected", { count: selected.size })}
          </Text>
          <div>
            <Label size="small" htmlFor="move-to">
              {t("theming.moveTo")}
            </Label>
            <select id="move-to" name="themeId" className={inlineInputClass}>
              <option value="">{t("theming.notYetThemed")}</option>
              <ThemeOptions themes={state.themes} />
            </select>
          </div>
          <Button
            name="intent"
            value="move-ideas"
            variant="secondary"
            pending={busy && fetcher.formData?.get("intent") === "move-ideas"}
          >
            {t("theming.move")}
          </Button>
          <div>
            <Label size="small" htmlFor="new-theme">
              {t("theming.newTheme")}
            </Label>
            <input
              id="new-theme"
              name="label"
              maxLength={120}
              value={newLabel}
              onChange={(event) => setNewLabel(event.target.value)}
              // Enter here means "Create theme", not the form's first button ("Move").
              onKeyDown={(event) => {
                if (event.key !== "Enter") return;
                event.preventDefault();
                createButton.current?.click();
              }}
              className={inlineInputClass}
            />
          </div>
          <Button ref={createButton} name="intent" value="create-theme" variant="secondary">
            {t("theming.create")}
          </Button>
          <Button name="intent" value="undo" variant="secondary" formNoValidate>
            {t("theming.undo")}
          </Button>
        </fetcher.Form>
      ) : null}

      <div role="status" aria-live="polite" className="min-h-6">
        {reply && reply.intent !== "suggest" ? (
          <p className={reply.ok ? "text-ink" : "font-medium text-danger"}>
            <StaffWithin said={reply.message} staff={reply.written ?? []} />
          </p>
        ) : null}
      </div>

      {canEdit ? <Suggestions ideas={state.ideas} /> : null}

      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <section
          aria-labelledby="unthemed-heading"
          onDragOver={canEdit ? (event) => event.preventDefault() : undefined}
          onDrop={canEdit ? dropOn(null) : undefined}
          // The whole width, its ideas in columns: a session's sixty ideas in one narrow column
          // made the page eight windows tall, and the themes hard to find below it.
          className="rounded-lg border border-dashed border-control bg-canvas p-3 md:col-span-2 xl:col-span-3"
        >
          <Heading level={2} size="subheading" id="unthemed-heading">
            {t("theming.unthemedHeading", { count: unthemed.length })}
          </Heading>
          {unthemed.length === 0 ? (
            <Text tone="muted" size="small">
              {state.ideas.length === 0 ? t("theming.noIdeas") : t("theming.allThemed")}
            </Text>
          ) : (
            // On a wide screen the list scrolls in its own box, so the themes stay in view below
            // it to drop ideas on (two rooms' sixty ideas made the page three windows tall). A
            // narrow or zoomed screen has the whole page to scroll instead: no box in a box.
            <ul className="mt-2 grid gap-2 sm:grid-cols-2 md:max-h-[32rem] md:overflow-y-auto xl:grid-cols-3">
              {unthemed.map(card)}
            </ul>
          )}
        </section>
        {state.themes.map((theme) => (
          <ThemeCard
            key={theme.id}
            theme={theme}
            themes={state.themes}
            ideas={byTheme.get(theme.id) ?? []}
            feeds={feeds[theme.id] ?? []}
            slug={slug}
            canEdit={canEdit}
            onDrop={dropOn(theme.id)}
            card={card}
          />
        ))}
      </div>
      {state.themes.length === 0 ? (
        <Text tone="muted">
          {canEdit
            ? `${t("theming.noThemes")} ${t("theming.noThemesHint")}`
            : t("theming.noThemes")}
        </Text>
      ) : null}
    </div>
  );
}

function ThemeCard({
  theme,
  themes,
  ideas,
  feeds,
  slug,
  canEdit,
  onDrop,
  card,
}: {
  theme: ThemingTheme;
  themes: ThemingTheme[];
  ideas: ThemingIdea[];
  feeds: Feeds[string];
  slug: string;
  canEdit: boolean;
  onDrop: (event: DragEvent) => void;
  card: (idea: ThemingIdea) => JSX.Element;
}) {
  const fetcher = useFetcher<ThemingReply>({ key: THEMING_FETCHER });
  const { t } = useTranslation();
  const others = themes.filter((other) => other.id !== theme.id);
  const headingId = `theme-${theme.id}-heading`;
  const [linkChoice, setLinkChoice] = useState<"move" | "drop">("move");
  return (
    <Card
      as="section"
      compact
      id={`theme-${theme.id}`}
      aria-labelledby={headingId}
      onDragOver={canEdit ? (event) => event.preventDefault() : undefined}
      onDrop={canEdit ? onDrop : undefined}
    >
      <h2
        id={headingId}
        draggable={canEdit}
        onDragStart={
          canEdit
            ? (event) => {
                event.dataTransfer.setData(THEME_TYPE, theme.id);
                event.dataTransfer.effectAllowed = "move";
              }
            : undefined
        }
        className={`text-subheading font-semibold ${canEdit ? "cursor-grab" : ""}`}
      >
        <StaffText>{theme.label}</StaffText>{" "}
        <Text as="span" tone="muted" size="small" className="font-normal">
          ({ideas.length})
        </Text>
      </h2>
      {feeds.length > 0 ? (
        <Text tone="muted" size="small">
          {t("theming.feeds")}{" "}
          {feeds.map((r, index) => (
            <span key={r.id}>
              {index > 0 ? ", " : ""}
              <TextLink href={`/work-groups/${slug}/recommendations/${r.id}`}>
                <StaffIn
                  said={t("recommendations.name", { number: r.number, title: STAFF })}
                  staff={r.title}
                />
              </TextLink>
            </span>
          ))}
        </Text>
      ) : null}
      {ideas.length === 0 ? (
        <Text tone="muted" size="small" className="mt-2">
          {t("theming.noIdeasInTheme")}
        </Text>
      ) : (
        <ul className="mt-2 space-y-2">{ideas.map(card)}</ul>
      )}
      {canEdit ? (
        <details className="mt-3 text-small">
          <summary className={summaryClass("link")}>
            {t("theming.edit")}{" "}
            <span className="sr-only">
              <StaffText>{theme.label}</StaffText>
            </span>
          </summary>
          <div className="mt-2 space-y-3">
            <fetcher.Form method="post" className="flex flex-wrap items-end gap-2">
              <CsrfInput />
              <input type="hidden" name="themeId" value={theme.id} />
              <div>
                <Label htmlFor={`rename-${theme.id}`}>{t("theming.name")}</Label>
                <input
                  id={`rename-${theme.id}`}
                  name="label"
                  defaultValue={theme.label}
                  key={theme.label}
                  maxLength={120}
                  required
                  className={`mt-1 ${compactInputClass}`}
                />
              </div>
              <Button name="intent" value="rename-theme" variant="secondary">
                {t("theming.rename")}
              </Button>
            </fetcher.Form>
            {others.length > 0 ? (
              <fetcher.Form method="post" className="flex flex-wrap items-end gap-2">
                <CsrfInput />
                <input type="hidden" name="themeId" value={theme.id} />
                <div>
                  <Label htmlFor={`merge-${theme.id}`}>{t("theming.mergeInto")}</Label>
                  <select
                    id={`merge-${theme.id}`}
                    name="intoThemeId"
                    className={`mt-1 ${compactInputClass}`}
                  >
                    <ThemeOptions themes={others} />
                  </select>
                </div>
                <Button name="intent" value="merge-themes" variant="secondary">
                  {t("theming.merge")}
                </Button>
              </fetcher.Form>
            ) : null}
            <fetcher.Form method="post" className="space-y-2">
              <CsrfInput />
              <input type="hidden" name="themeId" value={theme.id} />
              {feeds.length > 0 ? (
                <fieldset className="space-y-1 rounded-md border border-warning-line bg-warning-soft p-2">
                  <Legend>{t("theming.feedsLegend", { count: feeds.length })}</Legend>
                  {others.length > 0 ? (
                    <div className="flex flex-wrap items-center gap-2">
                      <input
                        type="radio"
                        id={`link-move-${theme.id}`}
                        name="link"
                        value="move"
                        checked={linkChoice === "move"}
                        onChange={() => setLinkChoice("move")}
                      />
                      <label htmlFor={`link-move-${theme.id}`}>{t("theming.moveLink")}</label>
                      <select
                        aria-label={t("theming.linkTarget")}
                        name="linkToThemeId"
                        className={compactInputClass}
                      >
                        <ThemeOptions themes={others} />
                      </select>
                    </div>
                  ) : null}
                  <div className="flex items-center gap-2">
                    <input
                      type="radio"
                      id={`link-drop-${theme.id}`}
                      name="link"
                      value="drop"
                      checked={linkChoice === "drop" || others.length === 0}
                      onChange={() => setLinkChoice("drop")}
                    />
                    <label htmlFor={`link-drop-${theme.id}`}>{t("theming.dropLink")}</label>
                  </div>
                </fieldset>
              ) : null}
              <Button name="intent" value="delete-theme" variant="danger">
                {t("theming.delete")}
              </Button>
              <Text as="span" tone="muted" className="ml-2">
                {t("theming.deleteHint")}
              </Text>
            </fetcher.Form>
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function ThemeOptions({ themes }: { themes: ThemingTheme[] }) {
  return themes.map((theme) => (
    <option key={theme.id} value={theme.id}>
      {theme.label}
    </option>
  ));
}

/**
 * Where an idea came from, naming its room once: a room's board is usually titled after the
 * room already ("Room A: Teacher PD"), and "Room A · Room A: Teacher PD" read as a stutter.
 */
export function boardLabel(board: { room?: string | null; title: string }) {
  if (!board.room || board.title.includes(board.room)) return board.title;
  return `${board.room} · ${board.title}`;
}
