import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { planFormats } from "../../modules/improvement-plan/format.ts";
import { StaffText } from "../staff-text.tsx";
import { Tag, Text, TextLink } from "../ui/index.ts";

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
        <Tag as="strong" tone="danger">
          {t("plans.monitor.overdueSince", { date: f.shortDate(due) })}
        </Tag>
      ) : null}
      {blocked ? (
        <Tag as="strong" tone="warning">
          {t("plans.monitor.blocked")}
        </Tag>
      ) : null}
    </span>
  );
}

/** The frame of a step that needs attention: a thick left edge beside its tags. */
export function attentionFrame(step: { overdue: boolean; blocked: boolean }) {
  if (step.overdue) return "border-line border-l-8 border-l-red-800";
  if (step.blocked) return "border-line border-l-8 border-l-amber-700";
  return "border-line";
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
    return (
      <Text tone="muted" size="small">
        {t("plans.monitor.noUpdates")}
      </Text>
    );
  }
  return (
    <ol className="space-y-2">
      {updates.map((u) => (
        <li key={u.id} className="border-l-2 border-control pl-3 text-small">
          <p>
            <span className="font-semibold">{f.date(u.reportedOn)}</span>
            {" · "}
            {statusLabel(t, u.status)}
            {u.authorName ? (
              <Text as="span" tone="muted">
                {" · "}
                {t("plans.monitor.by", { name: u.authorName })}
              </Text>
            ) : null}
          </p>
          {u.note ? (
            <p className="whitespace-pre-line">
              <StaffText>{u.note}</StaffText>
            </p>
          ) : null}
          {u.evidenceUrl ? (
            <p>
              <TextLink standalone href={u.evidenceUrl} rel="noreferrer noopener">
                {t("plans.reading.evidenceLink")}
                <span className="sr-only">
                  {" "}
                  {t("plans.monitor.evidenceFor", { date: f.date(u.reportedOn) })}
                </span>
              </TextLink>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
