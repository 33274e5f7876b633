import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readForm, signOutSession } from "../modules/auth/auth-session.server.ts";

export async function loader() {
  return redirect("/");
}

/**
 * Ends the sign-in here. One made through an OpenID provider that has its own sign-out lands
 * on the sign-in page, which offers that too: the provider's session would otherwise sign this
 * device in again without a password.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(context, request);
  const { setCookie, provider } = await signOutSession(context, request);
  const offer = provider
    ? context.signInProviders.list().find((p) => p.id === provider && p.signsOut)
    : undefined;
  const to = offer ? `/login?signedOut=${encodeURIComponent(offer.id)}` : "/";
  return redirect(to, { headers: { "Set-Cookie": setCookie } });
}
