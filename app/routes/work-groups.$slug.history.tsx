import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HistoryList } from "../components/history-list.tsx";
import { Heading } from "../components/ui/index.ts";
import { listHistory } from "../modules/history/history.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

export const meta: MetaFunction = ({ matches }) => [{ title: titleIn(matches, "history.title") }];
export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "history:view");
  return json({ entries: await listHistory(context, access.workGroup.id) });
}

/** Who changed which theme, recommendation or action step, and when: for facilitators. */
export default function History() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <Heading level={1}>{t("history.title")}</Heading>
      <HistoryList entries={entries} heading={t("history.latest")} />
    </div>
  );
}
