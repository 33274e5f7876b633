import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, CsrfInput, FormError, useZodForm } from "../components/forms.tsx";
import { HearingFields } from "../components/hearing/hearing-fields.tsx";
import {
  HearingRequests,
  SpeakerList,
  useAccommodationName,
  useLanguageName,
} from "../components/hearing/hearing-requests.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { Heading, Notice, Table, Td, Text, TextLink, Th } from "../components/ui/index.ts";
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
          <TextLink to={`${periodPath}/hearings`}>
            <StaffIn
              said={t("staffHearing.of", { title: STAFF })}
              staff={period.title}
              es={period.titleEs}
            />
          </TextLink>
        </p>
        <Heading level={1}>
          <StaffText es={hearing.titleEs}>{hearing.title}</StaffText>
        </Heading>
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
            <TextLink href={hearing.link} className="break-all">
              {hearing.link}
            </TextLink>
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
            <TextLink to={publicPath} className="break-all">
              {publicPath}
            </TextLink>
          </p>
        ) : (
          <p>{t("staffHearing.notPublished")}</p>
        )}
        {result?.message ? (
          <Notice as="p" live tone={failed ? "error" : "success"} className="mt-2">
            {result.message}
          </Notice>
        ) : null}
      </div>
      <HearingRequests {...requests} />
      <SpeakerList speakers={speakers} exportPath={speakersPath} timeZone={hearing.timeZone} />
      <section aria-labelledby="registrants">
        <Heading level={2} id="registrants">
          {t("staffHearing.registrants")}
        </Heading>
        <p className="mt-1">
          {t("staffHearing.download")} <TextLink href={`${exportPath}/csv`}>CSV</TextLink>{" "}
          {t("staffHearing.or")} <TextLink href={`${exportPath}/json`}>JSON</TextLink>.
        </p>
        {registrations.length === 0 ? (
          <p className="mt-2">{t("staffHearing.nobody")}</p>
        ) : (
          <div className="relative mt-2 overflow-x-auto">
            {/* relative: the buttons' screen-reader words (absolutely placed) scroll with the
                table instead of widening the page on a phone. */}
            <Table>
              <caption className="sr-only">{t("staffHearing.registrationsCaption")}</caption>
              <thead>
                <tr>
                  <Th scope="col">{t("staffHearing.contact")}</Th>
                  <Th scope="col">{t("staffHearing.team")}</Th>
                  <Th scope="col">{t("staffHearing.asksForColumn")}</Th>
                  <Th scope="col">{t("staffHearing.status")}</Th>
                  <Th scope="col">{t("staffHearing.registered")}</Th>
                  {canManage ? (
                    <Th scope="col">
                      <span className="sr-only">{t("staffHearing.actions")}</span>
                    </Th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {registrations.map((r) => (
                  <tr key={r.id}>
                    <Td>
                      <div className="font-medium">{r.name}</div>
                      <div className="text-small">{r.email}</div>
                      {r.organization ? <div className="text-small">{r.organization}</div> : null}
                    </Td>
                    <Td>
                      {r.team.length ? (
                        <ul>
                          {r.team.map((member) => (
                            <li key={member.role}>
                              <StaffText>{member.role}</StaffText>: {member.name}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <Text as="span" tone="muted">
                          {t("staffHearing.onePerson")}
                        </Text>
                      )}
                    </Td>
                    <Td>
                      <RegistrantAsks registration={r} />
                    </Td>
                    <Td>
                      {STATES.includes(r.status)
                        ? t(`staffHearing.status.${r.status as "registered"}`)
                        : r.status}
                      {r.position ? ` (#${r.position})` : ""}
                    </Td>
                    <Td>{when(r.createdAt)}</Td>
                    {canManage ? (
                      <Td>
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
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
      {canManage ? (
        <section aria-labelledby="edit-hearing" className="max-w-2xl">
          <Heading level={2} id="edit-hearing">
            {t("staffHearing.edit")}
          </Heading>
          <Text tone="muted">{t("staffHearing.editHint")}</Text>
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
          <Heading level={2} id="delete-hearing">
            {t("staffHearing.delete")}
          </Heading>
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
    return (
      <Text as="span" tone="muted">
        {t("staffHearing.nothing")}
      </Text>
    );
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
