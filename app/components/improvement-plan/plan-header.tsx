import type { ReactNode } from "react";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { StaffText } from "../staff-text.tsx";
import { Heading, Text, TextLink } from "../ui/index.ts";

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
        <TextLink standalone to={backTo}>
          {t("planReview.backToPlan")}
        </TextLink>
      </p>
      <Heading level={1}>{heading}</Heading>
      <p className="text-subheading font-medium">
        <StaffText>{plan.name}</StaffText>
      </p>
      <PlanHorizon plan={plan} />
      {intro ? (
        <Text tone="muted" className="max-w-3xl">
          {intro}
        </Text>
      ) : null}
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
    <Text tone="muted">
      {[
        t(`plans.level.${plan.level}` as MessageKey),
        t("planReview.horizon", {
          start: plan.startYear,
          end: plan.endYear,
          count: plan.endYear - plan.startYear,
        }),
      ].join(" · ")}
    </Text>
  );
}
