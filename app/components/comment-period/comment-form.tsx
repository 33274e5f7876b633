import { type FieldMetadata, getFormProps, getInputProps } from "@conform-to/react";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ANY_REGION,
  ANY_STAKEHOLDER_GROUP,
  type CommentChoices,
  commentSchema,
  GENERAL,
  MAX_ATTACHMENT_MB,
  MAX_ATTACHMENTS,
  offeredChoices,
} from "../../modules/comment-period/schema.ts";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { formatInZone } from "../../modules/i18n/i18n.ts";
import { usePublicLocale } from "../../modules/i18n/use-locale.ts";
import { formatKilobytes } from "../../utils/intl.ts";
import { Honeypot, inputClass, PublicField, useZodForm } from "../forms.tsx";
import { StaffOption } from "../staff-text.tsx";
import { Button, Heading, Label, Legend, Notice, Panel, SummaryList, Text } from "../ui/index.ts";

type ActionData = {
  receipt: {
    trackingNumber: string;
    receivedAt: string;
    sections: string[];
    emailed: boolean;
    files?: { name: string; size: number }[];
  } | null;
  problem: MessageKey | null;
  retryAfter: number;
  file?: string;
  token: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: conform's reply, passed through untouched
  reply: any;
};

type Props = {
  period: {
    id: string;
    state: "scheduled" | "open" | "closed";
    timeZone: string;
    sections: { number: number; heading: string }[];
  };
  choices: CommentChoices;
  token: string;
  opens: string;
  closes: string;
};

/**
 * The public feedback form and, once the comment is stored, its receipt. Works without
 * JavaScript (a plain POST renders the same receipt); with it, errors show as people type.
 * Field errors are catalogue keys, shown in the reader's language.
 */
