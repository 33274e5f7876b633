import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card, Heading, SummaryList, Text } from "../components/ui/index.ts";
import { recentAccountEvents, signInsByWay } from "../modules/auth/account-events.server.ts";
import { requireUser } from "../modules/auth/auth-session.server.ts";
import { callbackUrl } from "../modules/auth/sign-in-providers.server.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { refuse } from "../utils/http.server.ts";
import { dateTimeFormat } from "../utils/intl.ts";
import { linkOrigin } from "../utils/request.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "adminSignIn.title") },
];
export const handle = translated;

/**
 * The instance admin's view of sign-in: each provider, whether it answered at start, the
 * redirect URI to register with it, who must use it, and the audit log of sign-ins.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  if (!user.isAdmin) throw refuse(403, "adminSignIn.onlyAdmins");
  const origin = linkOrigin(context, request);
  const [ways, events] = await Promise.all([signInsByWay(context), recentAccountEvents(context)]);
  const providers = context.signInProviders.list();
  const label = new Map(providers.map((p) => [p.id, p.label]));
  return json({
    providers: providers.map((p) => ({
      ...p,
      redirectUri: callbackUrl(origin, p.id),
      signIns: ways.filter((w) => w.provider === p.id).reduce((sum, w) => sum + w.count, 0),
    })),
    requiredDomains: context.signInProviders.policy.requiredDomains,
    ways: ways.map((w) => ({
      ...w,
      label: w.provider ? (label.get(w.provider) ?? w.provider) : "",
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      method: e.method,
      provider: e.provider ? (label.get(e.provider) ?? e.provider) : "",
      at: e.createdAt.toISOString(),
      who: e.user ? `${e.user.name} (${e.user.email})` : "",
    })),
  });
}

export default function AdminSignIn() {
  const { providers, requiredDomains, ways, events } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const when = dateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  const way = (method: string, provider: string) =>
    t(`adminSignIn.methods.${method}` as MessageKey, { provider });
  return (
    <div className="max-w-5xl space-y-8">
      <div className="space-y-2">
        <Heading level={1}>{t("adminSignIn.title")}</Heading>
        <p>{t("adminSignIn.intro")}</p>
      </div>
      {providers.length === 0 ? (
        <Card as="p" compact>
          {t("adminSignIn.none")}
        </Card>
      ) : (
        <ul className="space-y-4">
          {providers.map((p) => (
            <Card as="li" key={p.id}>
              <Heading level={2} size="subheading">
                {p.label}
              </Heading>
              <SummaryList className="mt-2">
                <dt>{t("adminSignIn.state")}</dt>
                <dd className={p.state === "down" ? "font-medium text-danger" : undefined}>
                  {t(`adminSignIn.states.${p.state}`, { problem: p.problem ?? "" })}
                </dd>
                <dt>{t("adminSignIn.issuer")}</dt>
                <dd className="break-all">{p.issuer}</dd>
                <dt>{t("adminSignIn.redirect")}</dt>
                <dd className="break-all font-mono text-small">{p.redirectUri}</dd>
                <dt>{t("adminSignIn.domains")}</dt>
                <dd>{p.domains.length ? p.domains.join(", ") : t("adminSignIn.anyDomain")}</dd>
                <dt>{t("adminSignIn.signIns")}</dt>
                <dd>{number.format(p.signIns)}</dd>
              </SummaryList>
            </Card>
          ))}
        </ul>
      )}
      <section aria-labelledby="required" className="space-y-2">
        <Heading level={2} id="required">
          {t("adminSignIn.required")}
        </Heading>
        <p>{requiredDomains.length ? requiredDomains.join(", ") : t("adminSignIn.requiredNone")}</p>
      </section>
      <section aria-labelledby="ways" className="space-y-2">
        <Heading level={2} id="ways">
          {t("adminSignIn.ways")}
        </Heading>
        {ways.length === 0 ? (
          <p>{t("adminSignIn.logEmpty")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {ways.map((w) => (
              <li key={`${w.method}:${w.provider ?? ""}`}>
                {`${way(w.method, w.label)}: ${number.format(w.count)}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="log" className="space-y-2">
        <Heading level={2} id="log">
          {t("adminSignIn.log")}
        </Heading>
        {events.length === 0 ? (
          <p>{t("adminSignIn.logEmpty")}</p>
        ) : (
          // A list, not a table: on a phone each event reads whole, without sideways scrolling.
          <Card as="ul" list>
            {events.map((e) => (
              <li key={e.id} className="p-3">
                <p className="font-medium">
                  {`${t(`adminSignIn.kinds.${e.kind}` as MessageKey)} · ${way(e.method, e.provider)}`}
                </p>
                <Text tone="muted" size="small">
                  <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                  {e.who ? ` · ${e.who}` : ""}
                </Text>
              </li>
            ))}
          </Card>
        )}
      </section>
    </div>
  );
}
