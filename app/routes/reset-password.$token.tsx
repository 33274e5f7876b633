import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { Heading, TextLink } from "../components/ui/index.ts";
import { findValidReset, resetPassword } from "../modules/auth/accounts.server.ts";
import { readForm, signInSession } from "../modules/auth/auth-session.server.ts";
import { PASSWORD_MIN, resetPasswordSchema } from "../modules/auth/schema.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export const handle = translated;

export async function loader({ params, context }: LoaderFunctionArgs) {
  return json({ valid: !!(await findValidReset(context, params.token ?? "")) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const submission = parseSubmission(form, resetPasswordSchema);
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  }
  const result = await resetPassword(context, {
    token: params.token ?? "",
    password: submission.value.password,
  });
  // The key alone: the form says it in the page's language.
  if (!result.ok) return json(submission.reply({ formErrors: [result.key] }), { status: 410 });
  const cookie = await signInSession(context, request, result.userId);
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(resetPasswordSchema, lastResult);
  const { t } = useTranslation();
  if (!valid) {
    return (
      <div className="mx-auto max-w-md">
        <Heading level={1}>{t("auth.linkGone")}</Heading>
        <p className="mt-4">
          {t("auth.resetGoneHint")} <TextLink href="/forgot-password">{t("auth.askNew")}</TextLink>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <Heading level={1}>{t("auth.newPasswordTitle")}</Heading>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <FormError errors={form.errors} id={form.errorId} />
        <Field
          label={t("auth.newPassword")}
          field={fields.password}
          type="password"
          autoComplete="new-password"
          hint={t("auth.passwordHint", { min: PASSWORD_MIN })}
        />
        <Field
          label={t("auth.confirmPassword")}
          field={fields.confirm}
          type="password"
          autoComplete="new-password"
        />
        <Button pending={pending}>{t("auth.savePassword")}</Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "auth.newPasswordTitle") },
];
