import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, useZodForm } from "../components/forms.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { Heading, Panel, Text, TextLink } from "../components/ui/index.ts";
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
        <Text tone="muted" size="small">
          {t("program.label")}
        </Text>
        <Heading level={1}>
          <StaffText>{program.name}</StaffText>
        </Heading>
        {program.description ? (
          <p className="mt-2 max-w-3xl">
            <StaffText>{program.description}</StaffText>
          </p>
        ) : null}
      </div>
      <section aria-labelledby="work-groups">
        <Heading level={2} id="work-groups">
          {t("program.workGroups")}
        </Heading>
        {program.workGroups.length === 0 ? <p className="mt-2">{t("start.noWorkGroups")}</p> : null}
        <ul className="mt-3 space-y-2">
          {program.workGroups.map((wg) => (
            <li key={wg.id}>
              {wg.myRole ? (
                <TextLink href={`/work-groups/${wg.slug}`}>
                  <StaffText>{wg.name}</StaffText>
                </TextLink>
              ) : (
                <StaffIn said={t("program.notMember", { name: STAFF })} staff={wg.name} />
              )}
            </li>
          ))}
        </ul>
      </section>
      {program.canAddWorkGroup ? (
        <Panel
          title={t("program.addWorkGroup")}
          size="subheading"
          headingId="new-work-group"
          className="max-w-2xl"
        >
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
        </Panel>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.program.name} · Convene` : titleIn(matches, "program.label") },
];