export function CommentForm({ period, choices, token, opens, closes }: Props) {
  const { t } = useTranslation();
  const locale = usePublicLocale();
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting";
  const schema = useMemo(() => commentSchema(choices), [choices]);
  const offered = offeredChoices(choices);
  const [form, fields] = useZodForm(schema, result?.reply);
  const [writeAnother, setWriteAnother] = useState(false);
  const [hasFiles, setHasFiles] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const receiptRef = useRef<HTMLDivElement>(null);
  const receipt = writeAnother ? null : result?.receipt;
  useEffect(() => {
    if (receipt) receiptRef.current?.focus();
  }, [receipt]);
  useEffect(() => setWriteAnother(false), [result]);
  const problemRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (result?.problem) problemRef.current?.focus();
  }, [result]);

  if (period.state !== "open") {
    // A comment refused because the period closed meanwhile: its text stays on the page.
    const unsent = result?.problem ? String(fields.comment.initialValue ?? "") : "";
    return (
      <Panel title={t("comment.formTitle")} headingId="comment-form">
        {result?.problem ? (
          <Notice as="p" tone="error" role="alert" className="mt-2">
            {t(period.state === "scheduled" ? "comment.notOpenYet" : "comment.closed", {
              opens,
              closes,
            })}
          </Notice>
        ) : (
          <p role="status" className="mt-2">
            {t(period.state === "scheduled" ? "comment.notOpenYet" : "comment.closed", {
              opens,
              closes,
            })}
          </p>
        )}
        {unsent ? (
          <div className="mt-3">
            <Label htmlFor="unsent-comment">{t("comment.notSent")}</Label>
            <textarea
              id="unsent-comment"
              readOnly
              rows={6}
              defaultValue={unsent}
              className={inputClass}
            />
          </div>
        ) : null}
      </Panel>
    );
  }

  if (receipt) {
    return (
      <Notice as="section" tone="success" aria-labelledby="receipt">
        <div ref={receiptRef} tabIndex={-1} className="space-y-2 outline-none">
          <Heading level={2} id="receipt">
            {t("comment.receiptTitle")}
          </Heading>
          <p>{t("comment.receiptText")}</p>
          <SummaryList>
            <dt>{t("comment.trackingNumber")}</dt>
            <dd className="font-mono text-subheading" data-testid="tracking-number">
              {receipt.trackingNumber}
            </dd>
            <dt>{t("comment.receivedAt")}</dt>
            <dd>{formatInZone(locale, receipt.receivedAt, period.timeZone)}</dd>
            <dt>{t("comment.about")}</dt>
            <dd>
              {receipt.sections.length === 0
                ? t("comment.general")
                : receipt.sections
                    .map((n) => {
                      const section = period.sections.find((s) => String(s.number) === n);
                      return t("period.sectionHeading", {
                        number: n,
                        heading: section?.heading ?? "",
                      });
                    })
                    .join("; ")}
            </dd>
          </SummaryList>
          {receipt.files?.length ? (
            <div>
              <p className="font-medium">{t("comment.files.received")}</p>
              <ul className="list-disc pl-6">
                {receipt.files.map((file) => (
                  <li key={file.name}>
                    {t("comment.files.item", {
                      name: file.name,
                      size: formatKilobytes(locale, file.size),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {receipt.emailed ? <p>{t("comment.emailed")}</p> : null}
        </div>
        <Form
          method="get"
          className="mt-3"
          onSubmit={(event) => {
            // With JavaScript the form comes back in place; without, the GET reloads the page.
            event.preventDefault();
            setWriteAnother(true);
          }}
        >
          <Button variant="secondary" type="submit">
            {t("comment.another")}
          </Button>
        </Form>
      </Notice>
    );
  }

  const errorOf = (field: FieldMetadata<unknown>) =>
    field.errors?.length ? field.errors.map((key) => t(key as MessageKey)).join(" ") : null;
  return (
    <Panel title={t("comment.formTitle")} headingId="comment-form">
      <p className="mt-1">{t("comment.intro")}</p>
      <Form
        method="post"
        // Files need a multipart form. Without JavaScript it always is one; with it, only
        // when files are chosen, so a comment alone keeps the fast way in (the flash crowd's).
        encType={!hydrated || hasFiles ? "multipart/form-data" : undefined}
        className="mt-4 space-y-4"
        {...getFormProps(form)}
      >
        <input type="hidden" name="token" value={result?.token ?? token} />
        <PublicField label={t("comment.name")} field={fields.name} error={errorOf(fields.name)}>
          {(props) => (
            <input
              {...getInputProps(fields.name, { type: "text" })}
              {...props}
              autoComplete="name"
            />
          )}
        </PublicField>
        <PublicField label={t("comment.email")} field={fields.email} error={errorOf(fields.email)}>
          {(props) => (
            <input
              {...getInputProps(fields.email, { type: "email" })}
              {...props}
              autoComplete="email"
            />
          )}
        </PublicField>
        {(
          [
            ["comment.stakeholderGroup", fields.stakeholderGroup, offered.groups],
            ["comment.region", fields.region, offered.regions],
          ] as const
        ).map(([label, field, options]) => (
          <PublicField key={field.name} label={t(label)} field={field} error={errorOf(field)}>
            {(props) => (
              <select
                name={field.name}
                defaultValue={String(field.initialValue ?? "")}
                required
                {...props}
              >
                <option value="">{t("comment.choose")}</option>
                {options.map((name) => (
                  <Choice key={name} name={name} spanish={choices.spanishNames?.[name]} />
                ))}
              </select>
            )}
          </PublicField>
        ))}
        <fieldset
          aria-describedby={`${fields.sections.descriptionId}${fields.sections.errors?.length ? ` ${fields.sections.errorId}` : ""}`}
        >
          <Legend>{t("comment.sections")}</Legend>
          <Text tone="muted" size="small" id={fields.sections.descriptionId}>
            {t("comment.sectionsHint")}
          </Text>
          <SectionChoices
            name={fields.sections.name}
            chosen={fields.sections.initialValue}
            options={[
              { value: GENERAL, label: t("comment.general") },
              ...period.sections.map((s) => ({
                value: String(s.number),
                label: t("period.sectionHeading", { number: s.number, heading: s.heading }),
              })),
            ]}
          />
          {errorOf(fields.sections) ? (
            <Text tone="danger" id={fields.sections.errorId} className="mt-1">
              {errorOf(fields.sections)}
            </Text>
          ) : null}
        </fieldset>
        <CommentText field={fields.comment} error={errorOf(fields.comment)} />
        <div>
          <Label htmlFor="comment-files">{t("comment.files.label")}</Label>
          <Text tone="muted" size="small" id="comment-files-hint">
            {t("comment.files.hint", { count: MAX_ATTACHMENTS, megabytes: MAX_ATTACHMENT_MB })}
          </Text>
          <input
            id="comment-files"
            type="file"
            name="files"
            multiple
            accept=".pdf,.docx,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg"
            aria-describedby="comment-files-hint"
            onChange={(event) => setHasFiles((event.target.files?.length ?? 0) > 0)}
            className="mt-1 block min-h-11 w-full file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-md file:border file:border-control file:bg-surface file:px-4 file:py-2 file:font-medium file:text-ink hover:file:bg-sunken"
          />
        </div>
        <Honeypot label={t("comment.website")} />
        <Button type="submit" aria-disabled={sending || undefined}>
          {sending ? t("comment.sending") : t("comment.submit")}
        </Button>
        {/* Beside the button, and focused: on a phone a message at the top of the form is
            a screen away, and the tap would seem to do nothing. */}
        {result?.problem ? (
          <Notice
            as="p"
            ref={problemRef}
            tabIndex={-1}
            role="alert"
            tone="error"
            className="outline-none focus-visible:ring-2 focus-visible:ring-danger-line"
          >
            {t(result.problem, {
              seconds: result.retryAfter,
              opens,
              closes,
              file: result.file ?? "",
              count: MAX_ATTACHMENTS,
              megabytes: MAX_ATTACHMENT_MB,
            })}
          </Notice>
        ) : null}
      </Form>
    </Panel>
  );
}

function SectionChoices({
  name,
  chosen,
  options,
}: {
  name: string;
  chosen: unknown;
  options: { value: string; label: string }[];
}) {
  const initial = new Set(
    Array.isArray(chosen) ? chosen.map(String) : chosen ? [String(chosen)] : [],
  );
  return (
    <ul className="mt-2 space-y-1">
      {options.map((option) => (
        <li key={option.value}>
          <label className="inline-flex items-start gap-2">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              defaultChecked={initial.has(option.value)}
              className="mt-1 h-4 w-4"
            />
            <span>{option.label}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

function CommentText({
  field,
  error,
}: {
  field: FieldMetadata<string | undefined>;
  error: string | null;
}) {
  const { t } = useTranslation();
  const [length, setLength] = useState(String(field.initialValue ?? "").length);
  return (
    <div>
      <Label htmlFor={field.id}>{t("comment.comment")}</Label>
      <textarea
        id={field.id}
        name={field.name}
        rows={10}
        required
        defaultValue={String(field.initialValue ?? "")}
        onInput={(event) => setLength(event.currentTarget.value.length)}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${field.descriptionId}${error ? ` ${field.errorId}` : ""}`}
      />
      <Text tone="muted" size="small" id={field.descriptionId} className="mt-1">
        {length > 0 ? t("comment.count", { count: length }) : t("comment.limit")}
      </Text>
      {error ? (
        <Text tone="danger" id={field.errorId} className="mt-1">
          {error}
        </Text>
      ) : null}
    </div>
  );
}

/**
 * A group or region the form offers: sent as its English name (what intake checks and counts
 * by), labelled in the reader's language; the "other" choices from the catalogue.
 */
function Choice({ name, spanish }: { name: string; spanish: string | undefined }) {
  const { t } = useTranslation();
  if (name === ANY_STAKEHOLDER_GROUP || name === ANY_REGION)
    return (
      <option value={name}>
        {t(name === ANY_REGION ? "comment.anyRegion" : "comment.anyStakeholderGroup")}
      </option>
    );
  return <StaffOption value={name} choice={{ name, nameEs: spanish }} />;
}
