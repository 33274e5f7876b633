import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PeriodStatus } from "../components/comment-period/period-status.tsx";
import { StaffText, useStaffText } from "../components/staff-text.tsx";
import { Heading, Table, Td, Text, TextLink, Th } from "../components/ui/index.ts";
import { listPublicCommentPeriods } from "../modules/comment-period/comment-period.server.ts";
import { formatDate, type Locale } from "../modules/i18n/i18n.ts";
import { staffLinesIn } from "../modules/i18n/staff-text.ts";
import { usePublicLocale } from "../modules/i18n/use-locale.ts";
import { getPublicHome } from "../modules/publication/public-site.server.ts";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const home = await getPublicHome(context, params.slug ?? "");
  return json({
    ...home,
    commentPeriods: await listPublicCommentPeriods(context, home.workGroup.id),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.workGroup.name },
        { name: "description", content: data.workGroup.purpose.slice(0, 160) },
        {
          tagName: "link",
          rel: "alternate",
          type: "application/atom+xml",
          href: `/public/${data.workGroup.slug}/feed.xml`,
        },
      ]
    : [];

/** A work group's public home: purpose, questions, members, sessions, recommendations, publications. */
export default function PublicHome() {
  const { workGroup, members, sessions, recommendations, publications, commentPeriods } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = usePublicLocale();
  const purpose = useStaffText(workGroup.purpose, workGroup.purposeEs);
  return (
    <div className="space-y-8">
      <Heading level={1}>{workGroup.name}</Heading>
      {workGroup.purpose ? (
        <section aria-labelledby="purpose">
          <Heading level={2} id="purpose">
            {t("home.purpose")}
          </Heading>
          <p className="mt-2 whitespace-pre-line" lang={purpose.marked}>
            {purpose.text}
          </p>
        </section>
      ) : null}
      {workGroup.essentialQuestions.length ? (
        <section aria-labelledby="questions">
          <Heading level={2} id="questions">
            {t("home.questions")}
          </Heading>
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {staffLinesIn(locale, workGroup.essentialQuestions, workGroup.essentialQuestionsEs).map(
              (q, index) => (
                <li key={index} lang={q.lang === locale ? undefined : q.lang}>
                  {q.text}
                </li>
              ),
            )}
          </ol>
        </section>
      ) : null}

      {commentPeriods.length ? (
        <section aria-labelledby="comment-periods">
          <Heading level={2} id="comment-periods">
            {t("home.commentPeriods")}
          </Heading>
          <ul className="mt-2 space-y-2">
            {commentPeriods.map((period) => (
              <li key={period.id}>
                <TextLink
                  to={`/public/${workGroup.slug}/comment-periods/${period.id}`}
                  className="font-medium"
                >
                  <StaffText es={period.titleEs}>{period.title}</StaffText>
                </TextLink>
                <Text as="span" tone="muted">
                  {" · "}
                  <PeriodStatus period={period} />
                </Text>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="publications">
        <Heading level={2} id="publications">
          {t("home.publications")}
        </Heading>
        {publications.length === 0 ? (
          <p className="mt-2">{t("home.noPublications")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {publications.map((p) => (
              <li key={p.id}>
                <TextLink to={`/public/${workGroup.slug}/publications/${p.id}`}>{p.title}</TextLink>{" "}
                <Text as="span" tone="muted" size="small">
                  {[
                    t(`publication.kind.${p.kind}`),
                    p.updatedAt
                      ? t("publication.updated", { date: formatDate(locale, p.updatedAt) })
                      : t("publication.published", { date: formatDate(locale, p.publishedAt) }),
                  ].join(" · ")}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="recommendations">
        <Heading level={2} id="recommendations">
          {t("home.recommendations")}
        </Heading>
        {recommendations.length === 0 ? (
          <p className="mt-2">{t("home.noRecommendations")}</p>
        ) : (
          <ol className="mt-2 space-y-6">
            {recommendations.map((r) => (
              <li key={r.id} className="space-y-2">
                <Heading level={3}>
                  {`${t("recommendation.number", { number: r.number })}: ${r.title}`}
                </Heading>
                {r.rationale ? <p className="whitespace-pre-line">{r.rationale}</p> : null}
                <StepsTable steps={r.actionSteps} locale={locale} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="sessions">
        <Heading level={2} id="sessions">
          {t("home.sessions")}
        </Heading>
        {sessions.length === 0 ? (
          <p className="mt-2">{t("home.noSessions")}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {sessions.map((s) => (
              <li key={s.id}>
                <TextLink to={`/public/${workGroup.slug}/sessions/${s.id}`}>{s.title}</TextLink>{" "}
                <Text as="span" tone="muted" size="small">
                  {formatDate(locale, s.startsAt, { timeZone: s.timeZone })} ·{" "}
                  {t(`session.format.${s.format}`)}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members">
        <Heading level={2} id="members">
          {t("home.members")}
        </Heading>
        <p className="mt-2">
          {t("home.membersCount", { count: members.count })}. {t("home.namedNote")}
        </p>
        <div className="mt-3 grid gap-6 sm:grid-cols-2">
          <MemberGroups
            heading={t("home.byStakeholderGroup")}
            groups={members.byStakeholderGroup}
          />
          <MemberGroups heading={t("home.byRegion")} groups={members.byRegion} />
        </div>
      </section>
    </div>
  );
}

function MemberGroups({
  heading,
  groups,
}: {
  heading: string;
  groups: { name: string | null; nameEs: string | null; count: number; names: string[] }[];
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Heading level={3} size="minor">
        {heading}
      </Heading>
      <ul className="mt-1 space-y-1">
        {groups.map((g) => (
          <li key={g.name ?? ""}>
            {g.name ? <StaffText es={g.nameEs}>{g.name}</StaffText> : t("home.noGroup")}
            {`: ${g.count}`}
            {g.names.length ? (
              <Text as="span" tone="muted">{` (${g.names.join(", ")})`}</Text>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Step = {
  id: string;
  description: string;
  /** A name, "member" for a member who did not choose to be named, or none. */
  owner: { name: string } | "member" | null;
  horizon: string;
  dueOn: string | null;
  status: string;
};

function StepsTable({ steps, locale }: { steps: Step[]; locale: Locale }) {
  const { t } = useTranslation();
  if (steps.length === 0) return <p>{t("recommendation.noSteps")}</p>;
  const done = steps.filter((s) => s.status === "done").length;
  return (
    <div className="overflow-x-auto">
      <Table className="text-small">
        <caption className="text-left font-semibold">
          {t("recommendation.steps")} ·{" "}
          {t("recommendation.progress", { done, total: steps.length })}
        </caption>
        <thead>
          <tr>
            <Th dense scope="col">
              {t("recommendation.steps")}
            </Th>
            <Th dense scope="col">
              {t("recommendation.owner")}
            </Th>
            <Th dense scope="col">
              {t("recommendation.horizon")}
            </Th>
            <Th dense scope="col">
              {t("recommendation.due")}
            </Th>
            <Th dense>{t("recommendation.status")}</Th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.id}>
              <Td dense>{s.description}</Td>
              <Td dense>
                {s.owner === "member" ? t("recommendation.ownerMember") : (s.owner?.name ?? "")}
              </Td>
              <Td dense>{t(`horizon.${s.horizon}`)}</Td>
              <Td dense>{s.dueOn ? formatDate(locale, `${s.dueOn}T12:00:00Z`) : ""}</Td>
              <Td dense>{t(`status.${s.status}`)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
