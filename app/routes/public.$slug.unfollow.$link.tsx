import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../components/forms.tsx";
import { Button, Heading } from "../components/ui/index.ts";
import { publicFormCsrf, readForm } from "../modules/auth/auth-session.server.ts";
import { unfollow } from "../modules/publication/followers.server.ts";
import { attempt } from "../utils/http.server.ts";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

/** The page's one form is checked by readForm: the token (and its cookie) come with the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { csrf, headers } = await publicFormCsrf(context, request);
  return json({ csrf }, { headers });
}

/** The link in every update email: <follower id>.<proof>; one press unsubscribes. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  await readForm(context, request);
  const [followerId = "", proof = ""] = (params.link ?? "").split(".");
  const result = await attempt(() => unfollow(context, params.slug ?? "", followerId, proof));
  return json({ done: result.ok }, { status: result.ok ? 200 : 404 });
}

export default function Unfollow() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-xl space-y-4">
      <Heading level={1}>{t("follow.unfollowTitle")}</Heading>
      {result ? (
        <p role="status">{t(result.done ? "follow.unfollowed" : "follow.invalidLink")}</p>
      ) : (
        <Form method="post">
          <CsrfInput />
          <Button type="submit">{t("follow.unfollow")}</Button>
        </Form>
      )}
    </div>
  );
}
