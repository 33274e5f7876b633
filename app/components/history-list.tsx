import { useTranslation } from "react-i18next";
import type { HistorySubject } from "../modules/history/history.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { StaffText } from "./staff-text.tsx";

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
      <h2 id="history-heading" className="text-xl font-semibold">
        {heading}
      </h2>
      {entries.length === 0 ? (
        <p className="text-slate-700">{t("history.none")}</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {entries.map((e) => (
            <li key={e.id} className="p-2 text-sm">
              <time dateTime={e.at} className="text-slate-700">
                {new Date(e.at).toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>{" "}
              · <strong>{e.actor ?? t("history.formerMember")}</strong> ·{" "}
              {t(`history.subject.${e.subjectKind}` as MessageKey)}:{" "}
              <StaffText>{e.summary}</StaffText>
              {e.undone ? (
                <span className="text-slate-700">{` ${t("history.undone")}`}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
