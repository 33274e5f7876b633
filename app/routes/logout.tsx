import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readForm, signOutSession } from "../modules/auth/auth-session.server.ts";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(context, request);
  return redirect("/", { headers: { "Set-Cookie": await signOutSession(context, request) } });
}
