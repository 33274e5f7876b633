import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button, CsrfInput, Field, FormError, useZodForm } from "../components/forms.tsx";
import { requestPasswordReset } from "../modules/auth/accounts.server.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { forgotPasswordSchema } from "../modules/auth/schema.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { clientAddress, linkOrigin } from "../utils/request.server.ts";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const submission = parseSubmission(form, forgotPasswordSchema);
  if (submission.status !== "success")
    return json({ sent: false, result: submission.reply() }, { status: 400 });
  const result = await requestPasswordReset(context, {
    email: submission.value.email,
    origin: linkOrigin(context, request),
    ip: clientAddress(request),
  });
  if (!result.ok) {
    return json(
      { sent: false, result: submission.reply({ formErrors: [result.message] }) },
      { status: 429 },
    );
  }
  return json({ sent: true, result: submission.reply() });
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(forgotPasswordSchema, data?.result);
  if (data?.sent) {
    return (
      <div className="mx-auto max-w-md" role="status">
        <h1 className="text-2xl font-bold">Check your email</h1>
        <p className="mt-4">
          If an account uses that address, a link to choose a new password is on its way. It works
          for one hour. (Without a mail server, the administrator finds the link in the server log.)
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Reset your password</h1>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <FormError errors={form.errors} id={form.errorId} />
        <Field label="Email" field={fields.email} type="email" autoComplete="email" />
        <Button pending={pending}>Send me a reset link</Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Reset your password · Convene" }];
