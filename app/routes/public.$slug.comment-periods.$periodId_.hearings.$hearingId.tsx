import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegistrationForm } from "../components/hearing/registration-form.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { Card, Heading, SummaryList, TextLink } from "../components/ui/index.ts";
import {
  getPublicHearing,
  submitRegistrationForm,
} from "../modules/hearing/registration.server.ts";
import { formatInZone } from "../modules/i18n/i18n.ts";
import { publicLocale } from "../modules/i18n/locale.server.ts";
import { usePublicLocale } from "../modules/i18n/use-locale.ts";
import { http } from "../utils/http.server.ts";
import { clientAddress, linkOrigin } from "../utils/request.server.ts";

const ids = (params: LoaderFunctionArgs["params"]) => ({
  slug: params.slug ?? "",
  periodId: params.periodId ?? "",
  hearingId: params.hearingId ?? "",
});

export async function loader({ params, context }: LoaderFunctionArgs) {
  return json(await getPublicHearing(context, ids(params)), {
    // The page carries a fresh form token: never shared from a cache.
    headers: { "Cache-Control": "private, no-store" },
  });
}

/**
 * The registration form posts here and is answered with the page, with or without JavaScript.
 * No account and no cookie: the form's signed token stands in for both.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw http(400, "That request could not be read as a form.");
  }
  const answer = await submitRegistrationForm(context, {
    ...ids(params),
    form,
    clientKey: clientAddress(request),
    origin: linkOrigin(context, request),
    locale: publicLocale(request).locale,
  });
  return json(answer.body, {
    status: answer.status,
    headers: { ...answer.headers, "Cache-Control": "private, no-store" },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.hearing.title} · ${data.period.title}` }] : [];

/** One hearing or webinar: when, where, places left, the calendar file and the form. */
export default function PublicHearing() {
  const { slug, period, hearing, token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = usePublicLocale();
  const periodPath = `/public/${slug}/comment-periods/${period.id}`;
  const pagePath = `${periodPath}/hearings/${hearing.id}`;
  const kind = t(`hearing.kind.${hearing.kind as "hearing"}`);
  return (
    <div className="space-y-6">
      <p>
        <TextLink to={periodPath}>
          <StaffIn
            said={t("hearing.back", { title: STAFF })}
            staff={period.title}
            es={period.titleEs}
          />
        </TextLink>
      </p>
      <div>
        <p className="text-subheading font-medium text-muted">{kind}</p>
        <Heading level={1}>
          <StaffText es={hearing.titleEs}>{hearing.title}</StaffText>
        </Heading>
      </div>
      <SummaryList className="gap-y-2">
        <dt>{t("hearing.when")}</dt>
        <dd>
          {t("hearing.until", {
            start: formatInZone(locale, hearing.startsAt, hearing.timeZone),
            end: formatInZone(locale, hearing.endsAt, hearing.timeZone),
          })}
        </dd>
        {hearing.place ? (
          <>
            <dt>{t("hearing.where")}</dt>
            <dd>
              <StaffText es={hearing.placeEs}>{hearing.place}</StaffText>
            </dd>
          </>
        ) : null}
        {hearing.link ? (
          <>
            <dt>{t("hearing.online")}</dt>
            <dd>
              <TextLink href={hearing.link}>{t("hearing.join")}</TextLink>
            </dd>
          </>
        ) : null}
        {hearing.limited && !hearing.ended ? (
          <>
            <dt>{t("hearing.places")}</dt>
            <dd>
              {hearing.placesLeft
                ? t("hearing.placesLeft", { count: hearing.placesLeft })
                : t("hearing.full")}
            </dd>
          </>
        ) : null}
      </SummaryList>
      <p>
        <TextLink href={`${pagePath}/calendar.ics`}>{t("hearing.calendar")}</TextLink>
      </p>
      {hearing.ended ? (
        <Card as="p" tone="sunken" compact role="status">
          {t("hearing.ended")}
        </Card>
      ) : (
        <RegistrationForm
          roles={hearing.roles}
          inPerson={hearing.place !== ""}
          token={token}
          pagePath={pagePath}
          result={result}
        />
      )}
    </div>
  );
}
