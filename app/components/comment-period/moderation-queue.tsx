import { Form, useActionData, useFetcher, useNavigation } from "@remix-run/react";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LiveDecision, StateCounts } from "../../modules/comment-period/moderation-doc.ts";
import {
  COMMENT_STATES,
  type CommentState,
  FLAGS,
  GENERAL,
  QUEUE_FILTER_FIELDS,
  type QueueFilter,
} from "../../modules/comment-period/schema.ts";
import { formatDate, type Locale } from "../../modules/i18n/i18n.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { useLiveModeration } from "../../realtime/use-live-moderation.ts";
import { formatKilobytes } from "../../utils/intl.ts";
import { Button, CsrfInput, inputClass } from "../forms.tsx";
import { STAFF, StaffIn, StaffText } from "../staff-text.tsx";
import {
  buttonClass,
  Card,
  cardClass,
  cx,
  Heading,
  Label,
  Notice,
  Tag,
  Text,
  TextLink,
} from "../ui/index.ts";
import { WrittenText } from "../written-text.tsx";

/** What the queue's loader gives the page (routes/…comment-periods.$periodId_.comments.tsx). */
export type QueueData = {
  locale: Locale;
  filter: QueueFilter;
  period: { id: string; title: string; timeZone: string };
  sections: { number: number; heading: string }[];
  seenAt: string;
  pageSize: number;
  comments: QueueComment[];
  next: string | null;
  previous: string | null;
  matching: number;
  counts: StateCounts & { flagged: number };
  groups: { label: string; count: number }[];
  regions: { label: string; count: number }[];
  campaigns: { id: string; count: number; trackingNumber: string; opening: string }[];
};

type QueueComment = {
  id: string;
  trackingNumber: string;
  receivedAt: string;
  name: string;
  email: string;
  stakeholderGroup: string;
  region: string;
  sections: number[];
  body: string;
  state: string;
  hiddenReason: string;
  flags: string[];
  campaignId: string | null;
  campaignSize: number;
  revision: number;
  language: string | null;
  decidedBy: { by: string; at: string } | null;
  files: { position: number; name: string; type: string; size: number }[];
};

export type DecisionReply = {
  ok: boolean;
  message: string;
  decisions?: Record<string, LiveDecision>;
};

/** Reasons a moderator picks from, or types their own (they are suggestions, not a list). */
const REASONS = ["personal", "abuse", "spam", "offTopic"] as const;

/**
 * The moderation queue: filters and search at the top (a GET form, so every view has a link),
 * then one page of comments, each with its own Publish and Hide, and a bulk decision on the
 * ticked ones or on every one matching. Works without JavaScript; with it, decisions are made
 * in place (the list does not move), other moderators' decisions appear live, and the
 * keyboard moves from comment to comment (J, K) and decides (P, H, X), WCAG 2.1.4-safe since
 * the keys act only while a comment has focus.
 */
