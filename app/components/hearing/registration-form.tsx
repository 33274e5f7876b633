import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form, useNavigation } from "@remix-run/react";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RegistrationAnswer } from "../../modules/hearing/registration.server.ts";
import {
  ACCOMMODATIONS,
  type Accommodation,
  INTERPRETER_LANGUAGES,
  type InterpreterLanguage,
  type Requests,
} from "../../modules/hearing/registration.ts";
import {
  MAX_ACCOMMODATION_TEXT,
  MAX_LANGUAGE_NAME,
  MAX_SPEAKING_TOPIC,
  registrationSchema,
} from "../../modules/hearing/schema.ts";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { Honeypot, inputClass, PublicField, useZodForm } from "../forms.tsx";
import { Button, Heading, Legend, Notice, Panel, Text, TextLink } from "../ui/index.ts";

/** The action's answer, as the page receives it (JSON). */
type Answer = SerializeFrom<RegistrationAnswer["body"]>;

/** A box or a round button with its words: the whole row is the target, 44 px high. */
const choiceRow = "flex min-h-11 cursor-pointer items-center gap-3 py-1";
const choiceInput = "h-6 w-6 shrink-0 accent-brand-700";
/** Text fields and the list as tall as a thumb, too (the shared inputClass is 42 px). */
const tall = (props: { className: string }) => ({
  ...props,
  className: `${props.className} min-h-11`,
});

/**
 * The public registration form of a hearing or webinar, and what it says once sent. A part
 * that counts only with a choice (the team, the language written in, the speaking topic) is
 * shown by CSS once chosen (app/tailwind.css, data-disclosure), so it works without
 * JavaScript; with JavaScript its hidden fields are also switched off, so they are neither
 * checked nor sent.
 */
