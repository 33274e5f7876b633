import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, FormError, useZodForm } from "../components/forms.tsx";
import { Heading } from "../components/ui/index.ts";
import { WorkGroupFields } from "../components/work-group-fields.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { translated } from "../modules/i18n/use-locale.ts";
import { workGroupSchema } from "../modules/work-group/schema.ts";
import {
  getWorkGroupSettings,
  requireMember,
  updateWorkGroup,
} from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "work-group:edit");
  return json({ settings: await getWorkGroupSettings(context, access) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "work-group:edit");
  const form = await readForm(context, request);
  const submission = parseSubmission(form, workGroupSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await updateWorkGroup(context, user, access, submission.value);
  return redirect(`/work-groups/${access.workGroup.slug}`);
}

export default function WorkGroupSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(workGroupSchema, lastResult, { defaultValue: settings });
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl">
      <Heading level={1} size="heading">
        {t("settings.heading")}
      </Heading>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <FormError errors={form.errors} id={form.errorId} />
        <WorkGroupFields
          fields={fields}
          editing
          consensusColumn={settings.consensusColumn === "on"}
          namedBoards={settings.namedBoards === "on"}
          prompts={fields.prompts.getFieldset()}
          promptsEs={fields.promptsEs.getFieldset()}
        />
        <Button pending={pending}>{t("settings.save")}</Button>
      </Form>
    </div>
  );
}
