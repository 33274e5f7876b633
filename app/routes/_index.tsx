import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, TextareaField, useZodForm } from "../components/forms.tsx";
import { LiveNow } from "../components/session/live-now.tsx";
import { StaffText } from "../components/staff-text.tsx";
import {
  ButtonLink,
  Card,
  EmptyState,
  Heading,
  Panel,
  Text,
  TextLink,
} from "../components/ui/index.ts";
import { getPerson, readForm, requireUser } from "../modules/auth/auth-session.server.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { translated } from "../modules/i18n/use-locale.ts";
import { guestSessionPath } from "../modules/session/guests.server.ts";
import { liveSessionsFor } from "../modules/session/join-code.server.ts";
import { programSchema } from "../modules/work-group/schema.ts";
import { createProgram, listProgramsFor } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export const handle = translated;

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
  const { t } = useTranslation();
  if (!user) {
    return (
      <div className="mx-auto max-w-2xl py-8">
        <Heading level={1}>Convene</Heading>
        <p className="mt-4 text-subheading">{t("start.intro")}</p>
        <p className="mt-6 flex gap-4">
          <ButtonLink variant="primary" href="/login">
            {t("auth.signIn")}
          </ButtonLink>
          <ButtonLink href="/signup">{t("auth.createAccount")}</ButtonLink>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <LiveNow sessions={live} showWorkGroup />
      <Heading level={1}>{t("start.yourGroups")}</Heading>
      {programs.length === 0 ? (
        <p>{user.isAdmin ? t("start.noProgramsAdmin") : t("start.notInGroup")}</p>
      ) : null}
      {programs.map((program) => (
        <section key={program.id} aria-labelledby={`program-${program.id}`}>
          <Heading level={2} id={`program-${program.id}`}>
            <TextLink href={`/programs/${program.slug}`}>
              <StaffText>{program.name}</StaffText>
            </TextLink>
          </Heading>
          {program.workGroups.length === 0 ? (
            <EmptyState className="mt-2">{t("start.noWorkGroups")}</EmptyState>
          ) : (
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {program.workGroups.map((wg) => (
                <Card as="li" key={wg.id}>
                  {/* An admin sees every work group, but opens only those they belong to. */}
                  {wg.myRole ? (
                    <TextLink className="font-semibold" href={`/work-groups/${wg.slug}`}>
                      <StaffText>{wg.name}</StaffText>
                    </TextLink>
                  ) : (
                    <span className="font-semibold">
                      <StaffText>{wg.name}</StaffText>
                    </span>
                  )}
                  <Text tone="muted" size="small" className="mt-1">
                    {`${t("home.membersCount", { count: wg.memberCount })} · ${
                      wg.myRole
                        ? t("start.youAre", { role: t(`role.${wg.myRole}` as MessageKey) })
                        : t("start.notMember")
                    }`}
                  </Text>
                </Card>
              ))}
            </ul>
          )}
        </section>
      ))}
      {user.isAdmin ? (
        <Panel
          title={t("start.addProgram")}
          size="subheading"
          headingId="new-program"
          className="max-w-xl"
        >
          <Text tone="muted" size="small">
            {t("start.programHint")}
          </Text>
          <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
            <CsrfInput />
            <Field label={t("start.programName")} field={fields.name} />
            <TextareaField label={t("start.description")} field={fields.description} rows={3} />
            <Button pending={pending}>{t("start.addProgramButton")}</Button>
          </Form>
        </Panel>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Convene" }];