export function ModerationQueue({ data }: { data: QueueData }) {
  const { t } = useTranslation();
  const live = useLiveModeration(data.period.id);
  const result = useActionData<DecisionReply>();
  const [mine, setMine] = useState<Record<string, LiveDecision>>({});
  const listRef = useRef<HTMLOListElement>(null);
  // A bulk decision made, its ticks are cleared: the next one starts from nothing chosen.
  useEffect(() => {
    if (!result?.ok) return;
    for (const box of document.querySelectorAll<HTMLInputElement>(
      'input[form="bulk"], #bulk input[type="checkbox"]',
    ))
      box.checked = false;
  }, [result]);
  const counts = live.counts ? { ...data.counts, ...live.counts } : data.counts;
  const total = counts.pending + counts.published + counts.hidden;
  const remember = (decisions: Record<string, LiveDecision> | undefined) => {
    if (decisions) setMine((seen) => ({ ...seen, ...decisions }));
  };
  /** The newest of what the page loaded, the live document and this page's own decisions. */
  const current = (comment: QueueComment) => {
    const candidates = [
      live.decisions.get(comment.id),
      mine[comment.id],
      result?.decisions?.[comment.id],
    ].filter((d): d is LiveDecision => Boolean(d) && d!.revision > comment.revision);
    const newest = candidates.sort((a, b) => b.revision - a.revision)[0];
    return newest
      ? {
          state: newest.state,
          reason: newest.reason,
          revision: newest.revision,
          decidedBy: { by: newest.by, at: newest.at },
        }
      : {
          state: comment.state as CommentState,
          reason: comment.hiddenReason,
          revision: comment.revision,
          decidedBy: comment.decidedBy,
        };
  };
  const query = queryOf(data.filter);

  return (
    <div className="space-y-6">
      <div>
        <p>
          <TextLink to=".." relative="path">
            {t("moderation.back")}
          </TextLink>
        </p>
        <Heading level={1} className="mt-2">
          {t("moderation.title")}: <StaffText>{data.period.title}</StaffText>
        </Heading>
        <p className="mt-1" aria-live="polite">
          {t("moderation.counts", { total, ...counts })}
        </p>
        <Text tone="muted" size="small" className="mt-1">
          {t("moderation.exact")}
        </Text>
      </div>

      <Filters data={data} />

      {result?.message ? (
        <Notice as="p" live tone={result.ok ? "success" : "error"}>
          {result.message}
        </Notice>
      ) : null}

      <section aria-labelledby="results" className="space-y-3">
        <Heading level={2} id="results">
          {t("moderation.matching", { count: data.matching })}
        </Heading>
        {data.matching === 0 ? (
          <p>{total === 0 ? t("moderation.noneYet") : t("moderation.none")}</p>
        ) : (
          <>
            <datalist id="hide-reasons">
              {REASONS.map((reason) => (
                <option key={reason} value={t(`moderation.reasons.${reason}`)} />
              ))}
            </datalist>
            <BulkDecision data={data} query={query} />
            <p id="bulk-hint" className="sr-only">
              {t("moderation.bulkHint")}
            </p>
            <Text tone="muted" size="small">
              {t("moderation.keys")}
            </Text>
            <p className="sr-only">{t("moderation.live")}</p>
            <ol ref={listRef} className="space-y-3">
              {data.comments.map((comment) => (
                <CommentRow
                  key={comment.id}
                  comment={comment}
                  now={current(comment)}
                  data={data}
                  onDecided={(reply) => {
                    remember(reply.decisions);
                    focusNext(listRef.current, comment.id);
                  }}
                />
              ))}
            </ol>
            <Pager data={data} query={query} />
          </>
        )}
      </section>
    </div>
  );
}

/** The filter as a query string, without the page: bulk decisions and pager links keep it. */
function queryOf(filter: QueueFilter) {
  const params = new URLSearchParams();
  for (const field of QUEUE_FILTER_FIELDS) {
    const value = filter[field];
    if (value !== undefined && value !== "" && !(field === "order" && value === "oldest"))
      params.set(field, String(value));
  }
  return params;
}

