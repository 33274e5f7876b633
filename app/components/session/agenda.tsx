import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { staffTextIn } from "../../modules/i18n/staff-text.ts";
import { agendaTimes } from "../../modules/session/time.ts";
import { dateTimeFormat } from "../../utils/intl.ts";
import { Button, CsrfInput, FormError, inputClass, useClearedOnSuccess } from "../forms.tsx";
import { STAFF, StaffIn, StaffText } from "../staff-text.tsx";
import { EmptyState, Panel, summaryClass, Text, TextLink } from "../ui/index.ts";
import type { CommandReply } from "./live-board.tsx";

/** Presses "Next item" from anywhere on the console (listed on the page). */
export const AGENDA_SHORTCUT = "Alt+Shift+J";

type Item = {
  id: string;
  title: string;
  titleEs: string | null;
  minutes: number | null;
  presenter: string;
  materials: string[];
};

/**
 * The session's agenda: time boxes, presenters, slide and video links, and the item the
 * session is on now (live for everyone). Facilitators add, reorder, remove and move on.
 */
export function Agenda({
  items,
  current,
  canFacilitate,
  startsAt,
  timeZone,
}: {
  items: Item[];
  current: string | null;
  canFacilitate: boolean;
  /** The session's start and zone: each item's clock time follows from the time boxes. */
  startsAt: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const currentItem = items.find((i) => i.id === current);
  const nextItem = items[items.findIndex((i) => i.id === current) + 1];
  const times = agendaTimes(startsAt, items);
  const clock = dateTimeFormat(i18n.language, { timeZone, timeStyle: "short" });
  // Items added after this page loaded reach it only with the page's data: when the session
  // moves to one of them, load it (once per item, so a removed one cannot loop).
  const { revalidate } = useRevalidator();
  const askedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!current || currentItem || askedFor.current === current) return;
    askedFor.current = current;
    revalidate();
  }, [current, currentItem, revalidate]);
  if (items.length === 0 && !canFacilitate) return null;
  const list = (
    <ol className="mt-2 space-y-2">
      {items.map((item, index) => (
        <li
          key={item.id}
          aria-current={item.id === current ? "true" : undefined}
          className={`rounded-md p-2 ${item.id === current ? "border-2 border-info-line bg-info-soft" : "border border-line"}`}
        >
          <p className="font-medium">
            <Text as="span" tone="muted" size="small" className="font-normal">
              {times[index]!.end
                ? t("agenda.from", {
                    start: clock.format(times[index]!.start),
                    end: clock.format(times[index]!.end!),
                  })
                : clock.format(times[index]!.start)}
            </Text>{" "}
            {`${index + 1}. `}
            <StaffText es={item.titleEs}>{item.title}</StaffText>
            {item.minutes ? (
              <Text
                as="span"
                tone="muted"
                size="small"
                className="font-normal"
              >{` · ${t("agenda.minutes", { count: item.minutes })}`}</Text>
            ) : null}
            {item.presenter ? (
              <Text
                as="span"
                tone="muted"
                size="small"
                className="font-normal"
              >{` · ${item.presenter}`}</Text>
            ) : null}
          </p>
          {item.materials.length > 0 ? (
            <ul className="mt-1 text-small">
              {item.materials.map((link) => (
                <li key={link}>
                  <TextLink
                    className="break-all"
                    href={link}
                    rel="noopener noreferrer"
                    target="_blank"
                  >
                    {link}
                  </TextLink>
                </li>
              ))}
            </ul>
          ) : null}
          {canFacilitate ? (
            <ItemControls item={item} first={index === 0} last={index === items.length - 1} />
          ) : null}
        </li>
      ))}
    </ol>
  );
  return (
    <Panel title={t("agenda.heading")} headingId="agenda-heading">
      {currentItem ? (
        <p className="mt-1 font-medium" role="status">
          {`${t("agenda.nowLabel")} `}
          <StaffText es={currentItem.titleEs}>{currentItem.title}</StaffText>
        </p>
      ) : null}
      {items.length === 0 ? <EmptyState className="mt-2">{t("agenda.empty")}</EmptyState> : null}
      {canFacilitate && nextItem ? (
        <div className="mt-2">
          <Command
            fields={{ intent: "current-agenda-item", itemId: nextItem.id }}
            label={t("agenda.next", {
              title: staffTextIn(i18n.language, nextItem.title, nextItem.titleEs).text,
            })}
            shortcut={AGENDA_SHORTCUT}
            primary
          />
        </div>
      ) : null}
      {canFacilitate ? (
        list
      ) : (
        // A participant needs the item the session is on; the rest would push their board
        // below the first screen on a phone.
        <details className="mt-2">
          <summary className={summaryClass("link")}>
            {t("agenda.whole", { count: items.length })}
          </summary>
          {list}
        </details>
      )}
      {canFacilitate ? <UndoRemoval /> : null}
      {canFacilitate ? <AddItem /> : null}
    </Panel>
  );
}

