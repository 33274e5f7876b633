import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, inputClass, useZodForm } from "../components/forms.tsx";
import { Button, Heading, Label, Notice, Text } from "../components/ui/index.ts";
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
      <Heading level={1}>{t("site.follow")}</Heading>
      <p>{t("follow.intro")}</p>
      {result?.sent ? (
        <Notice as="p" tone="success" role="status">
          {t("follow.sent")}
        </Notice>
      ) : null}
      {result?.error ? (
        <Notice as="p" tone="error" role="alert">
          {t(result.error as "follow.tooMany")}
        </Notice>
      ) : null}
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <CsrfInput />
        <div className="space-y-1">
          <Label htmlFor={fields.email.id}>{t("follow.email")}</Label>
          <input
            {...getInputProps(fields.email, { type: "email" })}
            autoComplete="email"
            className={inputClass}
            aria-describedby={errors?.length ? fields.email.errorId : undefined}
          />
          {errors?.length ? (
            <Text tone="danger" id={fields.email.errorId}>
              {errors.join(" ")}
            </Text>
          ) : null}
        </div>
        <Button type="submit" aria-disabled={navigation.state === "submitting" || undefined}>
          {t("follow.submit")}
        </Button>
      </Form>
    </div>
  );
}
