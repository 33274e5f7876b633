import {
  type DefaultValue,
  type FieldMetadata,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMatches } from "@remix-run/react";
import { forwardRef, type ReactNode, useEffect, useRef } from "react";
import type { ZodType, z } from "zod";
import type { MessageKey } from "../modules/i18n/en.ts";
import { usePageT } from "../modules/i18n/use-locale.ts";

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
    <ul id={id} className="mt-1 space-y-1 text-sm text-red-800">
      {errors.map((e) => (
        <li key={e}>{say(e)}</li>
      ))}
    </ul>
  );
}

/** A text box, select or text area; its border keeps 3:1 contrast (WCAG 1.4.11). */
export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700";

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
      <label htmlFor={field.id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={field.descriptionId} className="text-sm text-slate-700">
          {hint}
        </p>
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

export const Button = forwardRef<
  HTMLButtonElement,
  React.ButtonHTMLAttributes<HTMLButtonElement> & {
    pending?: boolean;
    variant?: "primary" | "secondary" | "danger";
  }
>(function Button({ children, pending, variant = "primary", ...props }, ref) {
  const { t } = usePageT();
  const styles = {
    primary: "bg-brand-700 text-white hover:bg-brand-900",
    secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
    danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
  }[variant];
  return (
    <button
      ref={ref}
      type="submit"
      {...props}
      aria-disabled={pending || undefined}
      className={`inline-flex items-center rounded-md px-4 py-2 font-medium ${styles} ${props.className ?? ""}`}
    >
      {pending ? t("forms.working") : children}
    </button>
  );
});

export function FormError({ errors, id }: { errors?: string[] | null; id?: string }) {
  const say = useSayError();
  if (!errors?.length) return null;
  return (
    <div
      id={id}
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900"
    >
      {errors.map(say).join(" ")}
    </div>
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
      <label htmlFor={field.id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={field.descriptionId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children({
        id: field.id,
        className: inputClass,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
      })}
      {error ? (
        <p id={field.errorId} className="mt-1 text-red-800">
          {error}
        </p>
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
