import { getFormProps } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { meetingLinkSchema } from "../../modules/session/schema.ts";
import { Button, CsrfInput, Field, useZodForm } from "../forms.tsx";
import type { CommandReply } from "./live-board.tsx";

/** The button everyone in the session uses to open its video meeting. */
export function JoinMeeting({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      className="mt-2 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
    >
      {t("meeting.join")}
    </a>
  );
}

/** For facilitators: the session's video meeting link, set, changed or taken off. */
export function MeetingLinkForm({ url }: { url: string | null }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply>();
  const reply = fetcher.data?.intent === "meeting-link" ? fetcher.data.result : null;
  const [form, fields] = useZodForm(meetingLinkSchema, reply, {
    defaultValue: { meetingUrl: url ?? "" },
  });
  return (
    <details className="rounded-lg border border-slate-300 bg-white p-4">
      <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold">
        {t("meeting.heading")}
      </summary>
      <fetcher.Form method="post" className="mt-2 space-y-3" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="meeting-link" />
        <Field
          label={t("meeting.label")}
          field={fields.meetingUrl}
          type="url"
          hint={t("meeting.hint")}
        />
        <Button pending={fetcher.state !== "idle"}>{t("meeting.save")}</Button>
      </fetcher.Form>
    </details>
  );
}
