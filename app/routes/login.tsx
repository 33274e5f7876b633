import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { signIn } from "../modules/auth/accounts.server.ts";
import { getUser, readForm, signInSession } from "../modules/auth/auth-session.server.ts";
import { knownDevice, rememberDevice } from "../modules/auth/device.server.ts";
import { signInSchema } from "../modules/auth/schema.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { keepRetryAfter } from "../utils/http.server.ts";
import { clientAddress } from "../utils/request.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(context, request)) throw redirect("/");
  return null;
}

export const headers = keepRetryAfter;

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
    return json(submission.reply({ formErrors: [result.message], hideFields: ["password"] }), {
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
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <FormError errors={form.errors} id={form.errorId} />
        <Field label="Email" field={fields.email} type="email" autoComplete="email" />
        <Field
          label="Password"
          field={fields.password}
          type="password"
          autoComplete="current-password"
        />
        <Button pending={pending}>Sign in</Button>
      </Form>
      <p className="mt-6">
        <a className="text-brand-700 underline" href={`/login/email?${params.toString()}`}>
          Email me a sign-in link instead (no password)
        </a>
      </p>
      <p className="mt-4 space-x-4">
        <a className="text-brand-700 underline" href="/forgot-password">
          Forgot your password?
        </a>
        <a className="text-brand-700 underline" href={`/signup?${params.toString()}`}>
          Create an account
        </a>
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in · Convene" }];
