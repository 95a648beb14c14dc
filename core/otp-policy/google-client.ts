import * as oidc from 'openid-client';
import { config } from '../config/index.js';

/** What the browser carries between the redirect and the callback. */
export interface GoogleChecks {
  state: string;
  nonce: string;
  verifier: string;
}

/** The claims of a verified Google ID token that sign-in uses. */
export interface GoogleIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  amr: string[];
}

let cached:
  { issuer: string; configuration: Promise<oidc.Configuration> } | undefined;

/** Whether Google sign-in is configured (client id and secret are set). */
export function googleSignInEnabled(): boolean {
  return config.google !== undefined;
}

// Discovery runs once per issuer; a failed discovery is retried next time.
function configuration(): Promise<oidc.Configuration> {
  const google = config.google;
  if (!google) throw new Error('Google sign-in is not configured');
  if (cached?.issuer === google.issuerUrl) return cached.configuration;
  const issuer = new URL(google.issuerUrl);
  // Plain HTTP only for a provider on this machine outside production.
  const insecure = issuer.protocol === 'http:' && !config.isProduction;
  const pending = oidc.discovery(
    issuer,
    google.clientId,
    google.clientSecret,
    undefined,
    insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  cached = { issuer: google.issuerUrl, configuration: pending };
  pending.catch(() => {
    if (cached?.configuration === pending) cached = undefined;
  });
  return pending;
}

/** Builds the provider's authorization URL with fresh state, nonce and PKCE. */
export async function googleAuthorization(
  redirectUri: string,
): Promise<{ url: string; checks: GoogleChecks }> {
  const checks = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
  };
  const url = oidc.buildAuthorizationUrl(await configuration(), {
    redirect_uri: redirectUri,
    scope: 'openid email',
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, checks };
}

/**
 * Exchanges the callback's code and verifies the ID token (signature,
 * issuer, audience, nonce, state, PKCE), returning its identity claims.
 *
 * @throws openid-client errors when any check fails.
 */
export async function googleIdentity(
  callbackUrl: URL,
  checks: GoogleChecks,
): Promise<GoogleIdentity> {
  const tokens = await oidc.authorizationCodeGrant(
    await configuration(),
    callbackUrl,
    {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.verifier,
      idTokenExpected: true,
    },
  );
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider returned no ID token');
  return {
    subject: claims.sub,
    email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
    emailVerified: claims.email_verified === true,
    amr: Array.isArray(claims.amr)
      ? claims.amr.filter((v): v is string => typeof v === 'string')
      : [],
  };
}
