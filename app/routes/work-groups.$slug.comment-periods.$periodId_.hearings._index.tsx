import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, CsrfInput, FormError, useZodForm } from "../components/forms.tsx";
import { HearingFields } from "../components/hearing/hearing-fields.tsx";
import { STAFF, StaffIn, StaffText } from "../components/staff-text.tsx";
import { Heading, Notice, Table, Td, Text, TextLink, Th } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { createHearing, listHearings } from "../modules/hearing/hearings.server.ts";
import { hearingSchema } from "../modules/hearing/schema.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated, useAppLocale, usePageT } from "../modules/i18n/use-locale.ts";
import { formatSessionTime } from "../modules/session/time.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, sayRefusal, sayReply } from "../utils/http.server.ts";

export const handle = translated;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? titleIn(matches, "staffHearing.listTitle", { title: data.period.title })
      : titleIn(matches, "staffPeriod.hearings"),
  },
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
  const locale = await signedInLocale(context, request);
  const submission = parseSubmission(await readForm(context, request), hearingSchema);
  if (submission.status !== "success")
    return json({ reply: sayReply(locale, submission.reply()), added: null }, { status: 400 });
  const done = await attempt(() =>
    createHearing(context, access, params.periodId ?? "", submission.value),
  );
  if (!done.ok)
    return json(
      { reply: submission.reply({ formErrors: [sayRefusal(locale, done)] }), added: null },
      { status: done.status },
    );
  return json({ reply: submission.reply({ resetForm: true }), added: submission.value.title });
}

/** A period's hearings and webinars with who registered, and a form to add one. */
export default function Hearings() {
  const { slug, period, hearings, canManage } = useLoaderData<typeof loader>();
  const { t } = usePageT();
  const intl = useAppLocale() === "es" ? "es-US" : "en-US";
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
          <TextLink to={periodPath}>
            <StaffText es={period.titleEs}>{period.title}</StaffText>
          </TextLink>
        </p>
        <Heading level={1}>{t("staffPeriod.hearings")}</Heading>
        <Text tone="muted" className="mt-1">
          {t("staffHearing.listIntro", { zone: period.timeZone })}
          {period.publishedAt ? "" : ` ${t("staffHearing.notPublishedYet")}`}
        </Text>
        {result?.added ? (
          <Notice as="p" tone="success" role="status" className="mt-2">
            <StaffIn said={t("staffHearing.added", { title: STAFF })} staff={result.added} />
          </Notice>
        ) : null}
      </div>

      <section aria-labelledby="hearing-list">
        <Heading level={2} id="hearing-list">
          {t("staffHearing.scheduled")}
        </Heading>
        {hearings.length === 0 ? (
          <p className="mt-2">
            {t("staffHearing.noneYet")}
            {canManage ? ` ${t("staffHearing.addBelow")}` : ""}
          </p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <Table>
              <caption className="sr-only">{t("staffHearing.tableCaption")}</caption>
              <thead>
                <tr>
                  <Th scope="col">{t("staffHearing.event")}</Th>
                  <Th scope="col">{t("hearing.when")}</Th>
                  <Th scope="col">{t("hearing.places")}</Th>
                  <Th scope="col">{t("staffHearing.registered")}</Th>
                  <Th scope="col">{t("staffHearing.waitlisted")}</Th>
                </tr>
              </thead>
              <tbody>
                {hearings.map((hearing) => (
                  <tr key={hearing.id}>
                    <Td>
                      <TextLink to={`${periodPath}/hearings/${hearing.id}`} className="font-medium">
                        <StaffText es={hearing.titleEs}>{hearing.title}</StaffText>
                      </TextLink>
                      <Text as="div" tone="muted" size="small">
                        {t(`hearing.kind.${hearing.kind as "hearing"}`)}
                        {hearing.place ? (
                          <>
                            {" · "}
                            <StaffText es={hearing.placeEs}>{hearing.place}</StaffText>
                          </>
                        ) : null}
                        {hearing.link ? ` · ${t("staffHearing.online")}` : ""}
                        {hearing.roles.length ? (
                          <>
                            {" · "}
                            <StaffIn
                              said={t("staffHearing.teams", { roles: STAFF })}
                              staff={hearing.roles.join(", ")}
                            />
                          </>
                        ) : null}
                      </Text>
                    </Td>
                    <Td>{formatSessionTime(hearing.startsAt, hearing.timeZone, intl)}</Td>
                    <Td>
                      {hearing.capacity === null
                        ? t("staffHearing.noLimit")
                        : t("staffHearing.number", { value: hearing.capacity })}
                    </Td>
                    <Td>
                      {t("staffHearing.number", { value: hearing.registered })}
                      {hearing.people !== hearing.registered
                        ? ` ${t("staffHearing.people", { count: hearing.people })}`
                        : ""}
                    </Td>
                    <Td>{t("staffHearing.number", { value: hearing.waitlisted })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      {canManage ? (
        <section aria-labelledby="new-hearing" className="max-w-2xl">
          <Heading level={2} id="new-hearing">
            {t("staffHearing.add")}
          </Heading>
          <Form method="post" className="mt-2 space-y-3" {...getFormProps(form)}>
            <CsrfInput />
            <FormError id={form.errorId} errors={form.errors} />
            <HearingFields fields={fields} timeZone={period.timeZone} />
            <Button pending={navigation.state === "submitting"}>
              {t("staffHearing.addButton")}
            </Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
