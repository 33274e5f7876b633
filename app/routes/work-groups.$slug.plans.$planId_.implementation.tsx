import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, inputClass } from "../components/forms.tsx";
import { ImplementationSteps } from "../components/improvement-plan/implementation-steps.tsx";
import { STAFF, StaffIn } from "../components/staff-text.tsx";
import type { MessageKey } from "../modules/i18n/en.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { getImplementationView } from "../modules/improvement-plan/improvement-plan.server.ts";
import { STATUS_FILTERS } from "../modules/improvement-plan/monitoring.ts";
import { STEP_HORIZONS } from "../modules/improvement-plan/schema.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? titleIn(matches, "plans.implementation.title", { name: data.plan.name })
      : titleIn(matches, "plans.implementation.titleShort"),
  },
];
export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const view = await getImplementationView(
    context,
    access,
    params.planId ?? "",
    new URL(request.url).searchParams,
  );
  return json({ ...view, slug: access.workGroup.slug });
}

/**
 * The plan's implementation: every action step of every goal in one list, filtered by person
 * responsible, horizon, goal and status with a plain GET form (it works without JavaScript,
 * and a filtered view is an address to share).
 */
export default function ImplementationView() {
  const data = useLoaderData<typeof loader>();
  const { plan, goals, owners, filters, counts, steps, slug } = data;
  const { t } = useTranslation();
  const planPath = `/work-groups/${slug}/plans/${plan.id}`;
  const filter = (
    name: keyof typeof filters,
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block font-medium text-slate-900">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={filters[name] ?? ""}
        className={`${inputClass} min-h-11`}
      >
        <option value="">{t("plans.implementation.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p>
          <Link className="inline-block py-2.5 text-brand-700 underline" to={planPath}>
            <StaffIn said={t("plans.goal.back", { plan: STAFF })} staff={plan.name} />
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("plans.implementation.heading")}</h1>
        <p className="text-slate-700">{t("plans.implementation.intro")}</p>
      </div>

      <Form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
        aria-label={t("plans.implementation.filters")}
      >
        {filter("owner", t("plans.step.owner"), [
          ...owners.map((o) => ({ value: o.id, label: o.name })),
          { value: "none", label: t("plans.step.notNamed") },
        ])}
        {filter(
          "horizon",
          t("plans.step.horizonLabel"),
          STEP_HORIZONS.map((h) => ({ value: h, label: t(`plans.horizon.${h}` as MessageKey) })),
        )}
        {filter(
          "goal",
          t("plans.implementation.goal"),
          goals.map((g) => ({ value: g.id, label: g.title })),
        )}
        {filter(
          "status",
          t("plans.monitor.statusLabel"),
          STATUS_FILTERS.map((s) => ({
            value: s,
            label: t(`plans.implementation.status.${s}` as MessageKey),
          })),
        )}
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-4">
          <Button className="min-h-11">{t("plans.implementation.show")}</Button>
          {data.filtered ? (
            <Link className="inline-block py-2.5 text-brand-700 underline" to=".">
              {t("plans.implementation.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <section aria-labelledby="steps-heading" className="space-y-4">
        <h2 id="steps-heading" className="text-xl font-semibold">
          {data.filtered
            ? t("plans.implementation.showing", { count: steps.length, total: data.total })
            : t("plans.implementation.all", { count: data.total })}
        </h2>
        {steps.length > 0 ? (
          <dl className="flex flex-wrap gap-x-6 gap-y-2 rounded-lg border border-slate-300 bg-white p-4">
            {STATUS_FILTERS.map((s) => (
              <div key={s} className="flex items-baseline gap-2">
                <dt>{t(`plans.implementation.status.${s}` as MessageKey)}</dt>
                <dd className="text-lg font-semibold">{counts[s]}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {steps.length === 0 ? (
          <div className="space-y-2 rounded-lg border border-slate-300 bg-white p-4">
            <p className="font-medium">
              {data.total === 0
                ? t("plans.implementation.noSteps")
                : t("plans.implementation.noMatch")}
            </p>
            {data.total === 0 ? (
              <p>
                <Link className="inline-block py-2.5 text-brand-700 underline" to={planPath}>
                  {t("plans.implementation.addOnGoals")}
                </Link>
              </p>
            ) : (
              <p>
                <Link className="inline-block py-2.5 text-brand-700 underline" to=".">
                  {t("plans.implementation.clear")}
                </Link>
              </p>
            )}
          </div>
        ) : (
          <ImplementationSteps steps={steps} planPath={planPath} />
        )}
      </section>
    </div>
  );
}
