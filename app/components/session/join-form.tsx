import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, Label, Text } from "../ui/index.ts";

/**
 * The code field and its button, on /join and on a code that did not work (with the reason
 * beside the field, and the field focused, so the person types it again at once).
 */
export function JoinForm({ code, error }: { code?: string; error?: string | null }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/join" className="mt-6 space-y-4" noValidate>
      <div>
        <Label size="large" htmlFor="code">
          {t("join.codeLabel")}
        </Label>
        <Text tone="muted" id="code-hint">
          {t("join.codeHint")}
        </Text>
        {error ? (
          <Text tone="danger" id="code-error" className="mt-1 font-medium">
            {error}
          </Text>
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
          className="mt-2 block w-full rounded-md border border-control p-3 text-center font-mono text-3xl uppercase tracking-widest"
        />
      </div>
      <Button size="lg" fullWidth>
        {t("join.submit")}
      </Button>
    </Form>
  );
}