function ItemControls({ item, first, last }: { item: Item; first: boolean; last: boolean }) {
  const { t, i18n } = useTranslation();
  const title = staffTextIn(i18n.language, item.title, item.titleEs).text;
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      <Command
        fields={{ intent: "current-agenda-item", itemId: item.id }}
        label={t("agenda.makeCurrent")}
        name={t("agenda.makeCurrentNamed", { title })}
      />
      {first ? null : (
        <Command
          fields={{ intent: "move-agenda-item", itemId: item.id, direction: "up" }}
          label={t("agenda.up")}
          name={t("agenda.upNamed", { title })}
        />
      )}
      {last ? null : (
        <Command
          fields={{ intent: "move-agenda-item", itemId: item.id, direction: "down" }}
          label={t("agenda.down")}
          name={t("agenda.downNamed", { title })}
        />
      )}
      <Command
        fields={{ intent: "remove-agenda-item", itemId: item.id }}
        label={t("agenda.remove")}
        name={t("agenda.removeNamed", { title })}
        danger
        fetcherKey={REMOVE_FETCHER}
      />
      <EditItem item={item} />
    </div>
  );
}

/** The removal fetcher, shared: the agenda reads what was removed to offer Undo. */
const REMOVE_FETCHER = "agenda-remove";

/** An item changed in place: the same fields as adding one, filled in. */
function EditItem({ item }: { item: Item }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply>();
  const details = useRef<HTMLDetailsElement>(null);
  const refusal = fetcher.data?.intent === "edit-agenda-item" ? fetcher.data.message : null;
  const { state, data } = fetcher;
  useEffect(() => {
    // Saved: the form closes, and focus goes back to where it was opened.
    if (state !== "idle" || data?.intent !== "edit-agenda-item" || data.message) return;
    if (details.current) details.current.open = false;
    details.current?.querySelector("summary")?.focus();
  }, [state, data]);
  const input = inputClass;
  return (
    <details ref={details} className="w-full">
      <summary className={summaryClass("link")}>
        {t("agenda.edit")}
        <span className="sr-only">
          {" "}
          <StaffText es={item.titleEs}>{item.title}</StaffText>
        </span>
      </summary>
      <fetcher.Form method="post" className="mt-2 grid gap-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="edit-agenda-item" />
        <input type="hidden" name="itemId" value={item.id} />
        <label className="block">
          <span className="font-medium">{t("agenda.title")}</span>
          <input
            name="title"
            required
            maxLength={160}
            defaultValue={item.title}
            className={input}
          />
        </label>
        <label className="block">
          <span className="font-medium">{t("agenda.titleEs")}</span>
          <input
            name="titleEs"
            lang="es"
            maxLength={160}
            defaultValue={item.titleEs ?? ""}
            className={input}
          />
        </label>
        <label className="block">
          <span className="font-medium">{t("agenda.timeBox")}</span>
          <input
            name="minutes"
            type="number"
            min={1}
            max={480}
            defaultValue={item.minutes ?? ""}
            className={input}
          />
        </label>
        <label className="block">
          <span className="font-medium">{t("agenda.presenter")}</span>
          <input name="presenter" maxLength={120} defaultValue={item.presenter} className={input} />
        </label>
        <label className="block">
          <span className="font-medium">{t("agenda.materials")}</span>
          <textarea
            name="materials"
            rows={2}
            defaultValue={item.materials.join("\n")}
            className={input}
          />
        </label>
        <div>
          <Button pending={fetcher.state !== "idle"}>{t("agenda.save")}</Button>
          <FormError errors={refusal ? [refusal] : null} />
        </div>
      </fetcher.Form>
    </details>
  );
}

