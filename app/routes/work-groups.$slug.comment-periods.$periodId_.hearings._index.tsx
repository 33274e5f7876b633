import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, FormError, useZodForm } from "../components/forms.tsx";
import { HearingFields } from "../components/hearing/hearing-fields.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { createHearing, listHearings } from "../modules/hearing/hearings.server.ts";
import { hearingSchema } from "../modules/hearing/schema.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt } from "../utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Hearings and webinars · ${data?.period.title ?? "Comment period"} · Convene` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const { period, hearings } = await listHearings(context, access, params.periodId ?? "");
  return json({
    slug: access.workGroup.slug,
    period,
    hearings,
    canManage: can(access.role, "comment-period:manage"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment-period:manage");
  const submission = parseSubmission(await readForm(context, request), hearingSchema);
  if (submission.status !== "success")
    return json({ reply: submission.reply(), added: null }, { status: 400 });
  const done = await attempt(() =>
    createHearing(context, access, params.periodId ?? "", submission.value),
  );
  if (!done.ok)
    return json(
      { reply: submission.reply({ formErrors: [done.message] }), added: null },
      { status: done.status },
    );
  return json({ reply: submission.reply({ resetForm: true }), added: submission.value.title });
}

/** A period's hearings and webinars with who registered, and a form to add one. */
export default function Hearings() {
  const { slug, period, hearings, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(hearingSchema, result?.reply, {
    defaultValue: { kind: "hearing" },
  });
  const periodPath = `/work-groups/${slug}/comment-periods/${period.id}`;
  return (
    <div className="space-y-8">
      <div>
        <p>
          <Link to={periodPath} className="underline">
            {period.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("staffPeriod.hearings")}</h1>
        <p className="mt-1 text-slate-700">
          Times are in the period’s time zone, {period.timeZone}. The public registers on each
          event’s page, without an account.
          {period.publishedAt ? "" : " The period is not published yet: nobody can register."}
        </p>
        {result?.added ? (
          <p role="status" className="mt-2 rounded-md border border-green-300 bg-green-50 p-2">
            Added “{result.added}”.
          </p>
        ) : null}
      </div>

      <section aria-labelledby="hearing-list">
        <h2 id="hearing-list" className="text-xl font-semibold">
          Scheduled
        </h2>
        {hearings.length === 0 ? (
          <p className="mt-2">
            No hearings or webinars yet.
            {canManage ? " Add one below: the public page lists it at once." : ""}
          </p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">
                Hearings and webinars, with registrations per state
              </caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-2 pr-3">
                    Event
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Places
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Registered
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Waitlisted
                  </th>
                </tr>
              </thead>
              <tbody>
                {hearings.map((hearing) => (
                  <tr key={hearing.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-3">
                      <Link
                        to={`${periodPath}/hearings/${hearing.id}`}
                        className="font-medium underline"
                      >
                        {hearing.title}
                      </Link>
                      <div className="text-sm text-slate-700">
                        {hearing.kind === "webinar" ? "Webinar" : "Public hearing"}
                        {hearing.place ? ` · ${hearing.place}` : ""}
                        {hearing.link ? " · online" : ""}
                        {hearing.roles.length ? ` · teams: ${hearing.roles.join(", ")}` : ""}
                      </div>
                    </td>
                    <td className="py-2 pr-3">
                      {formatSessionTime(hearing.startsAt, hearing.timeZone)}
                    </td>
                    <td className="py-2 pr-3">{hearing.capacity ?? "No limit"}</td>
                    <td className="py-2 pr-3">
                      {hearing.registered}
                      {hearing.people !== hearing.registered ? ` (${hearing.people} people)` : ""}
                    </td>
                    <td className="py-2 pr-3">{hearing.waitlisted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canManage ? (
        <section aria-labelledby="new-hearing" className="max-w-2xl">
          <h2 id="new-hearing" className="text-xl font-semibold">
            Add a hearing or webinar
          </h2>
          <Form method="post" className="mt-2 space-y-3" {...getFormProps(form)}>
            <CsrfInput />
            <FormError id={form.errorId} errors={form.errors} />
            <HearingFields fields={fields} timeZone={period.timeZone} />
            <Button pending={navigation.state === "submitting"}>Add it</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
