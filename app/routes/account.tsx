import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput } from "../components/forms.tsx";
import {
  endAllSignIns,
  listSignIns,
  readForm,
  requireUser,
  signOutSession,
} from "../modules/auth/auth-session.server.ts";
import { browserName } from "../modules/auth/browser-name.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { http } from "../utils/http.server.ts";
import { dateTimeFormat } from "../utils/intl.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: titleIn(matches, "account.title") }];
export const handle = translated;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const signIns = await listSignIns(context, user.id);
  return json({
    user: { name: user.name, email: user.email },
    signIns: signIns.map((s) => ({
      id: s.id,
      current: s.id === user.signInId,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      browser: browserName(s.userAgent),
    })),
  });
}

/** "Sign out everywhere": every browser this person signed in on, this one too. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const form = await readForm(context, request);
  if (form.get("intent") !== "sign-out-everywhere") throw http(400, "Unknown action.");
  await endAllSignIns(context, user.id, user.signInId);
  return redirect("/login?signedOut=everywhere", {
    headers: { "Set-Cookie": await signOutSession(context, request) },
  });
}

export default function Account() {
  const { user, signIns } = useLoaderData<typeof loader>();
  const pending = useNavigation().state === "submitting";
  const { t, i18n } = useTranslation();
  const when = (iso: string) =>
    dateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>
      <p>{`${user.name} · ${user.email}`}</p>
      <section aria-labelledby="sign-ins" className="space-y-3">
        <h2 id="sign-ins" className="text-xl font-semibold">
          {t("account.signIns")}
        </h2>
        <ul className="divide-y divide-slate-300 rounded-md border border-slate-300 bg-white">
          {signIns.map((s) => (
            <li key={s.id} className="p-3">
              <p className="font-medium">
                {s.browser?.os
                  ? t("account.browserOn", {
                      browser: s.browser.browser ?? t("account.aBrowser"),
                      os: s.browser.os,
                    })
                  : (s.browser?.browser ?? t("account.aBrowser"))}
                {s.current ? ` ${t("account.thisBrowser")}` : ""}
              </p>
              <p className="text-sm text-slate-700">
                {t("account.when", { signedIn: when(s.createdAt), used: when(s.lastUsedAt) })}
              </p>
            </li>
          ))}
        </ul>
        <p>{t("account.everywhereHint")}</p>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <Button pending={pending}>{t("account.everywhere")}</Button>
        </Form>
      </section>
    </div>
  );
}
