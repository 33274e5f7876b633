import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JoinForm } from "../components/session/join-form.tsx";
import { getUser } from "../modules/auth/auth-session.server.ts";
import { participantBoardPath, sessionByJoinCode } from "../modules/session/join-code.server.ts";
import { joinPath, readJoinCode } from "../modules/session/join-code.ts";
import { clientAddress } from "../utils/request.server.ts";

export const meta: MetaFunction = () => [{ title: "Join a session · Convene" }];

/** A paused address is told when to come back on the page too, not only in its data. */
export const headers: HeadersFunction = ({ loaderHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

type Problem =
  | { kind: "invalid" }
  | { kind: "unknown" }
  | { kind: "paused"; seconds: number }
  | { kind: "not-member"; session: string; workGroup: string };

/**
 * A join link or a typed code. A member goes straight to their own board (signing in first if
 * needed, and coming back here); anyone else is told why not, beside the code field.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = readJoinCode(params.code);
  const answer = (status: number, problem: Problem, headers?: HeadersInit) =>
    json({ typed: (params.code ?? "").slice(0, 12), problem }, { status, headers });
  if (!code) return answer(404, { kind: "invalid" });
  const address = clientAddress(request);
  const paused = await context.limiters.joinCode.pausedFor(address);
  if (paused > 0)
    return answer(429, { kind: "paused", seconds: paused }, { "Retry-After": String(paused) });
  const session = await sessionByJoinCode(context, code);
  if (!session) {
    await context.limiters.joinCode.missed(address);
    return answer(404, { kind: "unknown" });
  }
  const user = await getUser(context, request);
  if (!user) throw redirect(`/login?redirectTo=${encodeURIComponent(joinPath(code))}`);
  const member = await context.db.membership.count({
    where: { workGroupId: session.workGroup.id, userId: user.id },
  });
  if (member === 0) {
    return answer(403, {
      kind: "not-member",
      session: session.title,
      workGroup: session.workGroup.name,
    });
  }
  throw redirect(await participantBoardPath(context, session, user.id));
}

export default function JoinWithCode() {
  const { typed, problem } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const error =
    problem.kind === "invalid"
      ? t("join.invalid")
      : problem.kind === "unknown"
        ? t("join.unknown")
        : problem.kind === "paused"
          ? t("join.paused", { seconds: problem.seconds })
          : t("join.notMember", { session: problem.session, workGroup: problem.workGroup });
  return (
    <>
      <h1 className="text-3xl font-bold">{t("join.title")}</h1>
      <JoinForm code={typed} error={error} />
    </>
  );
}
