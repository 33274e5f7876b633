import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, CsrfInput, FormError, useZodForm } from "../components/forms.tsx";
import { HearingFields } from "../components/hearing/hearing-fields.tsx";
import {
  HearingRequests,
  SpeakerList,
  useAccommodationName,
  useLanguageName,
} from "../components/hearing/hearing-requests.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  cancelRegistrationAsStaff,
  deleteHearing,
  getHearing,
  updateHearing,
} from "../modules/hearing/hearings.server.ts";
import {
  ACCOMMODATION_NAMES,
  type Accommodation,
  interpreterName,
} from "../modules/hearing/registration.ts";
import { hearingSchema } from "../modules/hearing/schema.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated, useAppLocale, usePageT } from "../modules/i18n/use-locale.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, refuse, say, sayRefusal, sayReply } from "../utils/http.server.ts";
import { linkOrigin } from "../utils/request.server.ts";

export const handle = translated;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data
    ? { title: `${data.hearing.title} · Convene` }
    : { title: titleIn(matches, "hearing.kind.hearing") },
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
  const locale = await signedInLocale(context, request);
  const intent = form.get("intent");
  if (intent === "edit") {
    const submission = parseSubmission(form, hearingSchema);
    if (submission.status !== "success")
      return json(
        { intent, ok: false, reply: sayReply(locale, submission.reply()), message: null },
        { status: 400 },
      );
    const done = await attempt(() =>
      updateHearing(context, access, periodId, hearingId, submission.value, origin),
    );
    if (!done.ok)
      return json(
        {
          intent,
          ok: false,
          reply: submission.reply({ formErrors: [sayRefusal(locale, done)] }),
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
        say(locale, "staffHearing.saved"),
        promoted ? say(locale, "staffHearing.promoted", { count: promoted }) : "",
        told && context.config.smtp ? say(locale, "staffHearing.told") : "",
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
          message: say(locale, "staffHearing.confirmDelete"),
        },
        { status: 400 },
      );
    await deleteHearing(context, access, periodId, hearingId);
    throw redirect(`/work-groups/${access.workGroup.slug}/comment-periods/${periodId}/hearings`);
  }
  if (intent === "cancel") {
    const registrationId = form.get("registrationId");
    if (typeof registrationId !== "string" || registrationId.length > 40)
      throw refuse(400, "staffHearing.errors.registration");
    const done = await attempt(() =>
      cancelRegistrationAsStaff(context, access, { periodId, hearingId, registrationId, origin }),
    );
    if (!done.ok)
      return json(
        { intent, ok: false, reply: null, message: sayRefusal(locale, done) },
        { status: done.status },
      );
    return json({
      intent,
      ok: true,
      reply: null,
      message: [
        say(locale, "staffHearing.cancelled"),
        done.value.promoted ? say(locale, "staffHearing.movedUp") : "",
      ]
        .filter(Boolean)
        .join(" "),
    });
  }
  throw refuse(400, "staffPeriod.errors.request");
}

