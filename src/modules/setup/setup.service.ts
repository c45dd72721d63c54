import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { NATIONAL_AGENCY_CODE } from '../../db/reference/seed-reference.ts';
import type { DB } from '../../db/schema.ts';
import { newToken } from '../../shared/crypto.ts';
import { AppError } from '../../shared/errors.ts';
import { addUser, sessionKey } from '../auth/auth.service.ts';

/**
 * A production installation has no known password. At first start, with no users, the server prints a
 * one-time set-up token; whoever holds it (the person at the console) creates the first system administrator.
 */
export async function userCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function issueSetupToken(db: Kysely<DB>, config: Config): Promise<string> {
  const token = newToken('setup');
  await db.transaction().execute(async (tx) => {
    // Only the newest token works: restarting the server prints a fresh one and voids the old.
    await tx.updateTable('setup_tokens').set({ used_at: new Date() }).where('used_at', 'is', null).execute();
    await tx
      .insertInto('setup_tokens')
      .values({ token_hash: sessionKey(config, token) })
      .execute();
  });
  return token;
}

export async function completeSetup(
  db: Kysely<DB>,
  config: Config,
  input: { token: string; email: string; display_name: string; password: string },
): Promise<{ id: string }> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('setup_tokens')
      .selectAll()
      .where('token_hash', '=', sessionKey(config, input.token))
      .where('used_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!row || (await userCount(tx)) > 0) {
      throw new AppError(
        'forbidden',
        'token: the set-up token is wrong, used, or ChildGrid is already set up',
        [{ field: 'token', message: 'is wrong, used, or ChildGrid is already set up' }],
      );
    }
    const user = await addUser(tx, {
      agencyCode: NATIONAL_AGENCY_CODE,
      role: 'system_admin',
      email: input.email,
      displayName: input.display_name,
      password: input.password,
    });
    await tx
      .updateTable('setup_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', row.token_hash)
      .execute();
    return user;
  });
}
