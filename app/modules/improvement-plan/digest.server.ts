import type { AppContext } from "../../utils/app-context.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";
import { i18nFor, type Locale } from "../i18n/i18n.ts";
import { planFormats } from "./format.ts";
import { dueDateOf, isOverdue, isoWeekOf } from "./monitoring.ts";

/**
 * The weekly digest: each person responsible for action steps gets one email a week listing
 * exactly their overdue steps, in their own language. People with none get nothing; nobody
 * gets one without SMTP (the log would fill with a copy of every digest every week).
 */

/** How often the server looks whether this week's digests are out: restarts lose at most this. */
export const DIGEST_CHECK_EVERY_MS = 60 * 60_000;
/**
 * The first look waits a little after start, so a crash loop does not hammer the mail server
 * and a quick test server never sends one.
 */
export const DIGEST_FIRST_CHECK_MS = 5 * 60_000;

export type DigestSent = { to: string; steps: string[] };

/**
 * Sends this week's digests (the ISO week of `now`). Each person's is claimed in the database
 * before it is sent, so a restart or a second server process never sends one twice; a send that
 * fails gives its claim back, for the next look to try again.
 */
export async function sendOverdueDigests(
  ctx: AppContext,
  now: Date,
): Promise<{ week: string; sent: DigestSent[] }> {
  const week = isoWeekOf(now);
  if (!ctx.config.smtp) return { week, sent: [] };
  const today = now.toISOString().slice(0, 10);
  // Open steps with someone responsible; which are overdue is the pure rule's to say.
  const open = await ctx.db.planStep.findMany({
    where: { status: { not: "done" }, ownerUserId: { not: null } },
    orderBy: [{ goal: { planId: "asc" } }, { goal: { position: "asc" } }, { position: "asc" }],
    select: {
      id: true,
      horizon: true,
      description: true,
      startsOn: true,
      dueOn: true,
      status: true,
      ownerUserId: true,
      goal: {
        select: {
          id: true,
          title: true,
          plan: {
            select: {
              id: true,
              name: true,
              workGroup: {
                select: { slug: true, memberships: { select: { userId: true } } },
              },
            },
          },
        },
      },
    },
  });
  const byOwner = new Map<string, typeof open>();
  for (const step of open) {
    if (!isOverdue(step, today)) continue;
    // Someone who has left the planning team is no longer responsible: not mailed.
    const owner = step.ownerUserId!;
    if (!step.goal.plan.workGroup.memberships.some((m) => m.userId === owner)) continue;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), step]);
  }
  if (byOwner.size === 0) return { week, sent: [] };
  const people = await ctx.db.user.findMany({
    where: { id: { in: [...byOwner.keys()] } },
    select: { id: true, email: true, name: true, locale: true },
  });
  const sent: DigestSent[] = [];
  for (const person of people) {
    const steps = byOwner.get(person.id)!;
    try {
      await ctx.db.stepDigest.create({
        data: { userId: person.id, week },
        select: { id: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) continue; // already sent this week
      throw error;
    }
    const locale: Locale = person.locale === "es" ? "es" : "en";
    const message = digestMessage(ctx, locale, person.name, steps, today);
    try {
      await ctx.mailer.send({ to: person.email, ...message });
      sent.push({ to: person.email, steps: steps.map((s) => s.id) });
    } catch (error) {
      await ctx.db.stepDigest.deleteMany({ where: { userId: person.id, week } });
      ctx.log.warn("overdue steps digest: the email could not be sent", {
        userId: person.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }
  return { week, sent };
}

type DigestStep = {
  id: string;
  horizon: string;
  description: string;
  startsOn: string | null;
  dueOn: string | null;
  goal: {
    id: string;
    title: string;
    plan: { id: string; name: string; workGroup: { slug: string } };
  };
};

function digestMessage(
  ctx: AppContext,
  locale: Locale,
  name: string,
  steps: DigestStep[],
  today: string,
) {
  const { t } = i18nFor(locale);
  const f = planFormats(locale);
  const lines = steps.map((step) => {
    const line = t("email.overdueSteps.step", {
      description: step.description,
      goal: step.goal.title,
      plan: step.goal.plan.name,
      due: f.date(dueDateOf(step) ?? today),
    });
    // A link only where the server knows its public address (APP_URL).
    const link = ctx.config.appUrl
      ? `\n  ${ctx.config.appUrl}/work-groups/${step.goal.plan.workGroup.slug}/plans/${step.goal.plan.id}/goals/${step.goal.id}`
      : "";
    return `- ${line}${link}`;
  });
  return {
    subject: t("email.overdueSteps.subject", { count: steps.length }),
    text: t("email.overdueSteps.text", {
      name,
      count: steps.length,
      steps: lines.join("\n"),
    }),
  };
}

/**
 * Looks every hour whether this week's digests are out, from the server process. The digest
 * itself decides who still needs one, so looking often is cheap and restarts are safe.
 */
export function scheduleOverdueDigests(ctx: AppContext, clock: () => Date = () => new Date()) {
  let running: Promise<unknown> | null = null;
  const look = () => {
    if (running) return;
    running = sendOverdueDigests(ctx, clock())
      .catch((error) =>
        ctx.log.error("overdue steps digest failed", {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
      )
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(look, DIGEST_FIRST_CHECK_MS);
  const every = setInterval(look, DIGEST_CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
