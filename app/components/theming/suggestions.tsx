import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ThemingIdea } from "../../modules/theming/theming-doc.ts";
import type { ThemingReply } from "../../routes/work-groups.$slug.sessions.$sessionId_.theming.tsx";
import { Button, CsrfInput, compactInputClass } from "../forms.tsx";
import { StaffWithin } from "../staff-text.tsx";
import { Card, Heading, Label, Text } from "../ui/index.ts";
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
    <Card as="section" compact aria-labelledby="suggestions-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Heading level={2} size="subheading" id="suggestions-heading">
          {t("theming.suggestions")}
        </Heading>
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
          <p className={suggest.data.ok ? "text-small text-muted" : "font-medium text-danger"}>
            <StaffWithin said={suggest.data.message} staff={suggest.data.written ?? []} />
          </p>
        ) : (
          <Text tone="muted" size="small">
            {t("theming.suggestHint")}
          </Text>
        )}
      </div>
      {list.length > 0 ? (
        <ol className="grid gap-3 md:grid-cols-2">
          {list.map((s) => {
            const inputId = `suggestion-${s.key}`;
            return (
              <Card as="li" compact key={s.key}>
                <command.Form method="post" onSubmit={() => remove(s.key)} className="space-y-2">
                  <CsrfInput />
                  {s.ideaIds.map((id) => (
                    <input key={id} type="hidden" name="ideaId" value={id} />
                  ))}
                  <Label size="small" htmlFor={inputId}>
                    {t("theming.themeName")}
                  </Label>
                  <input
                    id={inputId}
                    name="label"
                    defaultValue={s.label}
                    maxLength={120}
                    required
                    className={`block w-full ${compactInputClass}`}
                  />
                  <ul className="list-disc pl-5 text-small">
                    {s.ideaIds.map((id) => (
                      <li key={id}>{text.get(id) ?? t("theming.ideaGone")}</li>
                    ))}
                  </ul>
                  <div className="flex gap-2">
                    <Button name="intent" value="accept-suggestion">
                      {t("theming.accept")} <span className="sr-only">{s.label}</span>
                    </Button>
                    <Button variant="secondary" type="button" onClick={() => remove(s.key)}>
                      {t("theming.reject")} <span className="sr-only">{s.label}</span>
                    </Button>
                  </div>
                </command.Form>
              </Card>
            );
          })}
        </ol>
      ) : null}
    </Card>
  );
}
