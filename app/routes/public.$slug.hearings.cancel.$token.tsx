import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, Card, Heading, TextLink } from "../components/ui/index.ts";
import { cancelByLink, getCancellation } from "../modules/hearing/registration.server.ts";
import { formatInZone, i18nFor, isLocale, type Locale } from "../modules/i18n/i18n.ts";
import { usePublicLocale } from "../modules/i18n/use-locale.ts";
import { attempt } from "../utils/http.server.ts";
import { linkOrigin } from "../utils/request.server.ts";

/** The link is a secret: never sent on to another site, never indexed, never cached. */
const PRIVATE = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

export const headers: HeadersFunction = () => PRIVATE;

export const meta: MetaFunction = ({ matches }) => {
  const site = matches.find((m) => m.id === "routes/public.$slug")?.data as
    | { locale?: Locale }
    | undefined;
  const title = i18nFor(isLocale(site?.locale) ? site.locale : "en").t("hearing.cancelTitle");
  return [{ title }, { name: "robots", content: "noindex" }];
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await attempt(() =>
    getCancellation(context, params.slug ?? "", params.token ?? ""),
  );
  const slug = params.slug ?? "";
  if (!found.ok)
    return json({ slug, registration: null }, { status: found.status, headers: PRIVATE });
  return json({ slug, registration: found.value }, { headers: PRIVATE });
}

/** Cancelling takes a press of a button: mail scanners that open links cancel nothing. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const done = await attempt(() =>
    cancelByLink(context, params.slug ?? "", params.token ?? "", linkOrigin(context, request)),
  );
  if (!done.ok)
    return json(
      { outcome: done.status === 409 ? ("ended" as const) : ("invalid" as const) },
      { status: done.status, headers: PRIVATE },
    );
  return json(
    { outcome: done.value.already ? ("already" as const) : ("cancelled" as const) },
    { headers: PRIVATE },
  );
}

const OUTCOMES = {
  cancelled: "hearing.cancelled",
  already: "hearing.alreadyCancelled",
  ended: "hearing.cancelEnded",
  invalid: "hearing.invalidLink",
} as const;

/** "Cancel the registration of … for …?" and a button; then what happened. */
export default function CancelRegistration() {
  const { slug, registration } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = usePublicLocale();
  let message: string | null = null;
  if (result) message = t(OUTCOMES[result.outcome]);
  else if (!registration) message = t("hearing.invalidLink");
  else if (registration.status === "cancelled") message = t("hearing.alreadyCancelled");
  else if (registration.hearing.ended) message = t("hearing.cancelEnded");
  return (
    <div className="max-w-xl space-y-4">
      <Heading level={1}>{t("hearing.cancelTitle")}</Heading>
      {message ? (
        <Card
          as="p"
          tone="sunken"
          compact
          role={result && result.outcome !== "cancelled" ? "alert" : "status"}
        >
          {message}
        </Card>
      ) : registration ? (
        <>
          <p>
            {t("hearing.cancelQuestion", {
              name: registration.name,
              title: registration.hearing.title,
              when: formatInZone(
                locale,
                registration.hearing.startsAt,
                registration.hearing.timeZone,
              ),
            })}
          </p>
          <Form method="post">
            <Button
              variant="danger"
              type="submit"
              aria-disabled={navigation.state === "submitting" || undefined}
            >
              {t("hearing.cancelConfirm")}
            </Button>
          </Form>
        </>
      ) : null}
      {registration ? (
        <p>
          <TextLink
            to={`/public/${slug}/comment-periods/${registration.hearing.periodId}/hearings/${registration.hearing.id}`}
          >
            {t("hearing.back", { title: registration.hearing.title })}
          </TextLink>
        </p>
      ) : null}
    </div>
  );
}
