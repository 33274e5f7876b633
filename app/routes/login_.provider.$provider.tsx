import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProviderButtons, ProviderSignInFailed } from "../components/auth/provider-buttons.tsx";
import { Heading } from "../components/ui/index.ts";
import { getAuthSession, readForm } from "../modules/auth/auth-session.server.ts";
import { samePagePath } from "../modules/auth/schema.ts";
import { beginProviderSignIn } from "../modules/auth/sign-in-providers.server.ts";
import { readerLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { refuse, say } from "../utils/http.server.ts";
import { linkOrigin } from "../utils/request.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "auth.signInTitle") },
];
export const handle = translated;

/**
 * Only a button starts a sign-in (a post with the page's token): opened as an address, this
 * page shows that button. (It must not redirect: Remix runs it after the action too.)
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const config = context.signInProviders.config(params.provider ?? "");
  if (!config) throw refuse(404, "signInProvider.errors.unknown");
  return json({ provider: { id: config.id, label: config.label } });
}

/** "Sign in with …": off to the provider, with this browser's state, nonce and verifier kept. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const redirectTo = samePagePath(String(form.get("redirectTo") ?? "/"));
  const id = params.provider ?? "";
  const started = await beginProviderSignIn(context, {
    provider: id,
    origin: linkOrigin(context, request),
    redirectTo,
  });
  if (!started.ok) {
    const { locale } = readerLocale(request, null);
    const config = context.signInProviders.config(id);
    return json(
      {
        message: say(locale, started.key, started.values),
        provider: config ? { id: config.id, label: config.label } : null,
        redirectTo,
      },
      { status: config ? 503 : 404 },
    );
  }
  const session = await getAuthSession(context, request);
  session.set("providerSignIn", started.pending);
  return redirect(started.url, {
    headers: { "Set-Cookie": await context.authSessions.commitSession(session) },
  });
}

export default function StartProviderSignIn() {
  const data = useActionData<typeof action>();
  const { provider } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  if (data) return <ProviderSignInFailed {...data} />;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <Heading level={1}>{t("auth.signInTitle")}</Heading>
      <ProviderButtons providers={[provider]} redirectTo={params.get("redirectTo") ?? "/"} />
    </div>
  );
}
