import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput } from "../forms.tsx";

export type ProviderChoice = { id: string; label: string };

/**
 * "Sign in with …" for each organization's provider: a form post (with the page's token), so
 * no other site can start a sign-in in this browser.
 */
export function ProviderButtons({
  providers,
  redirectTo,
}: {
  providers: ProviderChoice[];
  redirectTo: string;
}) {
  const { t } = useTranslation();
  if (providers.length === 0) return null;
  return (
    <ul className="space-y-3">
      {providers.map((provider) => (
        <li key={provider.id}>
          <Form method="post" action={`/login/provider/${provider.id}`}>
            <CsrfInput />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Button variant="secondary" className="min-h-11 w-full justify-center">
              {t("signInProvider.button", { provider: provider.label })}
            </Button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

/** Where a provider sign-in stopped: what happened, and the ways on from here. */
export function ProviderSignInFailed({
  message,
  provider,
  redirectTo,
}: {
  message: string;
  provider: ProviderChoice | null;
  redirectTo: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("signInProvider.failedTitle")}</h1>
      <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
        {message}
      </p>
      {provider ? <ProviderButtons providers={[provider]} redirectTo={redirectTo} /> : null}
      <p>
        <a
          className="inline-flex min-h-11 items-center text-brand-700 underline"
          href={`/login${redirectTo === "/" ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`}`}
        >
          {t("signInProvider.passwordInstead")}
        </a>
      </p>
    </div>
  );
}