export function RegistrationForm({
  roles,
  inPerson,
  token,
  pagePath,
  result,
}: {
  roles: string[];
  /** The event has a place: wheelchair access is worth asking about. */
  inPerson: boolean;
  token: string;
  pagePath: string;
  result: Answer | undefined;
}) {
  const { t } = useTranslation();
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
  // Until the page is interactive, hidden parts stay switched on: CSS alone shows them.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const [party, setParty] = useState(String(fields.party.initialValue ?? "one"));
  const [interpreter, setInterpreter] = useState(String(fields.interpreter.initialValue ?? ""));
  const [speaks, setSpeaks] = useState(Boolean(fields.wishesToSpeak.initialValue));

  if (done) return <RegistrationDone done={done} pagePath={pagePath} doneRef={doneRef} />;

  const errorOf = (errors: string[] | undefined) =>
    errors?.length ? errors.map((key) => t(key as MessageKey)).join(" ") : null;
  const errorsUnder = (prefix: string) =>
    errorOf(
      Object.entries(form.allErrors)
        .filter(([name]) => name === prefix || name.startsWith(`${prefix}[`))
        .flatMap(([, errors]) => errors),
    );
  const initialTeam = (fields.team.initialValue as unknown[] | undefined) ?? [];
  const ticked = new Set(
    [fields.accommodations.initialValue].flat().filter((v): v is string => typeof v === "string"),
  );
  const offered = ACCOMMODATIONS.filter((code) => inPerson || code !== "wheelchair");
  const accommodationError = errorsUnder("accommodations");
  const off = (open: boolean) => interactive && !open;
  return (
    <Panel title={t("hearing.formTitle")} headingId="registration-form">
      <p className="mt-1">{t("hearing.intro")}</p>
      {result?.problem ? (
        <Notice as="p" tone="error" role="alert" className="mt-3">
          {t(result.problem, { seconds: result.retryAfter })}
        </Notice>
      ) : null}
      <Form method="post" className="mt-4 space-y-6" {...getFormProps(form)}>
        <input type="hidden" name="token" value={result?.token ?? token} />
        <div className="space-y-4">
          <PublicField
            label={t("hearing.name")}
            field={fields.name}
            error={errorOf(fields.name.errors)}
          >
            {(props) => (
              <input
                {...getInputProps(fields.name, { type: "text" })}
                {...tall(props)}
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
                {...tall(props)}
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
                {...tall(props)}
                autoComplete="organization"
              />
            )}
          </PublicField>
        </div>

        {roles.length ? (
          <div data-disclosure className="space-y-3">
            <Choices legend={t("hearing.party")} error={errorOf(fields.party.errors)} id="party">
              {(["one", "team"] as const).map((value) => (
                <label key={value} className={choiceRow}>
                  <input
                    type="radio"
                    name={fields.party.name}
                    value={value}
                    defaultChecked={party === value}
                    onChange={() => setParty(value)}
                    className={choiceInput}
                    {...(value === "team" ? { "data-reveals": "" } : {})}
                  />
                  <span>{t(value === "one" ? "hearing.partyOne" : "hearing.partyTeam")}</span>
                </label>
              ))}
            </Choices>
            <fieldset
              data-revealed
              disabled={off(party === "team")}
              className="space-y-3 border-l-4 border-line pl-4"
              aria-describedby={`${fields.team.descriptionId}${fields.team.errors?.length ? ` ${fields.team.errorId}` : ""}`}
            >
              <Legend>{t("hearing.team")}</Legend>
              <Text tone="muted" size="small" id={fields.team.descriptionId}>
                {t("hearing.teamOnly")} {t("hearing.teamIntro")}
              </Text>
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
                      <Text tone="danger" id={`${id}-error`} className="mt-1">
                        {error}
                      </Text>
                    ) : null}
                  </div>
                );
              })}
              {errorOf(fields.team.errors) ? (
                <Text tone="danger" id={fields.team.errorId}>
                  {errorOf(fields.team.errors)}
                </Text>
              ) : null}
            </fieldset>
          </div>
        ) : null}

        <div className="space-y-3">
          <Choices
            legend={t("hearing.takePart")}
            hint={t("hearing.takePartHint")}
            error={accommodationError}
            id="accommodations"
          >
            {offered.map((code) => (
              <label key={code} className={choiceRow}>
                <input
                  type="checkbox"
                  name={fields.accommodations.name}
                  value={code}
                  defaultChecked={ticked.has(code)}
                  className={choiceInput}
                />
                <span>{t(`hearing.accommodation.${code}`)}</span>
              </label>
            ))}
          </Choices>
          <PublicField
            label={t("hearing.accommodationOther")}
            hint={t("hearing.accommodationOtherHint")}
            field={fields.accommodationOther}
            error={errorOf(fields.accommodationOther.errors)}
          >
            {(props) => (
              <textarea
                {...getTextareaProps(fields.accommodationOther)}
                {...tall(props)}
                rows={3}
                maxLength={MAX_ACCOMMODATION_TEXT}
              />
            )}
          </PublicField>
        </div>

        <div data-disclosure className="space-y-3">
          <PublicField
            label={t("hearing.interpreter")}
            field={fields.interpreter}
            error={errorOf(fields.interpreter.errors)}
          >
            {(props) => (
              <select
                {...tall(props)}
                name={fields.interpreter.name}
                defaultValue={interpreter}
                onChange={(event) => setInterpreter(event.currentTarget.value)}
              >
                <option value="">{t("hearing.interpreterNone")}</option>
                {INTERPRETER_LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {t(`hearing.language.${code}`)}
                  </option>
                ))}
                <option value="other" data-reveals="">
                  {t("hearing.interpreterOtherChoice")}
                </option>
              </select>
            )}
          </PublicField>
          <div data-revealed className="border-l-4 border-line pl-4">
            <PublicField
              label={t("hearing.interpreterOther")}
              hint={t("hearing.interpreterOtherHint")}
              field={fields.interpreterOther}
              error={errorOf(fields.interpreterOther.errors)}
            >
              {(props) => (
                <input
                  {...getInputProps(fields.interpreterOther, { type: "text" })}
                  {...tall(props)}
                  disabled={off(interpreter === "other")}
                  maxLength={MAX_LANGUAGE_NAME}
                  autoComplete="off"
                />
              )}
            </PublicField>
          </div>
        </div>

        <div data-disclosure className="space-y-3">
          <Choices
            legend={t("hearing.speaking")}
            hint={t("hearing.wishesToSpeakHint")}
            error={errorOf(fields.wishesToSpeak.errors)}
            id="speaking"
          >
            <label className={choiceRow}>
              <input
                type="checkbox"
                name={fields.wishesToSpeak.name}
                value="on"
                defaultChecked={speaks}
                onChange={(event) => setSpeaks(event.currentTarget.checked)}
                className={choiceInput}
                data-reveals=""
              />
              <span>{t("hearing.wishesToSpeak")}</span>
            </label>
          </Choices>
          <div data-revealed className="border-l-4 border-line pl-4">
            <PublicField
              label={t("hearing.speakingTopic")}
              hint={t("hearing.speakingTopicHint")}
              field={fields.speakingTopic}
              error={errorOf(fields.speakingTopic.errors)}
            >
              {(props) => (
                <input
                  {...getInputProps(fields.speakingTopic, { type: "text" })}
                  {...tall(props)}
                  disabled={off(speaks)}
                  maxLength={MAX_SPEAKING_TOPIC}
                  autoComplete="off"
                />
              )}
            </PublicField>
          </div>
        </div>

        <Honeypot label={t("hearing.website")} />
        <Button type="submit" aria-disabled={sending || undefined}>
          {sending ? t("hearing.sending") : t("hearing.submit")}
        </Button>
      </Form>
    </Panel>
  );
}

