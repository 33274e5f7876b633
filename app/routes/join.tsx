import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "../modules/i18n/i18n.ts";
import { publicLocale } from "../modules/i18n/locale.server.ts";

/**
 * Joining a session by its code (/join, /join/<code>): the first page a participant sees, so it
 * speaks their language (?lang=es, the cookie, else the browser's), like the public site.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, setCookie } = publicLocale(request);
  return json(
    { locale },
    {
      headers: {
        Vary: "Cookie, Accept-Language",
        ...(setCookie ? { "Set-Cookie": setCookie } : {}),
      },
    },
  );
}

export default function Join() {
  const { locale } = useLoaderData<typeof loader>();
  return (
    <I18nextProvider i18n={i18nFor(locale)}>
      <div className="mx-auto max-w-md">
        <Outlet />
      </div>
    </I18nextProvider>
  );
}
