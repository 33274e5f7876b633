import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, CsrfInput, FormError, useZodForm } from "../components/forms.tsx";
import { HearingFields } from "../components/hearing/hearing-fields.tsx";
import { HearingRequests, SpeakerList } from "../components/hearing/hearing-requests.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  cancelRegistrationAsStaff,
  deleteHearing,
  getHearing,
  updateHearing,
} from "../modules/hearing/hearings.server.ts";
import { accommodationsLine, interpreterName } from "../modules/hearing/registration.ts";
import { hearingSchema } from "../modules/hearing/schema.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, http } from "../utils/http.server.ts";
import { linkOrigin } from "../utils/request.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.hearing.title ?? "Hearing"} · Convene` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const hearing = await getHearing(context, access, params.periodId ?? "", params.hearingId ?? "");
  return json({
    slug: access.workGroup.slug,
    ...hearing,
    canManage: can(access.role, "comment-period:manage"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment-period:manage");
  const periodId = params.periodId ?? "";
  const hearingId = params.hearingId ?? "";
  const origin = linkOrigin(context, request);
  const form = await readForm(context, request);
  const intent = form.get("intent");
  if (intent === "edit") {
    const submission = parseSubmission(form, hearingSchema);
    if (submission.status !== "success")
      return json({ intent, ok: false, reply: submission.reply(), message: null }, { status: 400 });
    const done = await attempt(() =>
      updateHearing(context, access, periodId, hearingId, submission.value, origin),
    );
    if (!done.ok)
      return json(
        {
          intent,
          ok: false,
          reply: submission.reply({ formErrors: [done.message] }),
          message: null,
        },
        { status: done.status },
      );
    const { promoted, told } = done.value;
    return json({
      intent,
      ok: true,
      reply: submission.reply(),
      message: [
        "Saved.",
        promoted ? `${promoted} moved up from the waitlist.` : "",
        told && context.config.smtp ? "Registrants were emailed the new time or place." : "",
      ]
        .filter(Boolean)
        .join(" "),
    });
  }
  if (intent === "delete") {
    if (form.get("confirm") !== "yes")
      return json(
        {
          intent,
          ok: false,
          reply: null,
          message: "Tick the box to confirm that this event and its registrations are deleted.",
        },
        { status: 400 },
      );
    await deleteHearing(context, access, periodId, hearingId);
    throw redirect(`/work-groups/${access.workGroup.slug}/comment-periods/${periodId}/hearings`);
  }
  if (intent === "cancel") {
    const registrationId = form.get("registrationId");
    if (typeof registrationId !== "string" || registrationId.length > 40)
      throw http(400, "Choose a registration to cancel.");
    const done = await attempt(() =>
      cancelRegistrationAsStaff(context, access, { periodId, hearingId, registrationId, origin }),
    );
    if (!done.ok)
      return json(
        { intent, ok: false, reply: null, message: done.message },
        { status: done.status },
      );
    return json({
      intent,
      ok: true,
      reply: null,
      message: `Registration cancelled.${done.value.promoted ? " The first person waiting moved up." : ""}`,
    });
  }
  throw http(400, "We did not understand that request.");
}

const STATES = { registered: "Registered", waitlisted: "Waitlisted", cancelled: "Cancelled" };

/** One hearing or webinar for staff: who registered and who waits, the export, edit, delete. */
export default function StaffHearing() {
  const {
    slug,
    period,
    hearing,
    form: values,
    registrations,
    requests,
    speakers,
    canManage,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [editForm, editFields] = useZodForm(
    hearingSchema,
    result?.intent === "edit" ? result.reply : null,
    { defaultValue: values },
  );
  const periodPath = `/work-groups/${slug}/comment-periods/${period.id}`;
  const publicPath = `/public/${slug}/comment-periods/${period.id}/hearings/${hearing.id}`;
  const exportPath = `${periodPath}/hearings/${hearing.id}/registrants`;
  const speakersPath = `${periodPath}/hearings/${hearing.id}/speakers`;
  const failed = result && !result.ok;
  return (
    <div className="space-y-8">
      <div>
        <p>
          <Link to={`${periodPath}/hearings`} className="underline">
            Hearings and webinars of {period.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{hearing.title}</h1>
        <p className="mt-1">
          {hearing.kind === "webinar" ? "Webinar" : "Public hearing"}:{" "}
          {formatSessionTime(hearing.startsAt, hearing.timeZone)} to{" "}
          {formatSessionTime(hearing.endsAt, hearing.timeZone)}
          {hearing.place ? `, ${hearing.place}` : ""}.
        </p>
        {hearing.link ? (
          <p>
            Online:{" "}
            <a href={hearing.link} className="break-all underline">
              {hearing.link}
            </a>
          </p>
        ) : null}
        <p>
          {hearing.registered} registered
          {hearing.people !== hearing.registered ? ` (${hearing.people} people)` : ""}
          {hearing.capacity === null ? ", no limit" : ` of ${hearing.capacity} places`};{" "}
          {hearing.waitlisted} waitlisted; {hearing.cancelled} cancelled.
          {hearing.roles.length ? ` Teams register as: ${hearing.roles.join(", ")}.` : ""}
        </p>
        {period.publishedAt ? (
          <p>
            Public page:{" "}
            {/* A path is one long word: without breaking it a phone scrolls sideways. */}
            <Link to={publicPath} className="break-all underline">
              {publicPath}
            </Link>
          </p>
        ) : (
          <p>The period is not published: the public cannot see or register for this yet.</p>
        )}
        {result?.message ? (
          <p
            role={failed ? "alert" : "status"}
            className={`mt-2 rounded-md border p-2 ${failed ? "border-red-300 bg-red-50" : "border-green-300 bg-green-50"}`}
          >
            {result.message}
          </p>
        ) : null}
      </div>
      <HearingRequests {...requests} />
      <SpeakerList speakers={speakers} exportPath={speakersPath} timeZone={hearing.timeZone} />
      <section aria-labelledby="registrants">
        <h2 id="registrants" className="text-xl font-semibold">
          Registrants
        </h2>
        <p className="mt-1">
          Download the list, one row per person:{" "}
          <a href={`${exportPath}/csv`} className="underline">
            CSV
          </a>{" "}
          or{" "}
          <a href={`${exportPath}/json`} className="underline">
            JSON
          </a>
          .
        </p>
        {registrations.length === 0 ? (
          <p className="mt-2">Nobody has registered yet.</p>
        ) : (
          <div className="relative mt-2 overflow-x-auto">
            {/* relative: the buttons' screen-reader words (absolutely placed) scroll with the
                table instead of widening the page on a phone. */}
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Registrations, earliest first</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-2 pr-3">
                    Contact
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Team
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Asks for
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Registered
                  </th>
                  {canManage ? (
                    <th scope="col" className="py-2 pr-3">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {registrations.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-3">
                      <div className="font-medium">{r.name}</div>
                      <div className="text-sm">{r.email}</div>
                      {r.organization ? <div className="text-sm">{r.organization}</div> : null}
                    </td>
                    <td className="py-2 pr-3">
                      {r.team.length ? (
                        <ul>
                          {r.team.map((member) => (
                            <li key={member.role}>
                              {member.role}: {member.name}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-slate-700">One person</span>
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      <RegistrantAsks registration={r} />
                    </td>
                    <td className="py-2 pr-3">
                      {STATES[r.status as keyof typeof STATES] ?? r.status}
                      {r.position ? ` (#${r.position})` : ""}
                    </td>
                    <td className="py-2 pr-3">
                      {formatSessionTime(r.createdAt, hearing.timeZone)}
                    </td>
                    {canManage ? (
                      <td className="py-2 pr-3">
                        {r.status === "cancelled" ? null : (
                          <Form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="cancel" />
                            <input type="hidden" name="registrationId" value={r.id} />
                            <Button variant="danger">
                              Cancel<span className="sr-only"> the registration of {r.name}</span>
                            </Button>
                          </Form>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      canManage ? (
      <section aria-labelledby="edit-hearing" className="max-w-2xl">
        <h2 id="edit-hearing" className="text-xl font-semibold">
          Edit
        </h2>
        <p className="text-slate-700">
          Raising the places moves people up from the waitlist at once; lowering them takes no place
          from anyone registered. A new time or place is emailed to registrants when email is set
          up.
        </p>
        <Form method="post" className="mt-2 space-y-3" {...getFormProps(editForm)}>
          <CsrfInput />
          <input type="hidden" name="intent" value="edit" />
          <FormError id={editForm.errorId} errors={editForm.errors} />
          <HearingFields fields={editFields} timeZone={period.timeZone} />
          <Button pending={navigation.state === "submitting"}>Save changes</Button>
        </Form>
      </section>
      ) : nullcanManage ? (
      <section aria-labelledby="delete-hearing" className="max-w-2xl">
        <h2 id="delete-hearing" className="text-xl font-semibold">
          Delete
        </h2>
        <p>
          Deleting removes this event from the public page and deletes its {registrations.length}{" "}
          registrations; people still registered or waiting are emailed that it is cancelled.
          Download the list first if you need it.
        </p>
        <Form method="post" className="mt-2 space-y-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="delete" />
          <label className="flex items-start gap-2">
            <input type="checkbox" name="confirm" value="yes" required className="mt-1 h-4 w-4" />
            <span>Yes, delete this event and its registrations.</span>
          </label>
          <Button variant="danger">Delete this event</Button>
        </Form>
      </section>
      ) : null
    </div>
  );
}

/** What one registration asks for, in the registrant table. */
function RegistrantAsks({
  registration: r,
}: {
  registration: Parameters<typeof accommodationsLine>[0] &
    Parameters<typeof interpreterName>[0] & { wishesToSpeak: boolean; speakingTopic: string };
}) {
  const accommodations = accommodationsLine(r);
  const interpreter = interpreterName(r);
  if (!accommodations && !interpreter && !r.wishesToSpeak)
    return <span className="text-slate-700">Nothing</span>;
  return (
    <ul>
      {interpreter ? <li>Interpreter: {interpreter}</li> : null}
      {accommodations ? <li>{accommodations}</li> : null}
      {r.wishesToSpeak ? <li>To speak{r.speakingTopic ? `: ${r.speakingTopic}` : ""}</li> : null}
    </ul>
  );
}
