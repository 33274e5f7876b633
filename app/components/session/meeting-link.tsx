import { getFormProps } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { meetingLinkSchema } from "../../modules/session/schema.ts";
import { Button, CsrfInput, Field, useZodForm } from "../forms.tsx";
import { ButtonLink, Card, summaryClass } from "../ui/index.ts";
import type { CommandReply } from "./live-board.tsx";

/** The button everyone in the session uses to open its video meeting. */
export function JoinMeeting({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <ButtonLink
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      variant="primary"
      className="mt-2"
    >
      {t("meeting.join")}
    </ButtonLink>
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
    <Card as="details">
      <summary className={summaryClass("title")}>{t("meeting.heading")}</summary>
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
    </Card>
  );
}
