import { AppError } from './errors.ts';

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** Field named in the API for each constraint whose violation a user can cause. */
const constraintFields: Record<
  string,
  { field: string; message: string; code: 'validation_failed' | 'conflict' }
> = {
  cases_fir: {
    field: 'fir_number',
    message: 'this FIR number is already registered by your agency',
    code: 'conflict',
  },
  cases_external: {
    field: 'external_id',
    message: 'this external id is already used by your agency',
    code: 'conflict',
  },
  persons_external: {
    field: 'external_id',
    message: 'this external id is already used by your agency',
    code: 'conflict',
  },
  identifiers_external: {
    field: 'external_id',
    message: 'this external id is already used by your agency',
    code: 'conflict',
  },
  case_offences_offence_code_fkey: {
    field: 'offences',
    message: 'unknown offence code',
    code: 'validation_failed',
  },
  cases_district_lgd_code_fkey: {
    field: 'district_lgd_code',
    message: 'unknown district LGD code',
    code: 'validation_failed',
  },
  persons_district_lgd_code_fkey: {
    field: 'district_lgd_code',
    message: 'unknown district LGD code',
    code: 'validation_failed',
  },
  agencies_code_key: { field: 'code', message: 'an agency with this code exists', code: 'conflict' },
  users_email: { field: 'email', message: 'a user with this email exists', code: 'conflict' },
  grid_warning_list_active: {
    field: 'value',
    message: 'this value is already on that warning list',
    code: 'conflict',
  },
};

/** Turns a unique/foreign-key violation into an error that names the field; anything else is rethrown. */
export function mapDbError(err: unknown): never {
  const e = err as PgLikeError;
  if ((e?.code === '23505' || e?.code === '23503') && e.constraint) {
    const known = constraintFields[e.constraint];
    if (known)
      throw new AppError(known.code, `${known.field}: ${known.message}`, [
        { field: known.field, message: known.message },
      ]);
  }
  throw err;
}
