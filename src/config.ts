import { z } from 'zod';

/**
 * Process configuration, read once from the environment and frozen.
 *
 * ```ts
 * const config = loadConfig(process.env);
 * config.port; // 8080
 * ```
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .optional()
  .or(z.literal('').transform(() => undefined));
const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MASTER_KEYS: z.string().min(1).optional(),
  DEMO: booleanFromEnv.optional(),
  COOKIE_SECURE: booleanFromEnv.default(true),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_CASES: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  MFA_REQUIRED: booleanFromEnv.default(true),
  GRID_MATCH_ON_WRITE: booleanFromEnv.default(true),
  MFA_ISSUER: z.string().trim().min(1).max(60).default('ChildGrid'),
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(30),
  SIGN_IN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(20),
  TRUST_PROXY: z
    .string()
    .regex(/^[0-9a-fA-F.:/,\s]+$/, 'must be a comma-separated list of proxy addresses or CIDR ranges')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: optionalUrl,
  OIDC_MFA_ACR: z.string().optional(),
  OIDC_MFA_AMR: z.string().optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * The tables' owner, for migrations and partition upkeep; the server then uses DATABASE_URL's role, which
   * owns nothing (src/db/app-role.ts). Absent: DATABASE_URL's role does both.
   */
  migrationDatabaseUrl: string | undefined;
  /** Secret used to derive cookie-signing keys; generated and kept in DATA_DIR when not given. */
  sessionSecret: string | undefined;
  /** `id:base64key[,…]`, first active: wraps the data keys that encrypt victims' identities. */
  masterKeys: string | undefined;
  /** Seed the synthetic demo on an empty database. Defaults to on for the embedded database only. */
  demo: boolean;
  demoCases: number;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  /** Roles marked `mfa` in roles.ts must set up and use TOTP. Off only for a demo or training machine. */
  mfaRequired: boolean;
  /** Issuer shown in authenticator apps. */
  mfaIssuer: string;
  /**
   * Match a case's persons against the grid as soon as it is written through the API (person links, review
   * queue, alerts). Off only in tests that do not need it: the first match learns the grid model.
   */
  gridMatchOnWrite: boolean;
  /** Sign-in and second-factor attempts allowed per client address per minute. */
  signInLimitPerAddress: number;
  /** Sign-in and second-factor attempts allowed per account per 15 minutes. */
  signInLimitPerAccount: number;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges). */
  trustProxy: readonly string[];
  /** Single sign-on through an OpenID Connect provider; absent when OIDC_ISSUER is not set. */
  oidc: OidcConfig | undefined;
}>;

export type OidcConfig = Readonly<{
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret: string | undefined;
  redirectUri: string;
  /** `acr` values of the ID token that count as a second factor. */
  mfaAcr: readonly string[];
  /** `amr` values of the ID token that count as a second factor. */
  mfaAmr: readonly string[];
}>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.MIGRATION_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_URL: is required when MIGRATION_DATABASE_URL is set (the application role)',
    );
  }
  if (e.OIDC_ISSUER && (!e.OIDC_CLIENT_ID || !e.OIDC_REDIRECT_URI)) {
    const missing = ['OIDC_CLIENT_ID', 'OIDC_REDIRECT_URI'].filter((k) => !e[k as keyof typeof e]);
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: is required when OIDC_ISSUER is set`).join('\n')}`,
    );
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    masterKeys: e.MASTER_KEYS,
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    demoCases: e.DEMO_CASES,
    cookieSecure: e.COOKIE_SECURE,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    logLevel: e.LOG_LEVEL,
    mfaRequired: e.MFA_REQUIRED,
    mfaIssuer: e.MFA_ISSUER,
    gridMatchOnWrite: e.GRID_MATCH_ON_WRITE,
    signInLimitPerAddress: e.SIGN_IN_LIMIT_PER_ADDRESS,
    signInLimitPerAccount: e.SIGN_IN_LIMIT_PER_ACCOUNT,
    trustProxy: Object.freeze(list(e.TRUST_PROXY)),
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_REDIRECT_URI
        ? Object.freeze({
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            redirectUri: e.OIDC_REDIRECT_URI,
            mfaAcr: Object.freeze(list(e.OIDC_MFA_ACR)),
            mfaAmr: Object.freeze(list(e.OIDC_MFA_AMR)),
          })
        : undefined,
  });
}
