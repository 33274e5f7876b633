import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Heading, Notice, Text, TextLink } from "./ui/index.ts";

/**
 * The one place errors are shown, in the page's language. Expected failures (thrown http()
 * and refuse() responses) carry a message a person can act on, said from its catalogue key
 * where it has one; anything else is logged on the server and shown calmly, never a stack.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  let title = t("errors.title");
  let message = t("errors.message");
  if (isRouteErrorResponse(error)) {
    title =
      error.status === 404
        ? t("errors.notFound")
        : error.status === 403
          ? t("errors.notAllowed")
          : t("errors.status", { status: error.status });
    const data = error.data as
      | { message?: string; key?: string; values?: Record<string, unknown> }
      | string
      | undefined;
    message =
      typeof data === "object" && data?.key && i18n.exists(data.key)
        ? t(data.key, data.values ?? {})
        : typeof data === "object" && data?.message
          ? data.message
          : typeof data === "string" && data
            ? data
            : message;
  }
  return (
    <Notice tone="error" role="alert" className="mx-auto max-w-xl">
      <Heading level={1} size="heading" className="text-danger">
        {title}
      </Heading>
      <Text tone="danger" className="mt-2">
        {message}
      </Text>
      <p className="mt-4">
        <TextLink href="/">{t("errors.home")}</TextLink>
      </p>
    </Notice>
  );
}
