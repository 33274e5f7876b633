import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "../components/error-boundary.tsx";
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

const tab = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1 ${isActive ? "bg-brand-700 text-white" : "text-brand-700 underline"}`;

export { notAfterOffline as shouldRevalidate } from "../realtime/offline.ts";

export const handle = translated;

export default function WorkGroupLayout() {
  const { workGroup, role } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (role === "guest") {
    return (
      <div>
        <div className="mb-6 border-b border-slate-300 pb-4">
          <p className="text-sm text-slate-700">{t("guest.youAreGuest")}</p>
          <p className="text-xl font-bold">{workGroup.name}</p>
        </div>
        <Outlet />
      </div>
    );
  }
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4 border-b border-slate-300 pb-4">
        <div>
          <p className="text-sm text-slate-700">
            {t("workGroup.youAre", { role: t(`role.${role}`) })}
          </p>
          <p className="text-xl font-bold">{workGroup.name}</p>
        </div>
        <nav aria-label={t("workGroup.nav")} className="flex flex-wrap gap-2">
          <NavLink end to={`/work-groups/${workGroup.slug}`} className={tab}>
            {t("workGroup.tab.overview")}
          </NavLink>
          <NavLink to={`/work-groups/${workGroup.slug}/members`} className={tab}>
            {t("workGroup.tab.members")}
          </NavLink>
          <NavLink to={`/work-groups/${workGroup.slug}/recommendations`} className={tab}>
            {t("workGroup.tab.recommendations")}
          </NavLink>
          <NavLink to={`/work-groups/${workGroup.slug}/action-plan`} className={tab}>
            {t("workGroup.tab.actionPlan")}
          </NavLink>
          <NavLink to={`/work-groups/${workGroup.slug}/plans`} className={tab}>
            {t("workGroup.tab.plans")}
          </NavLink>
          <NavLink to={`/work-groups/${workGroup.slug}/public-site`} className={tab}>
            {t("workGroup.tab.publicSite")}
          </NavLink>
          {can(role, "comment:moderate") ? (
            <NavLink to={`/work-groups/${workGroup.slug}/comment-periods`} className={tab}>
              {t("workGroup.tab.commentPeriods")}
            </NavLink>
          ) : null}
          {can(role, "history:view") ? (
            <NavLink to={`/work-groups/${workGroup.slug}/history`} className={tab}>
              {t("workGroup.tab.history")}
            </NavLink>
          ) : null}
          {can(role, "work-group:edit") ? (
            <NavLink to={`/work-groups/${workGroup.slug}/settings`} className={tab}>
              {t("workGroup.tab.settings")}
            </NavLink>
          ) : null}
        </nav>
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
