import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Config, OidcConfig } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  actorOf,
  createSession,
  isLocked,
  loadUser,
  mfaStatus,
  type SignInResult,
  toSessionUser,
} from './auth.service.ts';

/**
 * Optional single sign-on with an OpenID Connect provider (Keycloak, …): authorization code flow with PKCE,
 * state and nonce. The provider proves who the person is; ChildGrid decides what they may do. A person is
 * matched by verified email to an account an administrator created (no self-registration). See
 * docs/oidc-keycloak.md.
 */

/** Why a single sign-on was refused; the web app shows a message for each (`/?sign_in_error=<reason>`). */
export type OidcRefusal =
  | 'sso_failed'
  | 'sso_email_unverified'
  | 'sso_unknown_user'
  | 'sso_account_locked'
  | 'sso_subject_mismatch';

export class OidcSignInError extends Error {
  readonly reason: OidcRefusal;
  constructor(reason: OidcRefusal, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** What the browser carries between leaving for the provider and coming back (sealed in a cookie). */
export interface OidcLogin {
  state: string;
  nonce: string;
  verifier: string;
  /** ms since epoch: a login left unfinished for 10 minutes is refused. */
  at: number;
}

const LOGIN_AAD = 'oidc:login';
export const OIDC_LOGIN_MAX_AGE_SECONDS = 600;

/** Plain-HTTP providers are accepted only on this machine (a test or development Keycloak). */
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class OidcClient {
  readonly settings: OidcConfig;
  #discovered: Promise<oidc.Configuration> | undefined;

  constructor(settings: OidcConfig) {
    this.settings = settings;
  }

  /** Discovered on first use and kept; a failed discovery is retried at the next sign-in. */
  configuration(): Promise<oidc.Configuration> {
    const s = this.settings;
    this.#discovered ??= oidc
      .discovery(
        new URL(s.issuer),
        s.clientId,
        s.clientSecret,
        s.clientSecret ? oidc.ClientSecretBasic(s.clientSecret) : oidc.None(),
        { execute: isLoopback(s.issuer) ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((err: unknown) => {
        this.#discovered = undefined;
        throw err;
      });
    return this.#discovered;
  }

  /** Where to send the browser, and the sealed value of the login cookie. */
  async start(keyring: Keyring): Promise<{ url: string; cookie: string }> {
    const config = await this.configuration();
    const login: OidcLogin = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      at: Date.now(),
    };
    const params: Record<string, string> = {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(login.verifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    };
    if (this.settings.mfaAcr.length > 0) params.acr_values = this.settings.mfaAcr.join(' ');
    const url = oidc.buildAuthorizationUrl(config, params);
    return { url: url.href, cookie: keyring.encrypt(JSON.stringify(login), LOGIN_AAD) };
  }

  /**
   * Exchanges the code for tokens and returns the ID token's claims, checked by openid-client: signature
   * (provider's JWKS), issuer, audience, expiry, nonce, state and the PKCE verifier.
   */
  async finish(keyring: Keyring, sealedLogin: string | undefined, query: string): Promise<oidc.IDToken> {
    let login: OidcLogin;
    try {
      if (!sealedLogin) throw new Error('no login cookie');
      login = JSON.parse(keyring.decrypt(sealedLogin, LOGIN_AAD)) as OidcLogin;
      if (Date.now() - login.at > OIDC_LOGIN_MAX_AGE_SECONDS * 1000) throw new Error('login expired');
    } catch {
      throw new OidcSignInError('sso_failed', 'The sign-in took too long or did not start here; try again');
    }
    // The redirect URI as configured, never one built from the request's Host header.
    const current = new URL(this.settings.redirectUri);
    current.search = query;
    try {
      const tokens = await oidc.authorizationCodeGrant(await this.configuration(), current, {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      return claims;
    } catch (err) {
      throw new OidcSignInError(
        'sso_failed',
        `The identity provider's answer was refused: ${err instanceof Error ? err.message : 'unknown error'}`,
      );
    }
  }

  /** The provider's own second factor, when its `acr` or `amr` says so and the installation trusts that. */
  countsAsMfa(claims: oidc.IDToken): boolean {
    const acr = typeof claims.acr === 'string' ? claims.acr : undefined;
    const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
    return (
      (acr !== undefined && this.settings.mfaAcr.includes(acr)) ||
      amr.some((v) => this.settings.mfaAmr.includes(v))
    );
  }
}

/**
 * Signs in the account whose email the provider verified. The first sign-in remembers the provider's subject;
 * later ones must come from the same subject.
 */
export async function signInWithOidc(
  db: Kysely<DB>,
  config: Config,
  provider: OidcClient,
  claims: oidc.IDToken,
  clientAddress: string | null,
  userAgent: string | null = null,
): Promise<SignInResult> {
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  if (!email || claims.email_verified !== true)
    throw new OidcSignInError('sso_email_unverified', 'The identity provider did not vouch for an email');
  const u = await loadUser(db, { email });
  if (!u) throw new OidcSignInError('sso_unknown_user', 'No ChildGrid account has this email');
  const user = toSessionUser(u);
  const actor = actorOf(user, clientAddress);
  const subject = `${claims.iss}|${claims.sub}`;
  const refusal: OidcRefusal | null = isLocked(u)
    ? 'sso_account_locked'
    : u.oidc_subject !== null && u.oidc_subject !== subject
      ? 'sso_subject_mismatch'
      : null;
  if (refusal) {
    await recordAudit(db, actor, {
      action: 'auth.sign_in_failed',
      recordKind: 'user',
      recordId: u.id,
      detail: { method: 'oidc', reason: refusal },
    });
    throw new OidcSignInError(
      refusal,
      refusal === 'sso_account_locked'
        ? 'The account is locked or disabled'
        : 'This account is linked to another identity at the provider',
    );
  }
  const providerMfa = provider.countsAsMfa(claims);
  // The time the person authenticated at the provider, when it says; a re-used provider session is not fresh.
  const mfaVerifiedAt = providerMfa
    ? new Date(typeof claims.auth_time === 'number' ? claims.auth_time * 1000 : Date.now())
    : null;
  const session = await db.transaction().execute(async (tx) => {
    const s = await createSession(tx, config, {
      userId: u.id,
      method: 'oidc',
      clientAddress,
      mfaVerifiedAt,
      userAgent,
    });
    await tx
      .updateTable('users')
      .set({ oidc_subject: subject, last_sign_in_at: new Date() })
      .where('id', '=', u.id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'auth.sign_in',
      recordKind: 'user',
      recordId: u.id,
      detail: {
        method: 'oidc',
        session_id: s.id,
        second_factor: providerMfa ? 'provider' : u.totp_enabled_at ? 'pending' : 'none',
      },
    });
    return s;
  });
  return {
    ...session,
    user,
    mfa: mfaStatus(config, user.role, 'cookie', u.totp_enabled_at !== null, mfaVerifiedAt),
  };
}
