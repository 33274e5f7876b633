import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "../components/forms.tsx";
import {
  byHorizon,
  completion,
  isOverdue,
  ownerOf,
  today,
} from "../modules/recommendation/action-plan.ts";
import { getActionPlan } from "../modules/recommendation/recommendation.server.ts";
import { horizonLabels, type Status, statusLabels } from "../modules/recommendation/schema.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

export const meta: MetaFunction = () => [{ title: "Action plan · Convene" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const owner = new URL(request.url).searchParams.get("owner") || null;
  const plan = await getActionPlan(context, access, owner);
  return json({ ...plan, owner, slug: access.workGroup.slug, today: today() });
}

const GOAL = [
  ["goalSpecific", "Specific"],
  ["goalMeasurable", "Measurable"],
  ["goalAchievable", "Achievable"],
  ["goalRelevant", "Relevant"],
  ["goalTimely", "Timely"],
] as const;

/**
 * The recommendations as an improvement plan (the CSIP handbook's shape): a SMART goal and
 * strategies for each, then its key action steps by horizon, with who is responsible, the
 * resources and completion. Overdue and blocked steps stand out; the plan filters by owner.
 */
export default function ActionPlan() {
  const { recommendations, owners, owner, slug, today: on } = useLoaderData<typeof loader>();
  const csv = `/work-groups/${slug}/action-plan.csv`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Action plan</h1>
          <p className="text-slate-700">{`As of ${on}. Overdue and blocked steps are marked in red.`}</p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <Form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="owner" className="block font-medium">
                Owner
              </label>
              <select
                id="owner"
                name="owner"
                defaultValue={owner ?? ""}
                className="mt-1 rounded-md border border-slate-500 bg-white px-2 py-2"
              >
                <option value="">Everyone</option>
                {owners.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary">Filter</Button>
          </Form>
          <a
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900"
            href={csv}
            download
          >
            Download action steps (CSV)
          </a>
        </div>
      </div>
      {recommendations.length === 0 ? (
        <p className="rounded-md border border-slate-300 bg-white p-4">
          No recommendations yet.{" "}
          <Link className="text-brand-700 underline" to={`/work-groups/${slug}/recommendations`}>
            Add the first one
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
                {`Recommendation ${r.number}: ${r.title}`}
              </Link>
            </h2>
            <p className="text-sm text-slate-700">
              {`${done} of ${total} action steps done`}
              {r.coverage.length ? ` · Addresses ${r.coverage.join(", ")}` : ""}
            </p>
            <div>
              <h3 className="font-semibold">SMART goal</h3>
              {GOAL.some(([key]) => r[key]) ? (
                <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
                  {GOAL.filter(([key]) => r[key]).map(([key, label]) => (
                    <div key={key} className="contents">
                      <dt className="font-medium">{label}</dt>
                      <dd>{r[key]}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="text-slate-700">No goal written yet.</p>
              )}
            </div>
            {strategies.length ? (
              <div>
                <h3 className="font-semibold">Strategies</h3>
                <ul className="list-disc pl-5">
                  {strategies.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {r.steps.length === 0 ? (
              <p className="text-slate-700">
                {owner ? "No action steps for this owner." : "No action steps yet."}
              </p>
            ) : (
              byHorizon(r.steps).map((group) => (
                <div key={group.horizon}>
                  <h3 className="font-semibold">{horizonLabels[group.horizon]}</h3>
                  <table className="mt-1 w-full text-left text-sm">
                    <thead>
                      <tr className="border-b border-slate-300">
                        <th scope="col" className="py-1 pr-2">
                          Action step
                        </th>
                        <th scope="col" className="py-1 pr-2">
                          Person responsible
                        </th>
                        <th scope="col" className="py-1 pr-2">
                          Due
                        </th>
                        <th scope="col" className="py-1 pr-2">
                          Resources
                        </th>
                        <th scope="col" className="py-1">
                          Completion
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
                            <td className="py-1 pr-2">{s.description}</td>
                            <td className="py-1 pr-2">{ownerOf(s)}</td>
                            <td className="py-1 pr-2">
                              {s.dueOn ?? "—"}
                              {overdue ? (
                                <strong className="ml-1 text-red-800">Overdue</strong>
                              ) : null}
                            </td>
                            <td className="py-1 pr-2">
                              {[
                                s.resources,
                                s.fundingSource && `Funding: ${s.fundingSource}`,
                                s.resourceNote,
                              ]
                                .filter(Boolean)
                                .join(" · ") || "—"}
                            </td>
                            <td className={`py-1 ${blocked ? "font-semibold text-red-800" : ""}`}>
                              {statusLabels[s.status as Status] ?? s.status}
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
