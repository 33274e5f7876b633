import type {
  ActionFunctionArgs,
  AppLoadContext,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GuestJoinForm } from "../components/session/guest-join-form.tsx";
import { JoinForm } from "../components/session/join-form.tsx";
import { Heading, TextLink } from "../components/ui/index.ts";
import { getPerson, readForm } from "../modules/auth/auth-session.server.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { guestJoinSchema } from "../modules/session/guest-schema.ts";
import {
  guestJoinOptions,
  joinAsGuest,
  mayEnterSession,
} from "../modules/session/guests.server.ts";
import { participantBoardPath, sessionByJoinCode } from "../modules/session/join-code.server.ts";
import { joinPath, readJoinCode } from "../modules/session/join-code.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { clientAddress } from "../utils/request.server.ts";

export const handle = translated;

export const meta: MetaFunction = ({ matches }) => [{ title: titleIn(matches, "join.title") }];

/** A paused address is told when to come back on the page too, not only in its data. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

type Problem =
  | { kind: "invalid" }
  | { kind: "unknown" }
  | { kind: "paused"; seconds: number }
  | { kind: "not-member"; session: string; workGroup: string };

/** The session a valid, known code names, or the answer to give instead. */
async function sessionOfCode(context: AppLoadContext, request: Request, typedCode?: string) {
  const code = readJoinCode(typedCode);
  const typed = (typedCode ?? "").slice(0, 12);
  const answer = (status: number, problem: Problem, headers?: HeadersInit) =>
    json({ typed, problem, guest: null }, { status, headers });
  if (!code) return { answer: answer(404, { kind: "invalid" }) };
  const address = clientAddress(request);
  const paused = await context.limiters.joinCode.pausedFor(address);
  if (paused > 0)
    return {
      answer: answer(429, { kind: "paused", seconds: paused }, { "Retry-After": String(paused) }),
    };
  const session = await sessionByJoinCode(context, code);
  if (!session) {
    await context.limiters.joinCode.missed(address);
    return { answer: answer(404, { kind: "unknown" }) };
  }
  return { code, session, typed, answer };
}

/**
 * A join link or a typed code. A member goes straight to their own board (signing in first if
 * needed, and coming back here); where the facilitator lets guests in, someone without an
 * account chooses their group and region here and joins; anyone else is told why not, beside
 * the code field.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const found = await sessionOfCode(context, request, params.code);
  if (!found.session) return found.answer;
  const { session, code, typed, answer } = found;
  const person = await getPerson(context, request);
  if (person && (await mayEnterSession(context, session, person))) {
    throw redirect(await participantBoardPath(context, session, person.id));
  }
  if (person && !person.guest) {
    return answer(403, {
      kind: "not-member",
      session: session.title,
      workGroup: session.workGroup.name,
    });
  }
  if (!session.guestsAllowed) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(joinPath(code))}`);
  }
  return json({
    typed,
    problem: null,
    guest: {
      session: session.title,
      workGroup: session.workGroup.name,
      signIn: `/login?redirectTo=${encodeURIComponent(joinPath(code))}`,
      ...(await guestJoinOptions(context, session.workGroup.id)),
    },
  });
}

/** The guest form: join this session without an account. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const found = await sessionOfCode(context, request, params.code);
  if (!found.session) return found.answer;
  const { session } = found;
  const form = await readForm(context, request);
  const options = await guestJoinOptions(context, session.workGroup.id);
  const submission = parseSubmission(
    form,
    guestJoinSchema({
      named: options.named,
      groups: options.groups.length,
      regions: options.regions.length,
    }),
  );
  if (submission.status !== "success") {
    return json({ result: submission.reply(), refusal: null }, { status: 400 });
  }
  const joined = await joinAsGuest(
    context,
    request,
    { id: session.id, workGroupId: session.workGroup.id },
    submission.value,
    options,
  );
  if (!joined.ok) {
    return json(
      { result: submission.reply(), refusal: joined.refusal },
      {
        status: joined.status,
        headers:
          joined.refusal.key === "guest.slowDown"
            ? { "Retry-After": String(joined.refusal.seconds) }
            : undefined,
      },
    );
  }
  throw redirect(await participantBoardPath(context, session, joined.userId), {
    headers: { "Set-Cookie": joined.setCookie },
  });
}

export default function JoinWithCode() {
  const { typed, problem, guest } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const { t } = useTranslation();
  if (guest) {
    const refusal = sent && "refusal" in sent && sent.refusal ? sent.refusal : null;
    return (
      <>
        <Heading level={1}>{guest.session}</Heading>
        <p className="mt-2 text-subheading text-ink">
          {t("guest.intro", { workGroup: guest.workGroup })}
        </p>
        <GuestJoinForm
          named={guest.named}
          groups={guest.groups}
          regions={guest.regions}
          lastResult={sent && "result" in sent ? sent.result : null}
          refusal={refusal ? t(refusal.key, refusal) : null}
        />
        <p className="mt-6">
          {t("guest.member")} <TextLink href={guest.signIn}>{t("guest.signIn")}</TextLink>
        </p>
      </>
    );
  }
  const shown = sent && "problem" in sent ? sent.problem : problem;
  const error = !shown
    ? null
    : shown.kind === "invalid"
      ? t("join.invalid")
      : shown.kind === "unknown"
        ? t("join.unknown")
        : shown.kind === "paused"
          ? t("join.paused", { seconds: shown.seconds })
          : t("join.notMember", { session: shown.session, workGroup: shown.workGroup });
  return (
    <>
      <Heading level={1}>{t("join.title")}</Heading>
      <JoinForm code={typed} error={error} />
    </>
  );
}
