import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { signIn } from "../modules/auth/accounts.server.ts";
import { getUser, readForm, signInSession } from "../modules/auth/auth-session.server.ts";
import { knownDevice, rememberDevice } from "../modules/auth/device.server.ts";
import { signInSchema } from "../modules/auth/schema.ts";
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
  const [params] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(signInSchema, lastResult);
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("auth.signInTitle")}</h1>
      {params.get("signedOut") === "everywhere" ? (
        <p role="status" className="mt-4 rounded-md border border-slate-300 bg-white p-3">
          {t("auth.signedOutEverywhere")}
        </p>
      ) : null}
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
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
        <a className="text-brand-700 underline" href={`/login/email?${params.toString()}`}>
          {t("auth.emailInstead")}
        </a>
      </p>
      <p className="mt-4 space-x-4">
        <a className="text-brand-700 underline" href="/forgot-password">
          {t("auth.forgot")}
        </a>
        <a className="text-brand-700 underline" href={`/signup?${params.toString()}`}>
          {t("auth.createAccount")}
        </a>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "auth.signInTitle") },
];
