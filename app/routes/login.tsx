import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProviderButtons } from "../components/auth/provider-buttons.tsx";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { Card, Heading, Text, TextLink } from "../components/ui/index.ts";
import { signIn } from "../modules/auth/accounts.server.ts";
import { getUser, readForm, signInSession } from "../modules/auth/auth-session.server.ts";
import { knownDevice, rememberDevice } from "../modules/auth/device.server.ts";
import { signInSchema } from "../modules/auth/schema.ts";
import { providerSignOutUrl } from "../modules/auth/sign-in-providers.server.ts";
import { readerLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { keepRetryAfter, say } from "../utils/http.server.ts";
import { clientAddress, linkOrigin } from "../utils/request.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(context, request)) throw redirect("/");
  const providers = context.signInProviders.list();
  // Just signed out of a sign-in made through a provider: offer its own sign-out too.
  const signedOut = new URL(request.url).searchParams.get("signedOut");
  const from = providers.find((p) => p.id === signedOut);
  const signOutUrl = from
    ? await providerSignOutUrl(context, from.id, linkOrigin(context, request))
    : null;
  return json({
    providers: providers.map((p) => ({ id: p.id, label: p.label })),
    providerSignOut: from && signOutUrl ? { label: from.label, url: signOutUrl } : null,
  });
}

export const headers = keepRetryAfter;
export const handle = translated;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const submission = parseSubmission(form, signInSchema);
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email } = submission.value;
  const result = await signIn(context, {
    ...submission.value,
    ip: clientAddress(request),
    device: await knownDevice(context, request, email),
  });
  if (!result.ok) {
    const { locale } = readerLocale(request, null);
    const message = say(locale, result.key, result.values);
    return json(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: result.limited ? 429 : 400,
      headers: result.retryAfter ? { "Retry-After": String(result.retryAfter) } : undefined,
    });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await signInSession(context, request, result.userId));
  headers.append("Set-Cookie", await rememberDevice(context, request, email));
  return redirect(submission.value.redirectTo, { headers });
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const { providers, providerSignOut } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "/";
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(signInSchema, lastResult);
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md">
      <Heading level={1}>{t("auth.signInTitle")}</Heading>
      {params.get("signedOut") === "everywhere" ? (
        <Card as="p" compact role="status" className="mt-4">
          {t("auth.signedOutEverywhere")}
        </Card>
      ) : null}
      {providerSignOut ? (
        <Card compact role="status" className="mt-4 space-y-2">
          <p className="font-medium">{t("signInProvider.signedOut")}</p>
          <Text size="small">
            {t("signInProvider.signOutHint", { provider: providerSignOut.label })}
          </Text>
          <p>
            <TextLink standalone href={providerSignOut.url}>
              {t("signInProvider.signOutThere", { provider: providerSignOut.label })}
            </TextLink>
          </p>
        </Card>
      ) : null}
      {providers.length > 0 ? (
        <div className="mt-6 space-y-4">
          <ProviderButtons providers={providers} redirectTo={redirectTo} />
          <Heading level={2} size="subheading" className="border-t border-line pt-4">
            {t("signInProvider.or")}
          </Heading>
        </div>
      ) : null}
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError errors={form.errors} id={form.errorId} />
        <Field label={t("auth.email")} field={fields.email} type="email" autoComplete="email" />
        <Field
          label={t("auth.password")}
          field={fields.password}
          type="password"
          autoComplete="current-password"
        />
        <Button pending={pending}>{t("auth.signIn")}</Button>
      </Form>
      <p className="mt-6">
        <TextLink href={`/login/email?${params.toString()}`}>{t("auth.emailInstead")}</TextLink>
      </p>
      <p className="mt-4 space-x-4">
        <TextLink href="/forgot-password">{t("auth.forgot")}</TextLink>
        <TextLink href={`/signup?${params.toString()}`}>{t("auth.createAccount")}</TextLink>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "auth.signInTitle") },
];
