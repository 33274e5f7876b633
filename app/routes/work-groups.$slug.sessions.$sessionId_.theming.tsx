import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ThemingBoard } from "../components/theming/theming-board.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { boardColumns } from "../modules/board/knoster.ts";
import { themingCommandSchema, themingFields } from "../modules/theming/schema.ts";
import { suggestForSession } from "../modules/theming/suggestions.server.ts";
import { getThemingPage, runThemingCommand } from "../modules/theming/theming.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { attempt } from "../utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Themes: ${data.session.title} · Convene` : "Themes · Convene" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const page = await getThemingPage(context, access, params.sessionId ?? "");
  return json({
    ...page,
    slug: access.workGroup.slug,
    columns: boardColumns(true),
  });
}

/** What every theming action answers; "suggest" also carries the suggested themes. */
export type ThemingReply = {
  ok: boolean;
  intent: string;
  message: string;
  suggestions?: { label: string; ideaIds: string[] }[];
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const form = await readForm(context, request);
  const sessionId = params.sessionId ?? "";
  const intent = String(form.get("intent") ?? "");
  if (intent === "suggest") {
    const suggested = await attempt(() => suggestForSession(context, access, sessionId));
    if (!suggested.ok) {
      return json<ThemingReply>(
        { ok: false, intent, message: suggested.message },
        suggested.status,
      );
    }
    const { suggestions, by } = suggested.value;
    const message =
      suggestions.length === 0
        ? "Every idea is already in a theme: there is nothing to suggest."
        : `${suggestions.length === 1 ? "1 suggested theme" : `${suggestions.length} suggested themes`}, grouped by ${by}. Accept, edit or reject each one; nothing changes until you accept.`;
    return json<ThemingReply>({ ok: true, intent, message, suggestions });
  }
  const parsed = themingCommandSchema.safeParse(themingFields(form));
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Check the form.";
    return json<ThemingReply>({ ok: false, intent, message }, 400);
  }
  const done = await attempt(() =>
    runThemingCommand(context, user, access, sessionId, parsed.data),
  );
  if (!done.ok)
    return json<ThemingReply>({ ok: false, intent, message: done.message }, done.status);
  return json<ThemingReply>({ ok: true, intent, message: done.value.message });
}

export default function ThemingPage() {
  const data = useLoaderData<typeof loader>();
  return <ThemingBoard {...data} />;
}
