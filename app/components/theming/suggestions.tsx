import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ThemingIdea } from "../../modules/theming/theming-doc.ts";
import type { ThemingReply } from "../../routes/work-groups.$slug.sessions.$sessionId_.theming.tsx";
import { Button, CsrfInput } from "../forms.tsx";
import { StaffWithin } from "../staff-text.tsx";
import { THEMING_FETCHER } from "./theming-board.tsx";

type Suggestion = { key: string; label: string; ideaIds: string[] };

/**
 * Suggested themes for the ideas not yet themed. Nothing is applied until a facilitator
 * accepts a theme (its name can be edited first); rejecting one only removes it from this list.
 */
export function Suggestions({ ideas }: { ideas: ThemingIdea[] }) {
  const suggest = useFetcher<ThemingReply>();
  const command = useFetcher<ThemingReply>({ key: THEMING_FETCHER });
  const [list, setList] = useState<Suggestion[]>([]);
  const text = useMemo(() => new Map(ideas.map((i) => [i.id, i.text])), [ideas]);
  const { t } = useTranslation();

  useEffect(() => {
    const reply = suggest.data;
    if (reply?.ok && reply.suggestions) {
      setList(reply.suggestions.map((s, index) => ({ ...s, key: `${index}-${s.label}` })));
    }
  }, [suggest.data]);

  const remove = (key: string) => setList((current) => current.filter((s) => s.key !== key));

  return (
    <section
      aria-labelledby="suggestions-heading"
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-3"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="suggestions-heading" className="text-lg font-semibold">
          {t("theming.suggestions")}
        </h2>
        <suggest.Form method="post">
          <CsrfInput />
          <Button
            name="intent"
            value="suggest"
            variant="secondary"
            pending={suggest.state !== "idle"}
          >
            {list.length ? t("theming.suggestAgain") : t("theming.suggest")}
          </Button>
        </suggest.Form>
      </div>
      <div role="status" aria-live="polite">
        {suggest.data ? (
          <p className={suggest.data.ok ? "text-sm text-slate-700" : "font-medium text-red-800"}>
            <StaffWithin said={suggest.data.message} staff={suggest.data.written ?? []} />
          </p>
        ) : (
          <p className="text-sm text-slate-700">{t("theming.suggestHint")}</p>
        )}
      </div>
      {list.length > 0 ? (
        <ol className="grid gap-3 md:grid-cols-2">
          {list.map((s) => {
            const inputId = `suggestion-${s.key}`;
            return (
              <li key={s.key} className="rounded-md border border-slate-300 p-3">
                <command.Form method="post" onSubmit={() => remove(s.key)} className="space-y-2">
                  <CsrfInput />
                  {s.ideaIds.map((id) => (
                    <input key={id} type="hidden" name="ideaId" value={id} />
                  ))}
                  <label htmlFor={inputId} className="block text-sm font-medium">
                    {t("theming.themeName")}
                  </label>
                  <input
                    id={inputId}
                    name="label"
                    defaultValue={s.label}
                    maxLength={120}
                    required
                    className="block w-full rounded-md border border-slate-500 px-2 py-1"
                  />
                  <ul className="list-disc pl-5 text-sm">
                    {s.ideaIds.map((id) => (
                      <li key={id}>{text.get(id) ?? t("theming.ideaGone")}</li>
                    ))}
                  </ul>
                  <div className="flex gap-2">
                    <Button name="intent" value="accept-suggestion">
                      {t("theming.accept")} <span className="sr-only">{s.label}</span>
                    </Button>
                    <button
                      type="button"
                      onClick={() => remove(s.key)}
                      className="rounded-md border border-slate-500 bg-white px-4 py-2 font-medium hover:bg-slate-100"
                    >
                      {t("theming.reject")} <span className="sr-only">{s.label}</span>
                    </button>
                  </div>
                </command.Form>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
