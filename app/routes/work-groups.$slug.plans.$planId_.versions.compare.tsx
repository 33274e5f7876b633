import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CompareForm } from "../components/improvement-plan/compare-form.tsx";
import { PlanHeader } from "../components/improvement-plan/plan-header.tsx";
import { VersionComparison } from "../components/improvement-plan/version-comparison.tsx";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { compareSchema } from "../modules/improvement-plan/review-schema.ts";
import { compareVersions } from "../modules/improvement-plan/versions.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { http, sayMessage } from "../utils/http.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "planReview.compareTitle") },
];
export const handle = translated;

/** Two versions of the plan side by side (?from=1&to=2; "current" is the plan as it stands). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const query = new URL(request.url).searchParams;
  // Nothing chosen yet: the choice is on the review page, beside the versions.
  if (!query.has("from") && !query.has("to")) {
    return redirect(`/work-groups/${access.workGroup.slug}/plans/${params.planId ?? ""}/review`);
  }
  const parsed = compareSchema.safeParse({
    from: query.get("from") ?? undefined,
    to: query.get("to") ?? undefined,
  });
  if (!parsed.success) {
    const locale = await signedInLocale(context, request);
    throw http(
      400,
      sayMessage(locale, parsed.error.issues[0]?.message ?? "planReview.errors.version"),
    );
  }
  const compared = await compareVersions(
    context,
    access,
    params.planId ?? "",
    parsed.data.from,
    parsed.data.to,
  );
  return json({ ...compared, slug: access.workGroup.slug });
}

export default function CompareVersions() {
  const { plan, from, to, comparison, versions, slug } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const planPath = `/work-groups/${slug}/plans/${plan.id}`;
  return (
    <div className="space-y-8">
      <PlanHeader
        plan={plan}
        backTo={`${planPath}/review`}
        heading={t("planReview.compareTitle")}
      />
      <VersionComparison from={from} to={to} comparison={comparison} />
      <CompareForm
        versions={versions.map((v) => v.number)}
        from={from.ref}
        to={to.ref}
        action={`${planPath}/versions/compare`}
      />
    </div>
  );
}