function Filters({ data }: { data: QueueData }) {
  const { t } = useTranslation();
  const { filter } = data;
  const select = (name: keyof QueueFilter, label: string, options: [string, string][]) => (
    <div>
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={filter[name] === undefined ? "" : String(filter[name])}
        className={inputClass}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const field = (name: "q" | "from" | "to", label: string, type: "search" | "date") => (
    <div>
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <input
        id={`filter-${name}`}
        type={type}
        name={name}
        defaultValue={filter[name] ?? ""}
        maxLength={200}
        className={inputClass}
      />
    </div>
  );
  const any: [string, string] = ["", t("moderation.any")];
  const moreInUse =
    (["flag", "section", "group", "region", "campaign", "from", "to"] as const).filter(
      (field) => filter[field] !== undefined,
    ).length + (filter.order === "newest" ? 1 : 0);
  return (
    <Form method="get" role="search" aria-label={t("moderation.filters")} className="space-y-3">
      {/* The search and the state, which a moderator changes most, always in view. */}
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 grow">{field("q", t("moderation.search"), "search")}</div>
        {select("state", t("moderation.state"), [
          any,
          ...COMMENT_STATES.map((state): [string, string] => [
            state,
            t("moderation.withCount", {
              label: t(`moderation.states.${state}`),
              count: data.counts[state],
            }),
          ]),
        ])}
        <Button>{t("moderation.show")}</Button>
        <TextLink standalone to=".">
          {t("moderation.clear")}
        </TextLink>
      </div>
      <details open={moreInUse > 0} className="rounded-md border border-line bg-surface">
        <summary className="cursor-pointer px-3 py-2.5 font-medium">
          {moreInUse
            ? t("moderation.moreFiltersInUse", { count: moreInUse })
            : t("moderation.moreFilters")}
        </summary>
        <div className="grid gap-3 p-3 sm:grid-cols-2 lg:grid-cols-4">
          {select("flag", t("moderation.flag"), [
            any,
            ...FLAGS.map((flag): [string, string] => [flag, t(`moderation.flags.${flag}`)]),
          ])}
          {select("section", t("moderation.section"), [
            any,
            [GENERAL, t("moderation.general")],
            ...data.sections.map((s): [string, string] => [
              String(s.number),
              t("moderation.sectionName", { number: s.number, heading: s.heading }),
            ]),
          ])}
          {select("group", t("moderation.group"), [
            any,
            ...data.groups.map((g): [string, string] => [
              g.label,
              t("moderation.withCount", { label: g.label, count: g.count }),
            ]),
          ])}
          {select("region", t("moderation.region"), [
            any,
            ...data.regions.map((r): [string, string] => [
              r.label,
              t("moderation.withCount", { label: r.label, count: r.count }),
            ]),
          ])}
          {select("campaign", t("moderation.campaign"), [
            any,
            ["none", t("moderation.noCampaign")],
            ...data.campaigns.map((c): [string, string] => [
              c.id,
              t("moderation.campaignChoice", { count: c.count, opening: `${c.opening}…` }),
            ]),
          ])}
          {field("from", t("moderation.from"), "date")}
          {field("to", t("moderation.to"), "date")}
          {select("order", t("moderation.order"), [
            ["oldest", t("moderation.oldest")],
            ["newest", t("moderation.newest")],
          ])}
        </div>
        <div className="px-3 pb-3">
          <Button>{t("moderation.show")}</Button>
        </div>
      </details>
    </Form>
  );
}

/** The ticked comments' (or every matching comment's) decision, in one form. */
function BulkDecision({ data, query }: { data: QueueData; query: URLSearchParams }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const hideRef = useRef<HTMLButtonElement>(null);
  return (
    <Form
      id="bulk"
      method="post"
      action={`?${query.toString()}`}
      className={cx(cardClass({ tone: "sunken", compact: true }), "space-y-2")}
      aria-labelledby="bulk-title"
      aria-describedby="bulk-hint"
    >
      <Heading level={3} size="minor" id="bulk-title">
        {t("moderation.bulk")}
      </Heading>
      <CsrfInput />
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="seenAt" value={data.seenAt} />
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="matching" value="yes" className="h-5 w-5" />
          {t("moderation.allMatching", { count: data.matching })}
        </label>
        <div className="min-w-64 grow">
          <ReasonField
            id="bulk-reason"
            label={t("moderation.reason")}
            onEnter={(event) => {
              // Enter in the reason means hide, not the form's first button (publish).
              event.preventDefault();
              hideRef.current?.form?.requestSubmit(hideRef.current);
            }}
          />
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button name="state" value="published" pending={navigation.state === "submitting"}>
          {t("moderation.publishTicked")}
        </Button>
        <Button ref={hideRef} name="state" value="hidden" variant="secondary">
          {t("moderation.hideTicked")}
        </Button>
        <Button name="state" value="pending" variant="secondary">
          {t("moderation.pendingTicked")}
        </Button>
      </div>
    </Form>
  );
}

function DecisionFields({ pair }: { pair: string }) {
  return (
    <>
      <CsrfInput />
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="comments" value={pair} />
    </>
  );
}

function ReasonField({
  id,
  label,
  onEnter,
}: {
  id: string;
  label: string;
  onEnter?: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        name="reason"
        list="hide-reasons"
        maxLength={500}
        onKeyDown={(event) => {
          if (event.key === "Enter" && onEnter) onEnter(event);
        }}
        className={inputClass}
      />
    </div>
  );
}

type Now = {
  state: CommentState;
  reason: string;
  revision: number;
  decidedBy: { by: string; at: string } | null;
};

function CommentRow({
  comment,
  now,
  data,
  onDecided,
}: {
  comment: QueueComment;
  now: Now;
  data: QueueData;
  onDecided: (reply: DecisionReply) => void;
}) {
  const { t } = usePageT();
  const fetcher = useFetcher<DecisionReply>();
  const hideRef = useRef<HTMLDetailsElement>(null);
  const tickRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const answered = useRef<DecisionReply | undefined>(undefined);
  const reply = fetcher.data;
  useEffect(() => {
    if (fetcher.state !== "idle" || !reply || answered.current === reply) return;
    answered.current = reply;
    if (reply.ok) {
      if (hideRef.current) hideRef.current.open = false;
      onDecided(reply);
    }
  }, [fetcher.state, reply, onDecided]);
  const pair = `${comment.id}:${now.revision}`;
  const headingId = `comment-${comment.id}`;
  const sectionNames = comment.sections.map((number) => {
    const heading = data.sections.find((s) => s.number === number)?.heading ?? "";
    return t("moderation.sectionName", { number, heading });
  });
  const decide = (state: CommentState) => {
    const form = new FormData(formRef.current ?? undefined);
    form.set("state", state);
    fetcher.submit(form, { method: "post" });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Keys belong to fields while typing, and to the browser with a modifier held.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey)
      return;
    const key = event.key.toLowerCase();
    const row = event.currentTarget.closest("li");
    if (key === "j" || key === "arrowdown") {
      (row?.nextElementSibling?.querySelector("article") as HTMLElement | null)?.focus();
    } else if (key === "k" || key === "arrowup") {
      (row?.previousElementSibling?.querySelector("article") as HTMLElement | null)?.focus();
    } else if (key === "p") {
      decide("published");
    } else if (key === "h") {
      if (hideRef.current) hideRef.current.open = true;
      hideRef.current?.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
    } else if (key === "x") {
      tickRef.current?.click();
    } else return;
    event.preventDefault();
  };
  const decided = now.decidedBy
    ? now.decidedBy.by
      ? t("moderation.decidedBy", {
          state: t(`moderation.states.${now.state}`),
          name: now.decidedBy.by,
          time: formatDate(data.locale, now.decidedBy.at, {
            timeZone: data.period.timeZone,
            withTime: true,
          }),
        })
      : t("moderation.decidedBySomeone", {
          state: t(`moderation.states.${now.state}`),
          time: formatDate(data.locale, now.decidedBy.at, {
            timeZone: data.period.timeZone,
            withTime: true,
          }),
        })
    : null;
  const badge = ({ pending: "warning", published: "success", hidden: "neutral" } as const)[
    now.state
  ];
  return (
    <li>
      <Card
        as="article"
        compact
        // A comment takes focus so the moderation keys (J, K, P, H, X) act on the one being read
        tabIndex={0}
        aria-labelledby={headingId}
        onKeyDown={onKeyDown}
        data-comment={comment.id}
        data-state={now.state}
        className="focus:outline focus:outline-4 focus:outline-focus"
      >
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <label className="flex min-h-11 min-w-11 items-center">
            <input
              ref={tickRef}
              type="checkbox"
              form="bulk"
              name="comments"
              value={pair}
              className="h-5 w-5"
            />
            <span className="sr-only">
              {t("moderation.tick", { tracking: comment.trackingNumber })}
            </span>
          </label>
          <Heading level={3} size="minor" id={headingId} className="font-mono">
            {comment.trackingNumber}
          </Heading>
          <Tag tone={badge}>{t(`moderation.states.${now.state}`)}</Tag>
          {comment.flags.map((flag) => (
            <Tag key={flag} tone="danger">
              {t(`moderation.flags.${flag}`)}
            </Tag>
          ))}
          <Text as="span" tone="muted" size="small">
            {t("moderation.received", {
              date: formatDate(data.locale, comment.receivedAt, {
                timeZone: data.period.timeZone,
                withTime: true,
              }),
            })}
          </Text>
        </div>
        <p className="mt-1">
          <span className="font-medium">{comment.name || t("moderation.noName")}</span>
          {comment.email ? <span className="break-all"> · {comment.email}</span> : null}
          {" · "}
          <StaffText>{comment.stakeholderGroup}</StaffText>, <StaffText>{comment.region}</StaffText>
        </p>
        <Text size="small">
          {sectionNames.length ? (
            <StaffIn
              said={t("moderation.sections", { list: STAFF })}
              staff={sectionNames.join("; ")}
            />
          ) : (
            t("moderation.general")
          )}
          {comment.campaignId ? (
            <>
              {" · "}
              <TextLink to={`?campaign=${encodeURIComponent(comment.campaignId)}`}>
                {t("moderation.inCampaign", { count: comment.campaignSize })}
              </TextLink>
            </>
          ) : null}
        </Text>
        <p className="mt-2 whitespace-pre-line">
          <WrittenText text={comment.body} lang={comment.language} />
        </p>
        {comment.files.length ? (
          <div className="mt-2">
            <Text size="small" className="font-medium">
              {t("moderation.files")}
            </Text>
            <ul className="text-small">
              {comment.files.map((file) => (
                <li key={file.position}>
                  <TextLink
                    standalone
                    href={`comments/${comment.id}/files/${file.position}`}
                    download
                  >
                    {t("moderation.file", {
                      name: file.name,
                      type: file.type.toUpperCase(),
                      size: formatKilobytes(data.locale, file.size),
                    })}
                  </TextLink>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {decided ? (
          <Text tone="muted" size="small" className="mt-2">
            {decided}
          </Text>
        ) : null}
        {now.state === "hidden" && now.reason ? (
          <Text tone="muted" size="small">
            {t("moderation.hiddenBecause", { reason: now.reason })}
          </Text>
        ) : null}
        {reply && !reply.ok && fetcher.state === "idle" ? (
          <Notice as="p" tone="error" role="alert" className="mt-2">
            {reply.message}
          </Notice>
        ) : null}
        <div className="mt-3 flex flex-wrap items-start gap-2">
          <fetcher.Form ref={formRef} method="post" className="flex flex-wrap gap-2">
            <DecisionFields pair={pair} />
            {now.state !== "published" ? (
              <Button
                name="state"
                value="published"
                pending={fetcher.state !== "idle" && fetcher.formData?.get("state") === "published"}
              >
                {t("moderation.publish")}
              </Button>
            ) : null}
            {now.state !== "pending" ? (
              <Button name="state" value="pending" variant="secondary">
                {t("moderation.pending")}
              </Button>
            ) : null}
          </fetcher.Form>
          {now.state !== "hidden" ? (
            <details ref={hideRef} className="w-full sm:w-auto">
              <summary className={cx(buttonClass({ variant: "secondary" }), "cursor-pointer")}>
                {t("moderation.hideMenu")}
              </summary>
              {/* Its own form, so Enter in the reason hides (a form's first button is its default). */}
              <fetcher.Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                <DecisionFields pair={pair} />
                <ReasonField id={`reason-${comment.id}`} label={t("moderation.reasonShort")} />
                <Button name="state" value="hidden" variant="danger">
                  {t("moderation.hide")}
                </Button>
              </fetcher.Form>
            </details>
          ) : null}
        </div>
      </Card>
    </li>
  );
}

/** After a decision, the next comment takes focus, as in a mail program. */
function focusNext(list: HTMLOListElement | null, commentId: string) {
  const rows = [...(list?.querySelectorAll<HTMLElement>("article[data-comment]") ?? [])];
  const at = rows.findIndex((row) => row.dataset.comment === commentId);
  if (at === -1) return;
  (rows[at + 1] ?? rows[at])?.focus();
}

function Pager({ data, query }: { data: QueueData; query: URLSearchParams }) {
  const { t } = useTranslation();
  const link = (cursor: string, direction: "after" | "before") => {
    const params = new URLSearchParams(query);
    params.set(direction, cursor);
    return `?${params.toString()}`;
  };
  if (!data.next && !data.previous) return null;
  return (
    <nav aria-label={t("moderation.pages")} className="flex flex-wrap gap-4">
      {data.previous ? (
        <>
          <TextLink standalone to={`?${query.toString()}`}>
            {t("moderation.first")}
          </TextLink>
          <TextLink standalone to={link(data.previous, "before")}>
            ← {t("moderation.previous", { count: data.pageSize })}
          </TextLink>
        </>
      ) : null}
      {data.next ? (
        <TextLink standalone to={link(data.next, "after")}>
          {t("moderation.next", { count: data.pageSize })} →
        </TextLink>
      ) : null}
    </nav>
  );
}
