import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { getUser, readForm } from "../modules/auth/auth-session.server.ts";
import { signInLinkSchema } from "../modules/auth/schema.ts";
import { requestSignInLink, SIGN_IN_LINK_MINUTES } from "../modules/auth/sign-in-link.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { keepRetryAfter } from "../utils/http.server.ts";
import { clientAddress, linkOrigin } from "../utils/request.server.ts";

export const meta: MetaFunction = () => [{ title: "Sign in by email · Convene" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(context, request)) throw redirect("/");
  return null;
}

export const headers = keepRetryAfter;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const submission = parseSubmission(form, signInLinkSchema);
  if (submission.status !== "success")
    return json({ sent: null, result: submission.reply() }, { status: 400 });
  const result = await requestSignInLink(context, {
    ...submission.value,
    origin: linkOrigin(context, request),
    ip: clientAddress(request),
  });
  if (!result.ok) {
    const minutes = Math.ceil(result.retryAfter / 60);
    return json(
      {
        sent: null,
        result: submission.reply({
          formErrors: [
            `Too many sign-in links asked for. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          ],
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
  if (data?.sent) {
    return (
      <div className="mx-auto max-w-md space-y-4" role="status">
        <h1 className="text-2xl font-bold">Check your email</h1>
        <p>
          {`If ${data.sent} has an account, a sign-in link is on its way. Open it on this device within ${SIGN_IN_LINK_MINUTES} minutes; it works once.`}
        </p>
        <p>
          <a className="text-brand-700 underline" href="/login/email">
            Send another link
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Sign in by email</h1>
      <p className="mt-2">We email you a link that signs you in: no password to type.</p>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <FormError errors={form.errors} id={form.errorId} />
        <Field label="Email" field={fields.email} type="email" autoComplete="email" />
        <Button pending={pending}>Email me a sign-in link</Button>
      </Form>
      <p className="mt-6">
        <a className="text-brand-700 underline" href={`/login?${params.toString()}`}>
          Sign in with a password instead
        </a>
      </p>
    </div>
  );
}
