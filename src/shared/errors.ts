/**
 * Errors are values with a stable code; `src/app.ts` maps them to HTTP in one place.
 *
 * ```ts
 * throw new AppError('not_found', 'Case not found');
 * ```
 */
export const errorStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  /** Signed in with a password; the session still needs the second factor (POST /api/v1/auth/mfa/verify). */
  mfa_required: 403,
  /** The role must use a second factor and the user has not set one up (POST /api/v1/auth/mfa/setup). */
  mfa_setup_required: 403,
  not_found: 404,
  conflict: 409,
  /** A referral needs the child's and the guardian's consent first (or a permitted override with a reason). */
  consent_required: 409,
  version_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `persons.0.age`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.code = code;
    this.issues = issues;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

export function validationError(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]);
}

/** Optimistic concurrency: the client sent the version it read, and the record has moved on since. */
export function versionConflict(what: string, sent: number, current: number): AppError {
  return new AppError(
    'version_conflict',
    `version: the ${what} was changed by someone else (now version ${current})`,
    [{ field: 'version', message: `is ${sent}, the ${what} is now at version ${current}` }],
  );
}
