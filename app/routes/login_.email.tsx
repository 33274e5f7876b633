import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { Heading, TextLink } from "../components/ui/index.ts";
import { inMinutes } from "../modules/auth/accounts.server.ts";
import { getUser, readForm } from "../modules/auth/auth-session.server.ts";
import { signInLinkSchema } from "../modules/auth/schema.ts";
import { requestSignInLink, SIGN_IN_LINK_MINUTES } from "../modules/auth/sign-in-link.server.ts";
import { readerLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { keepRetryAfter, say } from "../utils/http.server.ts";
import { clientAddress, linkOrigin } from "../utils/request.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "auth.byEmailTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(context, request)) throw redirect("/");
  return null;
}

export const headers = keepRetryAfter;
export const handle = translated;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const submission = parseSubmission(form, signInLinkSchema);
  if (submission.status !== "success")
    return json({ sent: null, result: submission.reply() }, { status: 400 });
  const { locale } = readerLocale(request, null);
  const result = await requestSignInLink(context, {
    ...submission.value,
    origin: linkOrigin(context, request),
    ip: clientAddress(request),
    locale,
  });
  if (!result.ok && result.retryAfter === undefined) {
    const message = say(locale, "signInProvider.errors.required", {
      domain: result.domain,
      provider: result.providers,
    });
    return json(
      { sent: null, result: submission.reply({ fieldErrors: { email: [message] } }) },
      { status: 400 },
    );
  }
  if (!result.ok) {
    const count = inMinutes(result.retryAfter);
    return json(
      {
        sent: null,
        result: submission.reply({
          formErrors: [say(locale, "auth.errors.linksLimited", { count })],
        }),
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
    );
  }
  return json({ sent: submission.value.email, result: submission.reply() });
}

/** A sign-in link by email: for a phone, where typing a password is the hard part. */
export default function SignInByEmail() {
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(signInLinkSchema, data?.result);
  const { t } = useTranslation();
  if (data?.sent) {
    return (
      <div className="mx-auto max-w-md space-y-4" role="status">
        <Heading level={1}>{t("auth.checkEmail")}</Heading>
        <p>{t("auth.linkSent", { email: data.sent, minutes: SIGN_IN_LINK_MINUTES })}</p>
        <p>
          <TextLink href="/login/email">{t("auth.sendAnother")}</TextLink>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <Heading level={1}>{t("auth.byEmailTitle")}</Heading>
      <p className="mt-2">{t("auth.byEmailIntro")}</p>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <FormError errors={form.errors} id={form.errorId} />
        <Field label={t("auth.email")} field={fields.email} type="email" autoComplete="email" />
        <Button pending={pending}>{t("auth.sendLink")}</Button>
      </Form>
      <p className="mt-6">
        <TextLink href={`/login?${params.toString()}`}>{t("auth.passwordInstead")}</TextLink>
      </p>
    </div>
  );
}
