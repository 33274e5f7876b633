import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { Heading, TextLink } from "../components/ui/index.ts";
import { signUp } from "../modules/auth/accounts.server.ts";
import { getUser, readForm, signInSession } from "../modules/auth/auth-session.server.ts";
import { rememberDevice } from "../modules/auth/device.server.ts";
import { PASSWORD_MIN, signUpSchema } from "../modules/auth/schema.ts";
import { readerLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { keepRetryAfter, say } from "../utils/http.server.ts";
import { clientAddress } from "../utils/request.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(context, request)) throw redirect("/");
  return null;
}

export const headers = keepRetryAfter;
export const handle = translated;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const submission = parseSubmission(form, signUpSchema);
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signUp(context, { ...submission.value, ip: clientAddress(request) });
  if (!result.ok) {
    return json(
      submission.reply({
        fieldErrors: {
          [result.field ?? ""]: [
            say(readerLocale(request, null).locale, result.key, result.values),
          ],
        },
        hideFields: ["password"],
      }),
      {
        status: result.limited ? 429 : 400,
        headers: result.retryAfter ? { "Retry-After": String(result.retryAfter) } : undefined,
      },
    );
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await signInSession(context, request, result.userId));
  headers.append("Set-Cookie", await rememberDevice(context, request, submission.value.email));
  return redirect(submission.value.redirectTo, { headers });
}

export default function SignUp() {
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(signUpSchema, lastResult);
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md">
      <Heading level={1}>{t("auth.signUpTitle")}</Heading>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <FormError errors={form.errors} id={form.errorId} />
        <Field label={t("auth.yourName")} field={fields.name} autoComplete="name" />
        <Field label={t("auth.email")} field={fields.email} type="email" autoComplete="email" />
        <Field
          label={t("auth.password")}
          field={fields.password}
          type="password"
          autoComplete="new-password"
          hint={t("auth.passwordHint", { min: PASSWORD_MIN })}
        />
        <Button pending={pending}>{t("auth.signUp")}</Button>
      </Form>
      <p className="mt-6">
        {t("auth.haveAccount")}{" "}
        <TextLink href={`/login?${params.toString()}`}>{t("auth.signIn")}</TextLink>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "auth.signUpTitle") },
];
