import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { isOfflineReply, type OfflineReply, whenOnline } from "../../realtime/offline.ts";
import { CsrfInput, FormError } from "../forms.tsx";
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
  // it, so a phone does not leave it below the fold and a keyboard user lands on it.
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
    <section
      aria-labelledby="rate-heading"
      className="rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2
        id="rate-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-xl font-semibold outline-none"
      >
        {t("rating.heading")}
      </h2>
      <p className="text-sm text-slate-700" role="status">
        {t("rating.progress", { rated: rating.rated, total: rating.total })}
      </p>
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
            className="whitespace-pre-wrap break-words rounded-md bg-brand-50 p-3 text-lg outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
          >
            <WrittenText text={rating.next.text} lang={rating.next.lang} />
          </blockquote>
          <p className="text-sm text-slate-700">
            {t(`knoster.${rating.next.column}` as "knoster.vision")} ·{" "}
            <BoardName title={rating.next.board} wholeGroup={rating.next.wholeGroup} />
          </p>
          <fieldset>
            <legend className="font-medium">{t("rating.question")}</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {STARS.map((n) => (
                <button
                  key={n}
                  type="submit"
                  name="stars"
                  value={n}
                  aria-label={t(`rating.star${n}`)}
                  disabled={fetcher.state !== "idle"}
                  className="flex h-14 w-14 flex-col items-center justify-center rounded-md border border-slate-500 bg-white text-amber-700 hover:bg-amber-50 focus-visible:ring-2 focus-visible:ring-brand-700"
                >
                  <span aria-hidden="true" className="text-2xl leading-none">
                    ★
                  </span>
                  <span aria-hidden="true" className="text-sm font-semibold text-slate-900">
                    {n}
                  </span>
                </button>
              ))}
            </div>
          </fieldset>
          <button
            type="submit"
            name="stars"
            value="skip"
            disabled={fetcher.state !== "idle"}
            className="min-h-11 rounded-md border border-slate-500 px-4 py-2"
          >
            {t("rating.skip")}
          </button>
          {offline ? (
            <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-2 text-sm">
              {t("rating.offline")}
            </p>
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
    </section>
  );
}
