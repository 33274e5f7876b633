import { usePageT } from "../../modules/i18n/use-locale.ts";
import { STAFF, StaffIn, StaffText } from "../staff-text.tsx";
import { Heading, Notice, Text, TextLink } from "../ui/index.ts";
import { AttentionTags } from "./step-status.tsx";

type Step = {
  id: string;
  goalId: string;
  goalTitle: string;
  description: string;
  ownerName: string | null;
  dueOn: string | null;
  overdue: boolean;
  blocked: boolean;
};

/**
 * The plan's overdue and blocked action steps, above its goals: what the team looks at first
 * when it monitors the plan. Nothing is shown while every step is on time.
 */
export function NeedingAttention({
  steps,
  total,
  allAt,
}: {
  steps: Step[];
  total: number;
  /** The implementation view, where every step is. */
  allAt: string;
}) {
  const { t } = usePageT();
  if (total === 0) return null;
  return (
    <Notice as="section" tone="warning" aria-labelledby="attention-heading" className="space-y-3">
      <Heading level={2} id="attention-heading">
        {t("plans.monitor.attention", { count: total })}
      </Heading>
      <ul className="space-y-3">
        {steps.map((step) => (
          <li key={step.id} className="space-y-1">
            <AttentionTags overdue={step.overdue} blocked={step.blocked} due={step.dueOn} />
            <p>
              <TextLink standalone to={`goals/${step.goalId}#step-${step.id}`}>
                <StaffText>{step.description}</StaffText>
              </TextLink>
            </p>
            <Text tone="muted" size="small">
              <StaffIn said={t("plans.monitor.inGoal", { goal: STAFF })} staff={step.goalTitle} />
              {" · "}
              {step.ownerName
                ? t("plans.monitor.responsible", { name: step.ownerName })
                : t("plans.monitor.nobodyResponsible")}
            </Text>
          </li>
        ))}
      </ul>
      {total > steps.length ? (
        <p>
          <TextLink standalone className="font-medium" to={allAt}>
            {t("plans.monitor.seeAll", { count: total })}
          </TextLink>
        </p>
      ) : null}
    </Notice>
  );
}
