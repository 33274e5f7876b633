import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  TextareaField,
  useZodForm,
} from "../components/forms.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { workGroupSchema } from "../modules/work-group/schema.ts";
import {
  getWorkGroupSettings,
  requireMember,
  updateWorkGroup,
} from "../modules/work-group/work-group.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "work-group:edit");
  return json({ settings: await getWorkGroupSettings(context, access) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "work-group:edit");
  const form = await readForm(context, request);
  const submission = parseWithZod(form, { schema: workGroupSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await updateWorkGroup(context, user, access, submission.value);
  return redirect(`/work-groups/${access.workGroup.slug}`);
}

export default function WorkGroupSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(workGroupSchema, lastResult, { defaultValue: settings });
  return (
    <div className="max-w-2xl">
      <h1 className="text-xl font-semibold">Settings</h1>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <FormError errors={form.errors} id={form.errorId} />
        <Field label="Name" field={fields.name} />
        <TextareaField label="Charge" field={fields.purpose} rows={3} />
        <TextareaField
          label="Essential questions"
          field={fields.essentialQuestions}
          hint="One per line."
          rows={5}
        />
        <TextareaField
          label="Areas of focus"
          field={fields.areasOfFocus}
          hint="One per line. Each can have its own board."
          rows={5}
        />
        <TextareaField
          label="Stakeholder groups"
          field={fields.stakeholderGroups}
          hint="One per line. Removing a group clears it from the members who chose it."
          rows={9}
        />
        <TextareaField
          label="Regions"
          field={fields.regions}
          hint="One per line. Removing a region clears it from the members who chose it."
          rows={5}
        />
        <TextareaField
          label="Phases of the work"
          field={fields.workPhases}
          hint="One per line, e.g. Study and Planning. Each session belongs to one."
          rows={3}
        />
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="consensusColumn"
            defaultChecked={settings.consensusColumn === "on"}
          />
          Add a Consensus column to boards, after the five Knoster elements
        </label>
        <Button pending={pending}>Save settings</Button>
      </Form>
    </div>
  );
}
