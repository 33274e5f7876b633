import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, CsrfInput } from "../components/forms.tsx";
import {
  endAllSignIns,
  listSignIns,
  readForm,
  requireUser,
  signOutSession,
} from "../modules/auth/auth-session.server.ts";
import { browserName } from "../modules/auth/browser-name.server.ts";
import { http } from "../utils/http.server.ts";

export const meta: MetaFunction = () => [{ title: "Your account · Convene" }];

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

const when = (iso: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

export default function Account() {
  const { user, signIns } = useLoaderData<typeof loader>();
  const pending = useNavigation().state === "submitting";
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Your account</h1>
      <p>{`${user.name} · ${user.email}`}</p>
      <section aria-labelledby="sign-ins" className="space-y-3">
        <h2 id="sign-ins" className="text-xl font-semibold">
          Where you are signed in
        </h2>
        <ul className="divide-y divide-slate-300 rounded-md border border-slate-300 bg-white">
          {signIns.map((s) => (
            <li key={s.id} className="p-3">
              <p className="font-medium">
                {s.browser ?? "A browser"}
                {s.current ? " (this browser)" : ""}
              </p>
              <p className="text-sm text-slate-700">
                {`Signed in ${when(s.createdAt)} · last used ${when(s.lastUsedAt)}`}
              </p>
            </li>
          ))}
        </ul>
        <p>
          Lost a phone, or signed in on a shared computer? Sign out everywhere: every browser above
          must sign in again, and open live pages stop at once.
        </p>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <Button pending={pending}>Sign out everywhere</Button>
        </Form>
      </section>
    </div>
  );
}
