import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CsrfInput, Field, TextareaField, useZodForm } from "../components/forms.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  createCommentPeriod,
  listCommentPeriods,
  replaceDraft,
} from "../modules/comment-period/comment-period.server.ts";
import { newPeriodSchema } from "../modules/comment-period/schema.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export const meta: MetaFunction = () => [{ title: "Comment periods · Convene" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  return json({
    slug: access.workGroup.slug,
    periods: await listCommentPeriods(context, access),
    canManage: can(access.role, "comment-period:manage"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment-period:manage");
  const submission = parseSubmission(await readForm(context, request), newPeriodSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { draft, ...fields } = submission.value;
  const period = await createCommentPeriod(context, access, fields);
  await replaceDraft(context, access, period.id, draft);
  return redirect(`/work-groups/${access.workGroup.slug}/comment-periods/${period.id}`);
}

/** The work group's comment periods, and a form to open a new draft for comment. */
export default function CommentPeriods() {
  const { slug, periods, canManage } = useLoaderData<typeof loader>();
  const [form, fields] = useZodForm(newPeriodSchema, useActionData<typeof action>(), {
    defaultValue: { timeZone: "America/Chicago" },
  });
  return (
    <div className="space-y-8">
      <section aria-labelledby="periods">
        <h1 id="periods" className="text-2xl font-bold">
          Comment periods
        </h1>
        {periods.length === 0 ? (
          <p className="mt-2">
            No comment periods yet. Open one below to take public comment on a draft.
          </p>
        ) : (
          <ul className="mt-2 space-y-2">
            {periods.map((period) => (
              <li key={period.id}>
                <Link
                  to={`/work-groups/${slug}/comment-periods/${period.id}`}
                  className="font-medium underline"
                >
                  {period.title}
                </Link>{" "}
                <span className="text-slate-700">
                  · {period.state} · {period.comments} comments · closes{" "}
                  {formatSessionTime(period.closesAt, period.timeZone)}
                  {period.publishedAt ? "" : " · not published"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canManage ? (
        <section aria-labelledby="new-period" className="max-w-2xl">
          <h2 id="new-period" className="text-xl font-semibold">
            Open a draft for comment
          </h2>
          <Form method="post" className="mt-2 space-y-3" {...getFormProps(form)}>
            <CsrfInput />
            <Field label="Title" field={fields.title} />
            <Field
              label="Time zone"
              field={fields.timeZone}
              hint="The zone the dates are in, like America/Chicago: “closes 11:59 pm Central” means exactly that."
            />
            <Field label="Opens" type="datetime-local" field={fields.opensAt} />
            <Field
              label="Closes"
              type="datetime-local"
              field={fields.closesAt}
              hint="The closing minute is included."
            />
            <TextareaField label="How to comment" field={fields.instructions} />
            <TextareaField
              label="Moderation policy (shown to the public)"
              field={fields.moderationPolicy}
            />
            <TextareaField
              label="The draft"
              field={fields.draft}
              rows={10}
              hint="Paste text or Markdown. Each heading (# or ##) starts a numbered section people can comment on."
            />
            <Button>Create the comment period</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
