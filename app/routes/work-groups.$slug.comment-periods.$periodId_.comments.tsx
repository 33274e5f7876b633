import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { type ShouldRevalidateFunction, useLoaderData } from "@remix-run/react";
import {
  type DecisionReply,
  ModerationQueue,
} from "../components/comment-period/moderation-queue.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  decideComments,
  decodeCursor,
  getModerationQueue,
} from "../modules/comment-period/moderation.server.ts";
import { decisionSchema, queueFilterSchema } from "../modules/comment-period/schema.ts";
import type { SayKey } from "../modules/i18n/en.ts";
import { signedInLocale } from "../modules/i18n/locale.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { requireMember } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { attempt, refuse, say, sayMessage, sayRefusal } from "../utils/http.server.ts";

export const handle = translated;

export const meta: MetaFunction = ({ matches }) => [
  { title: titleIn(matches, "moderation.title") },
];

/** The filter in the query string; a bad one is refused with what to fix (400). */
function filterOf(url: URL) {
  const parsed = queueFilterSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success)
    throw refuse(400, (parsed.error.issues[0]?.message ?? "moderation.errors.check") as SayKey);
  return parsed.data;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug, "comment:moderate");
  const url = new URL(request.url);
  const after = url.searchParams.get("after");
  const before = url.searchParams.get("before");
  const cursor = after
    ? decodeCursor(after, "after")
    : before
      ? decodeCursor(before, "before")
      : null;
  const filter = filterOf(url);
  const [queue, locale] = await Promise.all([
    getModerationQueue(context, access, params.periodId ?? "", filter, cursor),
    signedInLocale(context, request),
  ]);
  return json({ ...queue, filter, locale });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug, "comment:moderate");
  const locale = await signedInLocale(context, request);
  const form = await readForm(context, request);
  const reply = (status: number, message: string) =>
    json<DecisionReply>({ ok: false, message }, { status });
  if (form.get("intent") !== "decide") return reply(400, say(locale, "moderation.errors.decision"));
  const parsed = parseSubmission(form, decisionSchema);
  if (parsed.status !== "success") {
    const first = Object.values(parsed.error ?? {}).flat()[0];
    return reply(400, sayMessage(locale, first ?? "moderation.errors.check"));
  }
  // "Every matching comment" means the filter the page was showing, carried in its URL.
  const filter = parsed.value.matching ? filterOf(new URL(request.url)) : undefined;
  const done = await attempt(() =>
    decideComments(context, user, access, params.periodId ?? "", { ...parsed.value, filter }),
  );
  if (!done.ok) return reply(done.status, sayRefusal(locale, done));
  const state = say(locale, `moderation.states.${parsed.value.state}`).toLowerCase();
  const { moved, skipped, decisions } = done.value;
  const message = [
    moved ? say(locale, "moderation.done", { count: moved, state }) : null,
    skipped ? say(locale, "moderation.skipped", { count: skipped }) : null,
    !moved && !skipped ? say(locale, "moderation.nothing", { state }) : null,
  ]
    .filter(Boolean)
    .join(" ");
  return json<DecisionReply>({ ok: true, message, decisions });
}

/**
 * A decision on one comment changes it in place (and the live document tells the other
 * pages): reloading the list would move it under the moderator. A decision on every matching
 * comment reloads it.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  actionResult,
  defaultShouldRevalidate,
}) => {
  if (formData?.get("intent") === "decide" && !formData.get("matching"))
    return !(actionResult as DecisionReply | undefined)?.ok && defaultShouldRevalidate;
  return defaultShouldRevalidate;
};

export default function CommentsPage() {
  const data = useLoaderData<typeof loader>();
  return <ModerationQueue data={data} />;
}
