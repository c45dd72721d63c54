import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import {
  type AppDeps,
  noContent,
  requireActor,
  requireFreshMfa,
  requireSession,
  SESSION_COOKIE,
} from '../../http/context.ts';
import { errorBody, errorResponses } from '../../http/openapi.ts';
import { AppError } from '../../shared/errors.ts';
import { roles } from '../access/roles.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  changePassword,
  issueApiToken,
  listSessions,
  type MfaStatus,
  type ResolvedSession,
  revokeSession,
  type SessionUser,
  signIn,
  signOut,
  userAgentOf,
} from './auth.service.ts';
import { confirmMfa, regenerateRecoveryCodes, startMfaSetup, verifyMfa } from './mfa.service.ts';
import { OIDC_LOGIN_MAX_AGE_SECONDS, OidcClient, OidcSignInError, signInWithOidc } from './oidc.service.ts';
import { MAX_PASSWORD_LENGTH } from './password.ts';
import { attemptLimits } from './rate-limits.ts';

/** A sensitive act (creating an API token) needs a second factor proved this recently. */
const TOKEN_MFA_MAX_AGE_MINUTES = 15;
const OIDC_COOKIE = 'cg_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';

const withRoleLabel = (user: SessionUser) => ({ ...user, role_label: roles[user.role].label });
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const userOut = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: z.string(),
  role_label: z.string(),
  agency: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    state_lgd_code: z.number().nullable(),
    district_lgd_code: z.number().nullable(),
  }),
});
const mfaOut = z.object({
  enrolled: z.boolean().describe('a TOTP second factor is set up'),
  required: z.boolean().describe("the user's role must use a second factor"),
  verified_at: z.string().nullable().describe('when this session last proved the second factor'),
  pending: z
    .enum(['mfa_required', 'mfa_setup_required'])
    .nullable()
    .describe(
      'what this session must do before other routes answer (they give 403 with this code meanwhile)',
    ),
});
const sessionOut = z.object({ user: userOut, csrf_token: z.string().nullable(), mfa: mfaOut });
const sessionSummaryOut = z.object({
  id: z.string(),
  kind: z.enum(['cookie', 'api']),
  method: z.enum(['password', 'oidc', 'token']),
  label: z.string().nullable(),
  created_at: z.string(),
  last_seen_at: z.string(),
  expires_at: z.string().nullable(),
  client_address: z.string().nullable(),
  user_agent: z
    .string()
    .nullable()
    .describe('the browser it signed in from (User-Agent, at most 200 characters); null for API tokens'),
  mfa_verified_at: z.string().nullable(),
  current: z.boolean(),
});
const code = z.string().trim().min(6).max(32).describe('6-digit code from the app, or a recovery code');
const limited = { ...errorResponses, 429: errorBody } as const;

const mfaOf = (mfa: MfaStatus, verifiedAt: Date | null) => ({
  enrolled: mfa.enrolled,
  required: mfa.required,
  verified_at: iso(verifiedAt),
  pending: mfa.block,
});

function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: config.cookieSecure,
    sameSite: 'strict',
    path: '/',
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

/** The MFA endpoints are for people at a browser; a script's API token neither sets up nor proves a factor. */
function requireBrowserSession(session: ResolvedSession) {
  if (session.kind !== 'cookie')
    throw new AppError(
      'forbidden',
      'A second factor is set up and verified in a browser session, not with an API token',
    );
}

