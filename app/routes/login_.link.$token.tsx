import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput } from "../components/forms.tsx";
import { Heading, TextLink } from "../components/ui/index.ts";
import { recordAccountEvent } from "../modules/auth/account-events.server.ts";
import { getAuthSession, readForm, signInSession } from "../modules/auth/auth-session.server.ts";
import { rememberDevice } from "../modules/auth/device.server.ts";
import {
  linkProviderIdentity,
  usablePendingLink,
} from "../modules/auth/provider-accounts.server.ts";
import { samePagePath } from "../modules/auth/schema.ts";
import {
  findSignInLink,
  redeemSignInLink,
  SIGN_IN_LINK_MINUTES,
} from "../modules/auth/sign-in-link.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "auth.signInTitle") },
];
export const handle = translated;

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
  // The link confirms this account for a provider sign-in waiting in this browser, if any.
  const session = await getAuthSession(context, request);
  const link = usablePendingLink(session.get("providerLink"), user.id);
  if (link) await linkProviderIdentity(context, link, "email_link");
  else
    await recordAccountEvent(context, { kind: "signed_in", method: "email_link", userId: user.id });
  const headers = new Headers();
  headers.append("Set-Cookie", await signInSession(context, request, user.id, link?.provider));
  headers.append("Set-Cookie", await rememberDevice(context, request, user.email));
  const back = samePagePath(new URL(request.url).searchParams.get("redirectTo") ?? "/");
  return redirect(back, { headers });
}

export default function SignInByLink() {
  const { account } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const { t } = useTranslation();
  if (!account) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <Heading level={1}>{t("auth.linkGone")}</Heading>
        <p>{t("auth.linkGoneHint", { minutes: SIGN_IN_LINK_MINUTES })}</p>
        <p>
          <TextLink href={`/login/email?${params.toString()}`}>{t("auth.newLink")}</TextLink>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <Heading level={1}>{t("auth.signInTitle")}</Heading>
      <p>{t("auth.signInAs", { name: account.name, email: account.email })}</p>
      <Form method="post">
        <CsrfInput />
        <Button fullWidth pending={pending}>
          {t("auth.signIn")}
        </Button>
      </Form>
    </div>
  );
}
