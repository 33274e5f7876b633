import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Dotted } from "../components/dotted.tsx";
import { Button, inlineInputClass } from "../components/forms.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import {
  ButtonLink,
  Card,
  EmptyState,
  Heading,
  Label,
  SummaryList,
  Table,
  Td,
  Text,
  TextLink,
  Th,
} from "../components/ui/index.ts";
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
          <Heading level={1}>{t("actionPlan.title")}</Heading>
          <Text tone="muted">{t("actionPlan.asOf", { date: on })}</Text>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <Form method="get" className="flex items-end gap-2">
            <div>
              <Label htmlFor="owner">{t("actionPlan.owner")}</Label>
              <select
                id="owner"
                name="owner"
                defaultValue={owner ?? ""}
                className={inlineInputClass}
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
          <ButtonLink variant="primary" href={csv} download>
            {t("actionPlan.download")}
          </ButtonLink>
        </div>
      </div>
      {recommendations.length === 0 ? (
        <Card as="p">
          {t("actionPlan.none")}{" "}
          <TextLink to={`/work-groups/${slug}/recommendations`}>
            {t("actionPlan.addFirst")}
          </TextLink>
          .
        </Card>
      ) : null}
      {recommendations.map((r) => {
        const { done, total } = completion(r.allSteps);
        const strategies = r.strategies.split("\n").filter(Boolean);
        return (
          <Card as="section" key={r.id} aria-labelledby={`plan-${r.id}`} className="space-y-3">
            <Heading level={2} id={`plan-${r.id}`}>
              <TextLink to={`/work-groups/${slug}/recommendations/${r.id}`}>
                <StaffIn
                  said={t("recommendations.name", { number: r.number, title: STAFF })}
                  staff={r.title}
                />
              </TextLink>
            </Heading>
            <Text tone="muted" size="small">
              {t("recommendation.progress", { done, total })}
              {r.coverage.length
                ? ` · ${t("recommendations.addresses", {
                    elements: r.coverage.map((key) => t(`knoster.${key}` as MessageKey)).join(", "),
                  })}`
                : ""}
            </Text>
            <div>
              <Heading level={3} size="minor">
                {t("recommendations.smartGoal")}
              </Heading>
              {GOAL.some((key) => r[key]) ? (
                <SummaryList>
                  {GOAL.filter((key) => r[key]).map((key) => (
                    <div key={key} className="contents">
                      <dt>{t(`recommendations.goal.${key}` as MessageKey)}</dt>
                      <dd>
                        <StaffText>{r[key]}</StaffText>
                      </dd>
                    </div>
                  ))}
                </SummaryList>
              ) : (
                <Text tone="muted">{t("actionPlan.noGoal")}</Text>
              )}
            </div>
            {strategies.length ? (
              <div>
                <Heading level={3} size="minor">
                  {t("recommendations.strategies")}
                </Heading>
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
              <EmptyState>
                {owner ? t("actionPlan.noStepsForOwner") : t("recommendations.noSteps")}
              </EmptyState>
            ) : (
              byHorizon(r.steps).map((group) => (
                <div key={group.horizon}>
                  <Heading level={3} size="minor">
                    {t(`actionStep.horizon.${group.horizon}` as MessageKey)}
                  </Heading>
                  <Table className="mt-1 text-small">
                    <thead>
                      <tr>
                        <Th dense scope="col">
                          {t("actionStep.step")}
                        </Th>
                        <Th dense scope="col">
                          {t("actionPlan.responsible")}
                        </Th>
                        <Th dense scope="col">
                          {t("recommendation.due")}
                        </Th>
                        <Th dense scope="col">
                          {t("actionStep.resources")}
                        </Th>
                        <Th dense>{t("actionPlan.completion")}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.steps.map((s) => {
                        const overdue = isOverdue(s, on);
                        const blocked = s.status === "blocked";
                        return (
                          <tr
                            key={s.id}
                            className={overdue || blocked ? "bg-danger-soft" : undefined}
                          >
                            <Td dense>
                              <StaffText>{s.description}</StaffText>
                            </Td>
                            <Td dense>
                              {/* A member is named as they are; a group as staff wrote it. */}
                              {s.ownerName ?? <StaffText>{s.ownerGroup}</StaffText>}
                            </Td>
                            <Td dense>
                              {s.dueOn ?? "—"}
                              {overdue ? (
                                <strong className="ml-1 text-danger">
                                  {t("actionStep.overdue")}
                                </strong>
                              ) : null}
                            </Td>
                            <Td dense>
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
                            </Td>
                            <Td dense className={blocked ? "font-semibold text-danger" : undefined}>
                              {t(`status.${s.status}` as MessageKey)}
                            </Td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </Table>
                </div>
              ))
            )}
          </Card>
        );
      })}
    </div>
  );
}
