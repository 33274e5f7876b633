import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { planFormats } from "../../modules/improvement-plan/format.ts";
import { StaffText } from "../staff-text.tsx";

/**
 * Where an action step stands, said in words first: a tag reads "Overdue" or "Blocked" with
 * its reason, and its border is heavier, so colour is never the only sign.
 */
export function AttentionTags({
  overdue,
  blocked,
  due,
}: {
  overdue: boolean;
  blocked: boolean;
  due: string | null;
}) {
  const { t, language } = usePageT();
  if (!overdue && !blocked) return null;
  const f = planFormats(language);
  return (
    <span className="flex flex-wrap gap-2">
      {overdue && due ? (
        <strong className="inline-block rounded border-2 border-red-800 bg-red-50 px-2 py-0.5 text-sm text-red-900">
          {t("plans.monitor.overdueSince", { date: f.shortDate(due) })}
        </strong>
      ) : null}
      {blocked ? (
        <strong className="inline-block rounded border-2 border-amber-800 bg-amber-50 px-2 py-0.5 text-sm text-amber-900">
          {t("plans.monitor.blocked")}
        </strong>
      ) : null}
    </span>
  );
}

/** The frame of a step that needs attention: a thick left edge beside its tags. */
export function attentionFrame(step: { overdue: boolean; blocked: boolean }) {
  if (step.overdue) return "border-slate-300 border-l-8 border-l-red-800";
  if (step.blocked) return "border-slate-300 border-l-8 border-l-amber-700";
  return "border-slate-300";
}

export function statusLabel(t: (key: MessageKey) => string, status: string) {
  return t(`plans.status.${status}` as MessageKey);
}

type Update = {
  id: string;
  reportedOn: string;
  status: string;
  note: string;
  evidenceUrl: string;
  authorName: string | null;
};

/** A step's progress updates, newest first, as they were reported. */
export function StepUpdates({ updates }: { updates: Update[] }) {
  const { t, language } = usePageT();
  const f = planFormats(language);
  if (updates.length === 0) {
    return <p className="text-sm text-slate-700">{t("plans.monitor.noUpdates")}</p>;
  }
  return (
    <ol className="space-y-2">
      {updates.map((u) => (
        <li key={u.id} className="border-l-2 border-slate-400 pl-3 text-sm">
          <p>
            <span className="font-semibold">{f.date(u.reportedOn)}</span>
            {" · "}
            {statusLabel(t, u.status)}
            {u.authorName ? (
              <span className="text-slate-700">
                {" · "}
                {t("plans.monitor.by", { name: u.authorName })}
              </span>
            ) : null}
          </p>
          {u.note ? (
            <p className="whitespace-pre-line">
              <StaffText>{u.note}</StaffText>
            </p>
          ) : null}
          {u.evidenceUrl ? (
            <p>
              <a
                className="inline-block py-2.5 text-brand-700 underline"
                href={u.evidenceUrl}
                rel="noreferrer noopener"
              >
                {t("plans.reading.evidenceLink")}
                <span className="sr-only">
                  {" "}
                  {t("plans.monitor.evidenceFor", { date: f.date(u.reportedOn) })}
                </span>
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
