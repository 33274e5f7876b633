import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The code field and its button, on /join and on a code that did not work (with the reason
 * beside the field, and the field focused, so the person types it again at once).
 */
export function JoinForm({ code, error }: { code?: string; error?: string | null }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/join" className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="code" className="block text-lg font-medium">
          {t("join.codeLabel")}
        </label>
        <p id="code-hint" className="text-slate-700">
          {t("join.codeHint")}
        </p>
        {error ? (
          <p id="code-error" className="mt-1 font-medium text-red-800">
            {error}
          </p>
        ) : null}
        <input
          id="code"
          name="code"
          defaultValue={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          maxLength={12}
          // biome-ignore lint/a11y/noAutofocus: the page exists to type this one field
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "code-hint code-error" : "code-hint"}
          className="mt-2 block w-full rounded-md border border-slate-500 p-3 text-center font-mono text-3xl uppercase tracking-widest"
        />
      </div>
      <button
        type="submit"
        className="min-h-11 w-full rounded-md bg-brand-700 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-900"
      >
        {t("join.submit")}
      </button>
    </Form>
  );
}
