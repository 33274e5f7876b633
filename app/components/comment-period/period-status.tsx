import { useTranslation } from "react-i18next";
import type { PeriodState } from "../../modules/comment-period/window.ts";
import { formatInZone } from "../../modules/i18n/i18n.ts";
import { usePublicLocale } from "../../modules/i18n/use-locale.ts";

/** "Opens …", "Open for comment until …" or "Closed …", in the period's own zone. */
export function PeriodStatus({
  period,
}: {
  period: { state: PeriodState; opensAt: string; closesAt: string; timeZone: string };
}) {
  const { t } = useTranslation();
  const locale = usePublicLocale();
  if (period.state === "scheduled")
    return (
      <>{t("period.opens", { date: formatInZone(locale, period.opensAt, period.timeZone) })}</>
    );
  const date = formatInZone(locale, period.closesAt, period.timeZone);
  return (
    <>
      {period.state === "open" ? t("period.openUntil", { date }) : t("period.closedOn", { date })}
    </>
  );
}
