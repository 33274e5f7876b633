import * as oidc from "openid-client";
import type { Logger } from "../../../server/log.ts";
import type {
  SignInPolicy,
  SignInProviderConfig,
} from "../../../server/sign-in-providers-config.ts";
import type { AppContext } from "../../utils/app-context.ts";
import type { SayKey } from "../i18n/en.ts";
import { samePagePath } from "./schema.ts";

/**
 * Sign-in with an organization's OpenID provider: the authorization code flow with PKCE, state
 * and nonce, through openid-client (which checks the ID token: signature against the issuer's
 * keys, issuer, audience, expiry, nonce). The providers are configured by environment
 * (server/sign-in-providers-config.ts); each is discovered once at start, and one that does
 * not answer leaves the others, and password sign-in, working.
 */

/** Seconds a provider has to answer discovery and token requests. */
const PROVIDER_TIMEOUT_SECONDS = 5;
/** A provider that did not answer is asked again on a sign-in, at most this often. */
const RETRY_AFTER_MS = 60_000;
/** How long a sign-in may stay at the provider before its callback is refused. */
export const PENDING_SIGN_IN_MINUTES = 10;

export type ProviderState = "checking" | "ready" | "down";

export type ProviderStatus = {
  id: string;
  label: string;
  issuer: string;
  domains: string[];
  state: ProviderState;
  /** Why discovery failed, for the admin page (the log has it too). */
  problem: string | undefined;
  /** Whether the provider offers its own sign-out (RP-initiated logout). */
  signsOut: boolean;
};

type Entry = {
  config: SignInProviderConfig;
  state: ProviderState;
  problem: string | undefined;
  client: oidc.Configuration | undefined;
  lastTried: number;
  discovering: Promise<oidc.Configuration | undefined> | undefined;
};

export type SignInProviders = {
  policy: SignInPolicy;
  list(): ProviderStatus[];
  /** Settles once every provider answered discovery or failed to. */
  ready: Promise<void>;
  /** The provider's client, asking it again when it was down a while ago; null if it is not. */
  client(id: string): Promise<oidc.Configuration | null>;
  config(id: string): SignInProviderConfig | undefined;
};

export function createSignInProviders(policy: SignInPolicy, log: Logger): SignInProviders {
  const entries = new Map<string, Entry>(
    policy.providers.map((config) => [
      config.id,
      {
        config,
        state: "checking",
        problem: undefined,
        client: undefined,
        lastTried: 0,
        discovering: undefined,
      },
    ]),
  );

  function discover(entry: Entry, first: boolean) {
    entry.lastTried = Date.now();
    const { config } = entry;
    entry.discovering = oidc
      .discovery(new URL(config.issuer), config.clientId, config.clientSecret, undefined, {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        // Non-repudiation: the ID token's signature is checked against the issuer's published
        // keys even though it came straight from the token endpoint, so a token signed by any
        // other key is refused (by default the library would rely on TLS alone).
        execute: [
          oidc.enableNonRepudiationChecks,
          ...(config.insecureLoopback ? [oidc.allowInsecureRequests] : []),
        ],
      })
      .then(
        (client) => {
          client.timeout = PROVIDER_TIMEOUT_SECONDS;
          if (!first) log.info("sign-in provider answers now", { provider: config.id });
          Object.assign(entry, { state: "ready", problem: undefined, client });
          return client;
        },
        (error: unknown) => {
          const problem = describe(error);
          // Logged once, at start: a provider down for a day must not fill the log.
          if (first) {
            log.warn(
              `sign-in provider "${config.id}" did not answer at ${config.issuer}: password sign-in still works`,
              { provider: config.id, problem },
            );
          }
          Object.assign(entry, { state: "down", problem, client: undefined });
          return undefined;
        },
      )
      .finally(() => {
        entry.discovering = undefined;
      });
    return entry.discovering;
  }

  const ready = Promise.all([...entries.values()].map((entry) => discover(entry, true))).then(
    () => undefined,
  );

  return {
    policy,
    ready,
    list: () =>
      [...entries.values()].map((entry) => ({
        id: entry.config.id,
        label: entry.config.label,
        issuer: entry.config.issuer,
        domains: entry.config.domains,
        state: entry.state,
        problem: entry.problem,
        signsOut: Boolean(entry.client?.serverMetadata().end_session_endpoint),
      })),
    config: (id) => entries.get(id)?.config,
    async client(id) {
      const entry = entries.get(id);
      if (!entry) return null;
      if (entry.discovering) return (await entry.discovering) ?? null;
      if (entry.client) return entry.client;
      if (Date.now() - entry.lastTried < RETRY_AFTER_MS) return null;
      return (await discover(entry, false)) ?? null;
    },
  };
}

