import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, inputClass } from "../components/forms.tsx";
import { ImplementationSteps } from "../components/improvement-plan/implementation-steps.tsx";
import { STAFF, StaffIn } from "../components/staff-text.tsx";
import { Card, cardClass, cx, Heading, Label, Text, TextLink } from "../components/ui/index.ts";
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
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={filters[name] ?? ""}
        className={inputClass}
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
          <TextLink standalone to={planPath}>
            <StaffIn said={t("plans.goal.back", { plan: STAFF })} staff={plan.name} />
          </TextLink>
        </p>
        <Heading level={1}>{t("plans.implementation.heading")}</Heading>
        <Text tone="muted">{t("plans.implementation.intro")}</Text>
      </div>

      <Form
        method="get"
        className={cx(cardClass(), "grid gap-3 sm:grid-cols-2 lg:grid-cols-4")}
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
          <Button>{t("plans.implementation.show")}</Button>
          {data.filtered ? (
            <TextLink standalone to=".">
              {t("plans.implementation.clear")}
            </TextLink>
          ) : null}
        </div>
      </Form>

      <section aria-labelledby="steps-heading" className="space-y-4">
        <Heading level={2} id="steps-heading">
          {data.filtered
            ? t("plans.implementation.showing", { count: steps.length, total: data.total })
            : t("plans.implementation.all", { count: data.total })}
        </Heading>
        {steps.length > 0 ? (
          <dl className="flex flex-wrap gap-x-6 gap-y-2 rounded-lg border border-line bg-surface p-4">
            {STATUS_FILTERS.map((s) => (
              <div key={s} className="flex items-baseline gap-2">
                <dt>{t(`plans.implementation.status.${s}` as MessageKey)}</dt>
                <dd className="text-subheading font-semibold">{counts[s]}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {steps.length === 0 ? (
          <Card className="space-y-2">
            <p className="font-medium">
              {data.total === 0
                ? t("plans.implementation.noSteps")
                : t("plans.implementation.noMatch")}
            </p>
            {data.total === 0 ? (
              <p>
                <TextLink standalone to={planPath}>
                  {t("plans.implementation.addOnGoals")}
                </TextLink>
              </p>
            ) : (
              <p>
                <TextLink standalone to=".">
                  {t("plans.implementation.clear")}
                </TextLink>
              </p>
            )}
          </Card>
        ) : (
          <ImplementationSteps steps={steps} planPath={planPath} />
        )}
      </section>
    </div>
  );
}
