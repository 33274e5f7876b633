import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { planFormats } from "../../modules/improvement-plan/format.ts";
import { StaffText } from "../staff-text.tsx";
import { Heading, SummaryList, TextLink } from "../ui/index.ts";
import { AttentionTags, attentionFrame, statusLabel } from "./step-status.tsx";

type Step = {
  id: string;
  goalId: string;
  goalTitle: string;
  horizon: string;
  description: string;
  ownerName: string | null;
  due: string | null;
  status: string;
  completedOn: string | null;
  overdue: boolean;
  blocked: boolean;
  latest: { reportedOn: string; note: string } | null;
};

/** The implementation view's steps: one card each, in the plan's order of goals and steps. */
export function ImplementationSteps({ steps, planPath }: { steps: Step[]; planPath: string }) {
  const { t, language } = usePageT();
  const f = planFormats(language);
  return (
    <ol className="space-y-3">
      {steps.map((step) => (
        <li
          key={step.id}
          className={`space-y-2 rounded-lg border bg-surface p-4 ${attentionFrame(step)}`}
        >
          <AttentionTags overdue={step.overdue} blocked={step.blocked} due={step.due} />
          <Heading level={3} size="minor">
            <TextLink standalone to={`${planPath}/goals/${step.goalId}#step-${step.id}`}>
              <StaffText>{step.description}</StaffText>
            </TextLink>
          </Heading>
          <SummaryList className="text-small">
            <dt>{t("plans.implementation.goal")}</dt>
            <dd>
              <StaffText>{step.goalTitle}</StaffText>
            </dd>
            <dt>{t("plans.step.horizonLabel")}</dt>
            <dd>{t(`plans.horizon.${step.horizon}` as MessageKey)}</dd>
            <dt>{t("plans.step.owner")}</dt>
            <dd>{step.ownerName ?? t("plans.step.notNamed")}</dd>
            <dt>{t("plans.step.dueOn")}</dt>
            <dd>{step.due ? f.date(step.due) : t("plans.step.noDueDate")}</dd>
            <dt>{t("plans.monitor.statusLabel")}</dt>
            <dd>
              {step.completedOn
                ? t("plans.step.completedOn", { date: f.date(step.completedOn) })
                : statusLabel(t, step.status)}
            </dd>
            <dt>{t("plans.implementation.latest")}</dt>
            <dd>
              {step.latest ? (
                <>
                  {f.date(step.latest.reportedOn)}
                  {step.latest.note ? (
                    <>
                      {": "}
                      <StaffText>{step.latest.note}</StaffText>
                    </>
                  ) : null}
                </>
              ) : (
                t("plans.monitor.noUpdates")
              )}
            </dd>
          </SummaryList>
        </li>
      ))}
    </ol>
  );
}
