import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, FormError } from "../forms.tsx";
import { Panel, summaryClass, Text } from "../ui/index.ts";
import type { CommandReply } from "./live-board.tsx";

type Guest = {
  id: string;
  number: number;
  name: string;
  group: string | null;
  region: string | null;
  joinedAt: string;
};

/**
 * For facilitators: whether people without an account may join this session by its code, how
 * many guests are in, and a way to remove one (a removed guest is signed out at once).
 */
export function GuestsPanel({
  allowed,
  guests,
  timeZone,
}: {
  allowed: boolean;
  guests: Guest[];
  /** The session's zone: the same clock for everyone, and for the server's first render. */
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const setting = useFetcher<CommandReply>();
  const refusal = setting.data?.message ?? null;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: "short", timeZone });
  return (
    <Panel
      title={t("guests.heading")}
      size="subheading"
      headingId="guests-heading"
      className="space-y-3"
    >
      <setting.Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="guests" />
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            name="allowed"
            defaultChecked={allowed}
            className="h-5 w-5"
            aria-describedby="guests-hint"
          />
          <span>{t("guests.allow")}</span>
        </label>
        <Button variant="secondary" pending={setting.state !== "idle"}>
          {t("guests.save")}
        </Button>
        <Text tone="muted" size="small" id="guests-hint" className="w-full">
          {t("guests.hint")}
        </Text>
        <div className="w-full">
          <FormError errors={refusal ? [refusal] : null} />
        </div>
      </setting.Form>
      <p role="status">{t("guests.count", { count: guests.length })}</p>
      {guests.length > 0 ? (
        <details>
          <summary className={summaryClass("label")}>{t("guests.list")}</summary>
          <ul className="mt-2 divide-y divide-line">
            {guests.map((guest) => (
              <GuestRow
                key={guest.id}
                guest={guest}
                joined={time.format(new Date(guest.joinedAt))}
              />
            ))}
          </ul>
        </details>
      ) : null}
    </Panel>
  );
}

function GuestRow({ guest, joined }: { guest: Guest; joined: string }) {
  const { t } = useTranslation();
  const remove = useFetcher<CommandReply>();
  const label = guest.name
    ? t("guests.named", { number: guest.number, name: guest.name })
    : t("guests.numbered", { number: guest.number });
  const about = [guest.group, guest.region, t("guests.joined", { time: joined })]
    .filter(Boolean)
    .join(" · ");
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-2">
      <span>
        <span className="font-medium">{label}</span>{" "}
        <Text as="span" tone="muted" size="small">
          {about}
        </Text>
      </span>
      <remove.Form
        method="post"
        onSubmit={(event) => {
          if (!window.confirm(t("guests.confirmRemove", { guest: label }))) event.preventDefault();
        }}
      >
        <CsrfInput />
        <input type="hidden" name="guestId" value={guest.id} />
        <Button
          variant="secondary"
          name="intent"
          value="remove-guest"
          pending={remove.state !== "idle"}
          aria-label={t("guests.removeNamed", { guest: label })}
        >
          {t("guests.remove")}
        </Button>
      </remove.Form>
      {remove.data?.message ? <FormError errors={[remove.data.message]} /> : null}
    </li>
  );
}
