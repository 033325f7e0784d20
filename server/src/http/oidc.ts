// Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce) through
// the certified `openid-client`. The flow's secrets wait in a short-lived HttpOnly cookie, so any
// of several app servers can finish a sign-in another one started.
import * as client from "openid-client";
import type { Logger } from "../logger.ts";

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  publicUrl: string;
}

export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
}

export interface OidcClient {
  /** Where to send the browser, and what to remember until it comes back. */
  start(): Promise<{ url: string; flow: OidcFlow }>;
  /** The verified ID token's claims for the callback URL the browser came back to. */
  finish(callbackUrl: URL, flow: OidcFlow): Promise<{ issuer: string; subject: string; email?: string; emailVerified?: boolean; name?: string }>;
}

export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";

export function createOidcClient(options: OidcOptions, logger: Logger): OidcClient {
  const redirectUri = new URL(OIDC_CALLBACK_PATH, options.publicUrl).href;
  let config: Promise<client.Configuration> | undefined;
  const configuration = () => {
    // Discovered on first use (and again after a failure), so Keel starts while the provider is down.
    config ??= client
      .discovery(
        new URL(options.issuer),
        options.clientId,
        options.clientSecret,
        options.clientSecret ? undefined : client.None(),
        // Plain http only for a provider on this machine (development and tests).
        options.issuer.startsWith("http://") ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        config = undefined;
        logger.error({ err: error, issuer: options.issuer }, "OpenID provider discovery failed");
        throw error;
      });
    return config;
  };
  return {
    async start() {
      const flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: "openid email profile",
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: "S256",
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url: url.href, flow };
    },
    async finish(callbackUrl, flow) {
      const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error("the provider returned no ID token");
      // Many providers put only the subject in the ID token and the e-mail and name in UserInfo.
      const userInfo = typeof idToken.email === "string" ? {} : await client.fetchUserInfo(await configuration(), tokens.access_token, idToken.sub);
      const claims: Record<string, unknown> = { ...userInfo, ...idToken };
      return {
        issuer: idToken.iss,
        subject: idToken.sub,
        ...(typeof claims.email === "string" ? { email: claims.email } : {}),
        ...(typeof claims.email_verified === "boolean" ? { emailVerified: claims.email_verified } : {}),
        ...(typeof claims.name === "string" ? { name: claims.name } : {}),
      };
    },
  };
}
