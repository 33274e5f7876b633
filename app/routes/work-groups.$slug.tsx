import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "../components/error-boundary.tsx";
import { TabLink, TabNav, Text } from "../components/ui/index.ts";
import { translated } from "../modules/i18n/use-locale.ts";
import { requireSessionParticipant } from "../modules/session/guests.server.ts";
import { can } from "../modules/work-group/roles.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // A guest reaches this layout on their session's participant view only: its own loader
  // decides (requireSessionParticipant), and every other child route refuses guests itself.
  const sessionView = `/work-groups/${params.slug}/sessions/${params.sessionId}`;
  const { access } =
    params.sessionId && new URL(request.url).pathname === sessionView
      ? await requireSessionParticipant(context, request, params.slug, params.sessionId)
      : await requireMember(context, request, params.slug);
  return json({ workGroup: access.workGroup, role: access.role });
}

export { notAfterOffline as shouldRevalidate } from "../realtime/offline.ts";

export const handle = translated;

export default function WorkGroupLayout() {
  const { workGroup, role } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (role === "guest") {
    return (
      <div>
        <div className="mb-6 border-b border-line pb-4">
          <Text tone="muted" size="small">
            {t("guest.youAreGuest")}
          </Text>
          <p className="text-heading font-bold">{workGroup.name}</p>
        </div>
        <Outlet />
      </div>
    );
  }
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-x-4 gap-y-2 border-b border-line">
        <div className="pb-2">
          <Text tone="muted" size="small">
            {t("workGroup.youAre", { role: t(`role.${role}`) })}
          </Text>
          <p className="text-heading font-bold">{workGroup.name}</p>
        </div>
        <TabNav label={t("workGroup.nav")}>
          <TabLink end to={`/work-groups/${workGroup.slug}`}>
            {t("workGroup.tab.overview")}
          </TabLink>
          <TabLink to={`/work-groups/${workGroup.slug}/members`}>
            {t("workGroup.tab.members")}
          </TabLink>
          <TabLink to={`/work-groups/${workGroup.slug}/recommendations`}>
            {t("workGroup.tab.recommendations")}
          </TabLink>
          <TabLink to={`/work-groups/${workGroup.slug}/action-plan`}>
            {t("workGroup.tab.actionPlan")}
          </TabLink>
          <TabLink to={`/work-groups/${workGroup.slug}/plans`}>{t("workGroup.tab.plans")}</TabLink>
          <TabLink to={`/work-groups/${workGroup.slug}/public-site`}>
            {t("workGroup.tab.publicSite")}
          </TabLink>
          {can(role, "comment:moderate") ? (
            <TabLink to={`/work-groups/${workGroup.slug}/comment-periods`}>
              {t("workGroup.tab.commentPeriods")}
            </TabLink>
          ) : null}
          {can(role, "history:view") ? (
            <TabLink to={`/work-groups/${workGroup.slug}/history`}>
              {t("workGroup.tab.history")}
            </TabLink>
          ) : null}
          {can(role, "work-group:edit") ? (
            <TabLink to={`/work-groups/${workGroup.slug}/settings`}>
              {t("workGroup.tab.settings")}
            </TabLink>
          ) : null}
        </TabNav>
      </div>
      <Outlet />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.workGroup.name ?? "Work group"} · Convene` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
