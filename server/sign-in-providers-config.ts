/**
 * The organizations' OpenID providers (Entra ID, Google Workspace, Okta, Keycloak), read from
 * the environment with the rest of the configuration (config.ts):
 *
 *   OIDC_PROVIDERS=entra,keycloak            the providers, by short names of your choosing
 *   OIDC_ENTRA_ISSUER=https://login.microsoftonline.com/<tenant>/v2.0
 *   OIDC_ENTRA_CLIENT_ID=…  OIDC_ENTRA_CLIENT_SECRET=…
 *   OIDC_ENTRA_LABEL=State Department of Education   (the button says "Sign in with …")
 *   OIDC_ENTRA_DOMAINS=ed.state.gov,schools.state.gov (only these email domains; empty: any)
 *   OIDC_ENTRA_TRUST_EMAIL=true    for issuers that send no email_verified claim (Entra ID):
 *                                  only with DOMAINS, whose addresses the tenant owns
 *   OIDC_REQUIRED_DOMAINS=ed.state.gov  people at these domains must sign in with a provider
 *
 * Every problem is reported by the variable's name, so a typo stops the server with a message
 * saying what to fix (exit code 78) instead of a sign-in button that fails later.
 */

export type SignInProviderConfig = {
  /** The short name from OIDC_PROVIDERS: in the callback path and the audit log. */
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the provider is, as the organization calls itself: "Sign in with {label}". */
  label: string;
  /** Lower-case email domains allowed through this provider; empty allows any. */
  domains: string[];
  /** Accept the provider's email without an email_verified claim (see above). */
  trustEmail: boolean;
  /** http:// is allowed only for a provider on this machine (a test or a local Keycloak). */
  insecureLoopback: boolean;
};

export type SignInPolicy = {
  providers: SignInProviderConfig[];
  /** Lower-case domains whose people may not use a password or an emailed link. */
  requiredDomains: string[];
};

const PROVIDER_ID = /^[a-z][a-z0-9]{0,19}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const envName = (id: string, what: string) => `OIDC_${id.toUpperCase()}_${what}`;

function list(value: string | undefined) {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
}

/** The sign-in providers and policy, or the problems found, each naming its variable. */
export function parseSignInProviders(env: Record<string, string | undefined>): {
  policy: SignInPolicy;
  problems: string[];
} {
  const problems: string[] = [];
  const ids = list(env.OIDC_PROVIDERS);
  const providers: SignInProviderConfig[] = [];
  for (const id of ids) {
    // "required" would read OIDC_REQUIRED_DOMAINS as the provider's domains.
    if (!PROVIDER_ID.test(id) || id === "required") {
      problems.push(
        `OIDC_PROVIDERS: "${id}" is not a usable name (a letter, then up to 19 letters or digits)`,
      );
      continue;
    }
    if (providers.some((p) => p.id === id)) {
      problems.push(`OIDC_PROVIDERS: "${id}" is named twice`);
      continue;
    }
    const read = (what: string) => env[envName(id, what)]?.trim() ?? "";
    const missing = ["ISSUER", "CLIENT_ID", "CLIENT_SECRET"].filter((what) => !read(what));
    for (const what of missing) {
      problems.push(`${envName(id, what)}: required for the provider "${id}" in OIDC_PROVIDERS`);
    }
    const issuer = read("ISSUER");
    let insecureLoopback = false;
    if (issuer) {
      let url: URL | undefined;
      try {
        url = new URL(issuer);
      } catch {
        problems.push(`${envName(id, "ISSUER")}: "${issuer}" is not a URL`);
      }
      if (url && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) {
        insecureLoopback = true;
      } else if (url && url.protocol !== "https:") {
        problems.push(
          `${envName(id, "ISSUER")}: must start with https:// (http:// only for localhost)`,
        );
      }
    }
    const domains = list(read("DOMAINS"));
    for (const domain of domains.filter((d) => !DOMAIN.test(d))) {
      problems.push(`${envName(id, "DOMAINS")}: "${domain}" is not an email domain`);
    }
    const trust = read("TRUST_EMAIL").toLowerCase();
    if (trust && trust !== "true" && trust !== "false") {
      problems.push(`${envName(id, "TRUST_EMAIL")}: must be true or false`);
    }
    // Without a domain list, trusting unverified emails would let anyone with an account at a
    // multi-tenant provider claim any address, and with it any Convene account.
    if (trust === "true" && domains.length === 0) {
      problems.push(
        `${envName(id, "TRUST_EMAIL")}: only with ${envName(id, "DOMAINS")} (the domains its tenant owns)`,
      );
    }
    const label = read("LABEL") || id;
    if (label.length > 60) problems.push(`${envName(id, "LABEL")}: at most 60 characters`);
    if (missing.length === 0) {
      providers.push({
        id,
        issuer,
        clientId: read("CLIENT_ID"),
        clientSecret: read("CLIENT_SECRET"),
        label,
        domains,
        trustEmail: trust === "true",
        insecureLoopback,
      });
    }
  }
  // A setting for a provider that OIDC_PROVIDERS does not name is a typo, not a wish.
  for (const key of Object.keys(env)) {
    const match =
      /^OIDC_([A-Z0-9]+)_(ISSUER|CLIENT_ID|CLIENT_SECRET|LABEL|DOMAINS|TRUST_EMAIL)$/.exec(key);
    if (match && key !== "OIDC_REQUIRED_DOMAINS" && !ids.includes(match[1]!.toLowerCase())) {
      problems.push(`${key}: "${match[1]!.toLowerCase()}" is not in OIDC_PROVIDERS`);
    }
  }
  const requiredDomains = list(env.OIDC_REQUIRED_DOMAINS);
  for (const domain of requiredDomains) {
    if (!DOMAIN.test(domain)) {
      problems.push(`OIDC_REQUIRED_DOMAINS: "${domain}" is not an email domain`);
    } else if (!providers.some((p) => p.domains.length === 0 || p.domains.includes(domain))) {
      // Nobody at the domain could sign in at all.
      problems.push(
        `OIDC_REQUIRED_DOMAINS: no provider in OIDC_PROVIDERS lets people at "${domain}" sign in`,
      );
    }
  }
  return { policy: { providers, requiredDomains }, problems };
}
