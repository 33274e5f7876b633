import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, useZodForm } from "../components/forms.tsx";
import { publicFormCsrf, readForm } from "../modules/auth/auth-session.server.ts";
import { emailUpdatesOffered, requestFollow } from "../modules/publication/followers.server.ts";
import { requirePublicWorkGroup } from "../modules/publication/public-site.server.ts";
import { followSchema } from "../modules/publication/schema.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, http } from "../utils/http.server.ts";
import { clientAddress, linkOrigin } from "../utils/request.server.ts";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!emailUpdatesOffered(context)) throw http(404, "Email updates are not offered here.");
  await requirePublicWorkGroup(context, params.slug ?? "");
  const { csrf, headers } = await publicFormCsrf(context, request);
  return json({ csrf }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const submission = parseSubmission(form, followSchema);
  if (submission.status !== "success")
    return json({ reply: submission.reply(), sent: false, error: null }, { status: 400 });
  const result = await attempt(() =>
    requestFollow(context, {
      slug: params.slug ?? "",
      email: submission.value.email,
      clientKey: clientAddress(request),
      origin: linkOrigin(context, request),
    }),
  );
  if (!result.ok) {
    return json(
      {
        reply: submission.reply(),
        sent: false,
        error: result.status === 429 ? "follow.tooMany" : "follow.invalidLink",
      },
      { status: result.status },
    );
  }
  return json({ reply: submission.reply({ resetForm: true }), sent: true, error: null });
}

/** Follow the work group by email: works without JavaScript, in the reader's language. */
export default function Follow() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useZodForm(followSchema, result?.reply);
  const errors = fields.email.errors?.map((key) => t(key as "follow.invalidEmail"));
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">{t("site.follow")}</h1>
      <p>{t("follow.intro")}</p>
      {result?.sent ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3">
          {t("follow.sent")}
        </p>
      ) : null}
      {result?.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3">
          {t(result.error as "follow.tooMany")}
        </p>
      ) : null}
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <CsrfInput />
        <div className="space-y-1">
          <label htmlFor={fields.email.id} className="block font-medium">
            {t("follow.email")}
          </label>
          <input
            {...getInputProps(fields.email, { type: "email" })}
            autoComplete="email"
            className="w-full rounded-md border border-slate-500 px-3 py-2"
            aria-describedby={errors?.length ? fields.email.errorId : undefined}
          />
          {errors?.length ? (
            <p id={fields.email.errorId} className="text-red-800">
              {errors.join(" ")}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900"
          aria-disabled={navigation.state === "submitting" || undefined}
        >
          {t("follow.submit")}
        </button>
      </Form>
    </div>
  );
}
