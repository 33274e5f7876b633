import { Link } from "@remix-run/react";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { STAFF, StaffIn, StaffText } from "../staff-text.tsx";
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
    <section
      aria-labelledby="attention-heading"
      className="space-y-3 rounded-lg border-2 border-red-800 bg-white p-4"
    >
      <h2 id="attention-heading" className="text-xl font-semibold">
        {t("plans.monitor.attention", { count: total })}
      </h2>
      <ul className="space-y-3">
        {steps.map((step) => (
          <li key={step.id} className="space-y-1">
            <AttentionTags overdue={step.overdue} blocked={step.blocked} due={step.dueOn} />
            <p>
              <Link
                className="inline-block py-2.5 text-brand-700 underline"
                to={`goals/${step.goalId}#step-${step.id}`}
              >
                <StaffText>{step.description}</StaffText>
              </Link>
            </p>
            <p className="text-sm text-slate-700">
              <StaffIn said={t("plans.monitor.inGoal", { goal: STAFF })} staff={step.goalTitle} />
              {" · "}
              {step.ownerName
                ? t("plans.monitor.responsible", { name: step.ownerName })
                : t("plans.monitor.nobodyResponsible")}
            </p>
          </li>
        ))}
      </ul>
      {total > steps.length ? (
        <p>
          <Link className="inline-block py-2.5 font-medium text-brand-700 underline" to={allAt}>
            {t("plans.monitor.seeAll", { count: total })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
