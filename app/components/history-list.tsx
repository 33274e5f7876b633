import { useTranslation } from "react-i18next";
import type { HistorySubject } from "../modules/history/history.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { StaffText } from "./staff-text.tsx";
import { Card, EmptyState, Heading, Text } from "./ui/index.ts";

type Entry = {
  id: string;
  subjectKind: HistorySubject;
  summary: string;
  at: string;
  undone: boolean;
  actor: string | null;
};

/**
 * Who changed what and when, newest first (shown to facilitators). Each entry's summary was
 * written in English when the change was made (it names the themes and recommendations as
 * they were then), so it is shown as written, marked as English.
 */
export function HistoryList({ entries, heading }: { entries: Entry[]; heading: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <Heading level={2} id="history-heading">
        {heading}
      </Heading>
      {entries.length === 0 ? (
        <EmptyState>{t("history.none")}</EmptyState>
      ) : (
        <Card as="ol" list>
          {entries.map((e) => (
            <li key={e.id} className="p-2 text-small">
              <time dateTime={e.at} className="text-muted">
                {new Date(e.at).toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>{" "}
              · <strong>{e.actor ?? t("history.formerMember")}</strong> ·{" "}
              {t(`history.subject.${e.subjectKind}` as MessageKey)}:{" "}
              <StaffText>{e.summary}</StaffText>
              {e.undone ? <Text as="span" tone="muted">{` ${t("history.undone")}`}</Text> : null}
            </li>
          ))}
        </Card>
      )}
    </section>
  );
}