function describe(error: unknown) {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

/** What the browser keeps (in its signed session cookie) while it is at the provider. */
export type PendingProviderSignIn = {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
  startedAt: number;
};

/** The address the provider sends the browser back to: register it with the provider. */
export function callbackUrl(origin: string, providerId: string) {
  return `${origin}/login/provider/${providerId}/callback`;
}

type Refusal = { ok: false; key: SayKey; values?: Record<string, string> };

/** Starts a sign-in: the provider's authorization URL, and what to keep until the callback. */
export async function beginProviderSignIn(
  ctx: AppContext,
  input: { provider: string; origin: string; redirectTo: string },
): Promise<{ ok: true; url: string; pending: PendingProviderSignIn } | Refusal> {
  const config = ctx.signInProviders.config(input.provider);
  if (!config) return { ok: false, key: "signInProvider.errors.unknown" };
  const client = await ctx.signInProviders.client(input.provider);
  if (!client) {
    return { ok: false, key: "signInProvider.errors.down", values: { provider: config.label } };
  }
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: callbackUrl(input.origin, config.id),
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return {
    ok: true,
    url: url.href,
    pending: {
      provider: config.id,
      state,
      nonce,
      verifier,
      redirectTo: samePagePath(input.redirectTo),
      startedAt: Date.now(),
    },
  };
}

/** Who the provider says signed in: its subject, and an email it vouches for. */
export type ProviderIdentityClaims = {
  provider: string;
  subject: string;
  email: string;
  name: string;
};

/**
 * Finishes a sign-in at the callback: the state must be this browser's, the code is exchanged
 * with its PKCE verifier, and the ID token must carry this browser's nonce (openid-client
 * checks it, with the signature, issuer, audience and expiry). Then the email must be verified
 * and in the provider's allowed domains.
 */
export async function finishProviderSignIn(
  ctx: AppContext,
  input: {
    provider: string;
    origin: string;
    search: string;
    pending: PendingProviderSignIn | undefined;
  },
): Promise<{ ok: true; identity: ProviderIdentityClaims } | Refusal> {
  const config = ctx.signInProviders.config(input.provider);
  if (!config) return { ok: false, key: "signInProvider.errors.unknown" };
  const label = { provider: config.label };
  const { pending } = input;
  if (
    !pending ||
    pending.provider !== config.id ||
    Date.now() - pending.startedAt > PENDING_SIGN_IN_MINUTES * 60_000
  ) {
    return { ok: false, key: "signInProvider.errors.expired", values: label };
  }
  const client = await ctx.signInProviders.client(config.id);
  if (!client) return { ok: false, key: "signInProvider.errors.down", values: label };
  const current = new URL(callbackUrl(input.origin, config.id));
  current.search = input.search;
  if (current.searchParams.get("error") === "access_denied") {
    return { ok: false, key: "signInProvider.errors.cancelled", values: label };
  }
  let claims: oidc.IDToken | undefined;
  let accessToken: string;
  try {
    const tokens = await oidc.authorizationCodeGrant(client, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    accessToken = tokens.access_token;
  } catch (error) {
    ctx.log.warn("sign-in provider's answer refused", {
      provider: config.id,
      problem: describe(error),
    });
    return { ok: false, key: "signInProvider.errors.refused", values: label };
  }
  if (!claims) return { ok: false, key: "signInProvider.errors.refused", values: label };
  // Many providers (and conforming ones whenever an access token is issued) put the profile
  // claims in the userinfo answer only; the subject there must match the ID token's.
  let profile: Record<string, unknown> = claims;
  if (typeof claims.email !== "string") {
    try {
      profile = { ...(await oidc.fetchUserInfo(client, accessToken, claims.sub)), ...claims };
    } catch (error) {
      ctx.log.warn("sign-in provider's userinfo refused", {
        provider: config.id,
        problem: describe(error),
      });
      return { ok: false, key: "signInProvider.errors.refused", values: label };
    }
  }
  const email = typeof profile.email === "string" ? profile.email.trim().toLowerCase() : "";
  if (!email || email.length > 254 || !email.includes("@")) {
    return { ok: false, key: "signInProvider.errors.noEmail", values: label };
  }
  if (profile.email_verified !== true && !config.trustEmail) {
    return { ok: false, key: "signInProvider.errors.unverified", values: { ...label, email } };
  }
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (config.domains.length > 0 && !config.domains.includes(domain)) {
    return { ok: false, key: "signInProvider.errors.domain", values: { ...label, domain } };
  }
  return {
    ok: true,
    identity: {
      provider: config.id,
      subject: claims.sub,
      email,
      name: nameOf(profile, email),
    },
  };
}

function nameOf(profile: Record<string, unknown>, email: string) {
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  const name =
    text(profile.name) ||
    [text(profile.given_name), text(profile.family_name)].filter(Boolean).join(" ") ||
    text(profile.preferred_username) ||
    email.slice(0, email.indexOf("@"));
  return name.slice(0, 100);
}

/**
 * The providers that people at this email's domain must sign in with (OIDC_REQUIRED_DOMAINS),
 * or none: password sign-in, emailed links, resets and sign-ups are closed to them.
 */
export function requiredProviders(ctx: AppContext, email: string): ProviderStatus[] {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  if (!ctx.signInProviders.policy.requiredDomains.includes(domain)) return [];
  return ctx.signInProviders
    .list()
    .filter((p) => p.domains.length === 0 || p.domains.includes(domain));
}

/** The provider's own sign-out page, where it has one, coming back to Convene's sign-in page. */
export async function providerSignOutUrl(ctx: AppContext, providerId: string, origin: string) {
  const client = ctx.signInProviders.list().find((p) => p.id === providerId)?.signsOut
    ? await ctx.signInProviders.client(providerId)
    : null;
  if (!client) return null;
  return oidc.buildEndSessionUrl(client, {
    client_id: client.clientMetadata().client_id,
    post_logout_redirect_uri: `${origin}/login`,
  }).href;
}