const STATES = ["registered", "waitlisted", "cancelled"];

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
  const { t } = usePageT();
  const intl = useAppLocale() === "es" ? "es-US" : "en-US";
  const when = (at: string) => formatSessionTime(at, hearing.timeZone, intl);
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
            <StaffIn
              said={t("staffHearing.of", { title: STAFF })}
              staff={period.title}
              es={period.titleEs}
            />
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          <StaffText es={hearing.titleEs}>{hearing.title}</StaffText>
        </h1>
        <p className="mt-1">
          {t("staffHearing.whenLine", {
            kind: t(`hearing.kind.${hearing.kind as "hearing"}`),
            start: when(hearing.startsAt),
            end: when(hearing.endsAt),
          })}
          {hearing.place ? (
            <>
              , <StaffText es={hearing.placeEs}>{hearing.place}</StaffText>
            </>
          ) : null}
          .
        </p>
        {hearing.link ? (
          <p>
            {t("staffHearing.onlineAt")}{" "}
            <a href={hearing.link} className="break-all underline">
              {hearing.link}
            </a>
          </p>
        ) : null}
        <p>
          {t("staffHearing.registeredCount", { count: hearing.registered })}
          {hearing.people !== hearing.registered
            ? ` ${t("staffHearing.people", { count: hearing.people })}`
            : ""}
          {hearing.capacity === null
            ? `, ${t("staffHearing.noLimitLower")}`
            : ` ${t("staffHearing.ofPlaces", { count: hearing.capacity })}`}
          ; {t("staffHearing.waitlistedCount", { count: hearing.waitlisted })};{" "}
          {t("staffHearing.cancelledCount", { count: hearing.cancelled })}.
          {hearing.roles.length ? (
            <>
              {" "}
              <StaffIn
                said={t("staffHearing.teamsRegisterAs", { roles: STAFF })}
                staff={hearing.roles.join(", ")}
              />
            </>
          ) : null}
        </p>
        {period.publishedAt ? (
          <p>
            {t("staffPeriod.publicPage")}{" "}
            {/* A path is one long word: without breaking it a phone scrolls sideways. */}
            <Link to={publicPath} className="break-all underline">
              {publicPath}
            </Link>
          </p>
        ) : (
          <p>{t("staffHearing.notPublished")}</p>
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
          {t("staffHearing.registrants")}
        </h2>
        <p className="mt-1">
          {t("staffHearing.download")}{" "}
          <a href={`${exportPath}/csv`} className="underline">
            CSV
          </a>{" "}
          {t("staffHearing.or")}{" "}
          <a href={`${exportPath}/json`} className="underline">
            JSON
          </a>
          .
        </p>
        {registrations.length === 0 ? (
          <p className="mt-2">{t("staffHearing.nobody")}</p>
        ) : (
          <div className="relative mt-2 overflow-x-auto">
            {/* relative: the buttons' screen-reader words (absolutely placed) scroll with the
                table instead of widening the page on a phone. */}
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t("staffHearing.registrationsCaption")}</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-2 pr-3">
                    {t("staffHearing.contact")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("staffHearing.team")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("staffHearing.asksForColumn")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("staffHearing.status")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("staffHearing.registered")}
                  </th>
                  {canManage ? (
                    <th scope="col" className="py-2 pr-3">
                      <span className="sr-only">{t("staffHearing.actions")}</span>
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
                              <StaffText>{member.role}</StaffText>: {member.name}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-slate-700">{t("staffHearing.onePerson")}</span>
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      <RegistrantAsks registration={r} />
                    </td>
                    <td className="py-2 pr-3">
                      {STATES.includes(r.status)
                        ? t(`staffHearing.status.${r.status as "registered"}`)
                        : r.status}
                      {r.position ? ` (#${r.position})` : ""}
                    </td>
                    <td className="py-2 pr-3">{when(r.createdAt)}</td>
                    {canManage ? (
                      <td className="py-2 pr-3">
                        {r.status === "cancelled" ? null : (
                          <Form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="cancel" />
                            <input type="hidden" name="registrationId" value={r.id} />
                            <Button variant="danger">
                              {t("staffHearing.cancel")}
                              <span className="sr-only">
                                {" "}
                                {t("staffHearing.cancelWhose", { name: r.name })}
                              </span>
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
      {canManage ? (
        <section aria-labelledby="edit-hearing" className="max-w-2xl">
          <h2 id="edit-hearing" className="text-xl font-semibold">
            {t("staffHearing.edit")}
          </h2>
          <p className="text-slate-700">{t("staffHearing.editHint")}</p>
          <Form method="post" className="mt-2 space-y-3" {...getFormProps(editForm)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="edit" />
            <FormError id={editForm.errorId} errors={editForm.errors} />
            <HearingFields fields={editFields} timeZone={period.timeZone} />
            <Button pending={navigation.state === "submitting"}>
              {t("staffHearing.saveChanges")}
            </Button>
          </Form>
        </section>
      ) : null}
      {canManage ? (
        <section aria-labelledby="delete-hearing" className="max-w-2xl">
          <h2 id="delete-hearing" className="text-xl font-semibold">
            {t("staffHearing.delete")}
          </h2>
          <p>{t("staffHearing.deleteHint", { count: registrations.length })}</p>
          <Form method="post" className="mt-2 space-y-3">
            <CsrfInput />
            <input type="hidden" name="intent" value="delete" />
            <label className="flex items-start gap-2">
              <input type="checkbox" name="confirm" value="yes" required className="mt-1 h-4 w-4" />
              <span>{t("staffHearing.deleteConfirm")}</span>
            </label>
            <Button variant="danger">{t("staffHearing.deleteButton")}</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

/** What one registration asks for, in the registrant table. */
function RegistrantAsks({
  registration: r,
}: {
  registration: { accommodations: Accommodation[]; accommodationOther: string } & Parameters<
    typeof interpreterName
  >[0] & { wishesToSpeak: boolean; speakingTopic: string };
}) {
  const { t } = usePageT();
  const languageName = useLanguageName();
  const accommodationName = useAccommodationName();
  // As the export lists them ("captioning; large print; …"), in the page's language.
  const accommodations = [
    ...r.accommodations.map((code) => accommodationName(ACCOMMODATION_NAMES[code])),
    r.accommodationOther,
  ]
    .filter(Boolean)
    .join("; ");
  const interpreter = interpreterName(r);
  if (!accommodations && !interpreter && !r.wishesToSpeak)
    return <span className="text-slate-700">{t("staffHearing.nothing")}</span>;
  return (
    <ul>
      {interpreter ? (
        <li>{t("staffHearing.interpreter", { language: languageName(interpreter) })}</li>
      ) : null}
      {accommodations ? <li>{accommodations}</li> : null}
      {r.wishesToSpeak ? (
        <li>
          {r.speakingTopic
            ? t("staffHearing.toSpeakOn", { topic: r.speakingTopic })
            : t("staffHearing.toSpeak")}
        </li>
      ) : null}
    </ul>
  );
}
