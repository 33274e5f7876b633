import { useFetcher } from "@remix-run/react";
import { Button, CsrfInput, FormError } from "../forms.tsx";
import type { CommandReply } from "./live-board.tsx";

type Rating = {
  total: number;
  rated: number;
  next: { id: string; text: string; column: string; board: string } | null;
};

const STARS = [1, 2, 3, 4, 5] as const;
const starWords = ["", "1 star: weak", "2 stars", "3 stars", "4 stars", "5 stars: strong"];

/**
 * One idea at a time, 1 to 5 stars or skip, in an order that spreads ratings over every idea.
 * Ratings are private: nobody, facilitators included, sees who gave which.
 */
export function RatingPanel({ rating }: { rating: Rating }) {
  const fetcher = useFetcher<CommandReply>();
  const refusal = fetcher.data?.intent === "rate" ? fetcher.data.message : null;
  return (
    <section
      aria-labelledby="rate-heading"
      className="rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="rate-heading" className="text-xl font-semibold">
        Rate ideas
      </h2>
      <p className="text-sm text-slate-700" role="status">
        You have rated {rating.rated} of {rating.total} ideas.
      </p>
      {rating.next ? (
        <fetcher.Form method="post" key={rating.next.id} className="mt-3 space-y-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="rate" />
          <input type="hidden" name="ideaId" value={rating.next.id} />
          <blockquote className="whitespace-pre-wrap break-words rounded-md bg-brand-50 p-3 text-lg">
            {rating.next.text}
          </blockquote>
          <p className="text-sm text-slate-700">
            {rating.next.column} · {rating.next.board}
          </p>
          <fieldset>
            <legend className="font-medium">How strong is this idea?</legend>
            <div className="mt-2 flex flex-wrap gap-3">
              {STARS.map((n) => (
                <label key={n} className="flex items-center gap-1">
                  <input type="radio" name="stars" value={n} required />
                  <span aria-hidden="true">{"★".repeat(n)}</span>
                  <span className="sr-only">{starWords[n]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex gap-3">
            <Button pending={fetcher.state !== "idle"}>Rate and see the next</Button>
            <button
              type="submit"
              name="stars"
              value="skip"
              formNoValidate
              className="rounded-md border border-slate-500 px-4 py-2"
            >
              Skip
            </button>
          </div>
          <FormError errors={refusal ? [refusal] : null} />
        </fetcher.Form>
      ) : (
        <p className="mt-3">
          {rating.total === 0
            ? "There are no ideas of others to rate."
            : "You have rated every idea. Thank you! The results appear when the facilitator closes rating."}
        </p>
      )}
    </section>
  );
}
