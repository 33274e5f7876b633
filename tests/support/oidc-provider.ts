import { createHash } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import Provider from "oidc-provider";

/** A person with an account at the test provider. */
export type IdpAccount = { sub: string; email: string; name: string; emailVerified: boolean };

/**
 * What the token endpoint's ID token becomes before it leaves, for tests of what Convene must
 * refuse: the claims changed, or signed by a key the issuer never published.
 */
export type Tamper = {
  claims?: (claims: JWTPayload) => JWTPayload;
  otherKey?: boolean;
};

export const IDP_CLIENT_ID = "convene";
export const IDP_CLIENT_SECRET = "convene-test-secret-0123456789abcdef";
const KID = "idp-key";

export function idpAccountFor(email: string, name = "Ivy Provider"): IdpAccount {
  const sub = `sub-${createHash("sha256").update(email).digest("hex").slice(0, 16)}`;
  return { sub, email, name, emailVerified: true };
}

/**
 * A real OpenID provider (oidc-provider, the certified Node implementation) on a free port of
 * "localhost", so its cookies never mix with the app's on 127.0.0.1. Its sign-in page is a
 * form with the email to sign in as (a test says who); accounts are made as they sign in.
 */
export async function startIdp(app: { callback: string; postLogout: string }) {
  const accounts = new Map<string, IdpAccount>();
  let tamper: Tamper | undefined;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const other = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(privateKey)), kid: KID, alg: "RS256", use: "sig" };

  // The issuer names its port, so the server listens before the provider exists.
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  server.listen(0, "localhost");
  await once(server, "listening");
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: IDP_CLIENT_ID,
        client_secret: IDP_CLIENT_SECRET,
        redirect_uris: [app.callback],
        post_logout_redirect_uris: [app.postLogout],
        token_endpoint_auth_method: "client_secret_post",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["idp-cookie-secret-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = [...accounts.values()].find((a) => a.sub === sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
        }),
      };
    },
  });

  // The sign-in page: GET shows the form, POST signs in as the email given and consents.
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(ctx.path);
    if (!match) {
      await next();
      if (ctx.path === "/token" && tamper && ctx.body && typeof ctx.body === "object") {
        const body = ctx.body as Record<string, unknown>;
        if (typeof body.id_token === "string") {
          const claims = tamper.claims
            ? tamper.claims(decodeJwt(body.id_token))
            : decodeJwt(body.id_token);
          body.id_token = await new SignJWT(claims)
            .setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" })
            .sign(tamper.otherKey ? other.privateKey : privateKey);
        }
      }
      return;
    }
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === "GET") {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="en"><head><title>Test provider</title></head><body><main><h1>Test provider</h1><form method="post" action="/interaction/${details.uid}"><label>Email <input name="email" type="email" required></label><label>Name <input name="name"></label><button type="submit">Sign in at the provider</button></form></main></body></html>`;
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const email = form.get("email") ?? "";
    const account = accounts.get(email) ?? idpAccountFor(email, form.get("name") || undefined);
    accounts.set(email, account);
    const grant = new provider.Grant({
      accountId: account.sub,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope("openid email profile");
    const grantId = await grant.save();
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId: account.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    ctx.respond = false;
  });
  handler = provider.callback();

  return {
    issuer,
    accounts,
    /** Changes the next ID tokens (until set back to undefined). */
    tamper(how: Tamper | undefined) {
      tamper = how;
    },
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

export type TestIdp = Awaited<ReturnType<typeof startIdp>>;

/** The environment that sets the test provider up in Convene, as "idp". */
export function idpEnv(issuer: string, extra: Record<string, string> = {}) {
  return {
    OIDC_PROVIDERS: "idp",
    OIDC_IDP_ISSUER: issuer,
    OIDC_IDP_CLIENT_ID: IDP_CLIENT_ID,
    OIDC_IDP_CLIENT_SECRET: IDP_CLIENT_SECRET,
    OIDC_IDP_LABEL: "Test Agency",
    ...extra,
  };
}

/** A free port on 127.0.0.1, for an app whose address must be known before it starts. */
export async function freePort() {
  const probe = http.createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}
