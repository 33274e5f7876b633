import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, useZodForm } from "../components/forms.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { WorkGroupFields } from "../components/work-group-fields.tsx";
import { readForm, requireUser } from "../modules/auth/auth-session.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { workGroupSchema } from "../modules/work-group/schema.ts";
import {
  createWorkGroup,
  getProgram,
  listProgramsFor,
} from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { found } from "../utils/http.server.ts";

export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const program = (await listProgramsFor(context, user)).find((p) => p.slug === params.programSlug);
  return json({ program: found(program, "program") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const form = await readForm(context, request);
  const program = found(await getProgram(context, params.programSlug ?? ""), "program");
  const submission = parseSubmission(form, workGroupSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const workGroup = await createWorkGroup(context, user, program, submission.value);
  return redirect(`/work-groups/${workGroup.slug}/members`);
}

export default function ProgramPage() {
  const { program } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(workGroupSchema, lastResult);
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-slate-700">{t("program.label")}</p>
        <h1 className="text-2xl font-bold">
          <StaffText>{program.name}</StaffText>
        </h1>
        {program.description ? (
          <p className="mt-2 max-w-3xl">
            <StaffText>{program.description}</StaffText>
          </p>
        ) : null}
      </div>
      <section aria-labelledby="work-groups">
        <h2 id="work-groups" className="text-xl font-semibold">
          {t("program.workGroups")}
        </h2>
        {program.workGroups.length === 0 ? <p className="mt-2">{t("start.noWorkGroups")}</p> : null}
        <ul className="mt-3 space-y-2">
          {program.workGroups.map((wg) => (
            <li key={wg.id}>
              {wg.myRole ? (
                <a className="text-brand-700 underline" href={`/work-groups/${wg.slug}`}>
                  <StaffText>{wg.name}</StaffText>
                </a>
              ) : (
                <StaffIn said={t("program.notMember", { name: STAFF })} staff={wg.name} />
              )}
            </li>
          ))}
        </ul>
      </section>
      {program.canAddWorkGroup ? (
        <section
          aria-labelledby="new-work-group"
          className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="new-work-group" className="text-lg font-semibold">
            {t("program.addWorkGroup")}
          </h2>
          <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
            <CsrfInput />
            <WorkGroupFields
              fields={fields}
              editing={false}
              consensusColumn={false}
              namedBoards={false}
            />
            <Button pending={pending}>{t("program.addWorkGroupButton")}</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.program.name} · Convene` : titleIn(matches, "program.label") },
];
