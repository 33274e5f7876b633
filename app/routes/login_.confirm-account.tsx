import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { Card, Heading, Text, TextLink } from "../components/ui/index.ts";
import { signIn } from "../modules/auth/accounts.server.ts";
import { getAuthSession, readForm, signInSession } from "../modules/auth/auth-session.server.ts";
import { knownDevice } from "../modules/auth/device.server.ts";
import {
  linkProviderIdentity,
  usablePendingLink,
} from "../modules/auth/provider-accounts.server.ts";
import { confirmAccountSchema } from "../modules/auth/schema.ts";
import { requestSignInLink, SIGN_IN_LINK_MINUTES } from "../modules/auth/sign-in-link.server.ts";
import { readerLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { keepRetryAfter, say } from "../utils/http.server.ts";
import { clientAddress, linkOrigin } from "../utils/request.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "confirmAccount.title") },
];
export const handle = translated;
export const headers = keepRetryAfter;

/**
 * A first sign-in with a provider whose email already has an account: its owner shows the
 * account is theirs (its password, or an emailed link opened in this browser) before the
 * provider account is linked to it.
 */
async function pendingOf(context: LoaderFunctionArgs["context"], request: Request) {
  const session = await getAuthSession(context, request);
  const link = usablePendingLink(session.get("providerLink"));
  const label = link ? (context.signInProviders.config(link.provider)?.label ?? link.provider) : "";
  return { session, link, label };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { link, label } = await pendingOf(context, request);
  if (!link) return json({ pending: null }, { status: 410 });
  return json({ pending: { email: link.email, provider: { id: link.provider, label } } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const { session, link } = await pendingOf(context, request);
  if (!link) return json({ sent: null, result: null, emailError: null }, { status: 410 });
  const { locale } = readerLocale(request, null);
  const intent = form.get("intent");
  if (intent === "cancel") {
    session.unset("providerLink");
    return redirect("/login", {
      headers: { "Set-Cookie": await context.authSessions.commitSession(session) },
    });
  }
  if (intent === "email") {
    const sent = await requestSignInLink(context, {
      email: link.email,
      origin: linkOrigin(context, request),
      ip: clientAddress(request),
      redirectTo: link.redirectTo ?? "/",
      locale,
      confirmingLink: true,
    });
    if (!sent.ok) {
      const message = say(locale, "auth.errors.linksLimited", {
        count: Math.ceil((sent.retryAfter ?? 60) / 60),
      });
      return json({ sent: null, result: null, emailError: message }, { status: 429 });
    }
    return json({ sent: link.email, result: null, emailError: null });
  }
  const submission = parseSubmission(form, confirmAccountSchema);
  if (submission.status !== "success") {
    return json(
      { sent: null, result: submission.reply({ hideFields: ["password"] }), emailError: null },
      { status: 400 },
    );
  }
  const checked = await signIn(context, {
    email: link.email,
    password: submission.value.password,
    ip: clientAddress(request),
    device: await knownDevice(context, request, link.email),
    confirmingLink: true,
  });
  if (!checked.ok || checked.userId !== link.userId) {
    const message = checked.ok
      ? say(locale, "confirmAccount.errors.wrongPassword")
      : checked.key === "auth.errors.wrongPassword"
        ? say(locale, "confirmAccount.errors.wrongPassword")
        : say(locale, checked.key, checked.values);
    return json(
      {
        sent: null,
        result: submission.reply({
          fieldErrors: { password: [message] },
          hideFields: ["password"],
        }),
        emailError: null,
      },
      {
        status: !checked.ok && checked.limited ? 429 : 400,
        headers:
          !checked.ok && checked.retryAfter
            ? { "Retry-After": String(checked.retryAfter) }
            : undefined,
      },
    );
  }
  await linkProviderIdentity(context, link, "password");
  return redirect(link.redirectTo ?? "/", {
    headers: { "Set-Cookie": await signInSession(context, request, link.userId, link.provider) },
  });
}

export default function ConfirmAccount() {
  const { pending } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = (intent: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const [form, fields] = useZodForm(confirmAccountSchema, data?.result ?? undefined);
  const { t } = useTranslation();
  if (!pending) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <Heading level={1}>{t("confirmAccount.gone")}</Heading>
        <p>{t("confirmAccount.goneNoProvider")}</p>
        <p>
          <TextLink standalone href="/login">
            {t("header.signIn")}
          </TextLink>
        </p>
      </div>
    );
  }
  const named = { email: pending.email, provider: pending.provider.label };
  return (
    <div className="mx-auto max-w-md space-y-6">
      <Heading level={1}>{t("confirmAccount.title")}</Heading>
      <p>{t("confirmAccount.intro", named)}</p>
      <section aria-labelledby="by-password" className="space-y-4">
        <Heading level={2} size="subheading" id="by-password">
          {t("confirmAccount.byPassword")}
        </Heading>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <CsrfInput />
          <FormError errors={form.errors} id={form.errorId} />
          <Field
            label={t("auth.password")}
            field={fields.password}
            type="password"
            autoComplete="current-password"
          />
          <Button name="intent" value="password" pending={busy("password")}>
            {t("confirmAccount.confirm")}
          </Button>
        </Form>
      </section>
      <section aria-labelledby="by-email" className="space-y-3">
        <Heading level={2} size="subheading" id="by-email">
          {t("confirmAccount.byEmail")}
        </Heading>
        {data?.sent ? (
          <Card as="p" compact role="status">
            {t("confirmAccount.sent", { email: data.sent, minutes: SIGN_IN_LINK_MINUTES })}
          </Card>
        ) : (
          <>
            <p>{t("confirmAccount.byEmailHint", named)}</p>
            {data?.emailError ? (
              <Text tone="danger" role="alert">
                {data.emailError}
              </Text>
            ) : null}
            <Form method="post">
              <CsrfInput />
              <Button name="intent" value="email" variant="secondary" pending={busy("email")}>
                {t("confirmAccount.sendLink")}
              </Button>
            </Form>
          </>
        )}
      </section>
      <Form method="post">
        <CsrfInput />
        <Button variant="link" type="submit" name="intent" value="cancel">
          {t("confirmAccount.notYou")}
        </Button>
      </Form>
    </div>
  );
}
