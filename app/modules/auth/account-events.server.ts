import type { AppContext } from "../../utils/app-context.ts";

/**
 * The instance's audit log of account events (AccountEvent): who signed in, by which way in
 * and through which provider; accounts made from a provider; provider accounts linked.
 */

export type AccountMethod = "password" | "email_link" | "provider";

/** One line of the instance's audit log (AccountEvent). */
export async function recordAccountEvent(
  ctx: AppContext,
  event: {
    kind: "signed_in" | "account_created" | "provider_linked";
    method: AccountMethod;
    userId: string;
    provider?: string;
  },
) {
  await ctx.db.accountEvent.create({ data: { ...event, provider: event.provider ?? null } });
}

/** For the admin page: sign-ins by provider (and by the other ways in) over the last 30 days. */
export async function signInsByWay(ctx: AppContext, days = 30) {
  const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const rows = await ctx.db.accountEvent.groupBy({
    by: ["method", "provider"],
    where: { kind: { in: ["signed_in", "account_created"] }, createdAt: { gte: since } },
    _count: { _all: true },
  });
  return rows.map((row) => ({
    method: row.method as AccountMethod,
    provider: row.provider,
    count: row._count._all,
  }));
}

/** The newest lines of the audit log, with who. */
export function recentAccountEvents(ctx: AppContext, take = 20) {
  return ctx.db.accountEvent.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      method: true,
      provider: true,
      createdAt: true,
      user: { select: { name: true, email: true } },
    },
  });
}
