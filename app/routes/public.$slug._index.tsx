import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PeriodStatus } from "../components/comment-period/period-status.tsx";
import { StaffText, useStaffText } from "../components/staff-text.tsx";
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
      <h1 className="text-3xl font-bold">{workGroup.name}</h1>
      {workGroup.purpose ? (
        <section aria-labelledby="purpose">
          <h2 id="purpose" className="text-xl font-semibold">
            {t("home.purpose")}
          </h2>
          <p className="mt-2 whitespace-pre-line" lang={purpose.marked}>
            {purpose.text}
          </p>
        </section>
      ) : null}
      {workGroup.essentialQuestions.length ? (
        <section aria-labelledby="questions">
          <h2 id="questions" className="text-xl font-semibold">
            {t("home.questions")}
          </h2>
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
          <h2 id="comment-periods" className="text-xl font-semibold">
            {t("home.commentPeriods")}
          </h2>
          <ul className="mt-2 space-y-2">
            {commentPeriods.map((period) => (
              <li key={period.id}>
                <Link
                  to={`/public/${workGroup.slug}/comment-periods/${period.id}`}
                  className="font-medium underline"
                >
                  <StaffText es={period.titleEs}>{period.title}</StaffText>
                </Link>
                <span className="text-slate-700">
                  {" · "}
                  <PeriodStatus period={period} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="publications">
        <h2 id="publications" className="text-xl font-semibold">
          {t("home.publications")}
        </h2>
        {publications.length === 0 ? (
          <p className="mt-2">{t("home.noPublications")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {publications.map((p) => (
              <li key={p.id}>
                <Link
                  className="text-brand-700 underline"
                  to={`/public/${workGroup.slug}/publications/${p.id}`}
                >
                  {p.title}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  {[
                    t(`publication.kind.${p.kind}`),
                    p.updatedAt
                      ? t("publication.updated", { date: formatDate(locale, p.updatedAt) })
                      : t("publication.published", { date: formatDate(locale, p.publishedAt) }),
                  ].join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="recommendations">
        <h2 id="recommendations" className="text-xl font-semibold">
          {t("home.recommendations")}
        </h2>
        {recommendations.length === 0 ? (
          <p className="mt-2">{t("home.noRecommendations")}</p>
        ) : (
          <ol className="mt-2 space-y-6">
            {recommendations.map((r) => (
              <li key={r.id} className="space-y-2">
                <h3 className="text-lg font-semibold">
                  {`${t("recommendation.number", { number: r.number })}: ${r.title}`}
                </h3>
                {r.rationale ? <p className="whitespace-pre-line">{r.rationale}</p> : null}
                <StepsTable steps={r.actionSteps} locale={locale} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions" className="text-xl font-semibold">
          {t("home.sessions")}
        </h2>
        {sessions.length === 0 ? (
          <p className="mt-2">{t("home.noSessions")}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {sessions.map((s) => (
              <li key={s.id}>
                <Link
                  className="text-brand-700 underline"
                  to={`/public/${workGroup.slug}/sessions/${s.id}`}
                >
                  {s.title}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  {formatDate(locale, s.startsAt, { timeZone: s.timeZone })} ·{" "}
                  {t(`session.format.${s.format}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members">
        <h2 id="members" className="text-xl font-semibold">
          {t("home.members")}
        </h2>
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
      <h3 className="font-semibold">{heading}</h3>
      <ul className="mt-1 space-y-1">
        {groups.map((g) => (
          <li key={g.name ?? ""}>
            {g.name ? <StaffText es={g.nameEs}>{g.name}</StaffText> : t("home.noGroup")}
            {`: ${g.count}`}
            {g.names.length ? (
              <span className="text-slate-700">{` (${g.names.join(", ")})`}</span>
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
      <table className="w-full border-collapse text-left text-sm">
        <caption className="text-left font-semibold">
          {t("recommendation.steps")} ·{" "}
          {t("recommendation.progress", { done, total: steps.length })}
        </caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-1 pr-3">
              {t("recommendation.steps")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("recommendation.owner")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("recommendation.horizon")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("recommendation.due")}
            </th>
            <th scope="col" className="py-1">
              {t("recommendation.status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.id} className="border-b border-slate-200 align-top">
              <td className="py-1 pr-3">{s.description}</td>
              <td className="py-1 pr-3">
                {s.owner === "member" ? t("recommendation.ownerMember") : (s.owner?.name ?? "")}
              </td>
              <td className="py-1 pr-3">{t(`horizon.${s.horizon}`)}</td>
              <td className="py-1 pr-3">
                {s.dueOn ? formatDate(locale, `${s.dueOn}T12:00:00Z`) : ""}
              </td>
              <td className="py-1">{t(`status.${s.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
