import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput } from "../forms.tsx";
import { Heading, Notice, TextLink } from "../ui/index.ts";

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
            <Button fullWidth variant="secondary">
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
      <Heading level={1}>{t("signInProvider.failedTitle")}</Heading>
      <Notice as="p" tone="error" role="alert">
        {message}
      </Notice>
      {provider ? <ProviderButtons providers={[provider]} redirectTo={redirectTo} /> : null}
      <p>
        <TextLink
          standalone
          href={`/login${redirectTo === "/" ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`}`}
        >
          {t("signInProvider.passwordInstead")}
        </TextLink>
      </p>
    </div>
  );
}
