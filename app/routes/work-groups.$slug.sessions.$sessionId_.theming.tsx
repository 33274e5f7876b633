import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ThemingBoard } from "../components/theming/theming-board.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { themingCommandSchema, themingFields } from "../modules/theming/schema.ts";
import { suggestForSession } from "../modules/theming/suggestions.server.ts";
import {
  getThemingPage,
  runThemingCommand,
  type Said,
  WRITTEN_VALUES,
} from "../modules/theming/theming.server.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { attempt, type SaidValues, say, sayMessage, sayRefusal } from "../utils/http.server.ts";

export const handle = translated;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? titleIn(matches, "theming.title", { title: data.session.title })
      : titleIn(matches, "theming.titleShort"),
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const page = await getThemingPage(context, access, params.sessionId ?? "");
  return json({ ...page, slug: access.workGroup.slug });
}

/** What every theming action answers; "suggest" also carries the suggested themes. */
export type ThemingReply = {
  ok: boolean;
  intent: string;
  /** What happened, or why not, in the reader's language. */
  message: string;
  /** Text people wrote that the message quotes (theme names), for the page to mark as such. */
  written?: string[];
  suggestions?: { label: string; ideaIds: string[] }[];
};

/** The values of messages that are text people wrote, as the page marks them (StaffWithin). */
function writtenIn(values: (SaidValues | undefined)[]) {
  return values.flatMap((v) =>
    WRITTEN_VALUES.flatMap((name) => (typeof v?.[name] === "string" ? [v[name] as string] : [])),
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const locale = await signedInLocale(context, request);
  const form = await readForm(context, request);
  const sessionId = params.sessionId ?? "";
  const intent = String(form.get("intent") ?? "");
  if (intent === "suggest") {
    const suggested = await attempt(() => suggestForSession(context, access, sessionId));
    if (!suggested.ok) {
      return json<ThemingReply>(
        { ok: false, intent, message: sayRefusal(locale, suggested) },
        suggested.status,
      );
    }
    const { suggestions, model } = suggested.value;
    const by = model
      ? say(locale, "theming.suggested.byModel", { model: model.name, host: model.host })
      : say(locale, "theming.suggested.byWords");
    const message =
      suggestions.length === 0
        ? say(locale, "theming.suggested.none")
        : say(locale, "theming.suggested.found", { count: suggestions.length, by });
    return json<ThemingReply>({ ok: true, intent, message, suggestions });
  }
  const parsed = themingCommandSchema.safeParse(themingFields(form));
  if (!parsed.success) {
    const message = sayMessage(locale, parsed.error.issues[0]?.message ?? "theming.errors.check");
    return json<ThemingReply>({ ok: false, intent, message }, 400);
  }
  const done = await attempt(() =>
    runThemingCommand(context, user, access, sessionId, parsed.data),
  );
  if (!done.ok) {
    const message = sayRefusal(locale, done);
    return json<ThemingReply>(
      { ok: false, intent, message, written: writtenIn([done.values]) },
      done.status,
    );
  }
  // The sentences of what was done, in the reader's language (history keeps them in English).
  const said: Said[] = done.value.said;
  const message = said.map((s) => say(locale, s.key, s.values)).join(". ");
  return json<ThemingReply>({
    ok: true,
    intent,
    message,
    written: writtenIn(said.map((s) => s.values)),
  });
}

export default function ThemingPage() {
  const data = useLoaderData<typeof loader>();
  return <ThemingBoard {...data} />;
}
