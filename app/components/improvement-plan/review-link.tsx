import { Link } from "@remix-run/react";
import { usePageT } from "../../modules/i18n/use-locale.ts";

/** On the plan's page: the way to its yearly reviews, versions and downloads. */
export function ReviewLink({ to }: { to: string }) {
  const { t } = usePageT();
  return (
    <p className="rounded-lg border border-slate-300 bg-white p-4">
      <Link className="inline-block py-2.5 font-medium text-brand-700 underline" to={to}>
        {t("planReview.openHub")}
      </Link>
      <span className="block text-sm text-slate-700">{t("planReview.openHubHint")}</span>
    </p>
  );
}
