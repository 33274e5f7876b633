import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Honeypot, inputClass, PublicField, useZodForm } from "../components/forms.tsx";
import {
  getPublicHearing,
  submitRegistrationForm,
} from "../modules/hearing/registration.server.ts";
import { registrationSchema } from "../modules/hearing/schema.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { formatInZone } from "../modules/i18n/i18n.ts";
import { usePublicLocale } from "../modules/i18n/use-locale.ts";
import { http } from "../utils/http.server.ts";
import { clientAddress, linkOrigin } from "../utils/request.server.ts";

const ids = (params: LoaderFunctionArgs["params"]) => ({
  slug: params.slug ?? "",
  periodId: params.periodId ?? "",
  hearingId: params.hearingId ?? "",
});

export async function loader({ params, context }: LoaderFunctionArgs) {
  return json(await getPublicHearing(context, ids(params)), {
    // The page carries a fresh form token: never shared from a cache.
    headers: { "Cache-Control": "private, no-store" },
  });
}

/**
 * The registration form posts here and is answered with the page, with or without JavaScript.
 * No account and no cookie: the form's signed token stands in for both.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw http(400, "That request could not be read as a form.");
  }
  const answer = await submitRegistrationForm(context, {
    ...ids(params),
    form,
    clientKey: clientAddress(request),
    origin: linkOrigin(context, request),
  });
  return json(answer.body, {
    status: answer.status,
    headers: { ...answer.headers, "Cache-Control": "private, no-store" },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.hearing.title} · ${data.period.title}` }] : [];

/** One hearing or webinar: when, where, places left, the calendar file and the form. */
export default function PublicHearing() {
  const { slug, period, hearing, token } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = usePublicLocale();
  const periodPath = `/public/${slug}/comment-periods/${period.id}`;
  const pagePath = `${periodPath}/hearings/${hearing.id}`;
  const kind = t(`hearing.kind.${hearing.kind as "hearing"}`);
  return (
    <div className="space-y-6">
      <p>
        <Link to={periodPath} className="text-brand-700 underline">
          {t("hearing.back", { title: period.title })}
        </Link>
      </p>
      <div>
        <p className="text-lg font-medium text-slate-700">{kind}</p>
        <h1 className="text-3xl font-bold">{hearing.title}</h1>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-medium">{t("hearing.when")}</dt>
        <dd>
          {t("hearing.until", {
            start: formatInZone(locale, hearing.startsAt, hearing.timeZone),
            end: formatInZone(locale, hearing.endsAt, hearing.timeZone),
          })}
        </dd>
        {hearing.place ? (
          <>
            <dt className="font-medium">{t("hearing.where")}</dt>
            <dd>{hearing.place}</dd>
          </>
        ) : null}
        {hearing.link ? (
          <>
            <dt className="font-medium">{t("hearing.online")}</dt>
            <dd>
              <a href={hearing.link} className="text-brand-700 underline">
                {t("hearing.join")}
              </a>
            </dd>
          </>
        ) : null}
        {hearing.limited && !hearing.ended ? (
          <>
            <dt className="font-medium">{t("hearing.places")}</dt>
            <dd>
              {hearing.placesLeft
                ? t("hearing.placesLeft", { count: hearing.placesLeft })
                : t("hearing.full")}
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`${pagePath}/calendar.ics`} className="text-brand-700 underline">
          {t("hearing.calendar")}
        </a>
      </p>
      {hearing.ended ? (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 p-3">
          {t("hearing.ended")}
        </p>
      ) : (
        <RegistrationForm roles={hearing.roles} token={token} pagePath={pagePath} />
      )}
    </div>
  );
}

function RegistrationForm({
  roles,
  token,
  pagePath,
}: {
  roles: string[];
  token: string;
  pagePath: string;
}) {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting";
  const schema = useMemo(() => registrationSchema(roles.length), [roles.length]);
  // biome-ignore lint/suspicious/noExplicitAny: conform's reply, passed through untouched
  const [form, fields] = useZodForm(schema, result?.reply as any);
  const doneRef = useRef<HTMLDivElement>(null);
  const done = result?.done;
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (done) {
    const title = done.checkEmail
      ? "hearing.checkEmailTitle"
      : done.state === "registered"
        ? "hearing.registeredTitle"
        : "hearing.waitlistedTitle";
    return (
      <section
        aria-labelledby="registration-done"
        className="rounded-md border border-green-700 bg-green-50 p-4"
      >
        <div ref={doneRef} tabIndex={-1} className="space-y-2 outline-none">
          <h2 id="registration-done" className="text-xl font-semibold">
            {t(title)}
          </h2>
          {done.checkEmail ? (
            <p>{t("hearing.checkEmailText")}</p>
          ) : (
            <>
              <p>
                {done.state === "registered"
                  ? t("hearing.registeredText")
                  : t("hearing.waitlistedText", { position: done.position })}
              </p>
              {done.team.length ? (
                <>
                  <h3 className="font-medium">{t("hearing.yourTeam")}</h3>
                  <ul className="list-disc pl-6">
                    {done.team.map((member) => (
                      <li key={member.role}>
                        {member.role}: {member.name}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {done.cancelPath ? (
                <p>
                  {t("hearing.keepLink")}{" "}
                  <a href={done.cancelPath} className="text-brand-700 underline">
                    {t("hearing.cancelLink")}
                  </a>
                </p>
              ) : null}
            </>
          )}
        </div>
        <p className="mt-3">
          <a href={pagePath} className="text-brand-700 underline">
            {t("hearing.another")}
          </a>
        </p>
      </section>
    );
  }

  const errorOf = (errors: string[] | undefined) =>
    errors?.length ? errors.map((key) => t(key as MessageKey)).join(" ") : null;
  const initialTeam = (fields.team.initialValue as unknown[] | undefined) ?? [];
  return (
    <section aria-labelledby="registration-form" className="rounded-md border border-slate-300 p-4">
      <h2 id="registration-form" className="text-xl font-semibold">
        {t("hearing.formTitle")}
      </h2>
      <p className="mt-1">{t("hearing.intro")}</p>
      {roles.length ? <p className="mt-1">{t("hearing.teamIntro")}</p> : null}
      {result?.problem ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3">
          {t(result.problem, { seconds: result.retryAfter })}
        </p>
      ) : null}
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="token" value={result?.token ?? token} />
        <PublicField
          label={t("hearing.name")}
          field={fields.name}
          error={errorOf(fields.name.errors)}
        >
          {(props) => (
            <input
              {...getInputProps(fields.name, { type: "text" })}
              {...props}
              autoComplete="name"
              required
            />
          )}
        </PublicField>
        <PublicField
          label={t("hearing.email")}
          field={fields.email}
          error={errorOf(fields.email.errors)}
        >
          {(props) => (
            <input
              {...getInputProps(fields.email, { type: "email" })}
              {...props}
              autoComplete="email"
              required
            />
          )}
        </PublicField>
        <PublicField
          label={t("hearing.organization")}
          field={fields.organization}
          error={errorOf(fields.organization.errors)}
        >
          {(props) => (
            <input
              {...getInputProps(fields.organization, { type: "text" })}
              {...props}
              autoComplete="organization"
            />
          )}
        </PublicField>
        {roles.length ? (
          <fieldset
            className="space-y-3"
            aria-describedby={`${fields.team.descriptionId}${fields.team.errors?.length ? ` ${fields.team.errorId}` : ""}`}
          >
            <legend className="font-medium">{t("hearing.team")}</legend>
            <p id={fields.team.descriptionId} className="text-sm text-slate-700">
              {t("hearing.teamHint")}
            </p>
            {roles.map((role, index) => {
              const name = `${fields.team.name}[${index}]`;
              const id = `${fields.team.id}-${index}`;
              const error = errorOf(form.allErrors[name]);
              return (
                <div key={role}>
                  <label htmlFor={id} className="block">
                    {role}
                  </label>
                  <input
                    id={id}
                    name={name}
                    type="text"
                    autoComplete="off"
                    defaultValue={String(initialTeam[index] ?? "")}
                    className={inputClass}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  {error ? (
                    <p id={`${id}-error`} className="mt-1 text-red-800">
                      {error}
                    </p>
                  ) : null}
                </div>
              );
            })}
            {errorOf(fields.team.errors) ? (
              <p id={fields.team.errorId} className="text-red-800">
                {errorOf(fields.team.errors)}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <Honeypot label={t("hearing.website")} />
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900"
          aria-disabled={sending || undefined}
        >
          {sending ? t("hearing.sending") : t("hearing.submit")}
        </button>
      </Form>
    </section>
  );
}
