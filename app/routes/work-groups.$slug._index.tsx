import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, Field, SelectField, useZodForm } from "../components/forms.tsx";
import { LiveNow } from "../components/session/live-now.tsx";
import { StaffText } from "../components/staff-text.tsx";
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
            <h2 id="charge" className="text-lg font-semibold">
              {t("overview.charge")}
            </h2>
            <p className="mt-1">
              <StaffText es={overview.purposeEs}>{overview.purpose}</StaffText>
            </p>
          </section>
        ) : null}
        {questions.length > 0 ? (
          <section aria-labelledby="questions">
            <h2 id="questions" className="text-lg font-semibold">
              {t("overview.questions")}
            </h2>
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
          <h2 id="sessions" className="text-lg font-semibold">
            {t("overview.sessions")}
          </h2>
          {overview.sessions.length === 0 ? (
            <p className="mt-1 text-slate-700">{t("overview.noSessions")}</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {overview.sessions.map((s) => (
                <li key={s.id} className="rounded-md border border-slate-300 bg-white p-3">
                  <a
                    className="font-medium text-brand-700 underline"
                    href={`/work-groups/${overview.slug}/sessions/${s.id}`}
                  >
                    <StaffText>{s.title}</StaffText>
                  </a>
                  <p className="text-sm text-slate-700">
                    {formatSessionTime(s.startsAt, s.timeZone, i18n.language)} ·{" "}
                    {t(`session.format.${s.format}` as MessageKey)}
                    {s.workPhase ? (
                      <>
                        {` · ${t("session.workPhase")} `}
                        <StaffText>{s.workPhase}</StaffText>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <aside className="space-y-6">
        {overview.areasOfFocus.length > 0 ? (
          <section aria-labelledby="areas">
            <h2 id="areas" className="text-lg font-semibold">
              {t("overview.areas")}
            </h2>
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
          <section
            aria-labelledby="new-session"
            className="rounded-lg border border-slate-300 bg-white p-4"
          >
            <h2 id="new-session" className="text-lg font-semibold">
              {t("overview.planSession")}
            </h2>
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
          </section>
        ) : null}
      </aside>
    </div>
  );
}
