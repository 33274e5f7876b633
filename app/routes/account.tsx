import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput } from "../components/forms.tsx";
import { Card, Heading, Text, TextLink } from "../components/ui/index.ts";
import {
  endAllSignIns,
  listSignIns,
  readForm,
  requireUser,
  signOutSession,
} from "../modules/auth/auth-session.server.ts";
import { browserName } from "../modules/auth/browser-name.server.ts";
import { providerIdentitiesOf } from "../modules/auth/provider-accounts.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { http } from "../utils/http.server.ts";
import { dateTimeFormat } from "../utils/intl.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: titleIn(matches, "account.title") }];
export const handle = translated;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const [signIns, identities] = await Promise.all([
    listSignIns(context, user.id),
    providerIdentitiesOf(context, user.id),
  ]);
  const labels = new Map(context.signInProviders.list().map((p) => [p.id, p.label]));
  return json({
    user: { name: user.name, email: user.email, isAdmin: user.isAdmin },
    // Only where providers are set up: elsewhere the section would say nothing useful.
    identities:
      labels.size > 0 || identities.length > 0
        ? identities.map((i) => ({
            provider: labels.get(i.provider) ?? i.provider,
            email: i.email,
            lastSignInAt: i.lastSignInAt.toISOString(),
          }))
        : null,
    signIns: signIns.map((s) => ({
      id: s.id,
      current: s.id === user.signInId,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      browser: browserName(s.userAgent),
    })),
  });
}

/** "Sign out everywhere": every browser this person signed in on, this one too. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const form = await readForm(context, request);
  if (form.get("intent") !== "sign-out-everywhere") throw http(400, "Unknown action.");
  await endAllSignIns(context, user.id, user.signInId);
  return redirect("/login?signedOut=everywhere", {
    headers: { "Set-Cookie": (await signOutSession(context, request)).setCookie },
  });
}

export default function Account() {
  const { user, signIns, identities } = useLoaderData<typeof loader>();
  const pending = useNavigation().state === "submitting";
  const { t, i18n } = useTranslation();
  const when = (iso: string) =>
    dateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
  return (
    <div className="max-w-2xl space-y-6">
      <Heading level={1}>{t("account.title")}</Heading>
      <p>{`${user.name} · ${user.email}`}</p>
      {user.isAdmin ? (
        <p>
          <TextLink href="/admin/sign-in">{t("header.admin")}</TextLink>
        </p>
      ) : null}
      {identities ? (
        <section aria-labelledby="providers" className="space-y-3">
          <Heading level={2} id="providers">
            {t("account.providers")}
          </Heading>
          {identities.length === 0 ? (
            <p>{t("account.providersNone")}</p>
          ) : (
            <ul className="list-disc pl-6">
              {identities.map((i) => (
                <li key={`${i.provider}:${i.email}`}>
                  {t("account.providerLinked", {
                    provider: i.provider,
                    email: i.email,
                    date: when(i.lastSignInAt),
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="sign-ins" className="space-y-3">
        <Heading level={2} id="sign-ins">
          {t("account.signIns")}
        </Heading>
        <Card as="ul" list>
          {signIns.map((s) => (
            <li key={s.id} className="p-3">
              <p className="font-medium">
                {s.browser?.os
                  ? t("account.browserOn", {
                      browser: s.browser.browser ?? t("account.aBrowser"),
                      os: s.browser.os,
                    })
                  : (s.browser?.browser ?? t("account.aBrowser"))}
                {s.current ? ` ${t("account.thisBrowser")}` : ""}
              </p>
              <Text tone="muted" size="small">
                {t("account.when", { signedIn: when(s.createdAt), used: when(s.lastUsedAt) })}
              </Text>
            </li>
          ))}
        </Card>
        <p>{t("account.everywhereHint")}</p>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <Button pending={pending}>{t("account.everywhere")}</Button>
        </Form>
      </section>
    </div>
  );
}
