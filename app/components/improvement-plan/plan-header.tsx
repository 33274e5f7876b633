import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { StaffText } from "../staff-text.tsx";

/**
 * The top of a plan's review pages: the way back, what the page is, and the plan it is about
 * with its horizon (first to last year, in school years).
 */
export function PlanHeader({
  plan,
  backTo,
  heading,
  intro,
}: {
  plan: { name: string; level: string; startYear: number; endYear: number };
  backTo: string;
  heading: string;
  intro?: ReactNode;
}) {
  const { t } = usePageT();
  return (
    <div className="space-y-1">
      <p>
        <Link className="inline-block py-2.5 text-brand-700 underline" to={backTo}>
          {t("planReview.backToPlan")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{heading}</h1>
      <p className="text-lg font-medium">
        <StaffText>{plan.name}</StaffText>
      </p>
      <PlanHorizon plan={plan} />
      {intro ? <p className="max-w-3xl text-slate-700">{intro}</p> : null}
    </div>
  );
}

/** A plan's level and horizon: "District plan · 2022 to 2027: 5 school years in the plan". */
export function PlanHorizon({
  plan,
}: {
  plan: { level: string; startYear: number; endYear: number };
}) {
  const { t } = usePageT();
  return (
    <p className="text-slate-700">
      {[
        t(`plans.level.${plan.level}` as MessageKey),
        t("planReview.horizon", {
          start: plan.startYear,
          end: plan.endYear,
          count: plan.endYear - plan.startYear,
        }),
      ].join(" · ")}
    </p>
  );
}