/** A group of boxes or round buttons under one question, its hint and its error beside it. */
function Choices({
  legend,
  hint,
  error,
  id,
  children,
}: {
  legend: string;
  hint?: string;
  error: string | null;
  id: string;
  children: ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset aria-describedby={described || undefined}>
      <Legend>{legend}</Legend>
      {hint ? (
        <Text tone="muted" size="small" id={`${id}-hint`}>
          {hint}
        </Text>
      ) : null}
      <div className="mt-1">{children}</div>
      {error ? (
        <Text tone="danger" id={`${id}-error`} className="mt-1">
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}

function RegistrationDone({
  done,
  pagePath,
  doneRef,
}: {
  done: NonNullable<Answer["done"]>;
  pagePath: string;
  doneRef: React.RefObject<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const title = done.checkEmail
    ? "hearing.checkEmailTitle"
    : done.state === "registered"
      ? "hearing.registeredTitle"
      : "hearing.waitlistedTitle";
  return (
    <Notice as="section" tone="success" aria-labelledby="registration-done">
      <div ref={doneRef} tabIndex={-1} className="space-y-2 outline-none">
        <Heading level={2} id="registration-done">
          {t(title)}
        </Heading>
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
                <Heading level={3} size="minor">
                  {t("hearing.yourTeam")}
                </Heading>
                <ul className="list-disc pl-6">
                  {done.team.map((member) => (
                    <li key={member.role}>
                      {member.role}: {member.name}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {done.requests ? <YourRequests requests={done.requests} /> : null}
            {done.cancelPath ? (
              <p>
                {t("hearing.keepLink")}{" "}
                <TextLink href={done.cancelPath}>{t("hearing.cancelLink")}</TextLink>
              </p>
            ) : null}
          </>
        )}
      </div>
      <p className="mt-3">
        <TextLink href={pagePath}>{t("hearing.another")}</TextLink>
      </p>
    </Notice>
  );
}

/** What the registration asks for, read back in the reader's language. */
function YourRequests({ requests }: { requests: Requests }) {
  const { t } = useTranslation();
  const language =
    requests.interpreter === "other"
      ? requests.interpreterOther
      : requests.interpreter
        ? t(`hearing.language.${requests.interpreter as InterpreterLanguage}`)
        : "";
  const asked = [
    ...requests.accommodations.map((code: Accommodation) => t(`hearing.accommodation.${code}`)),
    ...(requests.accommodationOther ? [requests.accommodationOther] : []),
    ...(language ? [t("hearing.interpreterIn", { language })] : []),
  ];
  return (
    <>
      {asked.length ? (
        <>
          <Heading level={3} size="minor">
            {t("hearing.yourRequests")}
          </Heading>
          <ul className="list-disc pl-6">
            {asked.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {requests.wishesToSpeak ? (
        <p>
          {requests.speakingTopic
            ? t("hearing.youSpeakOn", { topic: requests.speakingTopic })
            : t("hearing.youSpeak")}
        </p>
      ) : null}
    </>
  );
}
