import type { AppContext } from "../../utils/app-context.ts";
import { isUniqueViolation } from "../../utils/db-errors.ts";
import { type AccountMethod, recordAccountEvent } from "./account-events.server.ts";
import { newAccount } from "./accounts.server.ts";
import type { ProviderIdentityClaims } from "./sign-in-providers.server.ts";

/**
 * Convene accounts for people who sign in with their organization's provider. The provider's
 * subject identifier says who someone is; an email says which Convene account they may claim,
 * and only once its owner confirms (a password or an emailed link), since whoever controls a
 * provider account with that address would otherwise take over an account made before.
 * Invites, not the provider, decide membership and roles.
 */

/** How long a provider sign-in waits for its owner to confirm the existing account. */
export const PENDING_LINK_MINUTES = 15;

/** A provider account waiting, in this browser's signed session, to be linked once confirmed. */
export type PendingProviderLink = ProviderIdentityClaims & {
  userId: string;
  expiresAt: number;
  /** Where the person was going when they signed in. */
  redirectTo?: string;
};

export type ProviderAccountResult =
  | { kind: "signed-in"; userId: string; created: boolean }
  | { kind: "confirm"; link: PendingProviderLink };

export async function accountForProviderIdentity(
  ctx: AppContext,
  identity: ProviderIdentityClaims,
): Promise<ProviderAccountResult> {
  const known = await ctx.db.providerIdentity.findUnique({
    where: { provider_subject: { provider: identity.provider, subject: identity.subject } },
    select: { id: true, userId: true },
  });
  if (known) {
    await ctx.db.providerIdentity.update({
      where: { id: known.id },
      data: { lastSignInAt: new Date(), email: identity.email },
    });
    await recordAccountEvent(ctx, {
      kind: "signed_in",
      method: "provider",
      userId: known.userId,
      provider: identity.provider,
    });
    return { kind: "signed-in", userId: known.userId, created: false };
  }
  const existing = await existingAccount(ctx, identity.email);
  if (existing) return { kind: "confirm", link: pendingLink(identity, existing.id) };
  try {
    const user = await newAccount(ctx, { name: identity.name, email: identity.email }, (tx, id) =>
      tx.providerIdentity.create({
        data: {
          provider: identity.provider,
          subject: identity.subject,
          userId: id,
          email: identity.email,
        },
      }),
    );
    await recordAccountEvent(ctx, {
      kind: "account_created",
      method: "provider",
      userId: user.id,
      provider: identity.provider,
    });
    return { kind: "signed-in", userId: user.id, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two first sign-ins at once, or an account made with this email meanwhile: the one
    // that exists now is the one to confirm.
    const raced = await existingAccount(ctx, identity.email);
    if (!raced) throw error;
    return { kind: "confirm", link: pendingLink(identity, raced.id) };
  }
}

function existingAccount(ctx: AppContext, email: string) {
  // Guests have made-up addresses and no way in but their session: never linked.
  return ctx.db.user.findFirst({ where: { email, guest: false }, select: { id: true } });
}

function pendingLink(identity: ProviderIdentityClaims, userId: string): PendingProviderLink {
  return { ...identity, userId, expiresAt: Date.now() + PENDING_LINK_MINUTES * 60_000 };
}

/** The pending link if it is still good and for this account. */
export function usablePendingLink(
  link: PendingProviderLink | undefined,
  userId?: string,
): PendingProviderLink | undefined {
  if (!link || link.expiresAt < Date.now()) return undefined;
  if (userId !== undefined && link.userId !== userId) return undefined;
  return link;
}

/**
 * The owner confirmed (by `method`): the provider account is linked and signs in to this
 * account from now on. A subject linked meanwhile (another browser) is left as it is.
 */
export async function linkProviderIdentity(
  ctx: AppContext,
  link: PendingProviderLink,
  method: AccountMethod,
) {
  try {
    await ctx.db.providerIdentity.create({
      data: {
        provider: link.provider,
        subject: link.subject,
        userId: link.userId,
        email: link.email,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return;
  }
  await recordAccountEvent(ctx, {
    kind: "provider_linked",
    method,
    userId: link.userId,
    provider: link.provider,
  });
}

/** The providers an account signs in with, for the account page. */
export function providerIdentitiesOf(ctx: AppContext, userId: string) {
  return ctx.db.providerIdentity.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { provider: true, email: true, lastSignInAt: true },
  });
}
