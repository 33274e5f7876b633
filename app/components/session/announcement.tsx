import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, FormError, inputClass } from "../forms.tsx";
import { Card, Notice, summaryClass } from "../ui/index.ts";
import type { CommandReply } from "./live-board.tsx";

/**
 * The lead facilitator's message to every room: a banner on every page (announced to screen
 * readers as it arrives), and for facilitators the form to send, bring everyone back, or clear.
 */
export function Announcement({
  message,
  canFacilitate,
}: {
  message: string | null;
  canFacilitate: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status" aria-live="assertive">
        {message ? (
          <Notice as="p" tone="warning" className="text-subheading font-semibold">
            {t("announcement.from", { message })}
          </Notice>
        ) : null}
      </div>
      {canFacilitate ? <AnnounceForm current={message} /> : null}
    </>
  );
}

function AnnounceForm({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply>();
  const refusal = fetcher.data?.intent === "announce" ? fetcher.data.message : null;
  return (
    <Card as="details">
      <summary className={summaryClass("label")}>{t("announcement.heading")}</summary>
      <fetcher.Form method="post" className="mt-3 flex flex-wrap items-end gap-3">
        <CsrfInput />
        <label className="block grow">
          <span className="font-medium">{t("announcement.message")}</span>
          <input name="message" maxLength={300} className={inputClass} />
        </label>
        <Button name="intent" value="announce" pending={fetcher.state !== "idle"}>
          {t("announcement.send")}
        </Button>
        <Button variant="secondary" name="intent" value="bring-back">
          {t("announcement.bringBack")}
        </Button>
        {current ? (
          <Button variant="secondary" name="intent" value="clear-announcement">
            {t("announcement.clear")}
          </Button>
        ) : null}
        <div className="w-full">
          <FormError errors={refusal ? [refusal] : null} />
        </div>
      </fetcher.Form>
    </Card>
  );
}