export function authRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const bySignInEmail = attemptLimits(app, deps.config, (req) =>
      typeof (req.body as { email?: unknown } | undefined)?.email === 'string'
        ? (req.body as { email: string }).email.trim()
        : undefined,
    );
    const bySessionUser = () => attemptLimits(app, deps.config, (req) => req.session?.user.id);
    const limitCodes = bySessionUser();
    const limitPasswordChange = bySessionUser();

    r.post(
      '/api/v1/auth/sign-in',
      {
        config: { public: true },
        preHandler: bySignInEmail,
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password; sets the session cookie',
          description:
            'A user with a second factor (or whose role requires one) gets a session whose `mfa.pending` says what ' +
            'to do next; until then other routes answer 403 with that code. Limited per client address and per account (429).',
          body: z.strictObject({
            email: z.string().trim().min(3).max(320),
            password: z
              .string()
              .min(1)
              .max(MAX_PASSWORD_LENGTH * 4),
          }),
          response: { 200: sessionOut, ...limited },
        },
      },
      async (request, reply) => {
        const s = await signIn(
          deps.db,
          deps.config,
          request.body.email,
          request.body.password,
          request.ip,
          userAgentOf(request.headers['user-agent']),
        );
        setSessionCookie(reply, deps.config, s.token);
        return { user: withRoleLabel(s.user), csrf_token: s.csrfToken, mfa: mfaOf(s.mfa, null) };
      },
    );
    r.get(
      '/api/v1/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user and the state of the second factor in this session',
          response: { 200: sessionOut, ...errorResponses },
        },
      },
      async (request) => {
        const { session } = requireSession(request);
        return {
          user: withRoleLabel(session.user),
          csrf_token: session.csrfToken,
          mfa: mfaOf(session.mfa, session.mfaVerifiedAt),
        };
      },
    );
    r.post(
      '/api/v1/auth/sign-out',
      {
        schema: {
          tags: ['auth'],
          summary: 'End this session',
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { session, actor } = requireSession(request);
        await signOut(deps.db, actor, session.tokenHash);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return noContent(reply);
      },
    );
    r.post(
      '/api/v1/auth/password',
      {
        preHandler: limitPasswordChange,
        schema: {
          tags: ['auth'],
          summary: "Change one's own password; ends every other session and API token of the user",
          description:
            'At least 12 characters, at most 256, any characters; refused when common, or containing the email, ' +
            'the name or the service name (NIST SP 800-63B).',
          body: z.strictObject({
            current_password: z
              .string()
              .min(1)
              .max(MAX_PASSWORD_LENGTH * 4),
            new_password: z
              .string()
              .min(1)
              .max(MAX_PASSWORD_LENGTH * 4),
          }),
          response: { 200: z.object({ revoked_sessions: z.number().int() }), ...limited },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { revokedSessions } = await changePassword(
          deps.db,
          actor,
          request.session!,
          request.body.current_password,
          request.body.new_password,
        );
        return { revoked_sessions: revokedSessions };
      },
    );
    r.get(
      '/api/v1/auth/sessions',
      {
        schema: {
          tags: ['auth'],
          summary: 'My live sessions and API tokens',
          response: { 200: z.object({ sessions: z.array(sessionSummaryOut) }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const rows = await listSessions(deps.db, deps.config, actor.userId!, request.session!.id);
        return {
          sessions: rows.map((s) => ({
            id: s.id,
            kind: s.kind,
            method: s.method,
            label: s.label,
            created_at: s.created_at.toISOString(),
            last_seen_at: s.last_seen_at.toISOString(),
            expires_at: iso(s.expires_at),
            client_address: s.client_address,
            user_agent: s.user_agent,
            mfa_verified_at: iso(s.mfa_verified_at),
            current: s.current,
          })),
        };
      },
    );
    r.delete(
      '/api/v1/auth/sessions/:id',
      {
        schema: {
          tags: ['auth'],
          summary: 'End one of my sessions or API tokens (another user’s is not found)',
          params: z.object({ id: z.uuid({ message: 'must be a session id' }) }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await revokeSession(deps.db, actor, request.params.id);
        if (request.params.id === request.session!.id) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return noContent(reply);
      },
    );
    r.post(
      '/api/v1/auth/tokens',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an API token for scripts (shown once)',
          description:
            `Needs a browser session that proved its second factor in the last ${TOKEN_MFA_MAX_AGE_MINUTES} minutes. ` +
            'Requests made with the token are not asked for a second factor, and cannot reveal victims’ identities.',
          body: z.strictObject({
            label: z.string().trim().min(1).max(100),
            days: z.number().int().min(1).max(366).default(90),
          }),
          response: {
            201: z.object({ id: z.string(), token: z.string(), expires_at: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const actor = requireFreshMfa(request, TOKEN_MFA_MAX_AGE_MINUTES);
        const t = await deps.db.transaction().execute(async (tx) => {
          const issued = await issueApiToken(
            tx,
            deps.config,
            actor.userId!,
            request.body.label,
            request.body.days,
          );
          await recordAudit(tx, actor, {
            action: 'auth.token_created',
            recordKind: 'session',
            recordId: issued.id,
            detail: { days: request.body.days },
          });
          return issued;
        });
        return reply.code(201).send({ id: t.id, token: t.token, expires_at: t.expiresAt.toISOString() });
      },
    );

    // Second factor.
    r.post(
      '/api/v1/auth/mfa/setup',
      {
        schema: {
          tags: ['auth'],
          summary: 'Start setting up TOTP: a new secret, its otpauth URI and a QR code (SVG)',
          description: 'Confirm with POST /api/v1/auth/mfa/confirm; until then the secret does not count.',
          response: {
            200: z.object({ secret: z.string(), otpauth_uri: z.string(), qr_svg: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { session, actor } = requireSession(request);
        requireBrowserSession(session);
        return startMfaSetup(deps.db, deps.keyring, deps.config, actor, session.user);
      },
    );
    r.post(
      '/api/v1/auth/mfa/confirm',
      {
        preHandler: limitCodes,
        schema: {
          tags: ['auth'],
          summary: 'Confirm TOTP set-up with a code; returns ten one-time recovery codes, shown only now',
          body: z.strictObject({ code }),
          response: { 200: z.object({ recovery_codes: z.array(z.string()) }), ...limited },
        },
      },
      async (request) => {
        const { session, actor } = requireSession(request);
        requireBrowserSession(session);
        const { recoveryCodes } = await confirmMfa(
          deps.db,
          deps.keyring,
          deps.config,
          actor,
          session.id,
          request.body.code,
        );
        return { recovery_codes: recoveryCodes };
      },
    );
    r.post(
      '/api/v1/auth/mfa/verify',
      {
        preHandler: limitCodes,
        schema: {
          tags: ['auth'],
          summary:
            'Prove the second factor for this session (after sign-in, or again before a sensitive act)',
          description:
            'A TOTP code (each code works once) or an unused recovery code. Wrong codes count towards the ' +
            'ten-failure lockout; limited per client address and per account (429).',
          body: z.strictObject({ code }),
          response: {
            200: z.object({
              method: z.enum(['totp', 'recovery_code']),
              recovery_codes_left: z.number().int(),
              mfa: mfaOut,
            }),
            ...limited,
          },
        },
      },
      async (request) => {
        const { session, actor } = requireSession(request);
        requireBrowserSession(session);
        const v = await verifyMfa(deps.db, deps.keyring, deps.config, actor, session.id, request.body.code);
        const now = new Date();
        return {
          method: v.method,
          recovery_codes_left: v.recoveryCodesLeft,
          mfa: {
            enrolled: true,
            required: session.mfa.required,
            verified_at: now.toISOString(),
            pending: null,
          },
        };
      },
    );

    r.post(
      '/api/v1/auth/mfa/recovery-codes',
      {
        schema: {
          tags: ['auth'],
          summary: 'New recovery codes for me (the old ones stop working); shown only now',
          description: `Needs a browser session that proved its second factor in the last ${TOKEN_MFA_MAX_AGE_MINUTES} minutes.`,
          response: { 200: z.object({ recovery_codes: z.array(z.string()) }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireFreshMfa(request, TOKEN_MFA_MAX_AGE_MINUTES);
        const { recoveryCodes } = await regenerateRecoveryCodes(deps.db, deps.config, actor);
        return { recovery_codes: recoveryCodes };
      },
    );

    // Single sign-on (OpenID Connect), when configured.
    const provider = deps.config.oidc ? new OidcClient(deps.config.oidc) : null;
    r.get(
      '/api/v1/auth/oidc',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Whether single sign-on is configured, and where to start it',
          response: { 200: z.object({ enabled: z.boolean(), start_url: z.string().nullable() }) },
        },
      },
      async () => ({ enabled: provider !== null, start_url: provider ? `${OIDC_COOKIE_PATH}/start` : null }),
    );
    r.get(
      '/api/v1/auth/oidc/start',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Start single sign-on: redirects the browser to the identity provider',
          response: { 302: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!provider) throw new AppError('not_found', 'Single sign-on is not configured');
        const { url, cookie } = await provider.start(deps.keyring).catch((err: unknown) => {
          request.log.error({ err }, 'identity provider discovery failed');
          throw new AppError(
            'unavailable',
            'The identity provider did not answer; try again, or sign in with a password',
          );
        });
        // Lax, not Strict: the provider sends the browser back with a cross-site top-level GET.
        reply.setCookie(OIDC_COOKIE, cookie, {
          httpOnly: true,
          secure: deps.config.cookieSecure,
          sameSite: 'lax',
          path: OIDC_COOKIE_PATH,
          maxAge: OIDC_LOGIN_MAX_AGE_SECONDS,
        });
        return reply.redirect(url, 302);
      },
    );
    r.get(
      '/api/v1/auth/oidc/callback',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary:
            'Where the identity provider sends the browser back; signs in and redirects to the web app',
          description:
            'On success sets the session cookie and redirects to `/`; otherwise redirects to ' +
            '`/?sign_in_error=<reason>` (sso_failed, sso_email_unverified, sso_unknown_user, sso_account_locked, ' +
            'sso_subject_mismatch).',
          querystring: z.looseObject({
            code: z.string().max(4096).optional(),
            state: z.string().max(1024).optional(),
            error: z.string().max(256).optional(),
          }),
          response: { 302: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!provider) throw new AppError('not_found', 'Single sign-on is not configured');
        reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
        try {
          const claims = await provider.finish(
            deps.keyring,
            request.cookies[OIDC_COOKIE],
            request.url.split('?')[1] ?? '',
          );
          const s = await signInWithOidc(
            deps.db,
            deps.config,
            provider,
            claims,
            request.ip,
            userAgentOf(request.headers['user-agent']),
          );
          setSessionCookie(reply, deps.config, s.token);
          return reply.redirect('/', 302);
        } catch (err) {
          if (!(err instanceof OidcSignInError)) throw err;
          // The reason and openid-client's check that failed; never the code, tokens or claims.
          request.log.warn({ reason: err.reason, detail: err.message }, 'single sign-on refused');
          return reply.redirect(`/?sign_in_error=${err.reason}`, 302);
        }
      },
    );
  };
}
