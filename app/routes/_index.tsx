import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, CsrfInput, Field, TextareaField, useZodForm } from "../components/forms.tsx";
import { LiveNow } from "../components/session/live-now.tsx";
import { getPerson, readForm, requireUser } from "../modules/auth/auth-session.server.ts";
import { guestSessionPath } from "../modules/session/guests.server.ts";
import { liveSessionsFor } from "../modules/session/join-code.server.ts";
import { roleLabels } from "../modules/work-group/roles.ts";
import { programSchema } from "../modules/work-group/schema.ts";
import { createProgram, listProgramsFor } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const person = await getPerson(context, request);
  if (person?.guest) {
    // A guest has nothing here but their session.
    const back = await guestSessionPath(context, person.id);
    if (back) throw redirect(back);
  }
  const user = person && !person.guest ? person : null;
  if (!user) return json({ user: null, programs: [], live: [] });
  const [programs, live] = await Promise.all([
    listProgramsFor(context, user),
    liveSessionsFor(context, user.id),
  ]);
  return json({ user, programs, live });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const form = await readForm(context, request);
  const submission = parseSubmission(form, programSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const program = await createProgram(context, user, submission.value);
  return redirect(`/programs/${program.slug}`);
}

export default function Home() {
  const { user, programs, live } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(programSchema, lastResult);
  if (!user) {
    return (
      <div className="mx-auto max-w-2xl py-8">
        <h1 className="text-3xl font-bold">Convene</h1>
        <p className="mt-4 text-lg">
          Run stakeholder work groups: live sessions with breakout rooms and Knoster boards, ideas
          from every member, and recommendations the public can follow.
        </p>
        <p className="mt-6 flex gap-4">
          <a className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white" href="/login">
            Sign in
          </a>
          <a className="rounded-md border border-slate-500 px-4 py-2 font-medium" href="/signup">
            Create an account
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <LiveNow sessions={live} showWorkGroup />
      <h1 className="text-2xl font-bold">Your work groups</h1>
      {programs.length === 0 ? (
        <p>
          {user.isAdmin
            ? "There are no programs yet. Add the first one below, then its work groups."
            : "You are not in a work group yet. Open the invite link a facilitator sent you to join one."}
        </p>
      ) : null}
      {programs.map((program) => (
        <section key={program.id} aria-labelledby={`program-${program.id}`}>
          <h2 id={`program-${program.id}`} className="text-xl font-semibold">
            <a className="text-brand-700 underline" href={`/programs/${program.slug}`}>
              {program.name}
            </a>
          </h2>
          {program.workGroups.length === 0 ? (
            <p className="mt-2 text-slate-700">No work groups yet.</p>
          ) : (
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {program.workGroups.map((wg) => (
                <li key={wg.id} className="rounded-lg border border-slate-300 bg-white p-4">
                  {/* An admin sees every work group, but opens only those they belong to. */}
                  {wg.myRole ? (
                    <a
                      className="font-semibold text-brand-700 underline"
                      href={`/work-groups/${wg.slug}`}
                    >
                      {wg.name}
                    </a>
                  ) : (
                    <span className="font-semibold">{wg.name}</span>
                  )}
                  <p className="mt-1 text-sm text-slate-700">
                    {wg.memberCount} member{wg.memberCount === 1 ? "" : "s"}
                    {wg.myRole
                      ? ` · you are ${roleLabels[wg.myRole].toLowerCase()}`
                      : " · you are not a member"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {user.isAdmin ? (
        <section
          aria-labelledby="new-program"
          className="max-w-xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="new-program" className="text-lg font-semibold">
            Add a program
          </h2>
          <p className="text-sm text-slate-700">
            A program holds several work groups, such as a state's development teams.
          </p>
          <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
            <CsrfInput />
            <Field label="Program name" field={fields.name} />
            <TextareaField label="Description" field={fields.description} rows={3} />
            <Button pending={pending}>Add program</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Convene" }];
