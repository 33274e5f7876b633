import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Dotted } from "../components/dotted.tsx";
import { Button } from "../components/forms.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import type { MessageKey } from "../modules/i18n/en.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { byHorizon, completion, isOverdue, today } from "../modules/recommendation/action-plan.ts";
import { getActionPlan } from "../modules/recommendation/recommendation.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "actionPlan.title") },
];
export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const owner = new URL(request.url).searchParams.get("owner") || null;
  const plan = await getActionPlan(context, access, owner);
  return json({ ...plan, owner, slug: access.workGroup.slug, today: today() });
}

const GOAL = [
  "goalSpecific",
  "goalMeasurable",
  "goalAchievable",
  "goalRelevant",
  "goalTimely",
] as const;

/**
 * The recommendations as an improvement plan (the CSIP handbook's shape): a SMART goal and
 * strategies for each, then its key action steps by horizon, with who is responsible, the
 * resources and completion. Overdue and blocked steps stand out; the plan filters by owner.
 */
export default function ActionPlan() {
  const { recommendations, owners, owner, slug, today: on } = useLoaderData<typeof loader>();
  const csv = `/work-groups/${slug}/action-plan.csv`;
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("actionPlan.title")}</h1>
          <p className="text-slate-700">{t("actionPlan.asOf", { date: on })}</p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <Form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="owner" className="block font-medium">
                {t("actionPlan.owner")}
              </label>
              <select
                id="owner"
                name="owner"
                defaultValue={owner ?? ""}
                className="mt-1 rounded-md border border-slate-500 bg-white px-2 py-2"
              >
                <option value="">{t("actionPlan.everyone")}</option>
                {owners.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary">{t("actionPlan.filter")}</Button>
          </Form>
          <a
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900"
            href={csv}
            download
          >
            {t("actionPlan.download")}
          </a>
        </div>
      </div>
      {recommendations.length === 0 ? (
        <p className="rounded-md border border-slate-300 bg-white p-4">
          {t("actionPlan.none")}{" "}
          <Link className="text-brand-700 underline" to={`/work-groups/${slug}/recommendations`}>
            {t("actionPlan.addFirst")}
          </Link>
          .
        </p>
      ) : null}
      {recommendations.map((r) => {
        const { done, total } = completion(r.allSteps);
        const strategies = r.strategies.split("\n").filter(Boolean);
        return (
          <section
            key={r.id}
            aria-labelledby={`plan-${r.id}`}
            className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
          >
            <h2 id={`plan-${r.id}`} className="text-xl font-semibold">
              <Link
                className="text-brand-700 underline"
                to={`/work-groups/${slug}/recommendations/${r.id}`}
              >
                <StaffIn
                  said={t("recommendations.name", { number: r.number, title: STAFF })}
                  staff={r.title}
                />
              </Link>
            </h2>
            <p className="text-sm text-slate-700">
              {t("recommendation.progress", { done, total })}
              {r.coverage.length
                ? ` · ${t("recommendations.addresses", {
                    elements: r.coverage.map((key) => t(`knoster.${key}` as MessageKey)).join(", "),
                  })}`
                : ""}
            </p>
            <div>
              <h3 className="font-semibold">{t("recommendations.smartGoal")}</h3>
              {GOAL.some((key) => r[key]) ? (
                <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
                  {GOAL.filter((key) => r[key]).map((key) => (
                    <div key={key} className="contents">
                      <dt className="font-medium">
                        {t(`recommendations.goal.${key}` as MessageKey)}
                      </dt>
                      <dd>
                        <StaffText>{r[key]}</StaffText>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="text-slate-700">{t("actionPlan.noGoal")}</p>
              )}
            </div>
            {strategies.length ? (
              <div>
                <h3 className="font-semibold">{t("recommendations.strategies")}</h3>
                <ul className="list-disc pl-5">
                  {strategies.map((s) => (
                    <li key={s}>
                      <StaffText>{s}</StaffText>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {r.steps.length === 0 ? (
              <p className="text-slate-700">
                {owner ? t("actionPlan.noStepsForOwner") : t("recommendations.noSteps")}
              </p>
            ) : (
              byHorizon(r.steps).map((group) => (
                <div key={group.horizon}>
                  <h3 className="font-semibold">
                    {t(`actionStep.horizon.${group.horizon}` as MessageKey)}
                  </h3>
                  <table className="mt-1 w-full text-left text-sm">
                    <thead>
                      <tr className="border-b border-slate-300">
                        <th scope="col" className="py-1 pr-2">
                          {t("actionStep.step")}
                        </th>
                        <th scope="col" className="py-1 pr-2">
                          {t("actionPlan.responsible")}
                        </th>
                        <th scope="col" className="py-1 pr-2">
                          {t("recommendation.due")}
                        </th>
                        <th scope="col" className="py-1 pr-2">
                          {t("actionStep.resources")}
                        </th>
                        <th scope="col" className="py-1">
                          {t("actionPlan.completion")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.steps.map((s) => {
                        const overdue = isOverdue(s, on);
                        const blocked = s.status === "blocked";
                        return (
                          <tr
                            key={s.id}
                            className={`border-b border-slate-200 ${overdue || blocked ? "bg-red-50" : ""}`}
                          >
                            <td className="py-1 pr-2">
                              <StaffText>{s.description}</StaffText>
                            </td>
                            <td className="py-1 pr-2">
                              {/* A member is named as they are; a group as staff wrote it. */}
                              {s.ownerName ?? <StaffText>{s.ownerGroup}</StaffText>}
                            </td>
                            <td className="py-1 pr-2">
                              {s.dueOn ?? "—"}
                              {overdue ? (
                                <strong className="ml-1 text-red-800">
                                  {t("actionStep.overdue")}
                                </strong>
                              ) : null}
                            </td>
                            <td className="py-1 pr-2">
                              {s.resources || s.fundingSource || s.resourceNote ? (
                                <Dotted
                                  parts={[
                                    ...(s.resources ? [<StaffText>{s.resources}</StaffText>] : []),
                                    ...(s.fundingSource
                                      ? [
                                          <StaffIn
                                            said={t("recommendations.funding", { text: STAFF })}
                                            staff={s.fundingSource}
                                          />,
                                        ]
                                      : []),
                                    ...(s.resourceNote
                                      ? [<StaffText>{s.resourceNote}</StaffText>]
                                      : []),
                                  ]}
                                />
                              ) : (
                                "—"
                              )}
                            </td>
                            <td className={`py-1 ${blocked ? "font-semibold text-red-800" : ""}`}>
                              {t(`status.${s.status}` as MessageKey)}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              ))
            )}
          </section>
        );
      })}
    </div>
  );
}
