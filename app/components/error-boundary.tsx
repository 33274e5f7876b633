import { isRouteErrorResponse, useRouteError } from "@remix-run/react";

/**
 * The one place errors are shown. Expected failures (thrown http() responses) carry a message
 * a person can act on; anything else is logged on the server and shown calmly, never a stack.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  let title = "Something went wrong";
  let message = "We could not finish that. Try again in a moment; nothing you saved is lost.";
  if (isRouteErrorResponse(error)) {
    title =
      error.status === 404
        ? "Not found"
        : error.status === 403
          ? "Not allowed"
          : `Error ${error.status}`;
    const data = error.data as { message?: string } | string | undefined;
    message =
      typeof data === "object" && data?.message
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
          Go to your work groups
        </a>
      </p>
    </div>
  );
}
