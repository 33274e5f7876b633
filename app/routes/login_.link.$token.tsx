import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button, CsrfInput } from "../components/forms.tsx";
import { readForm, signInSession } from "../modules/auth/auth-session.server.ts";
import { rememberDevice } from "../modules/auth/device.server.ts";
import { samePagePath } from "../modules/auth/schema.ts";
import { findSignInLink, redeemSignInLink } from "../modules/auth/sign-in-link.server.ts";

export const meta: MetaFunction = () => [{ title: "Sign in · Convene" }];

/**
 * Opening the emailed link signs nobody in (mail scanners follow links): it asks, and the
 * button does it.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const account = await findSignInLink(context, params.token ?? "");
  return json({ account }, { status: account ? 200 : 410 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await readForm(context, request);
  const user = await redeemSignInLink(context, params.token ?? "");
  if (!user) return json({ account: null }, { status: 410 });
  const headers = new Headers();
  headers.append("Set-Cookie", await signInSession(context, request, user.id));
  headers.append("Set-Cookie", await rememberDevice(context, request, user.email));
  const back = samePagePath(new URL(request.url).searchParams.get("redirectTo") ?? "/");
  return redirect(back, { headers });
}

export default function SignInByLink() {
  const { account } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  if (!account) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">This link no longer works</h1>
        <p>A sign-in link works once, within 15 minutes. Ask for a new one.</p>
        <p>
          <a className="text-brand-700 underline" href={`/login/email?${params.toString()}`}>
            Email me a new sign-in link
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p>{`Sign in as ${account.name} (${account.email}) on this device?`}</p>
      <Form method="post">
        <CsrfInput />
        <Button pending={pending} className="min-h-11 w-full justify-center">
          Sign in
        </Button>
      </Form>
    </div>
  );
}
