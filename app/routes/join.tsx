import { Outlet } from "@remix-run/react";
import { translated } from "../modules/i18n/use-locale.ts";

/**
 * Joining a session by its code (/join, /join/<code>): the first page a participant sees, so it
 * speaks their language (?lang=es, the cookie, else the browser's), like the public site.
 */
export const handle = translated;

export default function Join() {
  return (
    <div className="mx-auto max-w-md">
      <Outlet />
    </div>
  );
}
