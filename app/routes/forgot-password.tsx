import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { Heading } from "../components/ui/index.ts";
import { requestPasswordReset } from "../modules/auth/accounts.server.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { forgotPasswordSchema } from "../modules/auth/schema.ts";
import { readerLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { keepRetryAfter, say } from "../utils/http.server.ts";
import { clientAddress, linkOrigin } from "../utils/request.server.ts";

export const handle = translated;
export const headers = keepRetryAfter;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const submission = parseSubmission(form, forgotPasswordSchema);
  if (submission.status !== "success")
    return json({ sent: false, result: submission.reply() }, { status: 400 });
  const { locale } = readerLocale(request, null);
  const result = await requestPasswordReset(context, {
    email: submission.value.email,
    origin: linkOrigin(context, request),
    ip: clientAddress(request),
    locale,
  });
  if (!result.ok && !result.limited) {
    // A domain that signs in with its provider has no passwords to reset.
    const message = say(locale, result.key, result.values);
    return json(
      { sent: false, result: submission.reply({ fieldErrors: { email: [message] } }) },
      { status: 400 },
    );
  }
  if (!result.ok) {
    const message = say(locale, result.key, result.values);
    return json(
      { sent: false, result: submission.reply({ formErrors: [message] }) },
      { status: 429, headers: { "Retry-After": String(result.retryAfter ?? 60) } },
    );
  }
  return json({ sent: true, result: submission.reply() });
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(forgotPasswordSchema, data?.result);
  const { t } = useTranslation();
  if (data?.sent) {
    return (
      <div className="mx-auto max-w-md" role="status">
        <Heading level={1}>{t("auth.checkEmail")}</Heading>
        <p className="mt-4">{t("auth.resetSent")}</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <Heading level={1}>{t("auth.resetTitle")}</Heading>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <FormError errors={form.errors} id={form.errorId} />
        <Field label={t("auth.email")} field={fields.email} type="email" autoComplete="email" />
        <Button pending={pending}>{t("auth.sendReset")}</Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: titleIn(matches, "auth.resetTitle") }];