/** After a removal: what went, and one button to put it back where it was. */
function UndoRemoval() {
  const { t, i18n } = useTranslation();
  const removal = useFetcher<CommandReply>({ key: REMOVE_FETCHER });
  const restore = useFetcher<CommandReply>();
  const removed = removal.data?.intent === "remove-agenda-item" ? removal.data.removed : null;
  // Put back, or refused: either way the offer is over for this removal.
  const [done, setDone] = useState<unknown>(null);
  useEffect(() => {
    if (restore.state === "idle" && restore.data?.intent === "restore-agenda-item")
      setDone(removal.data);
  }, [restore.state, restore.data, removal.data]);
  if (!removed || done === removal.data) {
    const refusal = restore.data?.message;
    return refusal ? <FormError errors={[refusal]} /> : null;
  }
  return (
    <div
      role="status"
      className="mt-2 flex flex-wrap items-center gap-3 rounded-md border border-line bg-canvas p-2"
    >
      <span>
        <StaffIn
          said={t("agenda.removed", { title: STAFF })}
          staff={removed.title}
          es={removed.titleEs}
        />
      </span>
      <restore.Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="restore-agenda-item" />
        <input type="hidden" name="title" value={removed.title} />
        <input type="hidden" name="titleEs" value={removed.titleEs ?? ""} />
        <input type="hidden" name="minutes" value={removed.minutes ?? ""} />
        <input type="hidden" name="presenter" value={removed.presenter} />
        <input type="hidden" name="materials" value={removed.materials.join("\n")} />
        <input type="hidden" name="position" value={removed.position} />
        <Button
          size="sm"
          variant="secondary"
          aria-label={t("agenda.undoNamed", {
            title: staffTextIn(i18n.language, removed.title, removed.titleEs).text,
          })}
          pending={restore.state !== "idle"}
        >
          {t("agenda.undo")}
        </Button>
      </restore.Form>
    </div>
  );
}

/** One button that posts one command: works from the keyboard and without JavaScript. */
function Command({
  fields,
  label,
  name,
  danger,
  primary,
  shortcut,
  fetcherKey,
}: {
  fields: Record<string, string>;
  label: string;
  name?: string;
  danger?: boolean;
  primary?: boolean;
  /** A key combination that presses this button from anywhere on the page (useShortcut). */
  shortcut?: string;
  /** A fetcher others read (the removal, for Undo). */
  fetcherKey?: string;
}) {
  const fetcher = useFetcher<CommandReply>(fetcherKey ? { key: fetcherKey } : undefined);
  const refusal = fetcher.data?.intent === fields.intent ? fetcher.data?.message : null;
  return (
    <fetcher.Form method="post">
      <CsrfInput />
      {Object.entries(fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <Button
        variant={danger ? "danger" : primary ? "primary" : "secondary"}
        className={primary ? "" : "px-2 py-1 text-small"}
        aria-label={name}
        aria-keyshortcuts={shortcut}
        data-shortcut={shortcut}
        pending={fetcher.state !== "idle"}
      >
        {label}
      </Button>
      <FormError errors={refusal ? [refusal] : null} />
    </fetcher.Form>
  );
}

function AddItem() {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply>();
  const refusal = fetcher.data?.intent === "add-agenda-item" ? fetcher.data.message : null;
  const form = useClearedOnSuccess(fetcher, "add-agenda-item");
  const input = inputClass;
  return (
    <details className="mt-3">
      <summary className={summaryClass("link")}>{t("agenda.add")}</summary>
      <fetcher.Form ref={form} method="post" className="mt-3 grid gap-3 md:grid-cols-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="add-agenda-item" />
        <label className="block md:col-span-2">
          <span className="font-medium">{t("agenda.title")}</span>
          <input name="title" required maxLength={160} className={input} />
        </label>
        <label className="block md:col-span-2">
          <span className="font-medium">{t("agenda.titleEs")}</span>
          <input name="titleEs" lang="es" maxLength={160} className={input} />
        </label>
        <label className="block">
          <span className="font-medium">{t("agenda.timeBox")}</span>
          <input name="minutes" type="number" min={1} max={480} className={input} />
        </label>
        <label className="block">
          <span className="font-medium">{t("agenda.presenter")}</span>
          <input name="presenter" maxLength={120} className={input} />
        </label>
        <label className="block md:col-span-2">
          <span className="font-medium">{t("agenda.materials")}</span>
          <textarea name="materials" rows={2} className={input} />
        </label>
        <div className="md:col-span-2">
          <Button pending={fetcher.state !== "idle"}>{t("agenda.addItem")}</Button>
          <FormError errors={refusal ? [refusal] : null} />
        </div>
      </fetcher.Form>
    </details>
  );
}
