import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getPerson, readForm } from "../modules/auth/auth-session.server.ts";
import { samePagePath } from "../modules/auth/schema.ts";
import { isLocale } from "../modules/i18n/i18n.ts";
import { localeCookie } from "../modules/i18n/locale.server.ts";
import { http } from "../utils/http.server.ts";

export async function loader() {
  return redirect("/");
}

/**
 * The language switch in the header: remembered in this browser, and on the account of a
 * member, so their other browsers (and the mail they get) follow. Back to the same page.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(context, request);
  const locale = form.get("lang");
  if (!isLocale(locale)) throw http(400, "Choose English or Español.");
  const person = await getPerson(context, request);
  if (person && !person.guest) {
    await context.db.user.update({ where: { id: person.id }, data: { locale } });
  }
  const back = samePagePath(String(form.get("back") ?? "/"));
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale) } });
}
