import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffText } from "../components/staff-text.tsx";
import { Heading, Text, TextLink } from "../components/ui/index.ts";
import { formatDate } from "../modules/i18n/i18n.ts";
import { usePublicLocale } from "../modules/i18n/use-locale.ts";
import { getPublicSession } from "../modules/publication/public-site.server.ts";

export async function loader({ params, context }: LoaderFunctionArgs) {
  return json(await getPublicSession(context, params.slug ?? "", params.sessionId ?? ""));
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.session.title} · ${data.workGroup.name}` },
        {
          name: "description",
          content:
            `${data.session.title}: ${data.session.agendaItems.map((i) => i.title).join(", ")}`.slice(
              0,
              160,
            ),
        },
      ]
    : [];

/** A published session: when, its agenda with materials, and its published summary. */
export default function PublicSession() {
  const { workGroup, session, summaries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = usePublicLocale();
  return (
    <div className="space-y-6">
      <div>
        <Heading level={1}>{session.title}</Heading>
        <Text tone="muted" className="mt-1">
          {formatDate(locale, session.startsAt, { timeZone: session.timeZone, withTime: true })} ·{" "}
          {t(`session.format.${session.format}`)}
        </Text>
      </div>
      <section aria-labelledby="agenda">
        <Heading level={2} id="agenda">
          {t("session.agenda")}
        </Heading>
        {session.agendaItems.length === 0 ? (
          <p className="mt-2">{t("session.noAgenda")}</p>
        ) : (
          <ol className="mt-2 list-decimal space-y-3 pl-6">
            {session.agendaItems.map((item) => (
              <li key={item.id}>
                <span className="font-medium">
                  <StaffText es={item.titleEs}>{item.title}</StaffText>
                </span>
                {item.minutes ? (
                  <Text
                    as="span"
                    tone="muted"
                  >{` · ${t("session.minutes", { count: item.minutes })}`}</Text>
                ) : null}
                {item.presenter ? (
                  <Text
                    as="span"
                    tone="muted"
                  >{` · ${t("session.presenter", { name: item.presenter })}`}</Text>
                ) : null}
                {item.materials.length ? (
                  <ul className="mt-1 list-disc pl-6" aria-label={t("session.materials")}>
                    {item.materials.map((link) => (
                      <li key={link}>
                        <TextLink className="break-all" href={link}>
                          {link}
                        </TextLink>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="summary">
        <Heading level={2} id="summary">
          {t("session.summary")}
        </Heading>
        {summaries.length === 0 ? (
          <p className="mt-2">{t("session.noSummary")}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {summaries.map((s) => (
              <li key={s.id}>
                <TextLink to={`/public/${workGroup.slug}/publications/${s.id}`}>{s.title}</TextLink>{" "}
                <Text as="span" tone="muted" size="small">
                  {s.updatedAt
                    ? t("publication.updated", { date: formatDate(locale, s.updatedAt) })
                    : t("publication.published", { date: formatDate(locale, s.publishedAt) })}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
