import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, SelectField, useZodForm } from "../components/forms.tsx";
import { LiveNow } from "../components/session/live-now.tsx";
import { StaffText } from "../components/staff-text.tsx";
import { Card, EmptyState, Heading, Panel, Text, TextLink } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { staffLinesIn, storedLines } from "../modules/i18n/staff-text.ts";
import { translated } from "../modules/i18n/use-locale.ts";
import { liveSessionsFor } from "../modules/session/join-code.server.ts";
import { SESSION_FORMATS, sessionSchema } from "../modules/session/schema.ts";
import { createSession } from "../modules/session/session.server.ts";
import { formatSessionTime, zoneLabel } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { getWorkGroupOverview, requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const [overview, live] = await Promise.all([
    getWorkGroupOverview(context, access.workGroup.id),
    liveSessionsFor(context, user.id, access.workGroup.id),
  ]);
  return json({ overview, live, canCreateSession: can(access.role, "session:create") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "session:create");
  const form = await readForm(context, request);
  const submission = parseSubmission(form, sessionSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const created = await createSession(context, user, access, submission.value);
  if (!created.ok) {
    return json(submission.reply({ fieldErrors: { [created.field]: [created.message] } }), {
      status: 400,
    });
  }
  return redirect(`/work-groups/${access.workGroup.slug}/sessions/${created.sessionId}`);
}

/** The zones a session can be planned in: the United States', and UTC. */
const TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "UTC",
];

export default function WorkGroupOverview() {
  const { overview, live, canCreateSession } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(sessionSchema, lastResult);
  const { t, i18n } = useTranslation();
  const questions = staffLinesIn(
    i18n.language,
    storedLines(overview.essentialQuestions),
    overview.essentialQuestionsEs,
  );
  // A new session is planned where the work group's last one was: a Central-time group is
  // not offered New York.
  const usualZone = overview.sessions[0]?.timeZone ?? TIME_ZONES[0];
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <h1 className="sr-only">
          <StaffText>{overview.name}</StaffText>
        </h1>
        <LiveNow sessions={live} showWorkGroup={false} />
        {overview.purpose ? (
          <section aria-labelledby="charge">
            <Heading level={2} size="subheading" id="charge">
              {t("overview.charge")}
            </Heading>
            <p className="mt-1">
              <StaffText es={overview.purposeEs}>{overview.purpose}</StaffText>
            </p>
          </section>
        ) : null}
        {questions.length > 0 ? (
          <section aria-labelledby="questions">
            <Heading level={2} size="subheading" id="questions">
              {t("overview.questions")}
            </Heading>
            <ol className="mt-1 list-decimal space-y-1 pl-6">
              {questions.map((q, index) => (
                <li key={index} lang={q.lang === i18n.language ? undefined : q.lang}>
                  {q.text}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <section aria-labelledby="sessions">
          <Heading level={2} size="subheading" id="sessions">
            {t("overview.sessions")}
          </Heading>
          {overview.sessions.length === 0 ? (
            <EmptyState className="mt-1">{t("overview.noSessions")}</EmptyState>
          ) : (
            <ul className="mt-2 space-y-2">
              {overview.sessions.map((s) => (
                <Card as="li" compact key={s.id}>
                  <TextLink
                    className="font-medium"
                    href={`/work-groups/${overview.slug}/sessions/${s.id}`}
                  >
                    <StaffText>{s.title}</StaffText>
                  </TextLink>
                  <Text tone="muted" size="small">
                    {formatSessionTime(s.startsAt, s.timeZone, i18n.language)} ·{" "}
                    {t(`session.format.${s.format}` as MessageKey)}
                    {s.workPhase ? (
                      <>
                        {` · ${t("session.workPhase")} `}
                        <StaffText>{s.workPhase}</StaffText>
                      </>
                    ) : null}
                  </Text>
                </Card>
              ))}
            </ul>
          )}
        </section>
      </div>
      <aside className="space-y-6">
        {overview.areasOfFocus.length > 0 ? (
          <section aria-labelledby="areas">
            <Heading level={2} size="subheading" id="areas">
              {t("overview.areas")}
            </Heading>
            <ul className="mt-1 list-disc pl-6">
              {overview.areasOfFocus.map((a) => (
                <li key={a.id}>
                  <StaffText es={a.nameEs}>{a.name}</StaffText>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {canCreateSession ? (
          <Panel title={t("overview.planSession")} size="subheading" headingId="new-session">
            <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
              <CsrfInput />
              <Field
                label={t("overview.title")}
                field={fields.title}
                hint={t("overview.titleHint")}
              />
              <Field label={t("overview.startsAt")} field={fields.startsAt} type="datetime-local" />
              <SelectField
                label={t("overview.timeZone")}
                field={fields.timeZone}
                defaultValue={usualZone}
                options={TIME_ZONES.map((z) => ({ value: z, label: zoneLabel(z, i18n.language) }))}
              />
              <SelectField
                label={t("overview.format")}
                field={fields.format}
                options={SESSION_FORMATS.map((f) => ({
                  value: f,
                  label: t(`session.format.${f}` as MessageKey),
                }))}
              />
              <SelectField
                label={t("overview.workPhase")}
                field={fields.workPhase}
                placeholder={t("overview.noWorkPhase")}
                options={overview.workPhases
                  .split("\n")
                  .filter(Boolean)
                  .map((p) => ({ value: p, label: p }))}
              />
              <Button pending={pending}>{t("overview.create")}</Button>
            </Form>
          </Panel>
        ) : null}
      </aside>
    </div>
  );
}
