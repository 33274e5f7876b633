import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JoinForm } from "../components/session/join-form.tsx";
import { Heading } from "../components/ui/index.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { joinPath, readJoinCode } from "../modules/session/join-code.ts";

export const handle = translated;

export const meta: MetaFunction = ({ matches }) => [{ title: titleIn(matches, "join.title") }];

/** /join?code=…: the form sends the code here, and a readable one goes on to /join/<code>. */
export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return json({ typed: "", invalid: false });
  const code = readJoinCode(typed);
  if (code) throw redirect(joinPath(code));
  return json({ typed: typed.slice(0, 12), invalid: true }, { status: 400 });
}

export default function JoinByCode() {
  const { typed, invalid } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <Heading level={1}>{t("join.title")}</Heading>
      <JoinForm code={typed} error={invalid ? t("join.invalid") : null} />
    </>
  );
}
