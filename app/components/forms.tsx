import {
  type DefaultValue,
  type FieldMetadata,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMatches } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import type { ZodType, z } from "zod";
import type { MessageKey } from "../modules/i18n/en.ts";
import { usePageT } from "../modules/i18n/use-locale.ts";
import { Label, Notice, Text } from "./ui/index.ts";

/**
 * The token every form posts; readForm() on the server checks it. The root loader gives it to
 * the signed-in app's pages; a public page with such a form gives it in its own loader data
 * (the public site sets no cookie for reading), so the deepest route that has one wins.
 */
export function useCsrfToken() {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const csrf = (matches[i]?.data as { csrf?: unknown } | null | undefined)?.csrf;
    if (typeof csrf === "string" && csrf) return csrf;
  }
  return "";
}

/**
 * An add form (agenda item, breakout room) emptied once the server took it: a form that kept
 * its values invited a second press and a duplicate. Focus returns to its first field, ready
 * for the next one. A refusal (a reply with a message) keeps what was typed.
 */
export function useClearedOnSuccess(
  fetcher: { state: string; data?: { intent?: string; message?: string | null } | null },
  intent: string,
) {
  const form = useRef<HTMLFormElement>(null);
  const { state, data } = fetcher;
  useEffect(() => {
    if (state !== "idle" || data?.intent !== intent || data.message) return;
    form.current?.reset();
    form.current?.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select")?.focus();
  }, [state, data, intent]);
  return form;
}

export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useCsrfToken()} />;
}

/**
 * Says a form error: schemas and services give catalogue keys ("auth.errors.emailInvalid"),
 * said here in the page's language; a message already said (a refusal worded on the server,
 * or a form not yet keyed) is shown as it came.
 */
/**
 * Says a form error: a catalogue key in the reader's words, anything else as written. Cheap
 * (usePageT): every form on a board of a thousand ideas asks for it, mostly with no error.
 */
export function useSayError() {
  const { t, exists } = usePageT();
  return (error: string) => (exists(error) ? t(error as MessageKey) : error);
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const say = useSayError();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-1 text-small text-danger">
      {errors.map((e) => (
        <li key={e}>{say(e)}</li>
      ))}
    </ul>
  );
}

/** What every text box, select and text area shares: its border keeps 3:1 (WCAG 1.4.11). */
const control =
  "rounded-md border border-control bg-surface text-ink aria-[invalid=true]:border-danger-line";

/** A control on a line of its own, under its label: the form's width, a 44 px target. */
export const inputClass = `mt-1 block min-h-tap w-full px-3 py-2 ${control}`;

/** A control in a row of them (a filter, a "Move to" select): as wide as its contents. */
export const inlineInputClass = `mt-1 min-h-tap px-2 py-2 ${control}`;

/** A control repeated on every item of a long list (an idea's edit box): tight. */
export const compactInputClass = `px-2 py-1 ${control}`;

type FieldProps = {
  label: string;
  field: FieldMetadata<string | undefined | unknown>;
  type?: string;
  hint?: ReactNode;
  autoComplete?: string;
  defaultValue?: string;
  /** The keyboard a phone shows ("decimal" for numbers typed with a comma or a point). */
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  /** The language the field is written in, where it is not the page's (a Spanish version). */
  lang?: string;
};

function describedBy(field: FieldProps["field"], hint?: ReactNode) {
  return (
    [field.errors?.length ? field.errorId : null, hint ? field.descriptionId : null]
      .filter(Boolean)
      .join(" ") || undefined
  );
}

/**
 * What every field shares: its label, an optional hint, the control, and its errors, wired
 * together for screen readers (aria-describedby, aria-invalid).
 */
function Labelled({
  label,
  field,
  hint,
  children,
}: Pick<FieldProps, "label" | "field" | "hint"> & {
  children: (control: {
    id: string;
    name: string;
    required?: boolean;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
    className: string;
  }) => ReactNode;
}) {
  return (
    <div>
      <Label htmlFor={field.id}>{label}</Label>
      {hint ? (
        <Text tone="muted" size="small" id={field.descriptionId}>
          {hint}
        </Text>
      ) : null}
      {children({
        id: field.id,
        name: field.name,
        required: field.required,
        "aria-invalid": field.errors?.length ? true : undefined,
        "aria-describedby": describedBy(field, hint),
        className: inputClass,
      })}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

const initial = (field: FieldProps["field"], fallback?: string) =>
  (field.initialValue as string | undefined) ?? fallback;

export function Field({
  type = "text",
  autoComplete,
  defaultValue,
  inputMode,
  lang,
  ...props
}: FieldProps) {
  return (
    <Labelled {...props}>
      {(control) => (
        <input
          {...control}
          lang={lang}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          defaultValue={initial(props.field, defaultValue)}
        />
      )}
    </Labelled>
  );
}

export function TextareaField({
  rows = 4,
  defaultValue,
  lang,
  ...props
}: FieldProps & { rows?: number }) {
  return (
    <Labelled {...props}>
      {(control) => (
        <textarea
          {...control}
          lang={lang}
          rows={rows}
          defaultValue={initial(props.field, defaultValue)}
        />
      )}
    </Labelled>
  );
}

export function SelectField({
  options,
  placeholder,
  ...props
}: FieldProps & {
  /** `lang`: an option's label is in another language than the page's (staff's English). */
  options: { value: string; label: string; lang?: string }[];
  placeholder?: string;
}) {
  return (
    <Labelled {...props}>
      {(control) => (
        <select {...control} defaultValue={initial(props.field, props.defaultValue ?? "")}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

/**
 * A conform form validated by the same zod schema the action uses: errors show when it is
 * submitted in the browser (and update as the person types), and the server's reply (lastResult) shows what only the server could check.
 */
export function useZodForm<
  Schema extends ZodType<Record<string, unknown>, Record<string, unknown>>,
>(
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  options: { defaultValue?: Record<string, string | Record<string, string>> } = {},
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    lastResult,
    defaultValue: options.defaultValue as DefaultValue<z.input<Schema>>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    // Checked on submit, then as the person types: validating on blur inserted an error line
    // under the field as focus left it, moving the button being clicked away from the pointer.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

/** The one button, kept importable from here where forms already import it. */
export { Button } from "./ui/button.tsx";

export function FormError({ errors, id }: { errors?: string[] | null; id?: string }) {
  const say = useSayError();
  if (!errors?.length) return null;
  return (
    <Notice id={id} tone="error" live>
      {errors.map(say).join(" ")}
    </Notice>
  );
}

/**
 * A field of a public form (comments, hearing registration): its label, the control the
 * caller renders with the props given, and its message in the reader's language.
 */
export function PublicField({
  label,
  field,
  error,
  hint,
  children,
}: {
  label: string;
  field: FieldMetadata<unknown>;
  error: string | null;
  /** Said under the label, and read with the field. */
  hint?: ReactNode;
  children: (props: {
    id: string;
    className: string;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
  }) => ReactNode;
}) {
  const describedBy =
    [hint ? field.descriptionId : null, error ? field.errorId : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div>
      <Label htmlFor={field.id}>{label}</Label>
      {hint ? (
        <Text tone="muted" size="small" id={field.descriptionId}>
          {hint}
        </Text>
      ) : null}
      {children({
        id: field.id,
        className: inputClass,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
      })}
      {error ? (
        <Text tone="danger" id={field.errorId} className="mt-1">
          {error}
        </Text>
      ) : null}
    </div>
  );
}

/** The honeypot of a public form: off screen and out of the tab order; robots fill every field. */
export function Honeypot({ label }: { label: string }) {
  return (
    <div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
      <label>
        {label}
        <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
