import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, CsrfInput, SelectField, useZodForm } from "../components/forms.tsx";
import { getUser, readForm, requireUser } from "../modules/auth/auth-session.server.ts";
import { acceptInvite, findOpenInvite } from "../modules/work-group/members.server.ts";
import { roleLabels } from "../modules/work-group/roles.ts";
import { joinSchema } from "../modules/work-group/schema.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const invite = await findOpenInvite(context, params.token ?? "");
  const user = await getUser(context, request);
  const path = new URL(request.url).pathname;
  if (!invite) return json({ invite: null, signedIn: !!user, path }, { status: 410 });
  const { workGroup } = invite;
  return json({
    signedIn: !!user,
    path,
    invite: {
      role: invite.role,
      workGroup: {
        name: workGroup.name,
        purpose: workGroup.purpose,
        stakeholderGroups: workGroup.stakeholderGroups,
        regions: workGroup.regions,
      },
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const form = await readForm(context, request);
  const submission = parseSubmission(form, joinSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await acceptInvite(context, user, params.token ?? "", submission.value);
  if (!result.ok)
    return json(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), {
      status: 400,
    });
  return redirect(`/work-groups/${result.slug}`);
}

export default function AcceptInvite() {
  const { invite, signedIn, path } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(joinSchema, lastResult);
  if (!invite) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold">This invite no longer works</h1>
        <p className="mt-4">
          It has expired or was revoked. Ask the facilitator who sent it for a new link.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{`Join the ${invite.workGroup.name}`}</h1>
      <p>
        You are invited as a{" "}
        {roleLabels[invite.role as keyof typeof roleLabels]?.toLowerCase() ?? invite.role}.
      </p>
      {invite.workGroup.purpose ? (
        <p className="text-slate-800">{invite.workGroup.purpose}</p>
      ) : null}
      {signedIn ? (
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <CsrfInput />
          <SelectField
            label="The stakeholder group you represent"
            field={fields.stakeholderGroupId}
            placeholder="Choose a group"
            options={invite.workGroup.stakeholderGroups.map((g) => ({
              value: g.id,
              label: g.name,
            }))}
          />
          {invite.workGroup.regions.length > 0 ? (
            <SelectField
              label="Your region"
              field={fields.regionId}
              placeholder="Choose a region"
              options={invite.workGroup.regions.map((r) => ({ value: r.id, label: r.name }))}
            />
          ) : null}
          <Button pending={pending}>Join the work group</Button>
        </Form>
      ) : (
        <p className="flex gap-4">
          <a
            className="text-brand-700 underline"
            href={`/signup?redirectTo=${encodeURIComponent(path)}`}
          >
            Create an account to join
          </a>
          <a
            className="text-brand-700 underline"
            href={`/login?redirectTo=${encodeURIComponent(path)}`}
          >
            Sign in
          </a>
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Join a work group · Convene" }];
