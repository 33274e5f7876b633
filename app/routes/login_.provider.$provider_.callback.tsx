import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProviderSignInFailed } from "../components/auth/provider-buttons.tsx";
import { getAuthSession, signInSession } from "../modules/auth/auth-session.server.ts";
import { accountForProviderIdentity } from "../modules/auth/provider-accounts.server.ts";
import { finishProviderSignIn } from "../modules/auth/sign-in-providers.server.ts";
import { readerLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { say } from "../utils/http.server.ts";
import { linkOrigin } from "../utils/request.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "auth.signInTitle") },
];
export const handle = translated;

/**
 * Where the provider sends the browser back. The sign-in in progress is used once, whatever
 * happens: a replayed or forged callback finds nothing to finish.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const session = await getAuthSession(context, request);
  const pending = session.get("providerSignIn");
  session.unset("providerSignIn");
  const id = params.provider ?? "";
  const finished = await finishProviderSignIn(context, {
    provider: id,
    origin: linkOrigin(context, request),
    search: new URL(request.url).search,
    pending,
  });
  const redirectTo = pending?.redirectTo ?? "/";
  if (!finished.ok) {
    const { locale } = readerLocale(request, null);
    const config = context.signInProviders.config(id);
    return json(
      {
        message: say(locale, finished.key, finished.values),
        provider: config ? { id: config.id, label: config.label } : null,
        redirectTo,
      },
      {
        status: finished.key === "signInProvider.errors.down" ? 503 : config ? 400 : 404,
        headers: { "Set-Cookie": await context.authSessions.commitSession(session) },
      },
    );
  }
  const account = await accountForProviderIdentity(context, finished.identity);
  if (account.kind === "confirm") {
    session.set("providerLink", { ...account.link, redirectTo });
    return redirect("/login/confirm-account", {
      headers: { "Set-Cookie": await context.authSessions.commitSession(session) },
    });
  }
  // signInSession reads the cookie again: the used-up sign-in is dropped there too.
  return redirect(redirectTo, {
    headers: {
      "Set-Cookie": await signInSession(
        context,
        request,
        account.userId,
        finished.identity.provider,
      ),
    },
  });
}

export default function ProviderCallback() {
  const data = useLoaderData<typeof loader>();
  return <ProviderSignInFailed {...data} />;
}
