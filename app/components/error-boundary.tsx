import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

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
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-900">{title}</h1>
      <p className="mt-2 text-red-900">{message}</p>
      <p className="mt-4">
        <a className="text-brand-700 underline" href="/">
          {t("errors.home")}
        </a>
      </p>
    </div>
  );
}
