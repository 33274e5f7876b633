import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { isOfflineReply, type OfflineReply, whenOnline } from "../../realtime/offline.ts";
import { CsrfInput, FormError } from "../forms.tsx";
import { Button, Card, Heading, Legend, Notice, Text } from "../ui/index.ts";
import { WrittenText } from "../written-text.tsx";
import { BoardName } from "./board-name.tsx";
import type { CommandReply } from "./live-board.tsx";

type Rating = {
  total: number;
  rated: number;
  next: {
    id: string;
    text: string;
    lang?: string | null;
    column: string;
    board: string;
    wholeGroup: boolean;
  } | null;
};

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * One idea at a time, in an order that spreads ratings over every idea. One tap rates it: each
 * star is its own button (at least 48 px square, for a thumb), and the next idea comes at once.
 * Ratings are private: nobody, facilitators included, sees who gave which.
 */
export function RatingPanel({ rating, cameLive }: { rating: Rating; cameLive: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply | OfflineReply>();
  const offline = isOfflineReply(fetcher.data) && fetcher.state === "idle";
  const refusal =
    fetcher.data && !isOfflineReply(fetcher.data) && fetcher.data.intent === "rate"
      ? fetcher.data.message
      : null;
  // The rating (or skip) as tapped, to send again if the connection dropped under it: the
  // server keeps one rating per person and idea, so it counts once however often it arrives.
  const pending = useRef<FormData | null>(null);
  useEffect(() => {
    if (!offline) return;
    return whenOnline(() => {
      if (pending.current) fetcher.submit(pending.current, { method: "post" });
    });
  }, [offline, fetcher.submit]);
  const nextRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Rating opened while the person was on the page: bring the panel into view and put focus on
  // it, so a phone does not leave it below the fold and a keyboard user lands on it (a little
  // below the top edge, scroll-mt: flush with it, a fraction of a pixel could fall outside).
  useEffect(() => {
    if (!cameLive) return;
    headingRef.current?.scrollIntoView({ block: "start" });
    headingRef.current?.focus();
  }, [cameLive]);
  const submitted = useRef(false);
  // After a rating or a skip, focus goes to what comes next (the next idea, or the thanks),
  // never to the page body, so a keyboard or screen reader user carries on where they were.
  useEffect(() => {
    if (fetcher.state !== "idle") {
      submitted.current = true;
      return;
    }
    if (submitted.current) {
      submitted.current = false;
      nextRef.current?.focus();
    }
  }, [fetcher.state]);
  return (
    <Card as="section" aria-labelledby="rate-heading">
      <Heading
        level={2}
        id="rate-heading"
        ref={headingRef}
        tabIndex={-1}
        className="scroll-mt-2 outline-none"
      >
        {t("rating.heading")}
      </Heading>
      <Text tone="muted" size="small" role="status">
        {t("rating.progress", { rated: rating.rated, total: rating.total })}
      </Text>
      <progress
        className="mt-1 h-2 w-full"
        max={Math.max(rating.total, 1)}
        value={rating.rated}
        aria-label={t("rating.progressLabel")}
      />
      {rating.next ? (
        <fetcher.Form
          method="post"
          key={rating.next.id}
          className="mt-3 space-y-3"
          onSubmit={(event) => {
            pending.current = new FormData(
              event.currentTarget,
              (event.nativeEvent as SubmitEvent).submitter,
            );
          }}
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="rate" />
          <input type="hidden" name="ideaId" value={rating.next.id} />
          <blockquote
            ref={nextRef as React.RefObject<HTMLQuoteElement>}
            tabIndex={-1}
            className="whitespace-pre-wrap break-words rounded-md bg-info-soft p-3 text-subheading outline-none focus-visible:ring-2 focus-visible:ring-focus"
          >
            <WrittenText text={rating.next.text} lang={rating.next.lang} />
          </blockquote>
          <Text tone="muted" size="small">
            {t(`knoster.${rating.next.column}` as "knoster.vision")} ·{" "}
            <BoardName title={rating.next.board} wholeGroup={rating.next.wholeGroup} />
          </Text>
          <fieldset>
            <Legend>{t("rating.question")}</Legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {STARS.map((n) => (
                <button
                  key={n}
                  type="submit"
                  name="stars"
                  value={n}
                  aria-label={t(`rating.star${n}`)}
                  disabled={fetcher.state !== "idle"}
                  className="flex h-14 w-14 flex-col items-center justify-center rounded-md border border-control bg-surface text-warning hover:bg-warning-soft focus-visible:ring-2 focus-visible:ring-focus"
                >
                  <span aria-hidden="true" className="text-2xl leading-none">
                    ★
                  </span>
                  <span aria-hidden="true" className="text-small font-semibold text-ink">
                    {n}
                  </span>
                </button>
              ))}
            </div>
          </fieldset>
          <Button variant="secondary" name="stars" value="skip" disabled={fetcher.state !== "idle"}>
            {t("rating.skip")}
          </Button>
          {offline ? (
            <Notice as="p" tone="warning" role="status" className="text-small">
              {t("rating.offline")}
            </Notice>
          ) : null}
          <FormError errors={refusal ? [refusal] : null} />
        </fetcher.Form>
      ) : (
        <p
          className="mt-3 outline-none"
          tabIndex={-1}
          ref={nextRef as React.RefObject<HTMLParagraphElement>}
        >
          {rating.total === 0 ? t("rating.none") : t("rating.done")}
        </p>
      )}
    </Card>
  );
}
